package textmap

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIdentity(t *testing.T) {
	m := Identity(10, 5)
	assert.Equal(t, 10, m.Start(0))
	assert.Equal(t, 13, m.Start(3))
	assert.Equal(t, 15, m.End(5))
	assert.Equal(t, 12, m.End(2))
}

func TestAtomicPieceMapsToEdges(t *testing.T) {
	// Source "a１b": "１" is 3 bytes at offset 1 and becomes "1" (1 byte).
	var b Builder
	b.Copy(0, 1)
	b.Replace(1, 3, 1)
	b.Copy(4, 1)
	m := b.Map()
	assert.Equal(t, 3, b.Len())
	assert.Equal(t, 1, m.Start(1), "start of the replaced digit")
	assert.Equal(t, 4, m.End(2), "end of the replaced digit")
	assert.Equal(t, 4, m.Start(2))
	assert.Equal(t, 5, m.End(3))
}

func TestDroppedSourceBytes(t *testing.T) {
	// Source "逆转\n衰老": the newline (offset 6) is dropped in the derived text.
	var b Builder
	b.Copy(0, 6)
	b.Replace(6, 1, 0)
	b.Copy(7, 6)
	m := b.Map()
	assert.Equal(t, 0, m.Start(0))
	assert.Equal(t, 13, m.End(12), "a term spanning the dropped newline ends at its source end")
	assert.Equal(t, 7, m.Start(6), "the character after the newline starts after it")
	assert.Equal(t, 6, m.End(6), "a span ending before the newline ends before it")
}

func TestCompose(t *testing.T) {
	// outer: derived B = source A[5:15] verbatim.
	outer := Identity(5, 10)
	// inner: C replaces B[2:5] with one byte.
	var b Builder
	b.Copy(0, 2)
	b.Replace(2, 3, 1)
	b.Copy(5, 5)
	c := b.Map().Compose(outer)
	assert.Equal(t, 5, c.Start(0))
	assert.Equal(t, 7, c.Start(2))
	assert.Equal(t, 10, c.End(3))
	assert.Equal(t, 10, c.Start(3))
	assert.Equal(t, 15, c.End(8))
}

func TestEmptyMap(t *testing.T) {
	var m Map
	assert.Equal(t, 0, m.Start(3))
	assert.Equal(t, 0, m.End(3))
}

func TestComposeSplitsAtDroppedOuterText(t *testing.T) {
	// Source "**逆转**衰老": the block text "逆转衰老" drops the markers.
	var outer Builder
	outer.Copy(2, 6)  // 逆转
	outer.Copy(10, 6) // 衰老
	// The normalized view copies all 12 bytes of the block text verbatim.
	inner := Identity(0, 12)
	c := inner.Compose(outer.Map())
	assert.Equal(t, 2, c.Start(0))
	assert.Equal(t, 8, c.End(6), "a span ending before the dropped markers ends before them")
	assert.Equal(t, 10, c.Start(6), "a span starting after them starts after them")
	assert.Equal(t, 16, c.End(12))
	assert.Equal(t, 5, c.Start(3), "offsets inside a piece stay linear")
}

func TestRunMapsEachCharacterToItsEdges(t *testing.T) {
	// Source "a" + three GB18030 characters of 2 bytes (decoded to 3) + "b"
	// + one 4-byte character (decoded to 4).
	var b Builder
	b.Copy(0, 1)
	b.Run(1, 2, 3)
	b.Run(3, 2, 3)
	b.Run(5, 2, 3)
	b.Copy(7, 1)
	b.Run(8, 4, 4)
	m := b.Map()
	assert.Equal(t, 4, m.Pieces(), "the three like characters share one piece")
	assert.Equal(t, 15, b.Len())
	for i := range 3 {
		d := 1 + 3*i
		assert.Equal(t, 1+2*i, m.Start(d), "start of character %d", i)
		assert.Equal(t, 1+2*i, m.Start(d+1), "inside character %d: its start", i)
		assert.Equal(t, 3+2*i, m.End(d+3), "end of character %d", i)
		assert.Equal(t, 3+2*i, m.End(d+1), "inside character %d: its end", i)
	}
	assert.Equal(t, 7, m.Start(10))
	assert.Equal(t, 8, m.Start(11))
	assert.Equal(t, 12, m.End(15))
	assert.Equal(t, 8, m.Start(12), "inside the 4-byte character")
}

