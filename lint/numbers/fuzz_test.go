package numbers

import (
	"strings"
	"testing"
)

// FuzzFind checks that Find never panics and that its spans are within
// bounds, non-empty, sorted, non-overlapping and on rune boundaries.
func FuzzFind(f *testing.F) {
	for _, s := range strings.Split(benchText, ",") {
		f.Add(s)
	}
	for _, s := range []string{"n = 1,013", "14 585名", "一千二百名", "百分之三十", "50~103岁",
		"+86 138 0013 8000", "10.1038/s41586-023-0123", "数以万计的人", "a large number of",
		"tens of thousands of", "two-thirds", "1 in 10", "\xe4\xb8", "1\xe4", "第", "每", "数"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Find(text))
	})
}
