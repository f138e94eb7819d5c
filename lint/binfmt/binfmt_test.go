package binfmt

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type record struct {
	Name   string
	N      int
	Words  []int32
	Flag   bool
	More   []int32
	Labels []string
}

func (x *record) walk(c Codec) {
	c.Text(&x.Name)
	c.Num(&x.N)
	c.Int32s(&x.Words)
	c.Flag(&x.Flag)
	c.Int32s(&x.More)
	Strings(c, &x.Labels)
}

func randomRecords(rng *rand.Rand) []record {
	var out []record
	for range 1 + rng.IntN(8) {
		x := record{Name: strings.Repeat("n", rng.IntN(7)), N: rng.IntN(1000) - 500, Flag: rng.IntN(2) == 1,
			Words: []int32{}, More: []int32{}}
		for range rng.IntN(40) {
			x.Words = append(x.Words, rng.Int32()-1<<30)
		}
		for range rng.IntN(3) {
			x.More = append(x.More, -rng.Int32())
			x.Labels = append(x.Labels, strings.Repeat("l", rng.IntN(5)))
		}
		out = append(out, x)
	}
	return out
}

// Int32s reads back what was written whatever the snapshot's alignment:
// in place where the snapshot starts at a multiple of four bytes (the
// arrays then point into it), copied where it does not.
func TestInt32sRoundTripAtAnyAlignment(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		want := randomRecords(rng)
		w := NewWriter("magic\n")
		Slice(w, &want, func(x *record) { x.walk(w) })
		for shift := range 4 {
			padded := strings.Repeat("-", shift) + string(w.Buf)
			data := padded[shift:]
			r, err := NewReader(data, "magic\n")
			require.NoError(t, err)
			var got []record
			Slice(r, &got, func(x *record) { x.walk(r) })
			require.NoError(t, r.Done())
			require.Equal(t, want, got)
			start := uintptr(unsafe.Pointer(unsafe.StringData(data)))
			for _, x := range got {
				if len(x.Words) == 0 {
					continue
				}
				p := uintptr(unsafe.Pointer(&x.Words[0]))
				inPlace := p >= start && p < start+uintptr(len(data))
				assert.Equal(t, littleEndian && start%4 == 0, inPlace, "shift %d", shift)
			}
		}
	}
}

// A snapshot cut short anywhere is refused, never read past its end.
func TestTruncatedSnapshotRefused(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	want := randomRecords(rng)
	w := NewWriter("magic\n")
	Slice(w, &want, func(x *record) { x.walk(w) })
	for n := len("magic\n"); n < len(w.Buf); n++ {
		r, err := NewReader(string(w.Buf[:n]), "magic\n")
		require.NoError(t, err)
		var got []record
		Slice(r, &got, func(x *record) { x.walk(r) })
		assert.Error(t, r.Done(), "cut at %d", n)
	}
}
