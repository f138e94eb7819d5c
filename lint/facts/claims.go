package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/internal/anyword"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// The claims pass finds, in each sentence, the terms that state an effect
// or property and describes each as a Claim: its subject, strength and
// voice, read from the clause around the term; the attribution pass then
// says which study it rests on. Both run when the document's studies are
// known (Complete).

// isClaim reports the classes whose terms state an effect or property.
func (c *classIDs) isClaim(class int) bool {
	if k := uint(class); k < uint(len(c.kinds)) {
		return c.kinds[k]&kindClaim != 0
	}
	return c.isClaimByID(class)
}

// isClaimByID is isClaim by comparing ids (see mask).
func (c *classIDs) isClaimByID(class int) bool {
	switch class {
	case c.effect, c.antiaging, c.miracle, c.causalStrong, c.causalCan, c.certainty,
		c.safetyAbsolute, c.relativeChange, c.improvement, c.hype:
		return true
	}
	return false
}

// clause returns the bounds of the clause of s holding h. It scans bytes,
// not runes, looking up each in a table of the bytes a break can end (or
// start) with and decoding only there: a break is an ASCII byte or a whole
// multi-byte rune, neither of which occurs inside another rune's encoding
// (see clauseByRunes in the tests).
func clause(text string, h lexicon.Hit) (start, end int) {
	return clauseStart(text[:h.Start]), clauseEnd(text, h.End)
}

// clauseStart is where the last break in text ends, or 0. It looks back
// for the bytes a break starts with: an ASCII byte of the table is a
// break; a lead (EF or E3) starts one when its rune decodes to a break.
// (Those leads are rarer in Chinese text than the breaks' last bytes,
// which end many characters.) Eight bytes none of which may start a
// break are passed at once (mayBreak8).
func clauseStart(text string) int {
	i := len(text)
	for {
		for i >= 8 && !mayBreak8(text[i-8:i]) {
			i -= 8
		}
		lo := max(i-8, 0) // the bytes from lo to i hold a break's first byte, if any does
		for j := i - 1; j >= lo; j-- {
			if c := text[j]; clauseBreakFirst[c] {
				if c < utf8.RuneSelf {
					return j + 1
				}
				if r, n := utf8.DecodeRuneInString(text[j:]); r != utf8.RuneError && breaksClause(r) {
					return j + n
				}
			}
		}
		if lo == 0 {
			return 0
		}
		i = lo
	}
}

// clauseEnd is where the first break in text at or after byte i starts,
// or the end of text; it passes eight bytes at once as clauseStart does.
func clauseEnd(text string, i int) int {
	for {
		for i+8 <= len(text) && !mayBreak8(text[i:i+8]) {
			i += 8
		}
		hi := min(i+8, len(text))
		for ; i < hi; i++ {
			if c := text[i]; clauseBreakFirst[c] && (c < utf8.RuneSelf || breakStartsAt(text, i)) {
				return i
			}
		}
		if i >= len(text) {
			return len(text)
		}
	}
}

// mayBreak8 reports whether one of the first eight bytes of p may start a
// clause break: the table's flags of the eight ORed together, one test
// instead of one a byte.
func mayBreak8(p string) bool {
	_ = p[7]
	t := &clauseBreakByte
	return t[p[0]]|t[p[1]]|t[p[2]]|t[p[3]]|t[p[4]]|t[p[5]]|t[p[6]]|t[p[7]] != 0
}

// clauseBreaks are the runes breaksClause accepts.
const clauseBreaks = ",;:!?\n，；：。！？"

// clauseBreakFirst marks the first bytes of the breaks' encodings.
var clauseBreakFirst = func() (first [256]bool) {
	for _, r := range clauseBreaks {
		first[string(r)[0]] = true
	}
	return first
}()

// clauseBreakByte is clauseBreakFirst as bytes (1 for true), to OR.
var clauseBreakByte = func() (t [256]uint8) {
	for c, first := range clauseBreakFirst {
		if first {
			t[c] = 1
		}
	}
	return t
}()

