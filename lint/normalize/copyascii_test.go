package normalize

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// copyASCII, which lower-cases and stores each word as asciiRun's test
// loads it, gives what asciiRun and then copying and lower-casing the run
// give (end, text written after what was there, letters counted), from
// every offset where run takes it, in a buffer with room to spare and in
// one without (the fallback): random mostly-ASCII text with every ASCII
// byte, long words, single and double spaces, combining marks, Han, and
// cut and invalid UTF-8.
func TestCopyASCIIMatchesRunThenLower(t *testing.T) {
	pieces := []string{"Anti-Aging", "NMN", "reverses", "THE", "mice", "2024", "(n=12)", " ", " ", "  ", "\t", "\n",
		"\x7f", "\x00", "!", "@", "[", "`", "{", "Z", "A", "z", "a", "é", "e\u0301", "\u0301", "研究", "，",
		"\xff", "\xe4\xb8", "ＮＭＮ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Vitamin D3 Supplements"}
	rng := rand.New(rand.NewSource(21))
	fast := 0
	for round := 0; round < 20000; round++ {
		var sb strings.Builder
		for k := rng.Intn(20); k > 0; k-- {
			if rng.Intn(5) == 0 {
				sb.WriteByte(byte(rng.Intn(128)))
				continue
			}
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := sb.String()
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 || isASCIISpace(s[i]) || i+1 < len(s) && s[i+1] >= 0x80 {
				continue // not where run takes the ASCII path
			}
			prefix := []byte("Xy研")
			ref := normalizer{src: s, out: append([]byte(nil), prefix...)}
			j := ref.asciiRun(i)
			ref.out = append(ref.out, s[i:j]...)
			ref.letters.Latin += lowerASCIIRun(ref.out[len(prefix):])

			room := 0 // the fallback: no room past the text
			if rng.Intn(4) != 0 {
				room = len(s) - i + 8 + rng.Intn(3)
				fast++
			}
			got := normalizer{src: s, out: outWithRoom(prefix, room)}
			gj := got.copyASCII(i)
			if gj != j || !bytes.Equal(got.out, ref.out) || got.letters != ref.letters {
				t.Fatalf("copyASCII(%q, %d) = %d %q %+v, reference %d %q %+v", s, i, gj, got.out, got.letters, j, ref.out, ref.letters)
			}
		}
	}
	assert.Greater(t, fast, 50000, "runs copied with room to spare")
}

// outWithRoom is an output buffer holding prefix with room more bytes of
// capacity, filled with 0xFF: stale bytes that a fast path counts as
// written show in the comparison.
func outWithRoom(prefix []byte, room int) []byte {
	out := make([]byte, len(prefix), len(prefix)+room)
	copy(out, prefix)
	for k := len(out); k < cap(out); k++ {
		out[:cap(out)][k] = 0xFF
	}
	return out
}
