package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/rule"
)

// describe writes out every field of a document's findings, for comparing
// two runs' without sharing anything with them.
func describe(found []rule.Finding) []string {
	out := make([]string, len(found))
	for i, f := range found {
		study := -1
		if f.Study != nil {
			study = f.Study.Index
		}
		out[i] = fmt.Sprintf("%s %v %q %q %q %q study=%d fixes=%v", f.Rule.ID, f.Span, f.Term, f.Suggestion, f.Role, f.Voice, study, f.Fixes)
	}
	return out
}

// The findings of a document stay as they were while the documents after
// it are linted (the evaluator's lists and masks, and the findings of
// released results, are reused from one run to the next): every other
// corpus article's result is kept, unreleased, while the rest of the
// corpus is linted in sequence, the others released at once; each kept
// one still equals what was read from it at once, and each article's
// findings equal those of a linter whose results are never released.
func TestResultsSurviveTheNextDocuments(t *testing.T) {
	paths, err := filepath.Glob("../corpus/*/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	l, err := lint.Default()
	require.NoError(t, err)
	kept := make([]*lint.Result, len(paths))
	atOnce := make([][]string, len(paths))
	total := 0
	for i, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		res, err := l.Lint(lint.Input{Path: path, Data: data})
		require.NoError(t, err)
		atOnce[i] = describe(res.Findings)
		total += len(res.Findings)
		if i%2 == 0 {
			kept[i] = res
			continue
		}
		res.Release()
		assert.Nil(t, res.Findings, "a released result's findings are not to be read")
	}
	require.Greater(t, total, len(paths), "the corpus has findings to compare")
	never, err := lint.New(lint.Builtin)
	require.NoError(t, err)
	for i, path := range paths {
		if kept[i] != nil {
			assert.Equal(t, atOnce[i], describe(kept[i].Findings), "%s, kept", path)
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		res, err := never.Lint(lint.Input{Path: path, Data: data})
		require.NoError(t, err)
		assert.Equal(t, describe(res.Findings), atOnce[i], "%s, as with no results released", path)
	}
}
