package lint

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hypelint/hypelint/lint/rule"
)

// byPosition orders findings by where they start, then by rule ID.
func byPosition(a, b rule.Finding) int {
	return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), strings.Compare(a.Rule.ID, b.Rule.ID))
}

// positionKey is what byPosition reads of a finding, and where it was.
type positionKey struct {
	start int
	id    string
	at    int
}

// sortByPosition sorts findings as slices.SortStableFunc(findings,
// byPosition) does, without moving whole findings O(n log² n) times: the
// small keys are sorted, the first position breaking ties so that the
// order is the stable one, and each finding moved once.
func sortByPosition(findings []rule.Finding) {
	if len(findings) < 2 {
		return
	}
	var buf [64]positionKey
	keys := buf[:0]
	if len(findings) > len(buf) {
		keys = make([]positionKey, 0, len(findings))
	}
	sorted := true
	for i := range findings {
		f := &findings[i]
		keys = append(keys, positionKey{start: f.Span.Start, id: f.Rule.ID, at: i})
		if sorted && i > 0 && compareKeys(keys[i-1], keys[i]) > 0 {
			sorted = false
		}
	}
	if sorted {
		return
	}
	slices.SortFunc(keys, compareKeys)
	permute(findings, keys)
}

func compareKeys(a, b positionKey) int {
	return cmp.Or(cmp.Compare(a.start, b.start), strings.Compare(a.id, b.id), cmp.Compare(a.at, b.at))
}

// permute puts findings[keys[i].at] at i for every i, following each cycle
// of the permutation (keys[i].at is set to i as its finding lands).
func permute(findings []rule.Finding, keys []positionKey) {
	for i := range keys {
		if keys[i].at == i {
			continue
		}
		held := findings[i]
		j := i
		for {
			k := keys[j].at
			keys[j].at = j
			if k == i {
				break
			}
			findings[j] = findings[k]
			j = k
		}
		findings[j] = held
	}
}
