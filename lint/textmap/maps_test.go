package textmap

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMapsMatchIdentityAndClone takes random identity maps and clones from
// one Maps and checks each, at the end, against Identity and Clone: the
// same pieces, capacity its length (appending cannot reach the next map),
// and none overwritten by the maps taken after it.
func TestMapsMatchIdentityAndClone(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	var s Maps
	var got, want []Map
	var b Builder
	for round := 0; round < 2000; round++ {
		if rng.Intn(2) == 0 {
			base, n := rng.Intn(1<<20), rng.Intn(300) // sometimes empty
			got, want = append(got, s.Identity(base, n)), append(want, Identity(base, n))
			continue
		}
		b.Reset()
		src := rng.Intn(100)
		for n := rng.Intn(2 * mapsChunk); n > 0; n-- { // sometimes longer than a chunk
			if rng.Intn(2) == 0 {
				b.Copy(src, 1+rng.Intn(5))
			} else {
				b.Replace(src, 3, 1)
			}
			src += 6
		}
		got, want = append(got, s.Clone(&b)), append(want, b.Clone())
	}
	for i := range got {
		require.Equal(t, want[i], got[i], "map %d", i)
		require.Equal(t, len(got[i].pieces), cap(got[i].pieces), "map %d", i)
	}
}

// TestMapsCutFewChunks: a document's many one-piece maps come from a few
// chunks, none larger than mapsChunk.
func TestMapsCutFewChunks(t *testing.T) {
	var s Maps
	allocs := testing.AllocsPerRun(1, func() {
		s = Maps{}
		for i := 0; i < 1000; i++ {
			s.Identity(i*10, 5)
		}
	})
	require.LessOrEqual(t, allocs, float64(1000/mapsChunk+8))
	require.LessOrEqual(t, len(s.pieces.Chunk()), mapsChunk)
}
