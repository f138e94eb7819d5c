package reuse

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The pool may drop a slice now and then (always, at random, under the
// race detector), hence the rounds and "at least once".

func TestGetReturnsASliceGivenBack(t *testing.T) {
	s := Slices[int]{Max: 64}
	reused := 0
	for range 20 {
		given := make([]int, 3, 8)
		s.Put(given)
		got := s.Get(8)
		require.Empty(t, got)
		require.GreaterOrEqual(t, cap(got), 8)
		if &got[:1][0] == &given[0] {
			reused++
		}
	}
	require.Positive(t, reused, "a slice given back never came back")
}

func TestGetNeverReturnsASliceTooSmallButKeepsIt(t *testing.T) {
	s := Slices[int]{Max: 64}
	kept := 0
	for range 20 {
		small := make([]int, 1, 4)
		s.Put(small)
		large := s.Get(16)
		require.GreaterOrEqual(t, cap(large), 16)
		require.NotSame(t, &small[0], &large[:1][0])
		if next := s.Get(4); &next[:1][0] == &small[0] {
			kept++
		}
	}
	require.Positive(t, kept, "a slice too small for one request never served a smaller one")
}

func TestPutKeepsNothingAboveMax(t *testing.T) {
	s := Slices[int]{Max: 64}
	reused := 0
	for range 20 {
		big := make([]int, 1, 65)
		s.Put(big)
		if got := s.Get(1); &got[:1][0] == &big[0] {
			reused++
		}
		s.Put(make([]int, 0)) // capacity 0: nothing to keep
		require.NotNil(t, s.Get(0))
	}
	require.Zero(t, reused, "a slice above Max came back")
}
