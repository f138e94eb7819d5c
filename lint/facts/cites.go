package facts

import (
	"regexp"
	"strings"
	"sync"
)

// bracketMarker matches numbered markers: [12], [3,4], [5-7], ［3］.
var bracketMarker = regexp.MustCompile(`\[\d{1,3}(?:\s*[,，\-–]\s*\d{1,3})*\]|［\d{1,3}(?:[,，\-–]\d{1,3})*］`)

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
	if (strings.Contains(text, "]") || strings.Contains(text, "］")) && bracketMarker.MatchString(text) {
		return true
	}
	if yearBeforeClose(text) && authorYearMarker().MatchString(text) {
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

// yearBeforeClose reports a digit right before a closing parenthesis, as
// an author-year marker ends: "2020)", "2021）".
func yearBeforeClose(text string) bool {
	for i := 1; i < len(text); i++ {
		if text[i] == ')' && text[i-1] >= '0' && text[i-1] <= '9' {
			return true
		}
	}
	return strings.Contains(text, "）") && strings.ContainsAny(text, "0123456789") && strings.Contains(text, "等")
}
