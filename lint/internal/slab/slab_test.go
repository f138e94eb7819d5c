package slab

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type value struct {
	N    int
	Name string // a pointer: Reset must drop it
}

// TestTakesZeroedCappedValuesAndReusesThem: values taken are zero, capped
// at their length, never shared between two takes; after Reset the same
// memory comes back zeroed (holding nothing of the values before); Poison
// overwrites what was handed out and forgets it.
func TestTakesZeroedCappedValuesAndReusesThem(t *testing.T) {
	var s Slab[value]
	var taken [][]value
	for n := range 2000 { // past the first chunks
		v := s.Take(n % 7)
		require.Len(t, v, n%7)
		require.Equal(t, len(v), cap(v))
		for i := range v {
			require.Zero(t, v[i])
			v[i] = value{N: n, Name: "x"}
		}
		taken = append(taken, v)
	}
	for n, v := range taken { // no take wrote into another
		for _, m := range v {
			require.Equal(t, n, m.N)
		}
	}
	require.Greater(t, len(s.inUse), 1, "the test should cross chunks")
	require.Nil(t, s.Take(0))
	require.Equal(t, []value(nil), s.Keep(nil))

	last := s.Chunk()
	s.Reset()
	require.Len(t, s.inUse, 1, "earlier chunks are left to the collector")
	v := s.Take(len(last))
	require.Same(t, &last[0], &v[0], "the last chunk is reused")
	for i := range v {
		require.Zero(t, v[i])
	}
	kept := s.Keep([]value{{N: 1}, {N: 2}})
	require.Equal(t, []value{{N: 1}, {N: 2}}, kept)
	require.NotSame(t, &last[0], &kept[0])

	s.Poison(value{N: -9})
	require.Equal(t, -9, kept[0].N)
	require.Equal(t, -9, v[0].N)
	require.Nil(t, s.Chunk(), "poisoned memory is never handed out again")
	require.NotSame(t, &last[0], &s.Take(1)[0])
}

// TestFirstChunkIsAboutFourKiB: a fresh slab's first chunk holds 4 KiB of
// values, and at least 64 of large ones; the next is twice the last.
func TestFirstChunkIsAboutFourKiB(t *testing.T) {
	var bytes Slab[byte]
	bytes.Take(1)
	assert.Len(t, bytes.Chunk(), 4<<10)
	var big Slab[[512]byte]
	big.Take(1)
	assert.Len(t, big.Chunk(), 64)
	big.Take(64)
	assert.Len(t, big.Chunk(), 128, "the second chunk is twice the first")
	big.Take(1000)
	assert.Len(t, big.Chunk(), 1000, "a take larger than twice the last gets its size")
}

// TestReserveSetsAsideOneChunk: in a fresh slab Reserve makes a chunk of
// exactly the size asked, the takes that fit use it, and it does nothing
// while there is room.
func TestReserveSetsAsideOneChunk(t *testing.T) {
	var s Slab[int]
	s.Reserve(10)
	require.Len(t, s.Chunk(), 10)
	first := s.Take(4)
	s.Reserve(6) // fits
	second := s.Take(6)
	require.Same(t, &s.Chunk()[0], &first[0])
	require.Same(t, &s.Chunk()[4], &second[0])
	s.Reserve(3) // does not fit: at least twice the last
	require.Len(t, s.Chunk(), 20)
	require.Len(t, s.inUse, 2)
}

// TestLimitBoundsChunksAndKeepsNoList: a slab with a Limit never makes a
// chunk above it (unless one take asks for more), 1 gives every take a
// chunk of its own, Reserve sets nothing aside, and no chunk list keeps
// the chunks alive.
func TestLimitBoundsChunksAndKeepsNoList(t *testing.T) {
	one := Slab[int]{Limit: 1}
	one.Reserve(100)
	assert.Nil(t, one.Chunk(), "Reserve set memory aside")
	for _, n := range []int{3, 1, 7} {
		one.Take(n)
		assert.Len(t, one.Chunk(), n, "a take shares its chunk")
	}
	bounded := Slab[int]{Limit: 16}
	for range 100 {
		bounded.Take(3)
		assert.LessOrEqual(t, len(bounded.Chunk()), 16)
	}
	bounded.Take(40)
	assert.Len(t, bounded.Chunk(), 40)
	assert.Empty(t, one.inUse)
	assert.Empty(t, bounded.inUse)
}

// TestReserveExactWithALimit: a slab with a Limit and ReserveExact sets
// aside a chunk of exactly the size asked, beyond the Limit, whose takes
// share it; it does nothing while there is room, keeps no chunk list, and
// its takes past the reserve stay within the Limit.
func TestReserveExactWithALimit(t *testing.T) {
	s := Slab[int]{Limit: 8, ReserveExact: true}
	s.Reserve(20)
	require.Len(t, s.Chunk(), 20)
	first, second := s.Take(5), s.Take(15)
	require.Same(t, &s.Chunk()[0], &first[0])
	require.Same(t, &s.Chunk()[5], &second[0])
	s.Reserve(0) // fits
	require.Len(t, s.Chunk(), 20)
	s.Reserve(3)
	require.Len(t, s.Chunk(), 3, "exactly the size asked, not twice the last")
	s.Take(3)
	s.Take(1)
	require.LessOrEqual(t, len(s.Chunk()), 8)
	require.Empty(t, s.inUse)
	s.Poison(1)
	s.Reserve(2)
	require.Len(t, s.Chunk(), 2, "Poison keeps the settings")
}

// TestKeepStringUsesTheSlab: KeepString copies into the slab (the string
// survives its source changing) and Poison overwrites it.
func TestKeepStringUsesTheSlab(t *testing.T) {
	var s Slab[byte]
	src := []byte("研究发现")
	got := KeepString(&s, src)
	src[0] = 'x'
	require.Equal(t, "研究发现", got)
	require.Equal(t, "", KeepString(&s, nil))
	require.Zero(t, testing.AllocsPerRun(100, func() {
		s.Reset()
		KeepString(&s, []byte("abc"))
	}))
	got = KeepString(&s, []byte("abcd"))
	s.Poison(0xFF)
	require.Equal(t, "\xff\xff\xff\xff", got)
}

// Spare's slice, appended to within the chunk, is taken by Commit where
// it was written, and the next take follows it; appended past the chunk
// (or with no chunk yet) it is refused and the room is left free and zero.
func TestSpareCommit(t *testing.T) {
	var s Slab[byte]
	w := append(s.Spare(), 1, 2)
	_, ok := s.Commit(w)
	require.False(t, ok, "no chunk yet")
	require.Nil(t, s.Chunk())

	s.Reserve(8)
	chunk := s.Chunk()
	w = append(s.Spare(), 1, 2, 3)
	out, ok := s.Commit(w)
	require.True(t, ok)
	require.Equal(t, []byte{1, 2, 3}, out)
	require.Equal(t, 3, cap(out))
	require.Same(t, &chunk[0], &out[0])
	require.Same(t, &chunk[3], &s.Take(1)[0], "the next take follows")

	w = append(s.Spare(), 1, 2, 3, 4, 5) // 4 left: outgrown
	_, ok = s.Commit(w)
	require.False(t, ok)
	rest := s.Take(4)
	require.Same(t, &chunk[4], &rest[0], "the room is still free")
	require.Equal(t, []byte{0, 0, 0, 0}, rest, "and zero")

	out, ok = s.Commit(s.Spare())
	require.True(t, ok)
	require.Nil(t, out)
}
