package textmap

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCloneInMatchesClone clones random maps into one arena, resetting it
// now and then, and checks each against Clone: the same pieces, capacity
// its length (appending cannot reach the next map), and the maps taken
// since the last reset unchanged by those taken after; half the maps are
// built in the arena's room (ResetIn), and kept there when they fit.
func TestCloneInMatchesClone(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var a Arena
	type kept struct{ got, want Map }
	var live []kept
	var b Builder
	inPlaceKept := 0
	for round := 0; round < 3000; round++ {
		if rng.Intn(30) == 0 {
			for _, k := range live {
				require.Equal(t, k.want, k.got)
			}
			a.Reset()
			live = live[:0]
		}
		inPlace := rng.Intn(2) == 0
		if inPlace {
			b.ResetIn(&a)
		} else {
			b.Reset()
		}
		src := 0
		for n := rng.Intn(400); n > 0; n-- { // sometimes longer than a first chunk (4 KiB: 204 pieces)
			switch rng.Intn(3) {
			case 0:
				k := 1 + rng.Intn(5)
				b.Copy(src, k)
				src += k
			case 1:
				b.Replace(src, 3, 1)
				src += 3
			default:
				b.Run(src, 2, 3)
				src += 2
			}
			src += rng.Intn(2) // a gap now and then: a new verbatim piece
		}
		want := b.Clone()
		free := len(a.pieces.Chunk()) - cap(a.pieces.Spare())
		got := b.CloneIn(&a)
		require.Equal(t, want, got)
		if inPlace && len(got.pieces) > 0 && free+len(got.pieces) <= len(a.pieces.Chunk()) && &a.pieces.Chunk()[free] == &got.pieces[0] {
			inPlaceKept++ // written where the arena's room started
		}
		require.Equal(t, len(got.pieces), cap(got.pieces))
		live = append(live, kept{got, want})
	}
	require.Greater(t, inPlaceKept, 1000)
}

// TestMapArenaReusesItsMemory: after Reset the next map's pieces are
// written where the first one's were, and Poison makes a map taken before
// it point far outside any text.
func TestMapArenaReusesItsMemory(t *testing.T) {
	var a Arena
	var b Builder
	b.Copy(0, 4)
	first := b.CloneIn(&a)
	a.Reset()
	b.Reset()
	b.Copy(10, 4)
	second := b.CloneIn(&a)
	require.Same(t, &first.pieces[0], &second.pieces[0])
	require.Equal(t, 12, second.Start(2))
	require.Zero(t, testing.AllocsPerRun(100, func() {
		a.Reset()
		b.CloneIn(&a)
	}))
	a.Poison()
	require.Less(t, second.Start(2), 0)
}
