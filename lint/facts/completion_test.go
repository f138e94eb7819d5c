package facts_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
)

// Complete's fused walks leave every sentence as Complete's walk and the
// completion passes did (CompleteByPasses): claims with their subject,
// strength, voice, study, evidence and design, stories, and the flags
// Complete sets, on every article of the corpus (stories, studies,
// critical articles, Chinese and English) and on each run a second time,
// as section by section analysis does.
func TestCompleteMatchesPasses(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	files, err := filepath.Glob("../../corpus/*/*.txt")
	require.NoError(t, err)
	require.Greater(t, len(files), 50)
	finished := func(text []byte) (*facts.Analyzer, *facts.Document) {
		doc, err := document.ParseText("a.txt", text)
		require.NoError(t, err)
		a := facts.NewAnalyzer(l.Lexicon)
		d := a.Begin(doc)
		d.Blocks = a.Blocks(d, doc)
		a.Finish(d)
		return a, d
	}
	claims, stories := 0, 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		require.NoError(t, err)
		a1, got := finished(text)
		a2, want := finished(text)
		for range 2 {
			a1.Complete(got, got.Blocks)
			a2.CompleteByPasses(want, want.Blocks)
		}
		require.Equal(t, len(want.Blocks), len(got.Blocks), f)
		for i, b := range want.Blocks {
			require.Equal(t, len(b.Sentences), len(got.Blocks[i].Sentences), f)
			for j, w := range b.Sentences {
				g := got.Blocks[i].Sentences[j]
				require.Equal(t, w.Claims, g.Claims, "%s: %q", f, w.Text)
				require.Equal(t, [5]any{w.StoryEnd, w.ImprovementAfter, w.SizeKnown, w.Distanced, w.NamesModel},
					[5]any{g.StoryEnd, g.ImprovementAfter, g.SizeKnown, g.Distanced, g.NamesModel}, "%s: %q", f, w.Text)
				claims += len(w.Claims)
				if w.ImprovementAfter {
					stories++
				}
			}
		}
	}
	require.Greater(t, claims, 1000)
	require.Positive(t, stories)
}
