package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/rule"
)

// TestHeldFindingsResolveAsGiven holds findings across several blocks and
// checks that they come back in order, each resolved as newFinding
// resolves it (less the fixes, which a countingWriter does not show), that
// a stop ends the iteration, and that each block is let go once given.
func TestHeldFindingsResolveAsGiven(t *testing.T) {
	text := strings.Repeat("重磅新药 works. 神药 again.\n", 500)
	doc, err := document.ParseText("held.txt", []byte(text))
	require.NoError(t, err)
	doc = doc.Lines()
	rules := []*rule.Rule{hypeRule, miracle, houseRule}
	var given []rule.Finding
	var h heldFindings
	for i := range 2*heldBlock + 7 {
		start := (i * 7) % (len(text) - 12)
		x := rule.Finding{
			Rule: rules[i%len(rules)], Span: document.Span{Start: start, End: start + 12},
			Term: fmt.Sprint("term", i%5), Suggestion: fmt.Sprint("s", i%3), Role: []string{"body", "headline"}[i%2],
			Voice: "writer", Fixes: []rule.Fix{{Span: document.Span{Start: start, End: start + 1}, Replacement: "x"}},
		}
		given = append(given, x)
		h.add(x)
	}
	require.Equal(t, len(given), h.n)
	require.Len(t, h.blocks, 3)

	stopped := 0
	for range h.resolve(doc, "en") {
		stopped++
		if stopped == 5 {
			break
		}
	}
	require.Equal(t, 5, stopped, "a stop ends the iteration")
	require.Nil(t, h.blocks[0], "a block given is let go")

	// Held again: resolve every one.
	h = heldFindings{}
	for _, x := range given {
		h.add(x)
	}
	i := 0
	for got := range h.resolve(doc, "en") {
		x := given[i]
		x.Fixes = nil
		require.Equal(t, newFinding(doc, x, "en"), got, "finding %d", i)
		i++
	}
	require.Equal(t, len(given), i)
	for _, b := range h.blocks {
		require.Nil(t, b)
	}
}
