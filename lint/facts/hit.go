package facts

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// Hit is the environment of one reported term: rules with `report: CLASS`
// are evaluated once per hit of that class.
type Hit struct {
	Term      string `expr:"term"`      // the matched text, normalized
	Class     string `expr:"class"`     // the class reported
	Negated   bool   `expr:"negated"`   // a negation shortly before, in the same clause
	Distanced bool   `expr:"distanced"` // introduced as a claim of others: 所谓, so-called
	Hedged    bool   `expr:"hedged"`    // a hedge shortly before, in the same clause: 可能, may
	Specific  bool   `expr:"specific"`  // right after a demonstrative: 这项研究表明, the study
	Voice     string `expr:"voice"`     // whose words: writer, quoted, reported, posed or distanced
	Quoted    bool   `expr:"quoted"`    // inside quotation marks

	// Associated: the clause of the term says it is an association or
	// names the limits of causal inference (与…有关, "linked to", 不能证明因果).
	Associated bool `expr:"associated"`
	// Numbered: the clause of the term gives a number (显著改善 followed by
	// "28%" in another clause is still a bare significance).
	Numbered bool `expr:"numbered"`

	lexicon.Hit `expr:"-"`
}

// negationWindow and distanceWindow are in bytes of normalized text: about
// ten Han characters or five English words.
const (
	negationWindow = 30
	// A certainty word is negated from anywhere earlier in its clause
	// (并无任何补充剂在大型临床研究中被证实, no supplement has yet been proven).
	certaintyNegationWindow = 72
	distanceWindow          = 12
	demonstrativeWindow     = 4
)

// HitFacts describes hit h of sentence s.
//
// Distanced holds for a term held at a distance (所谓, so-called, a rebuttal
// after it) and, in an article or sentence that argues against claims
// (Document.Critical, Sentence.Critical), for a term in anybody's voice but
// the writer's: a debunk quotes the hype it takes apart.
func (d *Document) HitFacts(s *Sentence, h lexicon.Hit) Hit {
	return d.HitFactsOf(s, h, AllHitFields)
}

// HitFields selects facts of a hit, so that a rule reading two of them
// does not pay for all (see HitFactsOf).
type HitFields uint16

// The hit facts that cost something to work out (Term and Class do not).
const (
	HitNegated HitFields = 1 << iota
	HitDistanced
	HitHedged
	HitSpecific
	HitVoice
	HitQuoted
	HitAssociated
	HitNumbered

	AllHitFields = 1<<iota - 1
)

// hitFieldNames maps the names conditions use (hit.negated) to fields.
var hitFieldNames = map[string]HitFields{
	"term": 0, "class": 0, "negated": HitNegated, "distanced": HitDistanced, "hedged": HitHedged,
	"specific": HitSpecific, "voice": HitVoice, "quoted": HitQuoted, "associated": HitAssociated,
	"numbered": HitNumbered,
}

// HitFieldNamed returns the field a condition names as hit.<name>; false
// for a name it does not know (read everything then).
func HitFieldNamed(name string) (HitFields, bool) {
	f, ok := hitFieldNames[name]
	return f, ok
}

// HitFactsOf is HitFacts working out only the fields asked for (Term,
// Class and the hit itself always); the others are left zero.
func (d *Document) HitFactsOf(s *Sentence, h lexicon.Hit, fields HitFields) Hit {
	out := Hit{Term: s.Text[h.Start:h.End], Class: d.Lex.Classes[h.Class].Name, Hit: h}
	if fields&(HitVoice|HitDistanced) != 0 {
		out.Voice = d.ids.voice(s, h)
	}
	if fields&HitNegated != 0 {
		out.Negated = d.ids.precededBy(s, h, d.ids.negation, d.ids.negationWindowFor(h.Class))
	}
	if fields&HitDistanced != 0 {
		critical := d.Critical || s.Critical
		out.Distanced = out.Voice == VoiceDistanced || critical && out.Voice != VoiceWriter
	}
	if fields&HitHedged != 0 {
		out.Hedged = d.ids.precededBy(s, h, d.ids.hedge, negationWindow)
	}
	if fields&HitSpecific != 0 {
		out.Specific = d.ids.precededBy(s, h, d.ids.demonstrative, demonstrativeWindow)
	}
	if fields&HitQuoted != 0 {
		out.Quoted = s.quoted(h)
	}
	if fields&HitAssociated != 0 {
		out.Associated = d.ids.inClauseOf(s, h, d.ids.association) || d.ids.inClauseOf(s, h, d.ids.causalCaveat)
	}
	if fields&HitNumbered != 0 {
		out.Numbered = numberInClause(s.Text, h)
	}
	if fields&HitVoice == 0 {
		out.Voice = "" // worked out for Distanced only
	}
	return out
}

