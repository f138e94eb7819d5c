package lint

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// doneAfter is a context that reports itself done from its nth look on:
// it shows where the linter looks.
type doneAfter struct {
	context.Context
	n, looks atomic.Int32
}

func (c *doneAfter) Err() error {
	if c.looks.Add(1) >= c.n.Load() {
		return context.Canceled
	}
	return nil
}

func cancelAfter(n int32) *doneAfter {
	c := &doneAfter{Context: context.Background()}
	c.n.Store(n)
	return c
}

func TestLintContextStopsWhenDone(t *testing.T) {
	l, err := Default()
	require.NoError(t, err)
	article := Input{Path: "a.md", Data: []byte("# 重磅：NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n")}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := l.LintContext(ctx, article)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, res)

	whole, err := l.Lint(article)
	require.NoError(t, err)
	res, err = l.LintContext(context.Background(), article)
	require.NoError(t, err)
	assert.Equal(t, describe(whole), describe(res), "a live context changes nothing")

	// Done after parsing, and after the analysis: no rules run.
	for _, n := range []int32{2, 3} {
		c := cancelAfter(n)
		res, err = l.LintContext(c, article)
		assert.ErrorIs(t, err, context.Canceled, "look %d", n)
		assert.Nil(t, res)
		assert.Equal(t, n, c.looks.Load())
	}

	// The rules run over a batch of blocks at a time, looking before each:
	// done at the fourth look, one batch has run and no more.
	long := Input{Path: "long.md", Data: []byte(strings.Repeat("研究显示，这款神药让患者返老还童。\n\n", 3*blockBatch))}
	c := cancelAfter(4)
	res, err = l.LintContext(c, long)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, res)
	assert.Equal(t, int32(4), c.looks.Load())
	c = cancelAfter(100)
	res, err = l.LintContext(c, long)
	require.NoError(t, err)
	whole, err = l.Lint(long)
	require.NoError(t, err)
	assert.Equal(t, describe(whole), describe(res), "in batches as at once")
	assert.Equal(t, int32(2+3), c.looks.Load(), "a look at the start and after parsing, then one before each of three batches")

	// A long text stops between sections: the first pass looks before
	// each of its sections, so being done at the third look leaves all
	// but two sections unparsed.
	book := Input{Path: "book.txt", Data: []byte(strings.Repeat("研究显示，这款神药让患者返老还童。\n\n", 2*SectionSize/50+1000))}
	require.True(t, Sectioned(book))
	c = cancelAfter(3)
	start := time.Now()
	res, err = l.LintContext(c, book)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, res)
	assert.Equal(t, int32(3), c.looks.Load(), "no look after the one that found it done")
	t.Logf("cancelled at the third section after %v", time.Since(start))
}
