package facts_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
)

// sentenceFacts prints what the analysis of d says of each sentence (its
// text, view, hits, numbers and flags), for comparing two analyses.
func sentenceFacts(d *facts.Document) string {
	var sb strings.Builder
	for _, b := range d.Blocks {
		fmt.Fprintf(&sb, "block %d %s %s %v\n", b.Index, b.Kind, b.Role, b.Span)
		for _, s := range b.Sentences {
			c := *s
			c.Block, c.Study, c.Claims, c.View.Map = nil, nil, nil, s.View.Map
			fmt.Fprintf(&sb, "%+v claims %d map %d:%d\n", c, len(s.Claims), s.View.Map.Start(len(s.Text)/2), s.View.Map.End(len(s.Text)))
		}
	}
	return sb.String()
}

// TestReleasedMemoryServesTheNextDocument analyses the corpus releasing
// each document's facts as the driver does, so that each document is built
// in memory the one before gave back, and compares every analysis with
// one made without any release.
func TestReleasedMemoryServesTheNextDocument(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	fresh := facts.NewAnalyzer(l.Lexicon)
	n := 0
	for range 2 {
		for _, in := range corpusTexts(t) {
			doc, err := lint.Parse(in)
			if err != nil {
				continue
			}
			d := a.Analyze(doc)
			want := fresh.Analyze(doc)
			require.Equal(t, sentenceFacts(want), sentenceFacts(d), in.Path)
			require.Equal(t, classCounts(l.Lexicon.Classes, want), classCounts(l.Lexicon.Classes, d), in.Path)
			n += d.Sentences
			d.Release()
			require.Nil(t, d.Blocks)
			d.Release() // a second release is a no-op
		}
	}
	require.Greater(t, n, 1000)
}

// classCounts lists the document's count of each class (kept, like its
// blocks, in memory Release gives back).
func classCounts[T any](classes []T, d *facts.Document) []int {
	counts := make([]int, len(classes))
	for c := range counts {
		counts[c] = d.Count(c)
	}
	return counts
}

// TestPoisonedReleaseOverwritesSentences: with PoisonReleased on, a
// sentence read after its document's release shows the poison, not its
// facts (what TestReleasedFactsAreNotReadAgain in cmd/hypelint relies on).
func TestPoisonedReleaseOverwritesSentences(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	doc, err := lint.Parse(lint.Input{Path: "a.txt", Data: []byte("重磅！NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n")})
	require.NoError(t, err)
	d := a.Analyze(doc)
	s := d.Blocks[1].Sentences[0]
	text, hits, claims := s.Text, s.Hits, s.Claims
	require.Contains(t, text, "神药")
	require.NotEmpty(t, hits)
	require.NotEmpty(t, claims)
	claim := claims[0]
	class := hits[0].Class
	require.Positive(t, d.Count(class))
	facts.PoisonReleased(true)
	defer facts.PoisonReleased(false)
	d.Release()
	require.NotContains(t, s.Text, "神药")
	require.NotContains(t, text, "神药", "the text's bytes are overwritten too")
	require.Equal(t, -1, hits[0].Class)
	require.Less(t, s.Index, 0)
	require.Nil(t, claims[0], "the claim lists are overwritten")
	require.NotContains(t, claim.Term, "神药", "and the claims")
	require.NotEqual(t, "none", claim.Subject)
	require.Negative(t, d.Count(class), "the class counts are overwritten")
	for _, c := range []int{0, class, 254} {
		require.True(t, s.Has(c), "a released sentence says it has every class, %d too", c)
	}
}
