package numbers

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWordTableRefusesMoreWordsThanItsIndexesReach: a table is built from
// the built-in lists only, so one too large panics when it is built, not
// with wrong lookups later; the largest it holds is built.
func TestWordTableRefusesMoreWordsThanItsIndexesReach(t *testing.T) {
	words := func(n int) map[string]int {
		m := make(map[string]int, n)
		for i := range n {
			m["w"+strconv.Itoa(i)] = i
		}
		return m
	}
	most := words(1<<16 - 1)
	wt := newWordTable(most)
	v, ok := wt.get("W65534")
	require.True(t, ok)
	require.Equal(t, 65534, v)
	require.PanicsWithValue(t, "numbers: a word table holds at most 65535 words (its indexes are uint16)",
		func() { newWordTable(words(1 << 16)) })
}
