package facts

import (
	"fmt"
	"reflect"
)

// A Pass computes one kind of fact over the analysed blocks of a document
// and declares the passes whose results it needs, in the spirit of
// golang.org/x/tools/go/analysis: a pass is a value (name, requirements, a
// Run function, the type of its result), and a Run reads the results of
// the passes it requires by pass. Passes run when the document-level facts
// are final (Complete), over the blocks given, so a long text analysed in
// sections runs them section by section; facts that must be gathered as
// blocks stream by (the study segmentation) are collected then, and a pass
// finishes them.
type Pass struct {
	Name       string
	Doc        string
	Requires   []*Pass
	Run        func(*PassRun) (any, error)
	ResultType reflect.Type // the type Run returns
}

func (p *Pass) String() string { return p.Name }

// PassRun is what a pass's Run sees: the document, the blocks to work on,
// the analyzer (for its lexicon classes) and the results of the passes it
// requires.
type PassRun struct {
	Pass     *Pass
	Doc      *Document
	Blocks   []*Block
	Analyzer *Analyzer
	results  *passResults
}

// ResultOf returns the result of a required pass; asking for one that was
// not required is a bug in the pass.
func (r *PassRun) ResultOf(p *Pass) any {
	for _, q := range r.Pass.Requires {
		if q == p {
			return r.results.of(p)
		}
	}
	panic(fmt.Sprintf("pass %s reads %s without requiring it", r.Pass.Name, p.Name))
}

// sentences calls fn for each sentence of the run's blocks, in order.
func (r *PassRun) sentences(fn func(*Sentence)) {
	for _, b := range r.Blocks {
		for _, s := range b.Sentences {
			fn(s)
		}
	}
}

// passResults are the passes of one RunPasses, each with its state and
// result, in the order they started: a handful, so a list looked through
// rather than maps made for every document (Complete runs per section).
type passResults []passResult

type passResult struct {
	pass  *Pass
	done  bool // false: running
	value any
}

func (rs passResults) find(p *Pass) *passResult {
	for i := range rs {
		if rs[i].pass == p {
			return &rs[i]
		}
	}
	return nil
}

func (rs passResults) of(p *Pass) any {
	if r := rs.find(p); r != nil {
		return r.value
	}
	return nil
}

// RunPasses runs passes and everything they require, each once, every pass
// after the passes it requires, and returns the results by pass. A
// requirement cycle or a result of the wrong type is an error.
func (a *Analyzer) RunPasses(d *Document, blocks []*Block, passes ...*Pass) (map[*Pass]any, error) {
	var results passResults
	if err := a.runPasses(d, blocks, passes, &results); err != nil {
		return nil, err
	}
	out := make(map[*Pass]any, len(results))
	for _, r := range results {
		out[r.pass] = r.value
	}
	return out, nil
}

// runPasses is RunPasses with the results kept in rs.
func (a *Analyzer) runPasses(d *Document, blocks []*Block, passes []*Pass, rs *passResults) error {
	var run func(p *Pass) error
	run = func(p *Pass) error {
		if r := rs.find(p); r != nil {
			if !r.done {
				return fmt.Errorf("pass %s requires itself", p.Name)
			}
			return nil
		}
		at := len(*rs)
		*rs = append(*rs, passResult{pass: p})
		for _, q := range p.Requires {
			if err := run(q); err != nil {
				return err
			}
		}
		out, err := p.Run(&PassRun{Pass: p, Doc: d, Blocks: blocks, Analyzer: a, results: rs})
		if err != nil {
			return fmt.Errorf("pass %s: %w", p.Name, err)
		}
		if p.ResultType != nil && (out == nil || reflect.TypeOf(out) != p.ResultType) {
			return fmt.Errorf("pass %s returned %T, want %v", p.Name, out, p.ResultType)
		}
		(*rs)[at].value, (*rs)[at].done = out, true
		return nil
	}
	for _, p := range passes {
		if err := run(p); err != nil {
			return err
		}
	}
	return nil
}

// StudiesPass gives the studies the article reports. The segmentation
// itself runs as blocks are analysed (markStudy: no second pass over the
// text); Finish completes each study's facts; this pass hands the list on.
var StudiesPass = &Pass{
	Name:       "studies",
	Doc:        "the studies the article reports, each with population, design, size and venue",
	Run:        func(r *PassRun) (any, error) { return r.Doc.Studies, nil },
	ResultType: reflect.TypeOf([]*Study(nil)),
}

// StoriesPass marks the sentences that introduce a person whose
// improvement follows within two sentences (recorded by markStories).
var StoriesPass = &Pass{
	Name: "stories",
	Doc:  "sentences introducing a person whose improvement follows (anecdotes over sentences)",
	Run: func(r *PassRun) (any, error) {
		n := 0
		if len(r.Doc.storyImproved) == 0 { // most articles: no story, no lookup per sentence
			r.sentences(func(s *Sentence) { s.StoryEnd, s.ImprovementAfter = 0, false })
			return n, nil
		}
		r.sentences(func(s *Sentence) {
			s.StoryEnd = r.Doc.storyImproved[s.Index]
			s.ImprovementAfter = s.StoryEnd > 0
			if s.ImprovementAfter {
				n++
			}
		})
		return n, nil
	},
	ResultType: reflect.TypeOf(0),
}

