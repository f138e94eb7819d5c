package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --format github on more findings than GitHub shows: every annotation is
// printed, standard error says how many GitHub drops, and the step summary
// file the runner names gets a Markdown report appended.
func TestGitHubFormatLimitsAndStepSummary(t *testing.T) {
	many := "Miracle cure\n\n" + strings.Repeat("This miracle cure is a miracle. ", 8) + "\n"
	dir := writeFiles(t, map[string]string{"many.txt": many, "clean.txt": clean})
	summary := filepath.Join(dir, "summary.md")
	require.NoError(t, os.WriteFile(summary, []byte("earlier step\n"), 0o644))
	r := runCLI(t, map[string]string{"GITHUB_STEP_SUMMARY": summary}, false, "--format", "github",
		filepath.Join(dir, "many.txt"), filepath.Join(dir, "clean.txt"))
	assert.Equal(t, exitFindings, r.code, r.stderr)
	errors := strings.Count(r.stdout, "::error ")
	assert.Greater(t, errors, 10)
	assert.Contains(t, r.stderr, "GitHub shows only 10 of "+strconv.Itoa(errors)+" error annotations of a step")

	md, err := os.ReadFile(summary)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(md), "earlier step\n## hypelint\n"), "appended to what earlier steps wrote:\n%s", md)
	assert.Contains(t, string(md), "miracle-cure-claim")
	assert.Contains(t, string(md), "1 file without findings.")

	// Without the variable, nothing is written and a run under the limit
	// says nothing on standard error.
	r = runCLI(t, nil, false, "--format", "github", filepath.Join(dir, "clean.txt"))
	assert.Equal(t, exitClean, r.code)
	assert.Empty(t, r.stderr)
}