// breakStartsAt reports a clause break starting at byte i of text.
func breakStartsAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r != utf8.RuneError && breaksClause(r)
}

// breaksClause reports the runes that end a clause: a modifier or subject
// beyond one does not belong to the claim. (A switch: strings.IndexAny with
// a set of non-ASCII runes costs a search of the set per rune.)
func breaksClause(r rune) bool {
	switch r {
	case ',', ';', ':', '!', '?', '\n', '，', '；', '：', '。', '！', '？':
		return true
	}
	return false
}

// classSet is a set of lexicon classes; classes beyond its size are
// never reported present (the built-in lexicon has about 120).
type classSet = ClassSet

// ClassSet is a set of lexicon classes below ClassSetSize, one bit each.
type ClassSet [4]uint64

// ClassSetSize is how many classes a ClassSet holds.
const ClassSetSize = classSetSize

// Classes returns the set of classes the sentence's hits are of, and
// false for a sentence built by hand (not indexed), whose set is unknown.
// A hit of a class beyond ClassSetSize is not in the set.
func (s *Sentence) Classes() (ClassSet, bool) {
	return s.classes, s.indexed
}

// IndexClasses indexes a sentence built by hand as Analyze indexes its
// own (Hits must not change afterwards), so that Classes knows its set.
func (s *Sentence) IndexClasses() { s.indexClasses() }

// add and has take the class as unsigned: one compare for both bounds,
// and a shift for the division (they run for every hit and every ask).
func (c *classSet) add(class int) {
	if k := uint(class); k < 256 {
		c[k/64] |= 1 << (k % 64)
	}
}

// union adds the classes of o to c.
func (c *classSet) union(o *classSet) {
	c[0], c[1], c[2], c[3] = c[0]|o[0], c[1]|o[1], c[2]|o[2], c[3]|o[3]
}

// meets reports whether c and o share a class.
func (c *classSet) meets(o *classSet) bool {
	return c[0]&o[0]|c[1]&o[1]|c[2]&o[2]|c[3]&o[3] != 0
}

// mayHave is has for a class below ClassSetSize, and true for one
// beyond, which the set cannot hold: a false answer rules the class out.
func (c *classSet) mayHave(class int) bool {
	return class >= classSetSize || c.has(class)
}

func (c *classSet) has(class int) bool {
	k := uint(class)
	return k < 256 && c[k/64]&(1<<(k%64)) != 0
}

// inClause reports a hit of class within [start, end) other than h.
func inClause(s *Sentence, class, start, end int, h lexicon.Hit) bool {
	for _, c := range s.Hits {
		if c.Class == class && c.Start >= start && c.End <= end && c != h {
			return true
		}
	}
	return false
}

// claimsOf describes the claims of sentence s, which has n claim terms
// (claimTerms).
func (a *Analyzer) claimsOf(d *Document, s *Sentence, n int) []*Claim {
	if n == 0 {
		return nil
	}
	// The claims and the list of them come from the document's memory
	// (reserveClaims): a few allocations for all its sentences.
	claimMem, refMem := d.claimSlabs()
	slab := claimMem.Take(n)
	claims := refMem.Take(n)[:0]
	plain := s.plainVoice || a.plainVoice(s) // the sentence's own test asks for more
	// A claim about money is none: each clause is searched for a money
	// word once, however many claim terms it holds.
	lastStart, lastEnd, money := -1, -1, false
	for _, h := range s.Hits {
		// A claim term inside another (逆转 in 能够逆转) is a claim of its
		// own class: rules ask for classes, and report once per sentence.
		if !a.ids.isClaim(h.Class) {
			continue
		}
		start, end := clause(s.Text, h)
		if start != lastStart || end != lastEnd {
			lastStart, lastEnd, money = start, end, moneyWordSet.In(s.Text[start:end])
		}
		if money {
			continue
		}
		c := &slab[len(claims)]
		a.claim(c, d, s, h, plain, start, end)
		claims = append(claims, c)
	}
	if len(claims) == 0 {
		return nil
	}
	return claims
}

