package lexicon

import (
	"math/rand"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAutomatonFindsWhatASearchFinds compares the automaton with a naive
// search for every term at every offset, on random terms and texts over a
// small alphabet (so terms overlap, nest and share prefixes and suffixes)
// that includes multi-byte runes.
func TestAutomatonFindsWhatASearchFinds(t *testing.T) {
	alphabet := []string{"a", "b", "c", "鼠", "老"}
	rng := rand.New(rand.NewSource(1))
	word := func(max int) string {
		var sb strings.Builder
		for n := 1 + rng.Intn(max); n > 0; n-- {
			sb.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		return sb.String()
	}
	for round := 0; round < 200; round++ {
		seen := map[string]bool{}
		var terms []string
		for len(terms) < 1+rng.Intn(12) {
			if w := word(4); !seen[w] {
				seen[w] = true
				terms = append(terms, w)
			}
		}
		text := word(40)
		var want, got []string
		for _, term := range terms {
			for i := 0; i+len(term) <= len(text); i++ {
				if text[i:i+len(term)] == term {
					want = append(want, term+"@"+strconv.Itoa(i+len(term)))
				}
			}
		}
		buildAutomaton(terms).scan(text, func(id int32, end int) {
			got = append(got, terms[id]+"@"+strconv.Itoa(end))
		})
		sort.Strings(want)
		sort.Strings(got)
		require.Equal(t, want, got, "terms %q in %q", terms, text)
	}
}
