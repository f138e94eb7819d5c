package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// zhStudyInByWord is zhStudyIn as it was: the window searched once per
// study word. The reference for the one-pass set lookup.
func zhStudyInByWord(t string, lo, hi int) bool {
	for _, w := range zhStudyWords {
		for from := lo; from < hi; {
			i := strings.Index(t[from:hi], w)
			if i < 0 {
				break
			}
			e := from + i + len(w)
			if !hasAnyPrefix(t[e:], zhResearcher) {
				return true
			}
			from = e
		}
	}
	return false
}

// zhStudyIn answers as the word-by-word search for every window of random
// text (study words, researcher words after them, words sharing a rune,
// cut runes) and for windows of the corpus articles.
func TestZhStudyInMatchesSearchingEachWord(t *testing.T) {
	pieces := append([]string{"人员", "者", "团队", "中心", "研", "究", "x", " ", "1", "\xe7\xa0", "\xb6", "名", "患者"}, zhStudyWords...)
	rng := rand.New(rand.NewPCG(71, 72))
	var texts []string
	for range 6000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, text := range texts {
		for lo := 0; lo <= len(text); lo++ {
			for hi := lo; hi <= len(text); hi++ {
				want := zhStudyInByWord(text, lo, hi)
				if got := zhStudyIn(text, lo, hi); got != want {
					t.Fatalf("zhStudyIn(%q, %d, %d) = %v, want %v", text, lo, hi, got, want)
				}
				if want {
					found++
				}
			}
		}
	}
	for _, text := range gateTexts(t)[20000:] {
		for n := 0; n < 2000 && len(text) > 0; n++ {
			lo := rng.IntN(len(text))
			hi := min(len(text), lo+rng.IntN(40))
			if got, want := zhStudyIn(text, lo, hi), zhStudyInByWord(text, lo, hi); got != want {
				t.Fatalf("zhStudyIn(%q, %d, %d) = %v, want %v", text[lo:hi], lo, hi, got, want)
			}
		}
	}
	require.Greater(t, found, 3000, "the texts hold study words")
}
