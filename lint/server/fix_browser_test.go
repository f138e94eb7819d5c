package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Clicking a finding's suggested edit makes it in the draft (at the right
// place after astral characters) and lints the draft again.
func TestServeBrowserAppliesSuggestedFix(t *testing.T) {
	p := openPage(t, 2*time.Minute)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS("#text")),
		chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			_, err := cdp.Call(ctx, target, input.InsertText, input.InsertTextParams{Text: article})
			return err
		})))
	p.lint(t, time.Minute)

	const miracle = `//div[@id='view']//mark[.='神药']`
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Click(miracle)))
	button := run(t, p, chromedp.TextContent(chromedp.CSS("#detail button.fix")))
	assert.Equal(t, "Replace with “新药”", button)
	p.await(t, chromedp.Click(chromedp.CSS("#detail button.fix")), time.Minute)

	want := strings.Replace(article, "神药", "新药", 1)
	assert.Equal(t, want, run(t, p, chromedp.Value(chromedp.CSS("#text"))), "the edit is made in the draft")
	assert.Equal(t, want, run(t, p, chromedp.Evaluate[string](`document.getElementById('view').textContent`)), "and linted again")
	marks := run(t, p, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#view mark.term')].map((m) => m.textContent)`))
	assert.NotContains(t, marks, "神药")
	assert.NotContains(t, marks, "新药")
	assert.Contains(t, marks, "返老还童", "the other findings stay")
	p.checkNoProblems(t)
}
