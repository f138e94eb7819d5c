package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFieldEdgesMatchFields checks lastField and firstField against
// strings.Fields on random text with Unicode spaces and broken UTF-8.
func TestFieldEdgesMatchFields(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u3000", "\u2003", "Fountain", "of", "Youth,", "神药", "a",
		"\xe2", "\x80", "\xc2", "\xff", "é"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		fields := strings.Fields(s)
		n, last := lastField(s)
		wantLast := ""
		if len(fields) > 0 {
			wantLast = fields[len(fields)-1]
		}
		if n != min(len(fields), 2) || last != wantLast {
			t.Fatalf("lastField(%q) = %d, %q; want %d, %q", s, n, last, min(len(fields), 2), wantLast)
		}
		wantFirst := ""
		if len(fields) > 0 {
			wantFirst = fields[0]
		}
		if first := firstField(s); first != wantFirst {
			t.Fatalf("firstField(%q) = %q; want %q", s, first, wantFirst)
		}
	}
}