// inClauseOf reports a hit of class in the clause of h.
func (ids *classIDs) inClauseOf(s *Sentence, h lexicon.Hit, class int) bool {
	start, end := clause(s.Text, h)
	return inClause(s, class, start, end, h)
}

// numberInClause reports a digit in the clause of h.
func numberInClause(text string, h lexicon.Hit) bool {
	start, end := clause(text, h)
	return strings.ContainsAny(text[start:end], "0123456789")
}

// negationWindowFor is how far before a hit of class a negation reaches:
// the whole clause for certainty words and for studies, whose negation
// says that the evidence does not exist (并无任何补充剂…被证实, 没有找到任何
// 相关人体试验, no trial has yet tested it); a short window otherwise.
func (ids *classIDs) negationWindowFor(class int) int {
	if class == ids.certainty || class == ids.study {
		return certaintyNegationWindow
	}
	return negationWindow
}

// precededBy reports a hit of class ending at most window bytes before h,
// with no clause break between them. A cue that is part of a longer claim
// term (不 in 不老神药) is not a cue; one inside a caveat (不能 in 不能证明因果)
// still is.
func (ids *classIDs) precededBy(s *Sentence, h lexicon.Hit, class, window int) bool {
	if !s.Has(class) { // one bit in an indexed sentence: most have no cue of the class
		return false
	}
	for _, c := range s.Hits {
		if c.Start > h.Start {
			break // hits come by start: this one and the rest end after h starts
		}
		if c.Class != class || c.End > h.Start || h.Start-c.End > window || ids.insideClaim(s, c) ||
			class == ids.negation && describesGroup(s.Text, c, h) {
			continue
		}
		if !breaksBefore.in(s.Text[c.End:h.Start]) {
			return true
		}
	}
	return false
}

// insideClaim reports whether a longer hit that is not itself a modifier
// (negation, hedge, caveat...) covers c.
func (ids *classIDs) insideClaim(s *Sentence, c lexicon.Hit) bool {
	for _, o := range s.Hits {
		if o.Start > c.Start {
			break // hits come by start: no later one holds c
		}
		if o.Class != c.Class && !ids.modifier(o.Class) && c.End <= o.End && o.End-o.Start > c.End-c.Start {
			return true
		}
	}
	return false
}

// distanced reports a hit introduced as somebody else's claim: right after
// a distancing cue (所谓神药, so-called cure), or inside quotation marks
// that follow one in the sentence (声称可以“清除衰老细胞”、“返老还童”) or
// or a framing verb (自媒体把它写成“逆转衰老”, coverage called it a "fountain
// of youth"), or that are labelled as mere claims after they close (“吃亚精胺逆转衰老”之类的
// 文章, “一粒顶十年”的说法).
func (ids *classIDs) distanced(s *Sentence, h lexicon.Hit) bool {
	return ids.distancedIn(s, h, &hitQuote{})
}

// distancedIn is distanced with the quotation holding h read from q,
// which fullVoice asks again.
func (ids *classIDs) distancedIn(s *Sentence, h lexicon.Hit, q *hitQuote) bool {
	if ids.precededBy(s, h, ids.distancing, distanceWindow) {
		return true
	}
	if labelsClaims(s.Text[h.End:]) { // 返老还童的说法, 神药的神话
		return true
	}
	open, close := q.of(s, h)
	if open < 0 {
		return false
	}
	return labelsClaims(s.Text[close:]) || ids.firstCueEnd(s) <= open
}

