package facts

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