// claimTerms counts the hits of s of claim classes.
func (a *Analyzer) claimTerms(s *Sentence) int {
	n := 0
	for _, h := range s.Hits {
		if a.ids.isClaim(h.Class) {
			n++
		}
	}
	return n
}

// plainVoice reports a sentence with none of the cues the stance model
// reads (quotation marks, a question, distancing, rebuttal, hedge, critique
// or speech words): its claims are all in the writer's voice, and the
// per-term scans (quotation search above all) can be skipped.
func (a *Analyzer) plainVoice(s *Sentence) bool {
	if s.Question || s.hasQuotation() {
		return false
	}
	ids := &a.ids
	for _, h := range s.Hits {
		switch h.Class {
		case ids.distancing, ids.rebuttal, ids.hedge, ids.critique, ids.speech:
			return false
		}
	}
	return true
}

// claim describes in c the claim made by hit h of sentence s, whose
// clause is s.Text[start:end].
func (a *Analyzer) claim(c *Claim, d *Document, s *Sentence, h lexicon.Hit, plain bool, start, end int) {
	ids := &a.ids
	*c = Claim{
		Term:    s.Text[h.Start:h.End],
		Class:   d.Lex.Classes[h.Class].Name,
		Span:    s.SourceSpan(h.Start, h.End),
		Hit:     h,
		Subject: None,
		Voice:   VoiceWriter,
	}
	set := clauseClasses(s, h, start, end)
	c.Inferred = opensInference(s.Text[start:h.Start])
	switch {
	case set.has(ids.animal):
		c.Subject = Animals
	case set.has(ids.invitro) || set.has(ids.cells) && d.Evidence.InVitro: // "衰老的细胞" in a mouse study is the mouse's
		c.Subject = Cells
	case set.has(ids.humanSubject) || set.has(ids.humanRef) || set.has(ids.reader):
		c.Subject = People
	case c.Inferred:
		// The conclusion goes beyond the model named earlier in the
		// sentence: the clause itself names nobody.
	case s.Has(ids.animal) || s.Has(ids.speciesCaveat):
		c.Subject = Animals
	case s.Has(ids.invitro):
		c.Subject = Cells
	}
	switch {
	// set holds every hit of the clause but h, those negatedInClause and
	// inClause look for too: without the class they need not walk.
	case ids.precededBy(s, h, ids.negation, negationWindow) || set.mayHave(ids.negation) && negatedInClause(s, ids, start, h):
		c.Strength = StrengthNegated
	case question(s.Text, end):
		c.Strength = StrengthQuestion
	case set.has(ids.promise) || set.has(ids.future):
		c.Strength = StrengthPromise
	case set.has(ids.hedge) && couldBefore(s.Text[start:h.Start]) && (s.IsTitle || c.Subject == People):
		// "The drug that could reverse ageing", "could reverse ageing in
		// older people": in a headline, or said of people, "could" offers
		// a prospect rather than a doubt.
		c.Strength = StrengthPromise
	case set.has(ids.hedge):
		c.Strength = StrengthMay
	case set.mayHave(ids.ability) && inClause(s, ids.ability, start, h.End, h) || h.Class == ids.causalCan: // "can" before the term
		c.Strength = StrengthCan
	default:
		c.Strength = StrengthDirect
	}
	if !plain {
		c.Voice = ids.voice(s, h) // the stance model's (stance.go)
	}
	c.Summary = s.IsTitle || s.IsHeading || s.IsLead && s.Study == nil || opensWith(s, ids.summary)
}

// clauseClasses is the set of the classes of the hits of s in the clause
// start-end of h, other than h: one walk over the hits.
func clauseClasses(s *Sentence, h lexicon.Hit, start, end int) classSet {
	var set classSet
	for _, o := range s.Hits {
		if o.Start >= start && o.End <= end && o != h {
			set.add(o.Class)
		}
	}
	return set
}