// A map taken with Clone keeps its pieces when the builder is reset and
// reused for the next map.
func TestCloneSurvivesReset(t *testing.T) {
	var b Builder
	b.Copy(0, 3)
	b.Replace(3, 3, 1)
	first := b.Clone()
	b.Reset()
	assert.Equal(t, 0, b.Len())
	b.Replace(0, 2, 5)
	b.Copy(2, 4)
	second := b.Clone()
	assert.Equal(t, 2, first.Pieces())
	assert.Equal(t, 6, first.End(4), "the replaced character of the first map")
	assert.Equal(t, 3, first.End(3))
	assert.Equal(t, 0, second.Start(3), "inside the second map's replacement")
	assert.Equal(t, 4, second.End(7))
	var empty Builder
	assert.Equal(t, 0, empty.Clone().Pieces(), "an empty builder gives an empty map")
}

// Composing through one verbatim piece (shifted) gives what the general
// composition gives: random maps of copies, replacements, dropped bytes
// and runs, through pieces that hold all of their sources or not.
func TestComposeThroughOneVerbatimPiece(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	shifted := 0
	for round := 0; round < 5000; round++ {
		var b Builder
		src := rng.Intn(4)
		src = addRandomPieces(rng, &b, src, rng.Intn(8), func() int { return 2 })
		m := b.Map()
		from := rng.Intn(3)
		outer := Identity(rng.Intn(100), max(1, from+src+rng.Intn(3)-rng.Intn(3)))
		outer.pieces[0].dst = int32(from)
		if _, ok := m.shifted(outer.pieces[0]); ok {
			shifted++
		}
		require.Equal(t, m.composeGeneral(outer), m.Compose(outer), "map %+v through %+v", m.pieces, outer.pieces)
	}
	assert.Greater(t, shifted, 1000, "most maps lie inside the piece")
}

// addRandomPieces makes n random calls to b from the source offset src
// on (copies, replacements, runs of one three-byte character over runLen()
// source bytes, source bytes the map skips) and returns the source offset
// after them.
func addRandomPieces(rng *rand.Rand, b *Builder, src, n int, runLen func() int) int {
	for ; n > 0; n-- {
		switch rng.Intn(4) {
		case 0:
			k := 1 + rng.Intn(5)
			b.Copy(src, k)
			src += k
		case 1:
			k := rng.Intn(4)
			b.Replace(src, k, rng.Intn(4))
			src += k
		case 2:
			k := runLen()
			b.Run(src, k, 3)
			src += k
		default:
			src += rng.Intn(3) // source bytes the map skips
		}
	}
	return src
}

// randomMap builds a random map of copies, replacements (of at least
// minReplaced source bytes) and skipped bytes, and returns it with the
// source bytes it covers.
func randomMap(rng *rand.Rand, minReplaced int) (Map, int) {
	var b Builder
	src := 0
	for n := rng.Intn(8); n > 0; n-- {
		switch rng.Intn(3) {
		case 0:
			k := 1 + rng.Intn(5)
			b.Copy(src, k)
			src += k
		case 1:
			k := minReplaced + rng.Intn(4-minReplaced)
			b.Replace(src, k, rng.Intn(4))
			src += k
		default:
			src += rng.Intn(3)
		}
	}
	return b.Map(), src
}

// randomOuter builds an outer map for a slice ending near end: one
// verbatim piece, or (a block with markup dropped) several pieces.
func randomOuter(rng *rand.Rand, end int) Map {
	var ob Builder
	if rng.Intn(3) == 0 {
		ob.Copy(rng.Intn(5), 1+rng.Intn(8))
		ob.Replace(20, 2, 0)
		ob.Copy(30, 20)
	} else {
		ob.Copy(rng.Intn(50), end+rng.Intn(3)-rng.Intn(2))
	}
	return ob.Map()
}

// ComposeSlice gives what composing through Identity and then outer gives,
// for random maps, slices and outer maps of one verbatim piece (the fast
// path) or several.
func TestComposeSliceMatchesComposingTwice(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	fast := 0
	for round := 0; round < 5000; round++ {
		m, src := randomMap(rng, 0)
		base, n := rng.Intn(10), max(0, src+rng.Intn(3)-1)
		outer := randomOuter(rng, base+n)
		want := m.Compose(Identity(base, n).Compose(outer))
		got := m.ComposeSlice(base, n, outer)
		// A moved map (shift) holds the same pieces once moved, and maps
		// every offset, and composes further, as the composed one.
		require.Equal(t, want, got.unshifted(), "map %+v, slice %d+%d, outer %+v", m.pieces, base, n, outer.pieces)
		for d := 0; d <= n+2; d++ {
			require.Equal(t, want.Start(d), got.Start(d), "start %d", d)
			require.Equal(t, want.End(d), got.End(d), "end %d", d)
		}
		require.Equal(t, want.Compose(Identity(7, 40)), got.Compose(Identity(7, 40)))
		again := Identity(0, 3).ComposeSlice(1, 2, got) // a moved map as the outer one
		require.Equal(t, Identity(0, 3).ComposeSlice(1, 2, want).unshifted(), again.unshifted())
		if got.shift != 0 || len(got.pieces) > 0 && &got.pieces[0] == &m.pieces[0] {
			fast++ // moved, not copied
		}
	}
	assert.Greater(t, fast, 1000, "most slices take the fast path")
}

