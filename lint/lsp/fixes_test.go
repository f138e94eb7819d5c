package lsp

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
)

// replaceAction returns the replacement code action of a rule.
func replaceAction(t *testing.T, actions []CodeAction, ruleID string) CodeAction {
	t.Helper()
	for _, a := range actions {
		if strings.HasPrefix(a.Title, "Replace") && a.Diagnostics[0].Code == ruleID {
			return a
		}
	}
	t.Fatalf("no replacement for %s among %+v", ruleID, actions)
	return CodeAction{}
}

// A finding's suggested replacement is a code action at the right place
// (after an astral emoji, in UTF-16 positions); applying it clears the
// finding. A house rule's safe swap is the preferred action, a built-in
// rule's suggestion is not.
func TestLSPReplacementCodeActions(t *testing.T) {
	house := fstest.MapFS{"house.yaml": {Data: []byte(`rules:
  - id: no-panacea
    category: house-style
    severity: warning
    message: {en: "Avoid {term}"}
    swap: {灵丹妙药: 一种疗法}
`)}}
	l, err := lint.New(lint.Builtin, lint.Source{FS: house, Prefix: "house", Rules: "."})
	require.NoError(t, err)
	c := startServerWith(t, Options{Linter: func(string) (*lint.Linter, error) { return l, nil }, Version: "test"})
	c.initialize(map[string]any{})
	const uri = "file:///tmp/fixes.md"
	text := "# 新药研究进展\n\n😀𠀀 这款神药是靈丹妙藥。\n"
	p := c.open(uri, "markdown", text)

	miracle := find(p.Diagnostics, "miracle-cure-claim")
	require.NotEmpty(t, miracle)
	fix := replaceAction(t, c.codeActions(uri, miracle[0].Range), "miracle-cure-claim")
	assert.Equal(t, `Replace "神药" with "新药" (hypelint)`, fix.Title)
	assert.False(t, fix.IsPreferred, "a built-in suggestion is for the writer to weigh")
	edits := fix.Edit.Changes[uri]
	require.Len(t, edits, 1)
	assert.Equal(t, Range{Position{2, 7}, Position{2, 9}}, edits[0].Range, "UTF-16: the emoji and 𠀀 take two units each")

	panacea := find(p.Diagnostics, "no-panacea")
	require.Len(t, panacea, 1)
	swap := replaceAction(t, c.codeActions(uri, panacea[0].Range), "no-panacea")
	assert.True(t, swap.IsPreferred)
	assert.Equal(t, "一種療法", swap.Edit.Changes[uri][0].NewText)

	text = applyEdits(t, text, append(edits, swap.Edit.Changes[uri]...))
	assert.Equal(t, "# 新药研究进展\n\n😀𠀀 这款新药是一種療法。\n", text)
	p = c.change(uri, 2, text)
	assert.Empty(t, find(p.Diagnostics, "no-panacea"))
	assert.Empty(t, find(p.Diagnostics, "miracle-cure-claim"))
	c.shutdownAndExit()
}
