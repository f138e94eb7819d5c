package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/runecount"
)

// Voices: whose words a claim term is in.
const (
	VoiceWriter    = "writer"    // the writer's own assertion
	VoiceQuoted    = "quoted"    // inside quotation marks (a source's words, a headline, scare quotes)
	VoiceReported  = "reported"  // after a speech verb: 称, 表示, said, according to
	VoicePosed     = "posed"     // in a question, asked rather than asserted
	VoiceDistanced = "distanced" // held at a distance: 所谓, so-called, 遑论, "without scientific backing"
)

// voice says whose words hit h of sentence s is in. Distanced beats quoted,
// quoted beats reported, reported beats posed.
func (ids *classIDs) voice(s *Sentence, h lexicon.Hit) string {
	if s.plainVoice {
		// No cue that fullVoice reads: only a claim label right after
		// the term (神药的说法) can still distance it.
		if labelsClaims(s.Text[h.End:]) {
			return VoiceDistanced
		}
		return VoiceWriter
	}
	return ids.fullVoice(s, h)
}

// plainVoice reports a sentence with none of the cues fullVoice reads but
// a claim label: no quotation mark, no question, and no hit of a class that
// distances, rebuts, hedges, labels, frames or reports. Most sentences are
// plain, and their terms' voice is then found without a walk over the hits.
func (ids *classIDs) plainVoice(s *Sentence) bool {
	if s.Question || s.hasQuotation() {
		return false
	}
	if ids.masked && s.indexed { // one test of the sentence's classes
		return !s.classes.meets(&ids.voiceCues)
	}
	for _, class := range ids.voiceCueIDs() {
		if s.Has(class) {
			return false
		}
	}
	return true
}

// voiceCueIDs are the classes whose hits keep a sentence from a plain
// voice.
func (ids *classIDs) voiceCueIDs() [6]int {
	return [...]int{ids.distancing, ids.framing, ids.rebuttal, ids.hedge, ids.critique, ids.speech}
}

// fullVoice is voice read from every cue.
func (ids *classIDs) fullVoice(s *Sentence, h lexicon.Hit) string {
	var q hitQuote
	switch {
	case ids.distancedIn(s, h, &q) || ids.rebutted(s, h) || ids.labelledClaim(s, h):
		return VoiceDistanced
	case q.inside(s, h): // as s.quoted(h)
		return VoiceQuoted
	case ids.reportedBefore(s, h):
		return VoiceReported
	case s.Question && !breaksQuestion.in(s.Text[h.End:]):
		return VoicePosed // only the clause that asks: in "A，B吗？" A is asserted
	}
	return VoiceWriter
}

// quoted reports whether h lies inside a pair of quotation marks, scare
// quotes around the term itself included (‘breakthrough’, 「神」级).
func quoted(text string, h lexicon.Hit) bool {
	open, _ := quotation(text, h)
	return open >= 0
}

// quoted is quoted of the sentence's text: one without an opening mark has
// no quotation to walk back to.
func (s *Sentence) quoted(h lexicon.Hit) bool {
	return s.hasQuotation() && quoted(s.Text, h)
}

// rebutted reports a claim that the words after it, in the same clause,
// deny or hedge: 青春永驻可能带来…, 能延长寿命尚未被证实, "miracle cures
// without scientific backing". A hedge or rebuttal that follows scopes the
// term as one before it does; a bare negation after the term does not (逆转
// 衰老不再是梦 asserts it).
func (ids *classIDs) rebutted(s *Sentence, h lexicon.Hit) bool {
	return ids.followedBy(s, h, ids.rebuttal, rebuttalWindow) || ids.hedgeAfter(s, h)
}

// hedgeAfter reports a Chinese hedge right after the term (青春永驻可能带来…):
// the term is the subject of a possibility. An English hedge after the term
// ("reverses ageing and could…") belongs to the next predicate.
func (ids *classIDs) hedgeAfter(s *Sentence, h lexicon.Hit) bool {
	if !s.Has(ids.hedge) { // most sentences: no hit to walk to
		return false
	}
	for _, c := range s.Hits {
		if c.Class == ids.hedge && c.Start >= h.End && c.Start-h.End <= followingHedgeWindow &&
			!breaksOrWords.in(s.Text[h.End:c.End]) {
			return true
		}
	}
	return false
}