// inferenceOpeners open a clause that draws a conclusion from the one
// before it (the text is normalized: Simplified, lower case).
var inferenceOpeners = []string{"等于", "这意味着", "这就意味着", "也就是说", "换句话说", "换言之", "which means", "this means", "that means", "in other words"}

// inferenceFirst and inferenceSecond mark the first and second bytes of
// inferenceOpeners: a clause opening with other bytes, most, is not
// compared with each of them (a first byte alone lets through most
// Chinese clauses: 等, 这, 也 and 换 share their lead bytes with most Han
// characters).
var inferenceFirst, inferenceSecond = func() (first, second [256]bool) {
	for _, w := range inferenceOpeners {
		first[w[0]], second[w[1]] = true, true
	}
	return first, second
}()

// opensInference reports a clause (the text from its start to the claim
// term) that opens with an inference connective.
func opensInference(text string) bool {
	text = strings.TrimLeft(text, " ")
	if len(text) < 2 || !inferenceFirst[text[0]] || !inferenceSecond[text[1]] {
		return false
	}
	for _, w := range inferenceOpeners {
		if strings.HasPrefix(text, w) {
			return true
		}
	}
	return false
}

// negatedInClause reports a negation earlier in the clause of h, however
// far (患者不应因此自行服用或者停止治疗), unless it describes a comparison group.
func negatedInClause(s *Sentence, ids *classIDs, start int, h lexicon.Hit) bool {
	for _, c := range s.Hits {
		if c.Class == ids.negation && c.Start >= start && c.End <= h.Start && !ids.insideClaim(s, c) &&
			!describesGroup(s.Text, c, h) {
			return true
		}
	}
	return false
}

// moneyWords make a change in the clause a change of price, not of health
// (价格有望大幅降低, "cuts the cost").
var moneyWords = []string{"价格", "费用", "成本", "价钱", "售价", "price", "cost"}

// moneyWordSet finds moneyWords in one pass over a text.
var moneyWordSet = anyword.New(moneyWords)

