package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The suppression checks are ordinary rules on the command line: listed,
// explained, and turned off by the configuration like any other.
func TestSuppressionRulesAreOrdinaryRules(t *testing.T) {
	r := runCLI(t, nil, false, "rules")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Regexp(t, `(?m)^unused-suppression\s+suppression\s+info\s+suppression\s`, r.stdout)
	assert.Regexp(t, `(?m)^unknown-suppression\s+suppression\s+warning\s+suppression\s`, r.stdout)

	r = runCLI(t, nil, false, "explain", "unknown-suppression")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "hypelint-disabel-next-line")

	article := "Coffee and sleep\n\n<!-- hypelint-disabel-next-line miracle-cure-claim -->\n<!-- hypelint-disable-next-line hype-word -->\nThe advert called it a miracle.\n"
	dir := writeFiles(t, map[string]string{"a.md": article})
	rep, r := lintJSON(t, filepath.Join(dir, "a.md"))
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, rulesOf(rep, 0), "unknown-suppression")
	assert.Contains(t, rulesOf(rep, 0), "unused-suppression")

	quiet := writeFiles(t, map[string]string{"a.md": article, ".hypelint.yaml": "rules:\n  disable: [unused-suppression, unknown-suppression]\n"})
	rep, r = lintJSON(t, filepath.Join(quiet, "a.md"))
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.NotContains(t, rulesOf(rep, 0), "unknown-suppression")
	assert.NotContains(t, rulesOf(rep, 0), "unused-suppression")
	assert.Contains(t, rulesOf(rep, 0), "miracle-cure-claim", "the misspelt directive hides nothing")
}
