package facts

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// An own keeper (a section of a long text) ties no block or sentence to
// another block's: each block and each block's sentences have a chunk of
// their own, reserve sets nothing aside, and hit chunks stay within
// ownChunk values however many are taken.
func TestOwnKeeperSharesNoChunk(t *testing.T) {
	k := ownKeeper()
	k.sentences.Reserve(1000)
	k.blocks.Reserve(100)
	assert.Nil(t, k.sentences.Chunk(), "reserve set memory aside")
	assert.Nil(t, k.blocks.Chunk(), "reserve set memory aside")
	first := k.blocks.Take(1)
	second := k.blocks.Take(1)
	assert.Len(t, k.blocks.Chunk(), 1, "a block shares its chunk")
	assert.NotSame(t, &first[0], &second[0])
	for _, n := range []int{3, 1, 7} {
		k.sentences.Take(n)
		assert.Len(t, k.sentences.Chunk(), n, "a block's sentences share a chunk with another's")
	}
	for range 5000 {
		k.hits.Take(3)
		assert.LessOrEqual(t, len(k.hits.Chunk()), ownChunk)
	}
	k.hits.Take(2 * ownChunk)
	assert.Len(t, k.hits.Chunk(), 2*ownChunk, "a take larger than the bound gets exactly its size")
}

// A document analysed in sections keeps its claims in memory of its own,
// each section's in one chunk of exactly their number (however many); one
// analysed whole takes them from its keeper.
func TestClaimMemory(t *testing.T) {
	a := NewAnalyzer(&lexicon.Lexicon{})
	sectioned := a.Begin(&document.Document{})
	for _, n := range []int{5, 3 * claimChunk} {
		sectioned.reserveClaims(n)
		claims, refs := sectioned.claimSlabs()
		assert.Same(t, &sectioned.claims, claims)
		assert.Len(t, claims.Chunk(), n, "a section's claims in one chunk")
		assert.Len(t, refs.Chunk(), n, "a section's claim lists in one chunk")
		claims.Take(n)
		refs.Take(n)
	}
	whole := a.Begin(&document.Document{})
	whole.mem = new(keeper)
	whole.reserveClaims(7)
	claims, refs := whole.claimSlabs()
	assert.Same(t, &whole.mem.claims, claims)
	assert.Same(t, &whole.mem.claimRefs, refs)
	assert.Len(t, claims.Chunk(), 7)
	assert.Nil(t, whole.claims.Chunk(), "the document's own memory unused")
}
