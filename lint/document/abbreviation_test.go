package document

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// isAbbreviation answers as a lookup of strings.ToLower(word) does, on
// every abbreviation in random case, with characters added, on random
// words mixing ASCII and characters that lower-case to ASCII or change
// length, and it allocates nothing for an ASCII word.
func TestIsAbbreviationEqualsToLowerLookup(t *testing.T) {
	old := func(word string) bool { return abbreviations[strings.ToLower(word)] }
	longest := 0
	for a := range abbreviations {
		longest = max(longest, len(a))
	}
	assert.Equal(t, maxAbbreviation, longest)
	r := rand.New(rand.NewPCG(3, 8))
	randomCase := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if r.IntN(2) == 0 && 'a' <= c && c <= 'z' {
				b[i] = c - 'a' + 'A'
			}
		}
		return string(b)
	}
	var words []string
	for a := range abbreviations {
		for range 4 {
			w := randomCase(a)
			words = append(words, w, w+"x", "x"+w, w+".", strings.Replace(w, "k", "\u212a", 1))
		}
	}
	pieces := []string{"a", "A", "l", "D", "r", ".", "\u212a", "\u0130", "é", "É", "s", "t", "U", "k", "ph", "approx"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		words = append(words, b.String())
	}
	found := 0
	for _, w := range words {
		if assert.Equal(t, old(w), isAbbreviation(w), "%q", w) && old(w) {
			found++
		}
	}
	assert.Greater(t, found, 4*len(abbreviations))
	assert.Zero(t, testing.AllocsPerRun(100, func() { isAbbreviation("Approx.") }))
}
