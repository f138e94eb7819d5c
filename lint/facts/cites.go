package facts

import (
	"regexp"
	"strings"
)

// citationMarker matches the markers that tie a sentence to an entry of a
// reference list: [12], [3,4], [5-7], ［3］, (Smith et al., 2020),
// (Smith and Lee 2019), （王等，2021）.
var citationMarker = regexp.MustCompile(`\[\d{1,3}(?:\s*[,，\-–]\s*\d{1,3})*\]|［\d{1,3}(?:[,，\-–]\d{1,3})*］|` +
	`\(\p{Lu}[\p{L}'\-]+(?: et al\.?| and \p{Lu}[\p{L}'\-]+)?,? (?:19|20)\d\d[a-z]?\)|` +
	`（[\p{Han}\p{L}]{1,12}等[，,、]\s*(?:19|20)\d\d）`)

// superscripts are the digits of superscript citation markers.
const superscripts = "¹²³⁴⁵⁶⁷⁸⁹⁰"

// citesSource reports a citation marker in a sentence's source text. A
// superscript counts after a word or a punctuation mark, not after a unit
// (m², cm³).
func citesSource(text string) bool {
	if strings.ContainsAny(text, "[［(（") && citationMarker.MatchString(text) {
		return true
	}
	if !strings.ContainsAny(text, superscripts) {
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