// firstCueEnd is where the first quotation cue of s to end ends: a
// distancing cue, or a framing verb whose framer is not on the writer's
// own side (see ownSide); len(s.Text)+1 when s has none. A quotation
// opening at or after it is introduced by a cue (see distanced).
func (ids *classIDs) firstCueEnd(s *Sentence) int {
	end := len(s.Text) + 1
	if !s.Has(ids.distancing) && !s.Has(ids.framing) {
		return end
	}
	for _, c := range s.Hits {
		if c.End < end && (c.Class == ids.distancing || c.Class == ids.framing && !ownSide(s.Text[:c.Start])) {
			end = c.End
		}
	}
	return end
}

// ownSide reports a framer on the writer's own side (our medical director
// calls it “…”, 我们的专家称之为…): quoting one's own people is promotion, not
// distance. In 报道把我们的结果写成“…” the words after 把 are the object,
// not the framer.
func ownSide(before string) bool {
	if i := strings.LastIndex(before, "把"); i >= 0 {
		before = before[:i]
	}
	for _, w := range []string{"our ", "we ", "我们", "我院", "我司", "本公司", "本中心", "本院", "本诊所", "本店", "本品"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// hasQuotation reports an opening quotation mark (“「『‘ or "; see
// opensQuote), with one fast search per mark instead of a rune-by-rune scan
// of the sentence.
func hasQuotation(text string) bool {
	return strings.Contains(text, "“") || strings.Contains(text, "「") || strings.Contains(text, "『") ||
		strings.Contains(text, "‘") || strings.IndexByte(text, '"') >= 0
}

// opensQuotation reports an opening mark among the marks of a text
// (appendQuoteMarks): hasQuotation of the text, which marks holds every
// mark of.
func opensQuotation(marks []quoteMarkAt) bool {
	for _, m := range marks {
		if opensQuote(m.r) {
			return true
		}
	}
	return false
}

// hasQuotation is hasQuotation of the sentence's text, looked for once
// when Analyze built the sentence (plainVoice, the quoted share and
// distancesClaim all ask).
func (s *Sentence) hasQuotation() bool {
	if s.quotes == quotesUnknown {
		return hasQuotation(s.Text)
	}
	return s.quotes == quotesSome
}

// quotesUnknown, quotesNone and quotesSome say what Sentence.quotes knows.
const (
	quotesUnknown = iota
	quotesNone
	quotesSome
)

// hitQuote is the quotation holding a hit (see quotation), walked to on
// first need: fullVoice asks for it twice (distanced, then quoted), and
// the walk is the dearest part of a hit's voice.
type hitQuote struct {
	open, after int
	known       bool
}

// of returns the quotation holding h in s, the same hit on every call.
func (q *hitQuote) of(s *Sentence, h lexicon.Hit) (open, after int) {
	if !q.known {
		q.open, q.after, q.known = -1, -1, true
		switch {
		case s.marked:
			q.open, q.after = quotationIn(s.marks, h)
		case s.hasQuotation(): // no opening mark: quotation would walk back for nothing
			q.open, q.after = quotation(s.Text, h)
		}
	}
	return q.open, q.after
}

// quoteMarkAt is a quotation mark of a text: its bytes and the mark.
type quoteMarkAt struct {
	start, end int
	r          rune
}

// appendQuoteMarks appends to marks the quotation marks of text (see
// opensQuote and closesQuote) in order, as quotation reads them: a " byte,
// or the three bytes E2 80 xx or E3 80 xx of a mark wherever they stand.
// Only their first bytes are looked at (indexQuoteLead), and most text
// has few of them.
func appendQuoteMarks(marks []quoteMarkAt, text string) []quoteMarkAt {
	for i := 0; i < len(text); {
		j := indexQuoteLead(text[i:])
		if j < 0 {
			break
		}
		i += j
		if text[i] == '"' {
			marks = append(marks, quoteMarkAt{i, i + 1, '"'})
		} else if i+2 < len(text) && text[i+1] == 0x80 {
			if r := rune(text[i]&0x0F)<<12 | rune(text[i+2]&0x3F); text[i+2]&0xC0 == 0x80 && (opensQuote(r) || closesQuote(r)) {
				marks = append(marks, quoteMarkAt{i, i + 3, r})
			}
		}
		i++
	}
	return marks
}

// indexQuoteLead returns the index of the first " or E2 or E3 byte of s
// (the first bytes of the quotation marks), or -1, eight bytes at a time
// where there are eight. A byte of x is zero where s has one of them; the
// lowest byte (x - Ones) &^ x flags is the first zero byte (a borrow only
// flags bytes above a zero one).
func indexQuoteLead(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := swar.Load8(s[i : i+8])
		lead, quote := w&^swar.Ones^0xE2*swar.Ones, w^'"'*swar.Ones
		if z := ((lead-swar.Ones)&^lead | (quote-swar.Ones)&^quote) & swar.Highs; z != 0 {
			return i + bits.TrailingZeros64(z)/8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == '"' || c == 0xE2 || c == 0xE3 {
			return i
		}
	}
	return -1
}

// quotationIn is quotation read from the marks of its text
// (appendQuoteMarks): the nearest mark ending at or before h starts must
// open a quotation, and the first closing mark from h's end closes it.
func quotationIn(marks []quoteMarkAt, h lexicon.Hit) (open, after int) {
	k := 0
	for k < len(marks) && marks[k].end <= h.Start {
		k++
	}
	if k == 0 {
		return -1, -1
	}
	if m := marks[k-1]; m.r != '"' && closesQuote(m.r) {
		return -1, -1
	}
	open = marks[k-1].start
	for _, m := range marks[k:] {
		if m.start >= h.End && closesQuote(m.r) {
			return open, m.end
		}
	}
	return -1, -1
}

// quotation returns where the quotation holding h opens and where the
// text after its closing mark starts, or -1, -1 when h is not quoted.
func quotation(text string, h lexicon.Hit) (open, after int) {
	// One backward walk finds the nearest opening mark, giving up at a
	// closing one (strings.LastIndexAny with non-ASCII marks searched the
	// set for every rune, and this runs for many hits of long sentences).
	// Only runes ending in one of quoteLast's bytes are decoded: no
	// other can be a mark, and the bytes inside a valid rune never end one.
	open = -1
	for i := h.Start; i > 0; i-- {
		if !quoteLast[text[i-1]] {
			continue
		}
		// Every mark but " is three bytes, E2 80 xx or E3 80 xx: the last
		// byte of many a Han character is a mark's last byte, its first two
		// bytes never are.
		r, size := rune('"'), 1
		if text[i-1] != '"' {
			if i < 3 || text[i-2] != 0x80 || text[i-3] != 0xE2 && text[i-3] != 0xE3 {
				continue
			}
			// Not utf8x.Rune3Before: the tests above already say it is
			// one of the marks, whose middle byte adds nothing.
			r, size = rune(text[i-3]&0x0F)<<12|rune(text[i-1]&0x3F), 3 // the middle byte, 0x80, adds nothing
		}
		if closesQuote(r) && r != '"' {
			return -1, -1
		}
		if opensQuote(r) {
			open = i - size
			break
		}
	}
	if open < 0 {
		return -1, -1
	}
	// Forward, only a mark's first byte (", E2, E3) starts one.
	for i := h.End; i < len(text); i++ {
		if c := text[i]; c != '"' && (c != 0xE2 && c != 0xE3 || i+1 < len(text) && text[i+1] != 0x80) {
			continue // not a mark's first byte, or E2/E3 starting other punctuation (、。…)
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if closesQuote(r) {
			return open, i + size
		}
	}
	return -1, -1
}

// quoteLast marks the last bytes of the quotation marks' encodings.
var quoteLast = func() (t [256]bool) {
	for _, r := range "“「『‘\"”」』’" {
		s := string(r)
		t[s[len(s)-1]] = true
	}
	return t
}()

// opensQuote and closesQuote classify the opening quotation marks and their
// closing partners.
func opensQuote(r rune) bool { return r == '“' || r == '「' || r == '『' || r == '‘' || r == '"' }

func closesQuote(r rune) bool {
	return r == '”' || r == '」' || r == '』' || r == '’' || r == '"'
}

// claimLabels, right after a closing quotation mark, file what was quoted
// as a claim going round rather than a finding (“…”之类的文章, “…”的说法).
var claimLabels = []string{"之类", "一类", "的说法", "等说法", "这种说法", "这类说法", "的传言", "等传言", "的宣传", "等宣传", "的广告", "的谣言",
	"的营销", "的炒作", "的噱头", "的神话", "的迷思", "的传说"}

// labelsClaims reports whether text (what follows a quotation, possibly
// further quotations first: “…”、“…”之类) starts with a claim label.
func labelsClaims(text string) bool {
	// Most terms are followed by no label: a byte, then a character decides.
	if len(text) < 3 || !labelFirst[text[0]] || labelLeads[text[2]&0x3F] != lead3(text) {
		return false
	}
	for {
		switch {
		case strings.HasPrefix(text, "、"):
			text = text[len("、"):]
			continue
		case strings.HasPrefix(text, "“") || strings.HasPrefix(text, "「"):
			end := strings.IndexAny(text, "”」")
			if end < 0 {
				return false
			}
			_, size := utf8.DecodeRuneInString(text[end:])
			text = text[end+size:]
			continue
		}
		break
	}
	// Every label is two runes or more: the last byte of the second
	// rules out most text (的 opens much of it), the first rune's picks
	// the labels to compare.
	if len(text) < 6 || labelSecond&(1<<(text[5]&0x3F)) == 0 {
		return false
	}
	for _, l := range labelsByLead[text[2]&0x3F] {
		if strings.HasPrefix(text, l) {
			return true
		}
	}
	return false
}

// labelFirst marks the first bytes of the claim labels and of the marks
// labelsClaims steps over (、“「): text starting with no other can hold a label.
var labelFirst = func() (t [256]bool) {
	for _, l := range labelOpeners() {
		t[l[0]] = true
	}
	return t
}()

// labelLeads holds the first three bytes of the claim labels and of the
// marks labelsClaims steps over (none is shorter), each at the slot of
// its third byte's low six bits (no two share one; see
// TestLabelTablesHoldEveryLabel): the first byte alone (E4, E7, E8)
// opens much Chinese text.
var labelLeads = func() (t [64]uint32) {
	for _, l := range labelOpeners() {
		if k := &t[l[2]&0x3F]; *k != 0 && *k != lead3(l) {
			panic("facts: two claim labels' leads share a slot: " + l)
		}
		t[l[2]&0x3F] = lead3(l)
	}
	return t
}()

// labelsByLead lists the claim labels by the low six bits of their third
// byte; labelSecond has a bit for the low six bits of each label's sixth
// byte (the last of its second rune).
var labelsByLead, labelSecond = func() (t [64][]string, second uint64) {
	for _, l := range claimLabels {
		t[l[2]&0x3F] = append(t[l[2]&0x3F], l)
		second |= 1 << (l[5] & 0x3F)
	}
	return t, second
}()

// labelOpeners are what text holding a label can open with.
func labelOpeners() []string { return append([]string{"、", "“", "「"}, claimLabels...) }

// lead3 is the first three bytes of s as a number.
func lead3(s string) uint32 { return uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2]) }

// distancesClaim reports whether some claim term of the sentence is
// distanced (see distanced).
//
// It asks distanced's questions of every term that is no modifier, the
// cue before a term walked the other way round (from each distancing cue
// to the terms that follow it closely, as negatesClaim does), and the
// cues before a quotation found once for the sentence (firstCueEnd), not
// once per quoted term.
func (ids *classIDs) distancesClaim(s *Sentence) bool {
	// Most sentences have neither a cue nor a quotation; looking for a
	// quotation around every hit of a long sentence costs its length each.
	cued := s.Has(ids.distancing)
	if !cued && !s.hasQuotation() {
		return false
	}
	if cued && ids.cueBeforeClaim(s) {
		return true
	}
	cueEnd := -1 // firstCueEnd, once a term is quoted
	for _, h := range s.Hits {
		if ids.modifier(h.Class) {
			continue
		}
		if labelsClaims(s.Text[h.End:]) { // 返老还童的说法
			return true
		}
		var q hitQuote
		open, close := q.of(s, h)
		if open < 0 {
			continue
		}
		if labelsClaims(s.Text[close:]) {
			return true
		}
		if cueEnd < 0 {
			cueEnd = ids.firstCueEnd(s)
		}
		if cueEnd <= open {
			return true
		}
	}
	return false
}

// cueBeforeClaim reports a term that is no modifier preceded by a
// distancing cue (precededBy with distanceWindow), walking each cue in
// turn to the terms that start within the window after it; whether the
// cue lies inside a claim term is asked once per cue.
func (ids *classIDs) cueBeforeClaim(s *Sentence) bool {
	for i, c := range s.Hits {
		if c.Class != ids.distancing {
			continue
		}
		inside := 0 // whether c lies inside a claim term: 0 not asked yet, 1 no, 2 yes
		for _, h := range s.Hits[termsFrom(s.Hits, i):] {
			if h.Start < c.End || ids.modifier(h.Class) {
				continue
			}
			if h.Start-c.End > distanceWindow {
				break // hits come by start: the rest start further on
			}
			if inside == 0 {
				inside = 1
				if ids.insideClaim(s, c) {
					inside = 2
				}
			}
			if inside == 2 {
				break
			}
			if !breaksBefore.in(s.Text[c.End:h.Start]) {
				return true
			}
		}
	}
	return false
}

// negatesClaim reports whether a negation applies to some claim term of the
// sentence ("并非神药", "does not reverse aging"); a negation that qualifies
// nothing the lexicon knows ("a cure, not a hearing aid") does not count.
// It asks precededBy's question of every term that is no modifier, walked
// the other way round: each negation cue in turn, whether it lies inside a
// claim term asked once per cue (when a term follows it closely enough)
// rather than once per term it precedes.
func (ids *classIDs) negatesClaim(s *Sentence) bool {
	if !s.Has(ids.negation) { // most sentences: precededBy would say so for every hit
		return false
	}
	for i, c := range s.Hits {
		if c.Class != ids.negation {
			continue
		}
		inside := 0 // whether c lies inside a claim term: 0 not asked yet, 1 no, 2 yes
		for _, h := range s.Hits[termsFrom(s.Hits, i):] {
			if h.Start-c.End > certaintyNegationWindow {
				break // hits come by start: the rest start further on than any window reaches
			}
			if c.End > h.Start || ids.modifier(h.Class) || h.Start-c.End > ids.negationWindowFor(h.Class) {
				continue
			}
			if inside == 0 {
				inside = 1
				if ids.insideClaim(s, c) {
					inside = 2
				}
			}
			if inside == 2 {
				break
			}
			if !describesGroup(s.Text, c, h) && !breaksBefore.in(s.Text[c.End:h.Start]) {
				return true
			}
		}
	}
	return false
}

// termsFrom is the index of the first of hits (in start order) that may
// start where hit i ends: i, or earlier hits starting at its end, which
// an empty hit i has.
func termsFrom(hits []lexicon.Hit, i int) int {
	end := hits[i].End
	for i > 0 && hits[i-1].Start >= end {
		i--
	}
	return i
}

// describesGroup reports a negation that belongs to a description of a
// comparison group rather than to the claim: "比不喝茶的人低了三成",
// "不吸烟者", "people who did not walk had a higher risk". Such a negation
// ends in 的人 (or a short 者 noun) before the claim, or follows
// "who"/"those".
func describesGroup(text string, neg, claim lexicon.Hit) bool {
	between := text[neg.End:claim.Start]
	if strings.Contains(between, "的人") {
		return true
	}
	if i := strings.Index(between, "者"); i >= 0 && i <= 9 && !strings.HasSuffix(between[:i], "患") {
		return true
	}
	before := text[max(0, neg.Start-12):neg.Start]
	return strings.Contains(before, "who ") || strings.Contains(before, "those ") || strings.HasSuffix(strings.TrimSpace(before), "比")
}

// inside reports whether h lies inside a pair of quotation marks, as
// Sentence.quoted does.
func (q *hitQuote) inside(s *Sentence, h lexicon.Hit) bool {
	open, _ := q.of(s, h)
	return open >= 0
}