// ClaimsPass finds the claims of each sentence: term, subject, strength,
// voice, and whether it sums up the article. It needs the studies to know
// which sentences sit outside any study.
var ClaimsPass = &Pass{
	Name:     "claims",
	Doc:      "the claims of each sentence, with subject, strength and voice",
	Requires: []*Pass{StudiesPass},
	Run: func(r *PassRun) (any, error) {
		// The claims of all the sentences, and their lists, in two
		// allocations of the size they need.
		n := 0
		r.sentences(func(s *Sentence) {
			if r.Analyzer.hasClaimTerm(s) {
				s.claimTerms = uint32(r.Analyzer.claimTerms(s))
				n += int(s.claimTerms)
			}
		})
		r.Doc.reserveClaims(n)
		all := make([]*Claim, 0, n)
		r.sentences(func(s *Sentence) {
			if !r.Analyzer.hasClaimTerm(s) {
				return // no claim to describe: the stance and price checks are spared
			}
			s.Claims = r.Analyzer.claimsOf(r.Doc, s, int(s.claimTerms))
			all = append(all, s.Claims...)
		})
		return all, nil
	},
	ResultType: reflect.TypeOf([]*Claim(nil)),
}

// AttributionPass says which study each claim rests on, what evidence
// that is, and which design its causal wording is judged against.
var AttributionPass = &Pass{
	Name:     "attribution",
	Doc:      "the study each claim rests on, its evidence and the design it is judged against",
	Requires: []*Pass{StudiesPass, ClaimsPass},
	Run: func(r *PassRun) (any, error) {
		n := 0
		r.sentences(func(s *Sentence) {
			for _, c := range s.Claims {
				r.Analyzer.attribute(r.Doc, s, c)
				if c.Study != nil {
					n++
				}
			}
		})
		return n, nil
	},
	ResultType: reflect.TypeOf(0),
}

// completeSentences is what Complete does: the sentence facts that need
// the whole document, then the completion passes StoriesPass and
// AttributionPass (with ClaimsPass, which it requires), fused into two
// walks over the sentences rather than five (one of Complete's, one of
// StoriesPass, two of ClaimsPass, one of AttributionPass). Each of those
// reads and writes one sentence and the document's final facts alone, so
// a sentence can go through all of them in turn; the claims are counted in
// the first walk, as ClaimsPass does, to take their memory at once. The
// passes' results, which Complete dropped, are not made.
func (a *Analyzer) completeSentences(d *Document, blocks []*Block) {
	stories := len(d.storyImproved) != 0 // most articles: no story, no lookup per sentence
	n := 0
	for _, b := range blocks {
		for _, s := range b.Sentences {
			s.SizeKnown = s.SizeKnown || s.study < len(d.sizedStudies) && d.sizedStudies[s.study]
			// In an article or sentence that argues against claims, what
			// others say is quoted to be taken apart.
			s.Distanced = s.Distanced || (d.Critical || s.Critical) && s.Voice != VoiceWriter
			s.NamesModel = s.Has(a.ids.animal) || s.Has(a.ids.invitro) || s.Has(a.ids.speciesCaveat) ||
				d.Evidence.InVitro && s.Has(a.ids.cells)
			s.StoryEnd, s.ImprovementAfter = 0, false
			if stories {
				s.StoryEnd = d.storyImproved[s.Index]
				s.ImprovementAfter = s.StoryEnd > 0
			}
			s.claimTerms = 0
			if a.hasClaimTerm(s) {
				s.claimTerms = uint32(a.claimTerms(s))
				n += int(s.claimTerms)
				if s.claimTerms == 0 {
					s.Claims = nil // what claimsOf makes of no term
				}
			}
		}
	}
	d.reserveClaims(n)
	for _, b := range blocks {
		for _, s := range b.Sentences {
			if s.claimTerms != 0 { // hasClaimTerm, asked once
				s.Claims = a.claimsOf(d, s, int(s.claimTerms))
			}
			for _, c := range s.Claims {
				a.attribute(d, s, c)
			}
		}
	}
}

// hasClaimTerm reports whether s has a hit of a claim class: a sentence
// without one has no claims.
func (a *Analyzer) hasClaimTerm(s *Sentence) bool {
	if a.ids.masked && s.indexed { // the sentence's classes meet the claim classes
		return s.classes.meets(&a.ids.claims)
	}
	for _, h := range s.Hits {
		if a.ids.isClaim(h.Class) {
			return true
		}
	}
	return false
}
