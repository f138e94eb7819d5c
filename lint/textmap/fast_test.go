package textmap

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refCopy is Copy as the reference: extend the last piece when it is
// verbatim and ends where the copy starts, in both texts.
func refCopy(pieces []piece, dst, srcStart, n int) []piece {
	if n == 0 {
		return pieces
	}
	if k := len(pieces); k > 0 {
		last := &pieces[k-1]
		if last.verbatim && int(last.dst+last.dstLen) == dst && int(last.src+last.srcLen) == srcStart {
			last.dstLen += int32(n)
			last.srcLen += int32(n)
			return pieces
		}
	}
	return append(pieces, piece{dst: int32(dst), src: int32(srcStart), dstLen: int32(n), srcLen: int32(n), verbatim: true})
}

// Builder's inlined Copy (which remembers where the last verbatim piece
// ends) builds the pieces the reference rule builds, whatever calls come
// before it: copies that touch or not, empty copies, replacements, runs,
// resets and maps taken in an arena.
func TestCopyMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	var arena Arena
	var inArenaB, ownB Builder // one builder per way of taking maps, as callers keep them
	joined := 0
	for round := 0; round < 20000; round++ {
		inArena := rng.Intn(2) == 0
		b := &ownB
		if inArena { // then taken with CloneIn, as ResetIn asks
			b = &inArenaB
			b.ResetIn(&arena)
		} else {
			b.Reset()
		}
		var want []piece
		dst, src := 0, rng.Intn(3)
		for n := rng.Intn(12); n > 0; n-- {
			src += []int{0, 0, 0, 1, 2}[rng.Intn(5)] // mostly touching
			switch rng.Intn(5) {
			case 0, 1:
				k := rng.Intn(5)
				if k > 0 && len(want) > 0 && want[len(want)-1].verbatim && int(want[len(want)-1].src+want[len(want)-1].srcLen) == src {
					joined++
				}
				want = refCopy(want, dst, src, k)
				b.Copy(src, k)
				dst, src = dst+k, src+k
			case 2:
				k, d := rng.Intn(4), rng.Intn(4)
				want = append(want, piece{dst: int32(dst), src: int32(src), dstLen: int32(d), srcLen: int32(k)})
				b.Replace(src, k, d)
				dst, src = dst+d, src+k
			default:
				// A run of one character, which may extend the last run.
				k, d := 2+rng.Intn(2), 3
				var rb Builder
				rb.m.pieces = append(rb.m.pieces, want...)
				rb.dst = dst
				rb.Run(src, k, d)
				want = rb.m.pieces
				b.Run(src, k, d)
				dst, src = dst+d, src+k
			}
			require.Equal(t, dst, b.Len())
		}
		var got Map
		if inArena {
			got = b.CloneIn(&arena)
		} else {
			got = b.Clone()
		}
		require.Equal(t, len(want), got.Pieces(), "round %d", round)
		if len(want) > 0 {
			require.Equal(t, want, got.pieces, "round %d", round)
		}
		if rng.Intn(50) == 0 {
			arena.Reset()
		}
	}
	assert.Greater(t, joined, 4000, "copies that extend a piece")
}

// refStart and refEnd are Start and End as a search over every piece.
func refStart(m Map, d int) int {
	if len(m.pieces) == 0 {
		return 0
	}
	i := sort.Search(len(m.pieces), func(i int) bool { return int(m.pieces[i].dst+m.pieces[i].dstLen) > d })
	if i == len(m.pieces) {
		p := m.pieces[len(m.pieces)-1]
		return int(m.shift + p.src + p.srcLen)
	}
	p := m.pieces[i]
	src := int(m.shift + p.src)
	switch {
	case d < int(p.dst):
		return src
	case p.verbatim:
		return src + d - int(p.dst)
	case p.dstUnit > 0:
		return src + (d-int(p.dst))/int(p.dstUnit)*int(p.srcUnit)
	}
	return src
}

func refEnd(m Map, d int) int {
	if len(m.pieces) == 0 {
		return 0
	}
	i := sort.Search(len(m.pieces), func(i int) bool { return int(m.pieces[i].dst) >= d }) - 1
	if i < 0 {
		return int(m.shift + m.pieces[0].src)
	}
	p := m.pieces[i]
	src := int(m.shift + p.src)
	switch {
	case d >= int(p.dst+p.dstLen):
		return src + int(p.srcLen)
	case p.verbatim:
		return src + d - int(p.dst)
	case p.dstUnit > 0:
		u := int(p.dstUnit)
		return src + (d-int(p.dst)+u-1)/u*int(p.srcUnit)
	}
	return src + int(p.srcLen)
}

// Start and End, which try the first and the last piece before they
// search, give what a search over all pieces gives, for every offset in
// and around random maps (copies, replacements, dropped bytes, runs,
// shifted maps).
func TestStartEndMatchReference(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	for round := 0; round < 20000; round++ {
		var b Builder
		addRandomPieces(rng, &b, 0, rng.Intn(20), func() int { return 2 + rng.Intn(2) })
		m := b.Map()
		if rng.Intn(3) == 0 {
			m = m.Moved(rng.Intn(40))
		}
		for d := -1; d <= b.Len()+2; d++ {
			require.Equal(t, refStart(m, d), m.Start(d), "start %d of %+v", d, m)
			require.Equal(t, refEnd(m, d), m.End(d), "end %d of %+v", d, m)
		}
	}
}
