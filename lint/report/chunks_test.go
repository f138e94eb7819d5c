package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestChunksKeepWritesInOrder: bytes written in pieces of every size, across
// chunk boundaries, come back whole and in order, in full chunks but the
// last.
func TestChunksKeepWritesInOrder(t *testing.T) {
	var c chunks
	var want strings.Builder
	for i := 0; want.Len() < 3*chunkSize; i++ {
		p := strings.Repeat(string(rune('a'+i%26)), i*97%5000)
		want.WriteString(p)
		n, err := c.Write([]byte(p))
		require.NoError(t, err)
		require.Equal(t, len(p), n)
	}
	require.Greater(t, len(c.pieces), 3)
	for _, piece := range c.pieces[:len(c.pieces)-1] {
		require.Len(t, piece, chunkSize)
	}
	var got bytes.Buffer
	o := newJSONOut(&got)
	c.writeTo(o)
	require.NoError(t, o.flush())
	require.Equal(t, want.String(), got.String())
	require.Nil(t, c.pieces, "forgotten once written")
}

// TestChunksSpillPastMaxHeld: past maxHeld bytes the full pieces go to a
// temporary file; what comes back is still every byte in order, memory
// holds no more than maxHeld plus a piece, and the file is removed.
func TestChunksSpillPastMaxHeld(t *testing.T) {
	defer func(old int) { maxHeld = old }(maxHeld)
	maxHeld = 2 * chunkSize
	var c chunks
	var want strings.Builder
	for i := 0; want.Len() < 7*chunkSize+123; i++ {
		p := strings.Repeat(string(rune('a'+i%26)), 1+i*389%9000)
		want.WriteString(p)
		n, err := c.Write([]byte(p))
		require.NoError(t, err)
		require.Equal(t, len(p), n)
		require.LessOrEqual(t, len(c.pieces)*chunkSize, maxHeld+chunkSize)
	}
	require.NotNil(t, c.spill, "more than maxHeld was written")
	name := c.spill.Name()
	var got bytes.Buffer
	o := newJSONOut(&got)
	c.writeTo(o)
	require.NoError(t, o.flush())
	require.Equal(t, want.String(), got.String())
	require.Nil(t, c.spill)
	_, err := os.Stat(name)
	require.True(t, os.IsNotExist(err), "the temporary file is removed: %v", err)
}