// rebuttalWindow and followingHedgeWindow are in bytes of normalized text
// after the term: about twenty and four Han characters (a rebuttal may
// close a long clause: "a pill that … every morning is a myth").
const (
	rebuttalWindow       = 60
	followingHedgeWindow = 3
)

// followedBy reports a hit of class starting at most window bytes after h,
// with no clause break between them.
func (ids *classIDs) followedBy(s *Sentence, h lexicon.Hit, class, window int) bool {
	if class < 0 || !s.Has(class) {
		return false
	}
	for _, c := range s.Hits {
		if c.Class != class || c.Start < h.End || c.Start-h.End > window {
			continue
		}
		if !breaksAfter.in(s.Text[h.End:c.Start]) {
			return true
		}
	}
	return false
}

// reportedBefore reports a speech verb earlier in the sentence than h (李某
// 表示：…神药; "…is a miracle," he said is caught by the quotation instead).
func (ids *classIDs) reportedBefore(s *Sentence, h lexicon.Hit) bool {
	if ids.speech < 0 || !s.Has(ids.speech) {
		return false
	}
	for _, c := range s.Hits {
		if c.Class == ids.speech && c.End <= h.Start {
			return true
		}
	}
	return false
}

// isQuestion reports a sentence that asks: it ends with a question mark
// (before any closing quotation mark), or with 吗/吧/呢.
func isQuestion(text string) bool {
	// The marks trimmed and looked for are whole runes, so a walk back
	// over runes reads them as strings.TrimRight and HasSuffix would.
	for len(text) > 0 {
		r, size := utf8.DecodeLastRuneInString(text)
		switch r {
		case ' ', '\t', '\r', '\n', '”', '」', '』', '"', '\'', '’', ')', '）':
			text = text[:len(text)-size]
			continue
		case '?', '？', '吗', '么':
			return true
		}
		return false
	}
	return false
}

// quotedShareIn is the share (0–1) of a sentence's characters, marks
// left out, that lie inside quotation marks: a sentence mostly in quotes
// is someone else's words (a testimonial quoted by a consumer warning).
// It reads the marks of text (appendQuoteMarks) and needs text to be
// valid UTF-8, as a view's is: the characters are counted by their first
// bytes (runecount.Count, 32 at a time), and those inside are the ones between a mark
// leaving the depth above zero and the next mark.
func quotedShareIn(text string, marks []quoteMarkAt) float64 {
	inside, depth := 0, 0
	for k, m := range marks {
		switch {
		case m.r == '"' && depth > 0, closesQuote(m.r) && m.r != '"':
			depth = max(0, depth-1)
		default:
			depth++
		}
		if depth > 0 {
			end := len(text)
			if k+1 < len(marks) {
				end = marks[k+1].start
			}
			inside += runecount.Count(text[m.end:end])
		}
	}
	total := runecount.Count(text) - len(marks)
	if total == 0 {
		return 0
	}
	return float64(inside) / float64(total)
}

// sentenceVoice is the voice of a sentence as a whole, for rules that judge
// sentences rather than terms.
// quoted is quotedShareIn of s.Text, which the caller has at hand.
func (ids *classIDs) sentenceVoice(s *Sentence, quoted float64) string {
	switch {
	case quoted >= 0.6:
		return VoiceQuoted
	case s.Has(ids.speech):
		return VoiceReported
	case s.Question:
		return VoicePosed
	}
	return VoiceWriter
}

// critiqueWeight is how much the critique cues of a block count toward the
// document's critical stance: in the headline a cue says what the article
// is (辟谣, "myth", "hype"), in the body one cue may be a passing word.
// A headline that repeats its cue counts once.
func critiqueWeight(role string, n int) int {
	if role == RoleHeadline {
		return 2 * min(n, 1)
	}
	return n
}

