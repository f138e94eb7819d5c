// Package corpus matches a linter's findings with the annotations written
// beside each corpus article. The golden test (corpus_test.go) feeds it.
//
// Matching is one to one, as golang.org/x/tools/go/analysis/analysistest
// consumes each expectation once: a finding satisfies at most one
// expectation and an expectation is satisfied by at most one finding, so a
// second rule reporting the same span as an expected finding is unexpected.
package corpus

// Span is a byte range of the article, end exclusive.
type Span struct{ Start, End int }

func (a Span) overlaps(b Span) bool { return a.Start < b.End && b.Start < a.End }

// Finding is what the linter reported, reduced to what matching needs.
type Finding struct {
	Rule     string // rule id
	Category string
	Span     Span
}

// Expectation is one annotation: an expected finding (Known "" or "miss")
// or a tolerated false positive, according to the list it is passed in.
// When Rule is set only that rule's finding satisfies it; otherwise any
// finding of Category does.
type Expectation struct {
	Rule     string
	Category string
	Span     Span
	Known    string // "miss": a known limitation, tolerated while nothing finds it
	Text     string // the annotated text, for messages
}

func (e Expectation) accepts(f Finding) bool {
	if e.Rule != "" && e.Rule != f.Rule {
		return false
	}
	return e.Category == f.Category && e.Span.overlaps(f.Span)
}

// Outcome says, by index into the slices given to Match, what matched.
type Outcome struct {
	// Missing are expected (not known-miss) entries no finding satisfied.
	Missing []int
	// NowFound are known misses that a finding left over satisfies.
	NowFound []int
	// KnownMisses are known misses still not found.
	KnownMisses []int
	// Tolerated are findings consumed by a false-positive entry.
	Tolerated []int
	// StaleFalsePositives are false-positive entries no finding consumed.
	StaleFalsePositives []int
	// Unexpected are findings that consumed nothing.
	Unexpected []int
}

// Match pairs findings with expectations one to one in three rounds:
// expected entries first, then known misses with the findings left over,
// then false positives with what is still left. Each round is a maximum
// bipartite matching, so the result does not depend on the order of the
// findings (a category-only entry never takes the one finding a rule-keyed
// entry needed when another finding would do).
func Match(findings []Finding, expect, falsePositives []Expectation) Outcome {
	var out Outcome
	free := make([]bool, len(findings))
	for i := range free {
		free[i] = true
	}
	var required, known []int
	for i, e := range expect {
		if e.Known == "miss" {
			known = append(known, i)
		} else {
			required = append(required, i)
		}
	}
	pick := func(entries []Expectation, which []int) (matched, unmatched []int) {
		pair := maxMatching(findings, free, entries, which)
		for k, i := range which {
			if pair[k] < 0 {
				unmatched = append(unmatched, i)
				continue
			}
			free[pair[k]] = false
			matched = append(matched, i)
		}
		return matched, unmatched
	}
	_, out.Missing = pick(expect, required)
	out.NowFound, out.KnownMisses = pick(expect, known)
	all := make([]int, len(falsePositives))
	for i := range all {
		all[i] = i
	}
	taken := append([]bool(nil), free...)
	_, out.StaleFalsePositives = pick(falsePositives, all)
	for i := range findings {
		switch {
		case taken[i] && !free[i]:
			out.Tolerated = append(out.Tolerated, i)
		case free[i]:
			out.Unexpected = append(out.Unexpected, i)
		}
	}
	return out
}

// maxMatching returns, for each entry of which, the finding paired with it
// (-1 for none), using only findings marked free (Kuhn's augmenting paths;
// an article has tens of findings, so the quadratic cost does not matter).
func maxMatching(findings []Finding, free []bool, entries []Expectation, which []int) []int {
	pair := make([]int, len(which))
	owner := make([]int, len(findings)) // entry position holding each finding
	for i := range pair {
		pair[i] = -1
	}
	for i := range owner {
		owner[i] = -1
	}
	var try func(k int, seen []bool) bool
	try = func(k int, seen []bool) bool {
		for f := range findings {
			if !free[f] || seen[f] || !entries[which[k]].accepts(findings[f]) {
				continue
			}
			seen[f] = true
			if owner[f] < 0 || try(owner[f], seen) {
				owner[f], pair[k] = k, f
				return true
			}
		}
		return false
	}
	for k := range which {
		try(k, make([]bool, len(findings)))
	}
	return pair
}
