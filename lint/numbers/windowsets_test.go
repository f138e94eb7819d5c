package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hypelint/hypelint/lint/internal/anyword"
	"github.com/stretchr/testify/require"
)

// containsAny reports whether s contains one of words: the reference for
// anyword.Set.In, one search of s per word.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Each window word set answers as searching for each of its words, on
// every window of random text (its words whole, cut and joined, bytes
// that share a word's first bytes) and of the corpus.
func TestSubstringsMatchSearchingEachWord(t *testing.T) {
	loadTables()
	sets := []struct {
		set   *anyword.Set
		words []string
	}{
		{enStudySet, enStudyWords}, {poolSet, append(append([]string{}, zhPoolWords...), enPoolWords...)},
		{zhPopSet, zhPopWords}, {enPopAfterSet, enPopAfter}, {enPopBeforeSet, enPopBefore},
		{negVagueEnSet, negVagueEn}, {negVagueZhSet, negVagueZh},
	}
	pieces := []string{" ", "x", "研", "1", "\xe5", "no", "o "}
	for _, c := range sets {
		for _, w := range c.words {
			pieces = append(pieces, w, w[:len(w)-1], w[1:], w[:2])
		}
	}
	rng := rand.New(rand.NewPCG(81, 82))
	var texts []string
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range gateTexts(t) { // windows of the corpus articles (and of the longer random texts)
		for i := 0; i+40 < len(text); i += 17 {
			texts = append(texts, text[i:i+40])
		}
	}
	found := 0
	for _, text := range texts {
		for _, c := range sets {
			want := containsAny(text, c.words)
			if got := c.set.In(text); got != want {
				t.Fatalf("in(%q) = %v, want %v (words %q)", text, got, want, c.words[:3])
			}
			if want {
				found++
			}
		}
	}
	require.Greater(t, found, 10000, "the texts hold the words")
}
