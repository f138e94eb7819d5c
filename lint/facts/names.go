package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/textmap"
)

// smallWords stay lower case inside a capitalised name ("Fight for Sight",
// "Fountain of Youth Park").
var smallWords = map[string]bool{"of": true, "for": true, "the": true, "and": true, "a": true, "an": true,
	"in": true, "to": true, "on": true, "at": true, "de": true, "du": true, "la": true, "von": true}

// dropNames drops the claim hits inside a capitalised name of several
// words ("Fight for Sight", "Fountain of Youth Archaeological Park"): an
// organisation, place or product, like a title in 《》, is nobody's claim.
// A hit counts as inside a name when its own words are capitalised and a
// capitalised word joins it on either side. Titles and headings written in
// title case are left alone: every word is capitalised there.
func (a *Analyzer) dropNames(src, view string, heading bool, local textmap.Map, hits []lexicon.Hit) []lexicon.Hit {
	if len(hits) == 0 || src == "" { // no capital in an empty text
		return hits
	}
	// Most sentences have no hit inside a name: the hits are only read
	// until the first one that is, and copied from there on. A sentence
	// with no ASCII capital keeps them all: it is asked only when one
	// is, as a scan of a Chinese sentence for one cost more than ruling
	// out its hits.
	i := a.firstNameHit(src, view, local, hits)
	if i == len(hits) || !hasUpperLatin(src) || titleCase(src, heading) {
		return hits
	}
	out := hits[:i]
	for j := i + 1; j < len(hits); j++ {
		if !a.nameHit(src, local, &hits[j]) {
			out = append(out, hits[j])
		}
	}
	return out
}

// firstNameHit returns the index of the first of hits that nameHit
// accepts, or len(hits); view is the sentence's view, which local maps
// to src. Most hits start with a small letter (or, in a sentence opening
// with Chinese, a Chinese character): the loop rules them out from the
// source byte under the start alone, without a call, and maps the start
// with an addition when local is one verbatim piece (an English
// sentence's view most often is) rather than a search of its pieces.
//
// In a sentence opening with Chinese, a hit whose view starts with a
// lead byte 0xE4-0xE9 (U+4000-U+9FFF, Han) is ruled out before its start
// is mapped: its source starts with a byte of another character too
// (see TestHanViewStartsInSource), which nameHit refuses there.
func (a *Analyzer) firstNameHit(src, view string, local textmap.Map, hits []lexicon.Hit) int {
	// src is not empty.
	zh := src[0] >= 0x80
	lo, hi, delta, verbatim := local.Verbatim()
	i := 0
	if verbatim && !zh {
		i = a.firstLatinNameHit(src, local, hits, lo, hi, delta)
		if i == len(hits) || hits[i].Start >= lo && hits[i].Start <= hi {
			return i
		}
		// hits[i] starts outside the verbatim piece: the loop below maps it.
	}
	for ; i < len(hits); i++ {
		h := &hits[i]
		if h.Start >= len(src) {
			continue
		}
		if zh && h.Start < len(view) && 0xE4 <= view[h.Start] && view[h.Start] <= 0xE9 {
			continue
		}
		start := h.Start + delta
		if !verbatim || h.Start < lo || h.Start > hi {
			start = local.Start(h.Start)
		}
		if opensName(src, start) && a.nameHitAt(src, local, h, start) {
			return i
		}
	}
	return len(hits)
}

// firstLatinNameHit is firstNameHit for a sentence opening with no
// Chinese whose view is one verbatim piece [lo, hi] of src at delta: it
// returns the index of the first hit nameHit accepts or that starts
// outside the piece (or len(hits)). A start in the piece maps by the
// addition alone, and a small ASCII letter under it rules the hit out.
func (a *Analyzer) firstLatinNameHit(src string, local textmap.Map, hits []lexicon.Hit, lo, hi, delta int) int {
	for i := range hits {
		h := &hits[i]
		if h.Start >= len(src) {
			continue
		}
		if h.Start < lo || h.Start > hi {
			return i
		}
		start := h.Start + delta
		if uint(start) >= uint(len(src)) || src[start]-'a' < 26 {
			continue
		}
		if a.nameHitAt(src, local, h, start) {
			return i
		}
	}
	return len(hits)
}

// nameHit reports a hit of a claim class whose Latin source text is a
// capitalised name's, or part of one (inName).
func (a *Analyzer) nameHit(src string, local textmap.Map, h *lexicon.Hit) bool {
	if h.Start >= len(src) {
		return false
	}
	start := local.Start(h.Start)
	return opensName(src, start) && a.nameHitAt(src, local, h, start)
}

// opensName reports whether src[start] may open a capitalised name: it
// is in src and no small ASCII letter, nor, in a sentence opening with
// Chinese, a byte of another character.
func opensName(src string, start int) bool {
	if start < 0 || start >= len(src) {
		return false
	}
	c := src[start]
	return !('a' <= c && c <= 'z' || c >= 0x80 && src[0] >= 0x80)
}

// nameHitAt is nameHit for a hit whose source starts at start, where
// opensName holds.
func (a *Analyzer) nameHitAt(src string, local textmap.Map, h *lexicon.Hit, start int) bool {
	if a.ids.modifier(h.Class) || h.Class == a.ids.journal || h.Class == a.ids.doi {
		return false
	}
	end := local.End(h.End)
	return end <= len(src) && start < end && inName(src, start, end)
}