// criticalThreshold is the weight of critique cues (see critiqueWeight)
// that makes a document argue against claims: a debunk, a fact-check, a
// critique of coverage.
const criticalThreshold = 3

// runeLen is the number of characters in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// mayBeFirstPerson reports the letters first-person words are made of in
// text: 我, or 自 and 己 (quotations joined can make 自己), or i or m, which
// every English first-person word starts with. Most quoted text has none,
// and then the quoted parts are not copied out.
func mayBeFirstPerson(text string) bool {
	return containsMark(text, "我") || containsMark(text, "自") && containsMark(text, "己") ||
		strings.IndexByte(text, 'i') >= 0 || strings.IndexByte(text, 'm') >= 0
}

// testimonialIn reports first-person words in the quoted parts of text
// (firstPersonSingular of quotedTextIn), read from the quotation marks of
// text (appendQuoteMarks) when text is valid UTF-8, as a view's is.
func testimonialIn(text string, marks []quoteMarkAt) bool {
	return mayBeFirstPerson(text) && firstPersonSingular(quotedTextIn(text, marks))
}

// quotedTextIn returns the parts of text inside quotation marks, from
// the quotation marks of text: the parts between a mark leaving the depth
// above zero and the next mark, copied whole. ‘ and ’ open and close no
// part (’ is an apostrophe as often), so they stay in the parts.
func quotedTextIn(text string, marks []quoteMarkAt) string {
	var b strings.Builder
	depth, from := 0, 0 // from: where the part after the last mark starts
	for _, m := range marks {
		if m.r == '‘' || m.r == '’' {
			continue
		}
		if depth > 0 {
			b.WriteString(text[from:m.start])
		}
		switch {
		case m.r == '"' && depth > 0, closesQuote(m.r) && m.r != '"':
			depth = max(0, depth-1)
		default:
			depth++
		}
		from = m.end
	}
	if depth > 0 {
		b.WriteString(text[from:])
	}
	return b.String()
}

// firstPersonSingular reports 我 (not 我们, 我国), 自己, or I/my/me in
// normalized text: someone telling their own story.
func firstPersonSingular(text string) bool {
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "我")
		if j < 0 {
			break
		}
		after := text[i+j+len("我"):]
		if !strings.HasPrefix(after, "们") && !strings.HasPrefix(after, "国") {
			return true
		}
		i += j + len("我")
	}
	if strings.Contains(text, "自己") {
		return true
	}
	// Every first-person word starts with i or m: quoted Chinese text has
	// neither.
	if strings.IndexByte(text, 'i') < 0 && strings.IndexByte(text, 'm') < 0 {
		return false
	}
	// The words are runs of a–z and apostrophes, walked without
	// splitting the text into a slice.
	start := -1
	for i, r := range text {
		if r >= 'a' && r <= 'z' || r == '\'' || r == '’' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && firstPersonWord(text[start:i]) {
			return true
		}
		start = -1
	}
	return start >= 0 && firstPersonWord(text[start:])
}

func firstPersonWord(w string) bool {
	switch w {
	case "i", "my", "me", "i'm", "i’m", "i've", "i’ve", "myself":
		return true
	}
	return false
}

// labelledClaim reports a sentence that opens with a label filing it as a
// claim under examination ("Myth 1: red light reverses ageing", 谣言：…,
// 网传：…): a critique or distancing cue, perhaps a number, then a colon,
// before the term.
func (ids *classIDs) labelledClaim(s *Sentence, h lexicon.Hit) bool {
	if !s.Has(ids.critique) && !s.Has(ids.distancing) { // most sentences
		return false
	}
	for _, c := range s.Hits {
		if c.Class != ids.critique && c.Class != ids.distancing || c.Start > cueStart || c.End > h.Start {
			continue
		}
		rest := strings.TrimLeft(s.Text[c.End:h.Start], " 0123456789一二三四五六七八九十")
		if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
			return true
		}
	}
	return false
}