// ComposeSliceMovable gives what ComposeSlice gives for every random map
// that is Movable for its slice, through outer maps of one verbatim piece
// (the path that skips the walk) or several; Movable itself is false for
// maps with a run, with a piece past the slice, and empty ones.
func TestComposeSliceMovableMatchesComposeSlice(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	movable := 0
	for round := 0; round < 20000; round++ {
		m, src := randomMap(rng, 1)
		if rng.Intn(4) == 0 { // already moved once
			m = m.ComposeSlice(0, src, Identity(0, src+5))
		}
		n := max(0, src+rng.Intn(3)-1)
		if !m.Movable(n) {
			continue
		}
		movable++
		base := rng.Intn(10)
		outer := randomOuter(rng, base+n)
		want, got := m.ComposeSlice(base, n, outer), m.ComposeSliceMovable(base, n, outer)
		require.Equal(t, want.unshifted(), got.unshifted(), "map %+v, slice %d+%d, outer %+v", m.pieces, base, n, outer.pieces)
		for d := 0; d <= n+2; d++ {
			require.Equal(t, want.Start(d), got.Start(d), "start %d", d)
			require.Equal(t, want.End(d), got.End(d), "end %d", d)
		}
	}
	assert.Greater(t, movable, 5000)
	var r Builder
	r.Run(0, 2, 3)
	assert.False(t, r.Map().Movable(2), "a run")
	assert.False(t, Identity(0, 4).Movable(3), "a piece past the slice")
	assert.False(t, Map{}.Movable(3), "empty")
}

// Verbatim holds for a map of one verbatim piece only (moved or not), and
// then maps every offset in [lo, hi] as Start and End do; Moved by
// base+delta gives what ComposeSliceMovable gives through such a map for
// every Movable map of a slice inside it.
func TestVerbatimMatchesStartEndAndMovedMatchesCompose(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	plain, moved := 0, 0
	for round := 0; round < 20000; round++ {
		outer := randomOuter(rng, 5+rng.Intn(40))
		if rng.Intn(3) == 0 { // a moved map as the block's
			outer = outer.ComposeSlice(0, 1+rng.Intn(10), Identity(rng.Intn(7), 60))
		}
		if rng.Intn(8) == 0 { // one piece that is not verbatim
			var b Builder
			b.Replace(rng.Intn(5), 1+rng.Intn(3), 1+rng.Intn(3))
			outer = b.Map()
		}
		lo, hi, delta, ok := outer.Verbatim()
		general := outer.unshifted()
		require.Equal(t, len(general.pieces) == 1 && general.pieces[0].verbatim, ok, "outer %+v", outer)
		if !ok {
			continue
		}
		plain++
		require.Less(t, lo, hi)
		for d := lo; d <= hi; d++ {
			require.Equal(t, outer.Start(d), d+delta, "start %d of %+v", d, outer)
			require.Equal(t, outer.End(d), d+delta, "end %d of %+v", d, outer)
		}
		m, src := randomMap(rng, 1)
		n := max(0, src+rng.Intn(3)-1)
		base := lo + rng.Intn(hi-lo+1)
		if n == 0 || base+n > hi || !m.Movable(n) {
			continue
		}
		moved++
		want, got := m.ComposeSliceMovable(base, n, outer), m.Moved(base+delta)
		require.Equal(t, want, got, "map %+v, slice %d+%d, outer %+v", m.pieces, base, n, outer)
		for d := 0; d <= n+2; d++ {
			require.Equal(t, want.Start(d), got.Start(d), "start %d", d)
			require.Equal(t, want.End(d), got.End(d), "end %d", d)
		}
	}
	assert.Greater(t, plain, 5000)
	assert.Greater(t, moved, 1000)
	_, _, _, ok := Map{}.Verbatim()
	assert.False(t, ok, "empty")
}
