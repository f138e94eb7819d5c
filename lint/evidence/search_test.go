package evidence

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
)

// firstFrom finds what slices.BinarySearchFunc finds: on random sorted
// lists of claims (empty ones, shared starts), at every start and around.
func TestFirstFromIsBinarySearchFunc(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 4))
	for range 3000 {
		claims := make([]*Claim, r.IntN(40))
		for i := range claims {
			start := r.IntN(60)
			claims[i] = &Claim{Claim: &facts.Claim{Span: document.Span{Start: start, End: start + 1}}}
		}
		slices.SortStableFunc(claims, func(a, b *Claim) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
		for start := -1; start <= 62; start++ {
			want, _ := slices.BinarySearchFunc(claims, start, func(cl *Claim, start int) int {
				return cmp.Compare(cl.Span.Start, start)
			})
			if got := firstFrom(claims, start); got != want {
				t.Fatalf("firstFrom(%d) = %d, want %d", start, got, want)
			}
		}
	}
}
