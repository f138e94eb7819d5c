package facts

import (
	"math/bits"
	"regexp"
	"strings"
	"sync"

	"github.com/hypelint/hypelint/lint/internal/swar"
)

// authorYearMarker matches (Smith et al., 2020), (Smith and Lee 2019),
// （王等，2021）.
var authorYearMarker = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\(\p{Lu}[\p{L}'\-]+(?: et al\.?| and \p{Lu}[\p{L}'\-]+)?,? (?:19|20)\d\d[a-z]?\)|` +
		`（[\p{Han}\p{L}]{1,12}等[，,、]\s*(?:19|20)\d\d）`)
})

// superscripts are the digits of superscript citation markers.
const superscripts = "¹²³⁴⁵⁶⁷⁸⁹⁰"

// citesSource reports a citation marker in a sentence's source text. A
// superscript counts after a word or a punctuation mark, not after a unit
// (m², cm³). Each marker shape is looked for only when the characters it
// needs are there (see digitContexts): most sentences have a bracket but
// no marker.
func citesSource(text string) bool {
	bracket, year, fullYear := digitContexts(text)
	if bracket && hasBracketMarker(text) {
		return true
	}
	if (year || fullYear && containsMark(text, "等")) && authorYearMarker().MatchString(text) {
		return true
	}
	return superscriptMarker(text)
}

// citesSourceIn is citesSource of a sentence's source text, given its
// normalized view: a numbered marker needs a [ or ［ and an author-year
// marker a ) or ）, which NFKC writes in the view as [ and ). Most
// sentences with a digit have neither, and then only a superscript can
// mark a note: the digit runs are not read (digitContexts).
func citesSourceIn(text, view string) bool {
	if strings.IndexByte(view, '[') < 0 && strings.IndexByte(view, ')') < 0 {
		return superscriptMarker(text)
	}
	return citesSource(text)
}

// superscriptMarker reports a superscript number that marks a note: one
// not after another superscript, an 'm' (m², m³), a space or '^'.
func superscriptMarker(text string) bool {
	if !hasSuperscript(text) {
		return false
	}
	prev := ' '
	for _, r := range text {
		if strings.ContainsRune(superscripts, r) && !strings.ContainsRune(superscripts, prev) && prev != 'm' && prev != ' ' && prev != '^' {
			return true
		}
		prev = r
	}
	return false
}

// hasBracketMarker reports a numbered marker: [12], [3,4], [5 - 7],
// ［3］, ［5–7］. It is the expression
// \[\d{1,3}(?:\s*[,，\-–]\s*\d{1,3})*\]|［\d{1,3}(?:[,，\-–]\d{1,3})*］
// as a scan from each opening bracket: every token ends where the next
// kind of byte starts, so nothing needs trying twice.
func hasBracketMarker(text string) bool {
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '[':
			if bracketList(text, i+1, "]", true) {
				return true
			}
		case strings.HasPrefix(text[i:], "［"):
			if bracketList(text, i+len("［"), "］", false) {
				return true
			}
		}
	}
	return false
}

// bracketList reports numbers of one to three digits from i, joined by
// separators (with white space around them when spaced), then closing.
func bracketList(text string, i int, closing string, spaced bool) bool {
	for {
		k := i
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		if k == i || k-i > 3 {
			return false
		}
		if strings.HasPrefix(text[k:], closing) {
			return true
		}
		if spaced {
			k = skipSpaces(text, k)
		}
		n := separatorLen(text[k:])
		if n == 0 {
			return false
		}
		i = k + n
		if spaced {
			i = skipSpaces(text, i)
		}
	}
}

// separatorLen is the length of the separator text opens with (, ， - –),
// or 0.
func separatorLen(text string) int {
	switch {
	case strings.HasPrefix(text, ",") || strings.HasPrefix(text, "-"):
		return 1
	case strings.HasPrefix(text, "，") || strings.HasPrefix(text, "–"):
		return 3
	}
	return 0
}

// hasSuperscript reports a superscript digit: ¹²³ are U+00B9, U+00B2,
// U+00B3 (C2 B9, C2 B2, C2 B3), ⁰⁴–⁹ U+2070, U+2074–2079 (E2 81 B0,
// E2 81 B4–B9). Those byte pairs and triples are always whole runes.
func hasSuperscript(text string) bool {
	if strings.IndexByte(text, 0xC2) < 0 && !strings.Contains(text, "\xe2\x81") { // two fast searches rule most out
		return false
	}
	for i := 0; i+1 < len(text); i++ {
		switch text[i] {
		case 0xC2:
			if c := text[i+1]; c == 0xB9 || c == 0xB2 || c == 0xB3 {
				return true
			}
		case 0xE2:
			if i+2 < len(text) && text[i+1] == 0x81 && (text[i+2] == 0xB0 || 0xB4 <= text[i+2] && text[i+2] <= 0xB9) {
				return true
			}
		}
	}
	return false
}

// digitContexts reports, from the runs of ASCII digits in text, what the
// numbered and author-year markers need: a run right after [ or ［
// (bracket: "[12", "［3"); a year (19xx or 20xx, a run of four digits)
// after a space and right before ")", or before a letter and ")" (year:
// " 2020)", " 2019b)"); a year after white space or a comma (see
// yearOpens) right before "）" (fullYear). Most sentences have few
// digits: they are found a word of bytes at a time (indexDigit), and the
// brackets and parentheses around them read, not searched for over the
// whole text (in Chinese text the last bytes of ］ and ） end many other
// characters).
func digitContexts(text string) (bracket, year, fullYear bool) {
	for i := 0; i < len(text); {
		// Step to the next digit along a slice (no index arithmetic or
		// bounds check per word): 32 bytes a turn, the four words tested
		// together (see anyDigit), then eight; the last fewer than eight
		// bytes are the text's last eight shifted down past those already
		// read: the zero bytes shifted in are no digits, and DigitMask's
		// first flag is a digit's.
		p := text[i:]
		for len(p) >= 32 && !anyDigit(swar.Load8(p), swar.Load8(p[8:]), swar.Load8(p[16:]), swar.Load8(p[24:])) {
			p = p[32:]
		}
		for len(p) >= 8 && swar.DigitMask(swar.Load8(p)) == 0 {
			p = p[8:]
		}
		i = len(text) - len(p)
		if len(p) >= 8 {
			i += bits.TrailingZeros64(swar.DigitMask(swar.Load8(p))) / 8
		} else if len(text) >= 8 {
			from := len(text) - 8
			m := swar.DigitMask(swar.Load8(text[from:]) >> (8 * (i - from)))
			if m == 0 {
				break
			}
			i += bits.TrailingZeros64(m) / 8
		} else if len(p) == 0 {
			break
		} else if !isDigit(text[i]) {
			i++
			continue
		}
		start, end := i, i+1
		for end < len(text) && isDigit(text[end]) {
			end++
		}
		if start >= 1 && text[start-1] == '[' || start >= 3 && text[start-3:start] == "［" {
			bracket = true
		}
		if end-start == 4 && yearEndsAt(text, end) {
			rest, before := text[end:], text[:start]
			switch {
			case strings.HasPrefix(rest, ")") || len(rest) >= 2 && 'a' <= rest[0] && rest[0] <= 'z' && rest[1] == ')':
				year = year || strings.HasSuffix(before, " ")
			case strings.HasPrefix(rest, "）"):
				fullYear = fullYear || yearOpens(before)
			}
		}
		i = end
	}
	return bracket, year, fullYear
}

// anyDigit reports an ASCII digit among the bytes of a, b, c and d: it is
// DigitMask of each ORed together, with the top bits kept once. A borrow
// starts only at a digit, so the result is 0 exactly when none has one.
func anyDigit(a, b, c, d uint64) bool {
	a, b, c, d = a^'0'*swar.Ones, b^'0'*swar.Ones, c^'0'*swar.Ones, d^'0'*swar.Ones
	return ((a-10*swar.Ones)&^a|(b-10*swar.Ones)&^b|(c-10*swar.Ones)&^c|(d-10*swar.Ones)&^d)&swar.Highs != 0
}

// yearOpens reports text ending as authorYearMarker's Chinese form needs
// before its year: in a comma (，, 、) and perhaps white space (\s).
func yearOpens(text string) bool {
	text = strings.TrimRight(text, "\t\n\f\r ")
	return strings.HasSuffix(text, "，") || strings.HasSuffix(text, ",") || strings.HasSuffix(text, "、")
}

// yearEndsAt reports a year from 1900 to 2099 in text ending at k.
func yearEndsAt(text string, k int) bool {
	if k < 4 {
		return false
	}
	y := text[k-4 : k]
	return (y[0] == '1' && y[1] == '9' || y[0] == '2' && y[1] == '0') && isDigit(y[2]) && isDigit(y[3])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
