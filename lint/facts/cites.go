package facts

import (
	"regexp"
	"strings"
	"sync"
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
// needs are there: most sentences have a bracket but no marker.
func citesSource(text string) bool {
	if bracketBeforeDigit(text) && hasBracketMarker(text) {
		return true
	}
	if yearBeforeClose(text) && authorYearMarker().MatchString(text) {
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

// bracketBeforeDigit reports what bracketMarker needs to match: a closing
// bracket, and an opening one right before a digit ("[12", "［3").
func bracketBeforeDigit(text string) bool {
	if !strings.Contains(text, "]") && !containsMark(text, "］") {
		return false
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], '[')
		if k < 0 {
			break
		}
		i += k
		if i+1 < len(text) && isDigit(text[i+1]) {
			return true
		}
	}
	for i := 0; ; i++ {
		k := indexMark(text[i:], "［")
		if k < 0 {
			return false
		}
		i += k
		if i+len("［") < len(text) && isDigit(text[i+len("［")]) {
			return true
		}
	}
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

// yearBeforeClose reports what authorYearMarker needs to match: a year
// (19xx or 20xx, perhaps with a letter) right before ")", or a year right
// before "）" in a text that has 等. Most parentheses that close after a
// digit hold a value ("(n=120)", "（61.4%）"), not a year.
func yearBeforeClose(text string) bool {
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], ')')
		if k < 0 {
			break
		}
		i += k
		if yearEndsAt(text, i) || i > 0 && 'a' <= text[i-1] && text[i-1] <= 'z' && yearEndsAt(text, i-1) {
			return true
		}
	}
	// A year before "）" first, then 等: 等 is common in Chinese text, a
	// year before "）" is not.
	for i := 0; ; i++ {
		k := indexMark(text[i:], "）")
		if k < 0 {
			return false
		}
		i += k
		if yearEndsAt(text, i) {
			return containsMark(text, "等")
		}
	}
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