func containsAnyOf(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// couldBefore reports "could" (not "could not") in the text before a
// claim term.
func couldBefore(text string) bool {
	i := strings.LastIndex(text, "could ")
	if i < 0 || i > 0 && text[i-1] != ' ' {
		return false
	}
	// "could not" denies; "could potentially" doubles the doubt.
	for _, w := range []string{"could not", "could never", "could potentially", "could possibly", "could perhaps"} {
		if strings.HasPrefix(text[i:], w) {
			return false
		}
	}
	return true
}

// question reports a clause ending at end that asks rather than states:
// the sentence ends in a question mark after it (…吗？, "Can X reverse
// ageing?"), or the clause asks (能否, 是否, 如何才能).
func question(text string, end int) bool {
	rest := strings.TrimRight(text[end:], " ”」』\"')）")
	return strings.HasPrefix(rest, "?") || strings.HasPrefix(rest, "？") ||
		strings.HasSuffix(strings.TrimRight(text, " ”」』\"')）"), "?") && !strings.ContainsAny(rest, ".。!！")
}

// attribute says which study each claim rests on: a summary claim (title,
// heading, a lead outside any study, 总之…) rests on the studies of the
// whole article that could show it, i.e. those that intervened when any
// did; any other claim rests on the study whose context it sits in.
func (a *Analyzer) attribute(d *Document, s *Sentence, c *Claim) {
	defer a.judgeDesign(d, s, c)
	if !c.Summary {
		c.Study = s.Study
		c.Evidence = evidenceOf(c.Study)
		if c.Evidence == None && d.Evidence.Preclinical {
			c.Evidence = EvidencePreclinical // a study of no stated population, in an article with only animal work
		}
		return
	}
	human, preclinical := d.summaryEvidence()
	c.Evidence = None
	switch {
	case human != nil:
		c.Evidence, c.Study = EvidenceHuman, human
	case preclinical != nil && c.Study == nil:
		c.Evidence, c.Study = EvidencePreclinical, preclinical
	}
}

// summaryEvidence returns the studies a summary claim rests on: the first
// study in people, else the first animal or cell study, among those that
// could show an effect (those that gave their subjects something, and of
// those the ones whose subjects are known). The studies are final once
// Finish has run, so the answer is worked out once per document: working
// it out per claim made a book-length text quadratic.
func (d *Document) summaryEvidence() (human, preclinical *Study) {
	if d.summary.done {
		return d.summary.human, d.summary.preclinical
	}
	support := studiesWhere(d.Studies, func(st *Study) bool { return st.Intervened && st.Population != Unknown })
	if len(support) == 0 {
		support = studiesWhere(d.Studies, func(st *Study) bool { return st.Population != Unknown })
	}
	if len(support) == 0 {
		support = d.Studies
	}
	for _, st := range support {
		switch {
		case st.Human:
			human = st
		case st.Preclinical && preclinical == nil:
			preclinical = st
		}
		if human != nil {
			break
		}
	}
	d.summary.human, d.summary.preclinical, d.summary.done = human, preclinical, true
	return human, preclinical
}

// judgeDesign sets the design c is judged against (see Claim.Design).
func (a *Analyzer) judgeDesign(d *Document, s *Sentence, c *Claim) {
	c.Design = d.Design
	if !c.Summary && s.Study != nil {
		c.Design = s.Study.Design
	}
	// "People who take it have half the cancer risk": a comparison of
	// groups of people rests on no experiment in people, whatever animal
	// work the article reports (a claim told of people from the animal
	// work itself is animal-as-human's to judge).
	groups := s.Has(a.ids.riskNoun) || s.Has(a.ids.relativeChange)
	people := c.Subject == People || s.Has(a.ids.humanRef) && c.Subject == None
	if people && groups && (c.Design == DesignPreclinical || c.Design == DesignLab) {
		c.Design = DesignObservational
	}
	if c.Design == Unknown && s.Study == nil && d.Design == Unknown {
		c.Design = None
	}
}

func studiesWhere(studies []*Study, keep func(*Study) bool) []*Study {
	var out []*Study
	for _, st := range studies {
		if keep(st) {
			out = append(out, st)
		}
	}
	return out
}

func evidenceOf(st *Study) string {
	switch {
	case st == nil:
		return None
	case st.Human:
		return EvidenceHuman
	case st.Preclinical:
		return EvidencePreclinical
	}
	return None
}

// markStories follows the stories of block b: a sentence that introduces
// a person (an anecdote term) is marked ImprovementAfter when one of the
// next two sentences states an improvement or effect, with no heading,
// other person or study in between (the improvement of a story often comes
// a sentence later). It runs as blocks are analysed, on the first pass
// only, and records the sentences by index, so that a long text analysed
// in sections joins a story across a section edge as the whole would.
func (a *Analyzer) markStories(d *Document, b *Block) {
	r := &d.run
	if r.replay {
		return
	}
	if b.Source.Kind == document.Heading || b.Source.Kind == document.Title {
		r.story = r.story[:0]
		return
	}
	for _, s := range b.Sentences {
		if len(r.story) == 0 && !s.Has(a.ids.anecdote) {
			continue // no one introduced, and no one here: nothing changes (most sentences)
		}
		improves := (s.Has(a.ids.improvement) || s.Has(a.ids.effect) || s.Has(a.ids.miracle) || s.Has(a.ids.antiaging)) &&
			!s.Negated && !s.Caveat
		// Forget people introduced more than two sentences ago.
		kept := r.story[:0]
		for _, i := range r.story {
			if s.Index-i <= 2 {
				kept = append(kept, i)
			}
		}
		r.story = kept
		if s.OpensStudy {
			r.story = r.story[:0]
		}
		if improves {
			for _, i := range r.story {
				if d.storyImproved == nil {
					d.storyImproved = map[int]int{}
				}
				d.storyImproved[i] = max(d.storyImproved[i], s.Span.End)
			}
		}
		if s.Has(a.ids.anecdote) {
			r.story = append(r.story, s.Index)
		}
	}
}
