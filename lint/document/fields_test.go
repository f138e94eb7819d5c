package document

import (
	"math/rand"
	"strings"
	"testing"
)

// fieldsAtMost must agree with counting strings.Fields, whatever the
// spaces (ASCII, Unicode, ideographic) and the limit.
func TestFieldsAtMostCountsAsFields(t *testing.T) {
	pieces := []string{"a", "研究", " ", "  ", "\t", "\n", "\u3000", "\u00a0", "\u2003", "x1", "。", "\xff", "é"}
	rng := rand.New(rand.NewSource(7))
	for range 5000 {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		n := len(strings.Fields(s))
		for _, limit := range []int{0, 1, 3, 12, max(n-1, 0), n, n + 1} {
			if got, want := fieldsAtMost(s, limit), n <= limit; got != want {
				t.Fatalf("fieldsAtMost(%q, %d) = %v, want %v (%d fields)", s, limit, got, want, n)
			}
		}
	}
}
