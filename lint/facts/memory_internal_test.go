package facts

import (
	"testing"

	"github.com/stretchr/testify/assert"
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

// An own keeper (a section of a long text) ties no block or sentence to
// another block's: each block and each block's sentences have a chunk of
// their own, reserve sets nothing aside, and hit chunks stay within
// ownChunk values however many are taken.
func TestOwnKeeperSharesNoChunk(t *testing.T) {
	k := ownKeeper()
	k.sentences.reserve(1000)
	k.blocks.reserve(100)
	assert.Nil(t, k.sentences.chunk, "reserve set memory aside")
	assert.Nil(t, k.blocks.chunk, "reserve set memory aside")
	first := k.blocks.take(1)
	second := k.blocks.take(1)
	assert.Len(t, k.blocks.chunk, 1, "a block shares its chunk")
	assert.NotSame(t, &first[0], &second[0])
	for _, n := range []int{3, 1, 7} {
		k.sentences.take(n)
		assert.Len(t, k.sentences.chunk, n, "a block's sentences share a chunk with another's")
	}
	for range 5000 {
		k.hits.take(3)
		assert.LessOrEqual(t, len(k.hits.chunk), ownChunk)
	}
	k.hits.take(2 * ownChunk)
	assert.Len(t, k.hits.chunk, 2*ownChunk, "a take larger than the bound gets exactly its size")
}
