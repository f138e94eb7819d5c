package numbers

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// gateTexts are random strings of context words, numbers and filler, and
// the corpus articles (as written and lower-cased, as normalization leaves
// English).
func gateTexts(t *testing.T) []string {
	pieces := []string{"1", "2,013", "50", " ", ",", "研究", "患者", "名", "x", "N", "n", "=", "the ", "a ", "\xe4\xb8"}
	for _, ss := range append(contextLists, enArticles, statP) {
		for _, w := range ss.byLast {
			pieces = append(pieces, w, strings.ToUpper(w), " "+w)
		}
	}
	rng := rand.New(rand.NewPCG(31, 32))
	var texts []string
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	files, err := filepath.Glob("../../corpus/*/*.md")
	require.NoError(t, err)
	more, err := filepath.Glob("../../corpus/*/*.txt")
	require.NoError(t, err)
	files = append(files, more...)
	require.NotEmpty(t, files, "the corpus articles are found")
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		texts = append(texts, string(data), strings.ToLower(string(data)))
	}
	return texts
}

// preContext's pair gate answers as reading every list would, at every
// position of random and corpus text, wherever the previous mention ended.
func TestContextGateMatchesReadingEveryList(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	gated, read := 0, 0
	for _, text := range gateTexts(t) {
		for at := 0; at <= len(text); at++ {
			s := scanner{text: text, lastEnd: rng.IntN(at + 1)}
			k := trimSpaceBack(text, at)
			want := s.readContext(at, k)
			require.Equal(t, want, s.preContext(at), "%q before %d", text, at)
			if !contextMayEnd(text, k) {
				gated++
			} else if bare := (preCtx{start: at, family: want.family, rankNear: want.rankNear}); want != bare {
				read++
			}
		}
	}
	require.Greater(t, read, 10000, "the texts hold context words")
	require.Greater(t, gated, read, "the gate rules out most positions")
}

// Every entry of every list read before a number passes the gate, in any
// case and after any byte.
func TestContextPairsHoldEveryEntry(t *testing.T) {
	for _, ss := range contextLists {
		for _, w := range ss.byLast {
			for _, v := range []string{w, strings.ToUpper(w)} {
				for _, before := range []string{"", " ", "x", "研", "\xff"} {
					text := before + v
					require.True(t, contextMayEnd(text, len(text)), "%q", text)
				}
			}
		}
	}
	require.False(t, contextMayEnd("研究", len("研究")), "a pair no entry ends with is ruled out")
	require.False(t, contextMayEnd("", 0))
}
