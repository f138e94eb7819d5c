package facts

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/numbers"
)

// TestSlabTakesZeroedCappedValuesAndReusesThem: values taken are zero,
// capped at their length, never shared between two takes; after reset the
// same memory comes back zeroed (holding nothing of the values before);
// poison overwrites what was handed out and forgets it.
func TestSlabTakesZeroedCappedValuesAndReusesThem(t *testing.T) {
	var s slab[numbers.Mention]
	var taken [][]numbers.Mention
	for n := range 200 { // past the first chunks
		v := s.take(n % 7)
		require.Len(t, v, n%7)
		require.Equal(t, len(v), cap(v))
		for i := range v {
			require.Zero(t, v[i])
			v[i] = numbers.Mention{Start: n, Subject: "x"}
		}
		taken = append(taken, v)
	}
	for n, v := range taken { // no take wrote into another
		for _, m := range v {
			require.Equal(t, n, m.Start)
		}
	}
	require.Nil(t, s.take(0))
	require.Equal(t, []numbers.Mention(nil), s.keep(nil))

	last := s.chunk
	s.reset()
	v := s.take(len(last))
	require.Same(t, &last[0], &v[0], "the last chunk is reused")
	for i := range v {
		require.Zero(t, v[i])
	}
	kept := s.keep([]numbers.Mention{{Start: 1}, {Start: 2}})
	require.Equal(t, []numbers.Mention{{Start: 1}, {Start: 2}}, kept)

	s.poison(numbers.Mention{Start: -9})
	require.Equal(t, -9, kept[0].Start)
	require.Equal(t, -9, v[0].Start)
	require.Nil(t, s.chunk, "poisoned memory is never handed out again")
}
