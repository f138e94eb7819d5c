package lint

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/hypelint/hypelint/lint/rule"
)

// byPosition orders findings by where they start, then by rule ID.
func byPosition(a, b rule.Finding) int {
	return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), strings.Compare(a.Rule.ID, b.Rule.ID))
}

// sortByPosition sorts findings as slices.SortStableFunc(findings,
// byPosition) does, without moving whole findings O(n log² n) times and
// without a function call and a string comparison per comparison: each
// finding's start and place in the list are packed into one integer
// (start in the high half, place in the low), the integers sorted, the
// findings that start together ordered by rule ID among themselves
// (insertion sort: such runs are short, and it keeps their order), and
// each finding moved once.
func sortByPosition(findings []rule.Finding) {
	if len(findings) < 2 {
		return
	}
	var buf [128]uint64
	keys := buf[:0]
	if len(findings) > len(buf) {
		keys = make([]uint64, 0, len(findings))
	}
	sorted := true
	for i := range findings {
		f := &findings[i]
		if f.Span.Start < 0 || f.Span.Start > math.MaxUint32 || i > math.MaxUint32 {
			slices.SortStableFunc(findings, byPosition) // no offset is, but the packing would be wrong
			return
		}
		keys = append(keys, uint64(f.Span.Start)<<32|uint64(i))
		if sorted && i > 0 {
			p := &findings[i-1]
			sorted = p.Span.Start < f.Span.Start || p.Span.Start == f.Span.Start && p.Rule.ID <= f.Rule.ID
		}
	}
	if sorted {
		return
	}
	slices.Sort(keys)
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j]>>32 == keys[i]>>32 {
			j++
		}
		if j-i > 1 {
			byID(findings, keys[i:j])
		}
		i = j
	}
	permute(findings, keys)
}

// byID sorts keys of findings that start at the same place by rule ID,
// keeping the order of those with the same ID.
func byID(findings []rule.Finding, keys []uint64) {
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		id := findings[uint32(k)].Rule.ID
		j := i
		for ; j > 0 && findings[uint32(keys[j-1])].Rule.ID > id; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
	}
}

// permute puts findings[at(keys[i])] at i for every i, following each
// cycle of the permutation (a key's place is set to i as its finding
// lands); at is the low half of a key.
func permute(findings []rule.Finding, keys []uint64) {
	const low = math.MaxUint32
	for i := range keys {
		if int(keys[i]&low) == i {
			continue
		}
		held := findings[i]
		j := i
		for {
			k := int(keys[j] & low)
			keys[j] = keys[j]&^low | uint64(j)
			if k == i {
				break
			}
			findings[j] = findings[k]
			j = k
		}
		findings[j] = held
	}
}
