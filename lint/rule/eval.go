package rule

import (
	"fmt"
	"math/bits"
	"slices"
	"sync"

	"github.com/expr-lang/expr/vm"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// evaluator runs one rule set over one document. It is not shared between
// goroutines: it owns its VM and environment.
type evaluator struct {
	doc      *facts.Document
	machine  vm.VM
	env      HitEnv         // the facts in scope: a rule with report: runs on it, the others on an environment filled from it
	findings findingList    // the findings so far (handed out as copies)
	blank    facts.Sentence // stands in for the sentence at paragraph and document scope
	blankB   facts.Block
	noStudy  facts.Study // stands in for the study outside any study context
	noClaim  facts.Claim // ... and for the claim of a sentence without one
	blankHit facts.Hit   // for claim rules that read no hit.* field
	hit      facts.Hit   // the facts of the hit being judged (env.Hit points here)
	// off says, per rule, that the document's facts alone make its
	// condition false (see Rule.guard): the rule is not run on it.
	off []bool
	// done says, per rule, that the current once-unit has had its report;
	// it carries from one section of blocks to the next.
	done []bool
	// newStudy is the lexicon class that starts another study ("once: study").
	newStudy int
	envs     scopeEnvs
	// verify, in tests, runs the VM where the full guard decided too, and
	// counts the decisions (decisions[yes], [no]) and disagreements.
	verify        bool
	decisions     [3]int
	disagreements []string
	// sieves[i] is rule i's needs as class bitsets; blocks holds the
	// classes of the blocks of the current Blocks call. noSieve (tests)
	// visits every sentence, as before the sieves.
	sieves  []sieve
	blocks  []blockClasses
	noSieve bool
	// flags are the sentence fields the blocks' flags stand for (see
	// blockFlags).
	flags []uintptr
	// need are the classes the sieves' clauses name: the masks are kept
	// for those only.
	need *facts.ClassSet
	// masks say which blocks of the call have each class: a rule visits
	// only the blocks its sieve admits. From masksPool, back at Finish or
	// Release.
	masks *blockMasks
	// study is the study gate of the rule being run (see studyGate).
	study studyGate
}

// studyGate decides a sentence rule's onStudy guard once per study: the
// sentences of a study come in runs, so the last study's answer is kept.
// It is set up anew for each rule and Blocks call, so a study pointer of
// another document or section is never taken for the one remembered.
type studyGate struct {
	g    guard        // the rule's onStudy guard; nil: the gate refuses nothing
	last *facts.Study // the study last decided (nil: outside any)
	seen bool         // last has been decided
	off  bool         // the guard decided last's sentences false
}

// refuses reports whether the gate's guard (not nil) decides the
// condition false for every sentence whose study is st (nil: none, read
// as noStudy, as metSentence does).
func (e *evaluator) refuses(st *facts.Study) bool {
	sg := &e.study
	if !sg.seen || st != sg.last {
		e.env.Study = &e.noStudy
		if st != nil {
			e.env.Study = st
		}
		sg.last, sg.seen, sg.off = st, true, decidedFalse(sg.g, &e.env)
	}
	return sg.off
}

// Evaluate runs every rule of the set over a document's facts and returns
// the findings: those of paragraph, sentence and heading rules in rule
// order, then those of document rules (callers sort them by position). A
// condition that fails at run time is an error naming the rule (conditions
// are type-checked at load, so this means a bug).
func (s *Set) Evaluate(doc *facts.Document) ([]Finding, error) {
	run := s.Start(doc)
	if err := run.Blocks(doc.Blocks); err != nil {
		return nil, err
	}
	return run.Finish()
}

// sieves returns the sieve of each rule, the fields of their blocks'
// flags and the classes their clauses name, built on the first call; when
// the rules have changed since, fresh lists (not kept).
func (s *Set) sieves() ([]sieve, []uintptr, *facts.ClassSet) {
	s.sieveOnce.Do(func() {
		s.sieved = slices.Clone(s.Rules)
		s.sieveList, s.sieveFlags, s.sieveNeed = buildSieves(s.Rules)
	})
	if slices.Equal(s.sieved, s.Rules) {
		return s.sieveList, s.sieveFlags, s.sieveNeed
	}
	return buildSieves(s.Rules)
}

func buildSieves(rules []*Rule) ([]sieve, []uintptr, *facts.ClassSet) {
	list := make([]sieve, len(rules))
	for i, r := range rules {
		if r.Scope == SentenceScope || r.Scope == HeadingScope {
			list[i] = newSieve(r.needs, r.reportClass)
			list[i].flags = r.flags
			if blank := blankClaim(); !meetsClaimNeeds(&blank, r.claimNeeds) {
				list[i].claims = r.claimNeeds
			}
		}
	}
	need := sieveClasses(list)
	return list, blockFlags(list), &need
}

// Run evaluates a rule set over a document given section by section: the
// blocks of each section in turn (Blocks), then the document (Finish).
type Run struct {
	set     *Set
	e       *evaluator
	docDone bool // Document has run the document-scope rules
}

// Start begins evaluating the set over doc, whose document-level facts
// must be final.
func (s *Set) Start(doc *facts.Document) *Run {
	e, _ := evaluatorPool.Get().(*evaluator)
	return s.start(doc, e)
}

// start is Start on a released evaluator (from the pool) or, when e is
// nil, a new one. Of a released evaluator only the buffers are kept (its
// VM's stack, off, done, blocks); every other field starts as new.
func (s *Set) start(doc *facts.Document, e *evaluator) *Run {
	if e == nil {
		e = &evaluator{}
	}
	*e = evaluator{
		machine: e.machine,
		off:     e.off[:0],
		done:    e.done[:0],
		blocks:  e.blocks[:0],
	}
	e.doc, e.newStudy = doc, doc.Lex.ClassID("new_study")
	e.done = append(e.done, make([]bool, len(s.Rules))...)
	e.noStudy = facts.Study{Population: facts.None, Design: facts.None}
	e.noClaim = blankClaim()
	e.env.Doc = doc
	e.env.Study, e.env.Claim = &e.noStudy, &e.noClaim
	for _, r := range s.Rules {
		e.off = append(e.off, decidedFalse(r.gate.onDoc.get(), &e.env))
	}
	e.sieves, e.flags, e.need = s.sieves()
	return &Run{set: s, e: e}
}

// Blocks evaluates the paragraph-, sentence- and heading-scope rules over
// blocks, which follow those given before.
func (r *Run) Blocks(blocks []*facts.Block) error {
	r.e.blocks = slices.Grow(r.e.blocks[:0], len(blocks))[:len(blocks)]
	for i, b := range blocks {
		classesOfBlock(&r.e.blocks[i], b, r.e.newStudy, r.e.flags)
	}
	if r.e.masks == nil {
		r.e.masks = masksPool.Get().(*blockMasks)
	}
	r.e.masks.set(blocks, r.e.blocks, r.e.need)
	for i, rl := range r.set.Rules {
		var err error
		switch rl.Scope {
		case DocumentScope, SuppressionScope:
			continue
		case ParagraphScope:
			err = r.e.paragraphs(rl, i, blocks)
		default:
			masked, admitted, idle := r.e.admitted(rl, i)
			if idle {
				continue
			}
			err = r.e.sentences(rl, i, blocks, masked, admitted)
		}
		if err != nil {
			return ruleError(rl, err)
		}
	}
	return nil
}

// Document evaluates the document-scope rules now rather than in Finish,
// for a caller that takes findings as they come (Take): their findings sit
// on the title, before the others.
func (r *Run) Document() error {
	err := r.documentRules()
	r.docDone = true
	return err
}

// Take returns the findings so far and forgets them, so that a long text's
// findings need not all be held.
func (r *Run) Take() []Finding {
	return r.e.findings.out()
}

// evaluatorPool keeps released evaluators (Run.Release) for the next
// document's run: their VM stack and per-rule lists are not made anew.
var evaluatorPool sync.Pool

// Release hands the run's evaluator back for another document's run. Call
// it once done with the run (after Finish, or on giving up after an
// error); the findings handed out stay the caller's (they are copies).
// After Release the run must not be used: its methods would panic on the
// missing evaluator rather than share one with another run. Releasing
// again does nothing.
func (r *Run) Release() {
	e := r.e
	if e == nil {
		return
	}
	r.e = nil
	if e.masks != nil {
		masksPool.Put(e.masks)
		e.masks = nil
	}
	e.findings.release()
	evaluatorPool.Put(e)
}

// Finish evaluates the document-scope rules and returns every finding
// (but those Take returned). Call it once per run: a second call would
// evaluate the document-scope rules again (unless Document did) and
// return only what they add.
func (r *Run) Finish() ([]Finding, error) { return r.FinishInto(nil) }

// FinishInto is Finish appending the findings to into, a list of the
// caller's (one it reuses from document to document, say) rather than
// a new one.
func (r *Run) FinishInto(into []Finding) ([]Finding, error) {
	e := r.e
	if e.masks != nil {
		masksPool.Put(e.masks)
		e.masks = nil
	}
	// Whatever the document-scope rules add, the list goes back to the
	// pool below: callers get a copy, and a run given more blocks after
	// Finish takes a list again.
	defer e.findings.release()
	if err := r.documentRules(); err != nil {
		return nil, err
	}
	if into == nil {
		return e.findings.out(), nil
	}
	return e.findings.appendTo(into), nil
}

// documentRules evaluates the document-scope rules, unless Document has;
// their findings join the others (Document's wait for Take).
func (r *Run) documentRules() error {
	if r.docDone {
		return nil
	}
	e := r.e
	for _, rl := range r.set.Rules {
		if rl.Scope != DocumentScope {
			continue
		}
		e.env.Sentence, e.env.Paragraph, e.env.Hit = &e.blank, &e.blankB, nil
		e.env.Study, e.env.Claim = &e.noStudy, &e.noClaim
		ok, err := e.run(rl)
		if err != nil {
			return ruleError(rl, err)
		}
		if ok {
			e.addOnTitle(rl)
		}
	}
	return nil
}

func ruleError(r *Rule, err error) error {
	return fmt.Errorf("rule %s (%s:%d): %w", r.ID, r.File, r.Line, err)
}

func (e *evaluator) paragraphs(r *Rule, ri int, blocks []*facts.Block) error {
	if e.off[ri] {
		return nil
	}
	for _, b := range blocks {
		if e.done[ri] {
			return nil // once: document
		}
		if b.Source.Kind == document.Title || b.Source.Kind == document.Heading || facts.Excluded(b.Role) {
			continue
		}
		e.env.Sentence, e.env.Paragraph, e.env.Hit = &e.blank, b, nil
		e.env.Study, e.env.Claim = &e.noStudy, &e.noClaim
		if decidedFalse(r.gate.onClaim.get(), &e.env) {
			continue
		}
		ok, err := e.run(r)
		if err != nil {
			return err
		}
		if ok {
			e.addIn(r, b.Span, b.Role, "")
			e.done[ri] = r.Once == "document"
		}
	}
	return nil
}

// sentences evaluates a sentence- or heading-scope rule, per hit when the
// rule reports a class. once limits reports to the first per unit.
func (e *evaluator) sentences(r *Rule, ri int, blocks []*facts.Block, masked bool, admitted uint64) error {
	sv := &e.sieves[ri]
	sieved := sv.ok && !e.noSieve
	// Only a rule without report: judges the sentence's own study (a
	// claim's may be another, and a swap rule's is its first claim's).
	e.study = studyGate{}
	if r.Report == "" && r.swapLex == nil && !e.noSieve {
		e.study.g = r.gate.onStudy.get()
	}
	once := onceOf(r.Once)
	// done carries from block to block only for once: study and document;
	// for the others each block (paragraph) or sentence starts anew, or
	// done is never read (no once).
	carries := once == onceStudy || once == onceDocument
	if masked && (!carries || !e.done[ri]) {
		// The blocks the sieve admits, from the batch's class masks: the
		// others would only clear done (the once resets), which is clear
		// until a report sets it; from there on, block by block (when it
		// carries).
		if sv.claims != nil {
			admitted = claimBlocks(admitted, blocks, sv.claims)
		}
		for admitted != 0 {
			bi := bits.TrailingZeros64(admitted)
			admitted &= admitted - 1
			if err := e.block(r, ri, blocks[bi], sv, sieved, once); err != nil {
				return err
			}
			if carries && e.done[ri] {
				return e.blocksFrom(r, ri, blocks, bi+1, sv, sieved, once)
			}
		}
		return nil
	}
	return e.blocksFrom(r, ri, blocks, 0, sv, sieved, once)
}

// admitted returns the blocks of the batch that rule r (number ri) may
// report in, from the class masks when masked; idle says that the rule
// has nothing to do in the batch: off for the document, or no block
// admitted and no once to reset (done is clear), as for most rules in
// most batches, which are then not visited at all.
func (e *evaluator) admitted(r *Rule, ri int) (masked bool, admitted uint64, idle bool) {
	if e.off[ri] {
		return false, 0, true
	}
	sv := &e.sieves[ri]
	if !sv.ok || e.noSieve || !e.masks.ok {
		return false, 0, false
	}
	admitted = e.masks.admitted(sv, r.Scope == HeadingScope) & e.masks.flagged(sv)
	return true, admitted, admitted == 0 && !e.done[ri]
}

// onceKind is a rule's Once, read once per rule and batch rather than
// compared as a string for every sentence.
type onceKind uint8

const (
	onceNone onceKind = iota
	onceDocument
	onceParagraph
	onceSentence
	onceStudy
)

func onceOf(once string) onceKind {
	switch once {
	case "document":
		return onceDocument
	case "paragraph":
		return onceParagraph
	case "sentence":
		return onceSentence
	case "study":
		return onceStudy
	}
	return onceNone // "" (Load refuses any other value)
}

// blocksFrom is sentences over blocks[from:], block by block.
func (e *evaluator) blocksFrom(r *Rule, ri int, blocks []*facts.Block, from int, sv *sieve, sieved bool, once onceKind) error {
	for bi := from; bi < len(blocks); bi++ {
		b := blocks[bi]
		if r.Scope == HeadingScope && b.Source.Kind != document.Title && b.Source.Kind != document.Heading {
			continue
		}
		if facts.Excluded(b.Role) {
			continue // references, disclaimers, notices, bios, related links: not the article's content
		}
		if once == onceParagraph {
			e.done[ri] = false
		}
		if bc := &e.blocks[bi]; sieved && !sv.admitsBlock(bc) {
			// No sentence can meet the needs: only the resets of once
			// happen, as the loop below would do them.
			if once == onceSentence && len(b.Sentences) > 0 || once == onceStudy && bc.opensStudy {
				e.done[ri] = false
			}
			continue
		}
		if err := e.block(r, ri, b, sv, sieved, once); err != nil {
			return err
		}
	}
	return nil
}

// block evaluates a sentence rule over the sentences of b, a block of its
// scope that the sieve admits. done stays in a local for the loop (the
// sentence's evaluation does not read it).
func (e *evaluator) block(r *Rule, ri int, b *facts.Block, sv *sieve, sieved bool, once onceKind) error {
	done := e.done[ri] && once != onceParagraph
	for _, s := range b.Sentences {
		switch once {
		case onceNone:
		case onceSentence:
			done = false
		case onceStudy:
			if s.OpensStudy || s.Has(e.newStudy) {
				done = false
			}
			fallthrough
		default:
			if done {
				continue
			}
		}
		if e.study.g != nil && e.refuses(s.Study) {
			continue // the sentence's study makes the condition false
		}
		met := false // the sieve has found the needs met
		if sieved {
			set, ok := s.Classes()
			if ok && !sv.admits(&set) || !sv.flagsSet(s) || sv.claims != nil && !claimMeets(s, sv.claims) {
				continue // sentence would find the needs unmet
			}
			met = ok
		}
		var found bool
		var err error
		if met {
			found, err = e.metSentence(r, b, s)
		} else {
			found, err = e.sentence(r, b, s)
		}
		if err != nil {
			e.done[ri] = done
			return err
		}
		done = done || found
	}
	e.done[ri] = done
	return nil
}

func (e *evaluator) sentence(r *Rule, b *facts.Block, s *facts.Sentence) (bool, error) {
	if !meets(s, r.needs) || r.reportClass >= 0 && !s.Has(r.reportClass) {
		return false, nil // the condition could not be true here
	}
	return e.metSentence(r, b, s)
}

// metSentence is sentence on a sentence known to meet r's needs and have
// its reported class (as a sieve that admits it finds).
func (e *evaluator) metSentence(r *Rule, b *facts.Block, s *facts.Sentence) (bool, error) {
	e.env.Sentence, e.env.Paragraph, e.env.Hit = s, b, nil
	if r.swapLex != nil {
		return e.swaps(r, b, s)
	}
	if r.Report == "" {
		var claim *facts.Claim
		if len(s.Claims) > 0 {
			claim = s.Claims[0]
		}
		e.scope(s, claim)
		e.env.Study = &e.noStudy
		if s.Study != nil {
			e.env.Study = s.Study // a sentence rule judges the sentence's own study
		}
		g := r.gate.onClaim
		if e.study.g != nil {
			// The study gate has let the sentence's study through: its
			// own operands need no second look.
			g = r.gate.afterStudy
		}
		if decidedFalse(g.get(), &e.env) {
			return false, nil
		}
		ok, err := e.run(r)
		if ok {
			e.addIn(r, s.Span, b.Role, s.Voice)
			e.fix(r, s)
		}
		return ok, err
	}
	if decidedFalse(r.gate.onSentence.get(), &e.env) {
		return false, nil
	}
	if r.Report == ReportClaims {
		return e.claims(r, s)
	}
	found := false
	hits := s.Hits
	for i := range hits {
		if hits[i].Class != r.reportClass {
			continue // (read in place: most hits are of other classes)
		}
		h := hits[i]
		// The hit's source span, worked out once: to find its claim (when
		// the sentence has any) and for the finding.
		var term document.Span
		spanned := len(s.Claims) > 0
		if spanned {
			term = s.SourceSpan(h.Start, h.End)
		}
		e.scope(s, claimWithSpan(s, term))
		if decidedFalse(r.gate.afterSentence.get(), &e.env) {
			continue // decided without the hit's facts
		}
		// The voice comes with distanced at no cost: ask for it, for the
		// finding (the condition does not read it: see hitFieldsRead).
		fields := r.gate.hitFields
		if fields&facts.HitDistanced != 0 {
			fields |= facts.HitVoice
		}
		e.hit = e.doc.HitFactsOf(s, h, fields)
		e.env.Hit = &e.hit
		ok, err := e.run(r)
		if err != nil {
			return found, err
		}
		if ok {
			if !spanned {
				term = s.SourceSpan(h.Start, h.End)
			}
			span := term
			if r.Cover != "" {
				span = s.SourceSpan(h.Start, len(s.Text))
			}
			if r.Cover == "story" && s.StoryEnd > span.End {
				span.End = s.StoryEnd // the person, and the sentence that tells how they improved
			}
			if fields&facts.HitVoice == 0 { // the finding says whose words it is in
				e.hit.Voice = e.doc.HitFactsOf(s, h, facts.HitVoice).Voice
			}
			e.addTerm(r, span, term, b.Role, e.hit.Voice)
			if span == term {
				e.suggest(r)
			}
			found = true
			if r.Once != "" {
				break
			}
		}
	}
	return found, nil
}

// swaps reports each of a swap rule's terms in the sentence, with its
// replacement as a safe fix, when the condition holds.
func (e *evaluator) swaps(r *Rule, b *facts.Block, s *facts.Sentence) (bool, error) {
	hits := r.swapHits(s)
	if len(hits) == 0 {
		return false, nil
	}
	var claim *facts.Claim
	if len(s.Claims) > 0 {
		claim = s.Claims[0]
	}
	e.scope(s, claim) // as for any sentence rule
	if ok, err := e.run(r); !ok || err != nil {
		return false, err
	}
	for _, h := range hits {
		span := s.SourceSpan(h.Start, h.End)
		e.addIn(r, span, b.Role, s.Voice)
		last := e.findings.last()
		last.Fixes = []Fix{r.swapFix(h, span, last.Term)}
		if r.Once != "" {
			break
		}
	}
	return true, nil
}

// fix attaches the edit of the rule's named fixer, if any, to the finding
// just added.
func (e *evaluator) fix(r *Rule, s *facts.Sentence) {
	if r.Fixer == "" {
		return
	}
	if fix, ok := fixers[r.Fixer](e.doc, s); ok {
		last := e.findings.last()
		last.Fixes = append(last.Fixes, fix)
	}
}

// suggest attaches the rule's suggested replacement, if any, to the
// finding just added.
func (e *evaluator) suggest(r *Rule) {
	last := e.findings.last()
	if fix, ok := r.suggestFix(last.Span, last.Term); ok {
		last.Fixes = append(last.Fixes, fix)
	}
}

// claims evaluates a `report: claim` rule once per claim of s; a finding
// covers the sentence (the claim is read from it whole: its subject, its
// hedges, its study), as sentence rules' findings do.
func (e *evaluator) claims(r *Rule, s *facts.Sentence) (bool, error) {
	found := false
	for _, c := range s.Claims {
		e.scope(s, c)
		if decidedFalse(r.gate.afterSentence.get(), &e.env) {
			continue // decided without the hit's facts
		}
		e.hit = e.blankHit
		if r.gate.hitFields != 0 { // the condition reads hit: work out what it reads
			e.hit = e.hitFacts(r, s, c.Hit)
		}
		e.env.Hit = &e.hit
		ok, err := e.run(r)
		if err != nil {
			return found, err
		}
		if ok {
			e.add(r, s.Span)
			e.fix(r, s)
			found = true
			if r.Once != "" {
				break
			}
		}
	}
	return found, nil
}

// hitFacts returns the facts of hit h of s that r's condition reads.
// (A cache across rules cost more in allocation than it saved.)
func (e *evaluator) hitFacts(r *Rule, s *facts.Sentence, h lexicon.Hit) facts.Hit {
	return e.doc.HitFactsOf(s, h, r.gate.hitFields)
}

// scope sets the study and claim a sentence rule sees.
func (e *evaluator) scope(s *facts.Sentence, c *facts.Claim) {
	e.env.Claim, e.env.Study = &e.noClaim, &e.noStudy
	if c != nil {
		e.env.Claim = c
	}
	switch {
	case c != nil && c.Study != nil:
		e.env.Study = c.Study
	case c == nil && s.Study != nil:
		e.env.Study = s.Study
	}
}

// claimWithSpan returns the claim of s whose term has the given source
// span (that of a hit of s), if any.
func claimWithSpan(s *facts.Sentence, span document.Span) *facts.Claim {
	for _, c := range s.Claims {
		if c.Span == span {
			return c
		}
	}
	return nil
}

func (e *evaluator) run(r *Rule) (bool, error) {
	d := decided(r.gate.full.get(), &e.env)
	if e.verify {
		e.check(r, d)
	}
	switch d {
	case yes:
		return true, nil
	case no:
		return false, nil
	}
	return e.runVM(r)
}

// check records a decision of the full guard, and whether the VM agrees.
func (e *evaluator) check(r *Rule, d tri) {
	e.decisions[d]++
	if d == unknown {
		return
	}
	ok, err := e.runVM(r)
	if err != nil || ok != (d == yes) {
		e.disagreements = append(e.disagreements, fmt.Sprintf("%s: guard %v, VM %v (%v)", r.ID, d == yes, ok, err))
	}
}

// runVM runs the rule's condition on the expr VM.
func (e *evaluator) runVM(r *Rule) (bool, error) {
	program, err := r.compiled()
	if err != nil {
		return false, err
	}
	out, err := e.machine.Run(program, e.envs.fill(r.env, &e.env))
	if err != nil {
		return false, err
	}
	ok, _ := out.(bool)
	return ok, nil
}

func (e *evaluator) add(r *Rule, span document.Span) { e.addIn(r, span, "", "") }

// addIn records a finding in a block of the given role, its trigger in
// the given voice.
func (e *evaluator) addIn(r *Rule, span document.Span, role, voice string) {
	e.addTerm(r, span, span, role, voice)
}

// addTerm adds a finding over span whose term (the {term} of its message)
// is the text of termSpan.
func (e *evaluator) addTerm(r *Rule, span, termSpan document.Span, role, voice string) {
	term := string(e.doc.Doc.Source[termSpan.Start:termSpan.End])
	f := Finding{Rule: r, Span: span, Term: term, Role: role, Voice: voice}
	if r.readsStudy && e.env.Study != nil && e.env.Study.Index > 0 {
		f.Study = e.env.Study
	}
	e.findings.add(f)
}

// addOnTitle adds a document-level finding on the title. Its term is the
// title's text when that is the source's (plain text), not a copy: the
// title of a file without blank lines is the whole file.
func (e *evaluator) addOnTitle(r *Rule) {
	span := e.titleSpan()
	if t := e.doc.Doc.Title(); t != nil && t.Text == string(e.doc.Doc.Source[span.Start:span.End]) {
		e.findings.add(Finding{Rule: r, Span: span, Term: t.Text})
		return
	}
	e.add(r, span)
}

// titleSpan is where document-level findings sit: the title's line, or the
// first line of the file.
func (e *evaluator) titleSpan() document.Span {
	if t := e.doc.Doc.Title(); t != nil {
		return t.SourceSpan(document.Span{Start: 0, End: len(t.Text)})
	}
	return e.doc.Doc.LineSpan(0)
}
