package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
)

// TestRecycledFindingsListGivesWhatAFreshOneGives builds every corpus
// article's report into the findings, claims and studies lists of the
// largest one's, given back by Recycle, and checks it equals a report built into a fresh list: no
// finding, claim or study of the earlier file left over. It checks that the list was
// reused (the pool may drop it, not every time).
func TestRecycledFindingsListGivesWhatAFreshOneGives(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	var results []*lint.Result
	var paths []string
	err = filepath.WalkDir("../../corpus", func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !(strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".md")) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		res, err := l.Lint(lint.Input{Path: path, Data: data})
		results, paths = append(results, res), append(paths, path)
		return err
	})
	require.NoError(t, err)
	largest := 0
	for i, res := range results {
		if len(res.Findings) > len(results[largest].Findings) {
			largest = i
		}
	}
	require.Greater(t, len(results[largest].Findings), 10)
	reused := 0
	for i, res := range results {
		stale := NewFile(paths[largest], results[largest], "en")
		backing := &stale.Findings[:1][0]
		stale.Recycle()
		require.Nil(t, stale.Findings)
		require.Nil(t, stale.Claims)
		require.Nil(t, stale.Studies)
		got := NewFile(paths[i], res, "en")
		want := NewFile(paths[i], res, "en") // the pool is empty: a fresh list
		require.Equal(t, want, got, paths[i])
		if cap(got.Findings) > 0 && &got.Findings[:1][0] == backing {
			reused++
		}
	}
	// The pool may drop a list now and then (often under -race).
	require.Positive(t, reused, "no file's report reused the given-back list")
}

// TestListsKeepNoListAboveTheCap: a list longer than maxPooledList goes to
// the collector, while one at the cap comes back from the next get (the
// pool may drop a list now and then, hence the rounds).
func TestListsKeepNoListAboveTheCap(t *testing.T) {
	l := newLists[Finding]()
	atCap, reused := 0, 0
	for range 20 {
		big := make([]Finding, 1, maxPooledList+1)
		l.put(big)
		if got := l.get(1); &got[:1][0] == &big[:1][0] {
			reused++
		}
		small := make([]Finding, 1, maxPooledList)
		l.put(small)
		if got := l.get(1); &got[:1][0] == &small[:1][0] {
			atCap++
		}
	}
	require.Zero(t, reused, "a list above the cap came back")
	require.Positive(t, atCap, "a list at the cap never came back")
}
