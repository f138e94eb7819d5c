package anyword

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// containsAny is the reference for Set.In: one search of s per word.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// A Set answers as searching for each of its words, on random texts made
// of the words whole, cut, joined, of bytes that share a word's first
// bytes (also after folding to six bits) and of other text.
func TestInMatchesSearchingEachWord(t *testing.T) {
	lists := [][]string{
		{"价格", "费用", "成本", "价钱", "售价", "price", "cost"},
		{"participants", "patients", "people", "adults"},
		{"患者", "受试者", "志愿者", "人群", "例"},
		{"no ", "not", "without", "未", "并非"},
	}
	pieces := []string{" ", "x", "研", "1", "\xe5", "\xe4", "no", "o ", "c", "p", "P", "\x03", "\x30\x25", "的"}
	for _, l := range lists {
		for _, w := range l {
			pieces = append(pieces, w, w[:len(w)-1], w[1:], w[:2], w[1:3])
		}
	}
	rng := rand.New(rand.NewPCG(81, 82))
	for _, words := range append(lists, append(append([]string{}, lists[0]...), lists[1]...)) {
		set := New(words)
		found, missed := 0, 0
		for range 20000 {
			var b strings.Builder
			for range rng.IntN(8) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			text := b.String()
			want := containsAny(text, words)
			require.Equal(t, want, set.In(text), "In(%q) of %q", text, words)
			if want {
				found++
			} else {
				missed++
			}
		}
		assert.Greater(t, found, 1000, words)
		assert.Greater(t, missed, 1000, words)
	}
}

// Lists are joined; a word is found at the start, at the end and
// overlapping a false start; an empty set finds nothing; a word shorter
// than three bytes is refused.
func TestNewAndEdges(t *testing.T) {
	set := New([]string{"cost"}, []string{"成本"})
	assert.True(t, set.In("成本"))
	assert.True(t, set.In("low cost"))
	assert.True(t, set.In("cocost"))
	assert.False(t, set.In("cos"))
	assert.False(t, set.In(""))
	assert.False(t, New().In("cost"))
	assert.Panics(t, func() { New([]string{"成本"}, []string{"xy"}) })
}
