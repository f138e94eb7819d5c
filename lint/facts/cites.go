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
	for i := 0; ; {
		k := indexDigit(text[i:])
		if k < 0 {
			return bracket, year, fullYear
		}
		start := i + k
		end := start + 1
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
}

// yearOpens reports text ending as authorYearMarker's Chinese form needs
// before its year: in a comma (，, 、) and perhaps white space (\s).
func yearOpens(text string) bool {
	text = strings.TrimRight(text, "\t\n\f\r ")
	return strings.HasSuffix(text, "，") || strings.HasSuffix(text, ",") || strings.HasSuffix(text, "、")
}

// indexDigit returns the index of the first ASCII digit of s, or -1,
// sixteen bytes at a time, then eight; a tail of fewer than eight bytes
// is read as the last eight bytes of s: those before the tail hold no
// digit, so DigitMask flags none of them.
func indexDigit(s string) int {
	i := 0
	for ; i+16 <= len(s); i += 16 {
		lo, hi := swar.DigitMask(swar.Load8(s[i:i+8])), swar.DigitMask(swar.Load8(s[i+8:i+16]))
		if lo|hi != 0 {
			if lo != 0 {
				return i + bits.TrailingZeros64(lo)/8
			}
			return i + 8 + bits.TrailingZeros64(hi)/8
		}
	}
	if i+8 <= len(s) {
		if m := swar.DigitMask(swar.Load8(s[i : i+8])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	if i == len(s) {
		return -1
	}
	if len(s) >= 8 {
		from := len(s) - 8
		if m := swar.DigitMask(swar.Load8(s[from:])); m != 0 {
			return from + bits.TrailingZeros64(m)/8
		}
		return -1
	}
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return i
		}
	}
	return -1
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