// hasUpperLatin reports an ASCII capital in s, eight bytes at a time: a
// byte is a capital when its low seven bits lie in 0x41–0x5A and its high
// bit is clear; the additions cannot carry from one byte into the next.
func hasUpperLatin(s string) bool {
	const ones, highs = swar.Ones, swar.Highs
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load8(s[i : i+8])
		low := x &^ highs
		atLeastA := low + (0x80-'A')*ones // high bit set: low seven bits ≥ 'A'
		pastZ := low + (0x80-'Z'-1)*ones  // high bit set: low seven bits > 'Z'
		if atLeastA&^pastZ&^x&highs != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// inName reports whether src[start:end] is made of capitalised words (small
// words aside) and a capitalised word stands right before or after it.
func inName(src string, start, end int) bool {
	if start < end && !mayOpenName(src[start:end]) {
		return false // the first word is not capitalised: most hits
	}
	first, words := "", 0
	for rest := src[start:end]; ; words++ {
		var w string
		w, rest = nextField(rest)
		if w == "" {
			break
		}
		if words == 0 {
			first = w
		}
		if !capitalised(w) && !smallWords[strings.ToLower(w)] {
			return false
		}
	}
	if words == 0 || !capitalised(first) {
		return false
	}
	// The fields before and after the hit are looked for only as far as
	// the answer needs: in Chinese text with no spaces a field runs to the
	// sentence's end, and most hits are decided by a rune or two.
	before := src[:start]
	if words == 1 && strings.TrimLeftFunc(before, unicode.IsSpace) == "" {
		return false // capitalised because it opens the sentence
	}
	// The first rune of the text after the hit (white space aside) is the
	// first of its first field: capitalised reads no further.
	if after := strings.TrimLeftFunc(src[end:], unicode.IsSpace); after != "" && capitalised(after) {
		if next := firstField(after); capitalised(next) && !acronym(next) {
			return true
		}
	}
	// Without white space before the hit it has at most one field there,
	// which is not preceded by a name.
	if !hasSpace(before) {
		return false
	}
	nBefore, last := lastField(before)
	return nBefore > 1 && capitalised(last) && !strings.HasSuffix(last, ",")
}

// hasSpace reports whether s holds the encoding of a rune unicode.IsSpace
// accepts (tab to carriage return, space, U+0085, U+00A0, U+1680,
// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), reading bytes:
// a false answer means no decoding of s, forwards or backwards, meets
// white space. Han and most punctuation start with other bytes.
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || '\t' <= c && c <= '\r' {
			return true
		}
		if c < 0xC2 || c > 0xE3 {
			continue // ASCII, a continuation byte, or the lead of no space
		}
		var b1, b2 byte // the bytes after c, 0 past the end
		if i+1 < len(s) {
			b1 = s[i+1]
		}
		if i+2 < len(s) {
			b2 = s[i+2]
		}
		switch c {
		case 0xC2:
			if b1 == 0x85 || b1 == 0xA0 {
				return true
			}
		case 0xE1:
			if b1 == 0x9A && b2 == 0x80 {
				return true
			}
		case 0xE2:
			if b1 == 0x80 && (0x80 <= b2 && b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) || b1 == 0x81 && b2 == 0x9F {
				return true
			}
		case 0xE3:
			if b1 == 0x80 && b2 == 0x80 {
				return true
			}
		}
	}
	return false
}

// mayOpenName reports whether the first field of s (not empty) may be
// capitalised, from its first rune: a capital, or a space or opening mark
// before it (see capitalised). A hit in Chinese, or starting with a small
// letter or a digit, is then ruled out without splitting it into fields.
func mayOpenName(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z' || c == '"' || c == '\'' || c == '(' || c == ' ' || '\t' <= c && c <= '\r'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsSpace(r) || r == '“' || r == '‘'
}

// lastField returns how many fields (as strings.Fields splits them) s has,
// counting up to 2, and its last one, without splitting the whole sentence.
func lastField(s string) (n int, last string) {
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if end == 0 {
		return 0, ""
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	if strings.TrimSpace(s[:start]) != "" {
		return 2, s[start:end]
	}
	return 1, s[start:end]
}

// firstField returns the first field of s (as strings.Fields splits it),
// or "" when there is none.
func firstField(s string) string {
	f, _ := nextField(s)
	return f
}

// nextField returns the first field of s (as strings.Fields splits it), or
// "" when there is none, and the text after it.
func nextField(s string) (field, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// acronym reports a word in capitals (IV, NMN, DNA): it follows a term
// without making a name of it.
func acronym(w string) bool {
	w = strings.Trim(w, ".,;:!?\"'”’)")
	return w != "" && strings.ToUpper(w) == w
}

func capitalised(w string) bool {
	// Most words open with an ASCII letter or a Han character, which need
	// neither the trim (its marks are ASCII or open with 0xE2) nor
	// unicode.IsUpper: U+3000-U+9FFF (leads 0xE3-0xE9) has no capital.
	if w != "" {
		switch c := w[0]; {
		case c < utf8.RuneSelf && c != '"' && c != '\'' && c != '(':
			return 'A' <= c && c <= 'Z'
		case 0xE3 <= c && c <= 0xE9:
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'“‘("))
	return unicode.IsUpper(r)
}

// titleCase reports a line written in title case: in a heading, most
// longer words capitalised; elsewhere (a title or deck that reads as a
// paragraph), nearly all, with no full stop at the end. A sentence crowded
// with names ("You can visit Ponce de Leon's Fountain of Youth Park.")
// ends with one.
func titleCase(s string, heading bool) bool {
	long, upper := 0, 0
	for _, w := range strings.Fields(s) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if capitalised(w) {
			upper++
		}
	}
	if long < 3 {
		return false
	}
	if heading {
		return upper*10 >= long*6
	}
	t := strings.TrimRight(s, " \"'”’)")
	return upper*10 >= long*8 && !strings.HasSuffix(t, ".")
}
