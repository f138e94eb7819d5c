package facts

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// opensQuotation of a text's marks (appendQuoteMarks), which sentence
// asks instead of hasQuotation when the view may hold a curly mark, is
// hasQuotation of the text: random texts of every opening and closing
// mark, the marks that share their first bytes (《》、。…—), " and ',
// marks cut to one or two bytes, stray continuation and invalid bytes,
// each cut anywhere; and the corpus lines.
func TestOpensQuotationIsHasQuotation(t *testing.T) {
	pieces := append(markPieces, "\"", "'", "、", "。", "…", "—", "–", "\xe2\x80", "\xe3\x80", "\xe2", "\xe3", "\x80\x9c",
		"\x9c", "\xff", "a", " ", "神药")
	rng := rand.New(rand.NewPCG(31, 9))
	quoted, unquoted := 0, 0
	check := func(text string) {
		want := hasQuotation(text)
		require.Equal(t, want, opensQuotation(appendQuoteMarks(nil, text)), "%q", text)
		if want {
			quoted++
		} else {
			unquoted++
		}
	}
	for range 100000 {
		text := randomText(rng, pieces, 8)
		check(text)
		if len(text) > 0 {
			check(text[rng.IntN(len(text)):])
		}
	}
	for _, line := range corpusLines(t) {
		check(line)
	}
	require.Greater(t, quoted, 20000)
	require.Greater(t, unquoted, 20000)
}
