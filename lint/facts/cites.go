package facts

import (
	"regexp"
	"strings"
)

// bracketMarker matches numbered markers: [12], [3,4], [5-7], ［3］.
var bracketMarker = regexp.MustCompile(`\[\d{1,3}(?:\s*[,，\-–]\s*\d{1,3})*\]|［\d{1,3}(?:[,，\-–]\d{1,3})*］`)

// authorYearMarker matches (Smith et al., 2020), (Smith and Lee 2019),
// （王等，2021）.
var authorYearMarker = regexp.MustCompile(`\(\p{Lu}[\p{L}'\-]+(?: et al\.?| and \p{Lu}[\p{L}'\-]+)?,? (?:19|20)\d\d[a-z]?\)|` +
	`（[\p{Han}\p{L}]{1,12}等[，,、]\s*(?:19|20)\d\d）`)

// superscripts are the digits of superscript citation markers.
const superscripts = "¹²³⁴⁵⁶⁷⁸⁹⁰"

// citesSource reports a citation marker in a sentence's source text. A
// superscript counts after a word or a punctuation mark, not after a unit
// (m², cm³). Each marker shape is looked for only when the characters it
// needs are there: most sentences have a bracket but no marker.
func citesSource(text string) bool {
	if (strings.Contains(text, "]") || strings.Contains(text, "］")) && bracketMarker.MatchString(text) {
		return true
	}
	if yearBeforeClose(text) && authorYearMarker.MatchString(text) {
		return true
	}
	// ¹²³ are U+00B9, U+00B2, U+00B3 (UTF-8 C2 ..), ⁰⁴–⁹ U+2070–2079
	// (E2 81 ..): two byte searches rule most sentences out.
	if strings.IndexByte(text, 0xC2) < 0 && !strings.Contains(text, "\xe2\x81") || !strings.ContainsAny(text, superscripts) {
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
	if !strings.Contains(text, "等") {
		return false
	}
	for i := 0; ; i++ {
		k := strings.Index(text[i:], "）")
		if k < 0 {
			return false
		}
		i += k
		if yearEndsAt(text, i) {
			return true
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
