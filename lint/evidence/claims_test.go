package evidence

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
)

// addClaims gives each claim of the blocks, in order, as one by one, and
// allocates the claims of one call together: two allocations (the claims
// and the card's list) however many there are, when no excerpt needs one
// (empty spans here). A second call leaves the first call's claims as
// they were.
func TestAddClaimsSharesOneAllocation(t *testing.T) {
	src := []byte("研究发现\n逆转衰老。")
	d := &facts.Document{Doc: &document.Document{Source: src}}
	var want []Claim
	for b := range 3 {
		block := &facts.Block{}
		for s := range 4 {
			sentence := &facts.Sentence{IsTitle: b == 0 && s == 0}
			for k := range s + 1 {
				at := (b + s + k) % len(src)
				fc := &facts.Claim{Term: "t", Span: document.Span{Start: at, End: at}}
				sentence.Claims = append(sentence.Claims, fc)
				want = append(want, Claim{Claim: fc, Where: where(sentence, fc), Excerpt: oneLine(d.Doc, fc.Span)})
			}
			block.Sentences = append(block.Sentences, sentence)
		}
		d.Blocks = append(d.Blocks, block)
	}
	c := &Card{}
	c.addClaims(d, d.Blocks[:2])
	first := len(c.Claims)
	c.addClaims(d, d.Blocks[2:])
	require.Len(t, c.Claims, len(want))
	for i, cl := range c.Claims {
		assert.Equal(t, want[i], *cl, "claim %d", i)
	}
	assert.Less(t, first, len(want))
	if !raceEnabled {
		assert.Equal(t, 2.0, testing.AllocsPerRun(50, func() { (&Card{}).addClaims(d, d.Blocks) }))
	}
}

// TestNewSharesOneAllocationForItsStudies: New gives each of the
// analysis's studies an entry of its own, in order, all from one list:
// at most three allocations (the card, its list, the entries), however
// many studies there are.
func TestNewSharesOneAllocationForItsStudies(t *testing.T) {
	d := &facts.Document{Studies: []*facts.Study{{Index: 1}, {Index: 2}, {Index: 3}}}
	c := New(d)
	require.Len(t, c.Studies, 3)
	for i, s := range c.Studies {
		assert.Same(t, d.Studies[i], s.Study, "study %d", i)
		s.Model = "m" + string(rune('0'+i))
	}
	for i, s := range c.Studies {
		assert.Equal(t, "m"+string(rune('0'+i)), s.Model, "entry %d is its own", i)
	}
	some, many := &facts.Document{}, &facts.Document{}
	for i := range 60 {
		if i < 30 {
			some.Studies = append(some.Studies, &facts.Study{Index: i + 1})
		}
		many.Studies = append(many.Studies, &facts.Study{Index: i + 1})
	}
	allocs := testing.AllocsPerRun(50, func() { New(some) })
	assert.LessOrEqual(t, allocs, 3.0)
	assert.Equal(t, allocs, testing.AllocsPerRun(50, func() { New(many) }), "no allocation per study")
}
