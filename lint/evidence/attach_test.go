package evidence_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/evidence"
)

// TestAttachCarvesWhatAppendingGave builds the card of every corpus
// article and checks each claim's and study's findings against appending
// them one by one: the same findings in the same order, every carved
// list's capacity its length, so appending to one cannot write into the
// next, and the flagged claims' excerpts (only theirs are made) as
// before.
func TestAttachCarvesWhatAppendingGave(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	var paths []string
	err = filepath.WalkDir("../../corpus", func(path string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".html")) {
			paths = append(paths, path)
		}
		return err
	})
	require.NoError(t, err)
	require.Greater(t, len(paths), 50)
	attached := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		res, err := l.Lint(lint.Input{Path: path, Data: data})
		require.NoError(t, err, path)
		got, want := evidence.Build(res.Facts, res.Findings), evidence.BuildByAppend(res.Facts, res.Findings)
		require.Equal(t, len(want.Claims), len(got.Claims), path)
		for i, cl := range got.Claims {
			require.Equal(t, want.Claims[i].Findings, cl.Findings, "%s: claim %d", path, i)
			require.Equal(t, len(cl.Findings), cap(cl.Findings), "%s: claim %d", path, i)
			if cl.Flagged() {
				require.Equal(t, want.Claims[i].Excerpt, cl.Excerpt, "%s: claim %d", path, i)
			} else {
				require.Empty(t, cl.Excerpt, "%s: claim %d", path, i)
			}
			attached += len(cl.Findings)
		}
		require.Equal(t, len(want.Studies), len(got.Studies), path)
		for i, s := range got.Studies {
			require.Equal(t, want.Studies[i].Findings, s.Findings, "%s: study %d", path, i)
			require.Equal(t, len(s.Findings), cap(s.Findings), "%s: study %d", path, i)
			attached += len(s.Findings)
		}
	}
	require.Greater(t, attached, 100) // the corpus flags claims
}

// Each reason given only the values its texts name reads as the reason
// given every value: every flagged claim of every corpus card, in each
// locale, over the reasons of every kind the corpus gives.
func TestWhyReadsAsWithEveryValue(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	flagged := 0
	kinds := map[string]bool{}
	err = filepath.WalkDir("../../corpus", func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(path) == ".yaml" {
			return err
		}
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		res, err := l.Lint(lint.Input{Path: path, Data: src, Card: true})
		require.NoError(t, err)
		for _, cl := range res.Card.Claims {
			if !cl.Flagged() {
				continue
			}
			flagged++
			for _, locale := range []string{"en", "zh-Hans", "zh-Hant"} {
				want := res.Card.WhyWithEveryValue(cl, locale)
				require.Equal(t, want, res.Card.Why(cl, locale), "%s %s", path, locale)
			}
			en := res.Card.Why(cl, "en")
			for _, kind := range []string{"It rests on", "is attributed", "not people", "names no population", "association, not a cause", "cannot prove", "no number of participants", "no study in the article shows", "with no study behind it"} {
				if strings.Contains(en, kind) {
					kinds[kind] = true
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, flagged, 100)
	require.GreaterOrEqual(t, len(kinds), 6, "reasons of most kinds: %v", kinds)
}
