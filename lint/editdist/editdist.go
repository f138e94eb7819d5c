// Package editdist measures how far apart two names are, for "did you
// mean" suggestions (commands, flags, suppression directives).
package editdist

import (
	"strings"
	"unicode/utf8"
)

// Levenshtein is the edit distance between a and b, in runes: the fewest
// insertions, deletions and substitutions that turn one into the other.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Closest returns the name nearest to s (case-insensitively), if it is
// near enough to be what was meant: within two edits, and fewer edits than
// s has letters (so that "x" is not taken for "rct").
func Closest(s string, names []string) (string, bool) {
	best, bestDist := "", -1
	for _, n := range names {
		if d := Levenshtein(strings.ToLower(s), strings.ToLower(n)); bestDist < 0 || d < bestDist {
			best, bestDist = n, d
		}
	}
	return best, bestDist >= 0 && bestDist <= 2 && bestDist < utf8.RuneCountInString(s)
}
