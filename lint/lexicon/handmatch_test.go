package lexicon

import "testing"

// matchesOf returns what a hand matcher's findAll reports, in the form
// FindAllStringIndex gives a regexp's matches, so the two can be compared.
func matchesOf(findAll func(string, func(start, end int)), text string) [][]int {
	var out [][]int
	findAll(text, func(start, end int) { out = append(out, []int{start, end}) })
	return out
}

// builtinWith returns the built-in patterns for which has is true (has
// picks the ones a given kind of hand matcher serves).
func builtinWith(t testing.TB, has func(*lazyRegexp) bool) []*lazyRegexp {
	var out []*lazyRegexp
	for _, p := range builtinLexicon(t).regexes {
		if has(p.re) {
			out = append(out, p.re)
		}
	}
	return out
}
