package lint

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/rule"
)

// TestSortByPositionIsTheStableSort: sortByPosition leaves findings in the
// order slices.SortStableFunc(findings, byPosition) gives, on random lists
// full of ties (same start and rule: only the order they came in tells
// them apart, by their Term here), already sorted lists, and lists longer
// than the keys' stack buffer.
func TestSortByPositionIsTheStableSort(t *testing.T) {
	rules := []*rule.Rule{{ID: "b-rule"}, {ID: "a-rule"}, {ID: "c-rule"}}
	rng := rand.New(rand.NewSource(17))
	for round := range 2000 {
		n := rng.Intn(150)
		found := make([]rule.Finding, n)
		for i := range found {
			start := rng.Intn(1 + n/4)
			found[i] = rule.Finding{Rule: rules[rng.Intn(len(rules))], Span: document.Span{Start: start, End: start + 3}, Term: fmt.Sprint(i)}
		}
		if round%5 == 0 {
			slices.SortStableFunc(found, byPosition)
		}
		want := slices.Clone(found)
		slices.SortStableFunc(want, byPosition)
		sortByPosition(found)
		require.Equal(t, want, found, "round %d, %d findings", round, n)
	}
}

// TestSortByPositionOnTheCorpus sorts the findings of every corpus file,
// as the rules give them, both ways.
func TestSortByPositionOnTheCorpus(t *testing.T) {
	l := defaultLinter(t)
	paths, err := filepath.Glob("../corpus/*/*.txt")
	require.NoError(t, err)
	files := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		doc, err := Parse(Input{Path: path, Data: data})
		require.NoError(t, err)
		f := l.analyzer.Analyze(doc)
		found, err := l.Rules.Evaluate(f)
		require.NoError(t, err)
		want := slices.Clone(found)
		slices.SortStableFunc(want, byPosition)
		sortByPosition(found)
		require.Equal(t, want, found, path)
		files++
	}
	require.NotZero(t, files)
}

// A start that does not fit the packed key (none does in practice) is
// sorted by the stable sort itself; long runs of findings that start at
// one place keep their order within a rule.
func TestSortByPositionOutsideThePacking(t *testing.T) {
	rules := []*rule.Rule{{ID: "b-rule"}, {ID: "a-rule"}}
	for _, starts := range [][]int{{5, -1, 3, -1, 0}, {7, 1 << 33, 7, 2}, {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1}} {
		found := make([]rule.Finding, len(starts))
		for i, s := range starts {
			found[i] = rule.Finding{Rule: rules[i%2], Span: document.Span{Start: s, End: s + 1}, Term: fmt.Sprint(i)}
		}
		want := slices.Clone(found)
		slices.SortStableFunc(want, byPosition)
		sortByPosition(found)
		require.Equal(t, want, found, "%v", starts)
	}
}
