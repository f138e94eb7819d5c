package facts

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/numbers"
)

// TestReleaseKeepsNoSubjectNorALargeBatch: a released scratch holds no
// number's Subject (a string in a view's text), and one whose batch was
// larger than maxPooledBatch does not go back to the pool. The pool may
// drop a scratch now and then, hence the rounds.
func TestReleaseKeepsNoSubjectNorALargeBatch(t *testing.T) {
	reused := 0
	for range 20 {
		buf := &scratch{bytes: maxPooledBatch, nums: make([]numbers.Mention, 2, 4)}
		buf.nums[1].Subject = "participants"
		buf.nums[:3][2].Subject = "patients" // beyond the length, within the capacity
		buf.release()
		got := scratchPool.Get().(*scratch)
		if got != buf {
			continue
		}
		reused++
		require.Empty(t, got.nums)
		for _, m := range got.nums[:cap(got.nums)] {
			require.Empty(t, m.Subject)
		}
	}
	require.Positive(t, reused, "a scratch of a batch at the cap never came back")
	for range 20 {
		buf := &scratch{bytes: maxPooledBatch + 1}
		buf.release()
		require.NotSame(t, buf, scratchPool.Get().(*scratch), "a scratch of a batch above the cap came back")
	}
}
