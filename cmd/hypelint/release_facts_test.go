package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/facts"
)

// TestReleasedFactsAreNotReadAgain lints the corpus in the formats that
// show the most (JSON and SARIF with the evidence card, text, statistics)
// on two workers, once as a run does (each file's facts released once its
// report is made, their memory reused by the next file) and once with the
// released memory poisoned (overwritten with nonsense, never reused): a
// report, writer or end-of-run table still reading a file's sentences,
// texts, views or hits after the release would print something else.
func TestReleasedFactsAreNotReadAgain(t *testing.T) {
	for _, args := range [][]string{
		{"--format", "json"},
		{"--format", "sarif"},
		{"--format", "text", "--color", "never"},
		{"--format", "json", "--statistics"},
	} {
		args = append(args, "--jobs", "2", "--fail-on", "none", "../../corpus")
		reused := runCLI(t, nil, false, args...)
		facts.PoisonReleased(true)
		poisoned := runCLI(t, nil, false, args...)
		facts.PoisonReleased(false)
		require.Equal(t, exitClean, reused.code, "%v: %s", args, reused.stderr)
		require.Greater(t, len(reused.stdout), 1000, args)
		require.Equal(t, reused.stdout, poisoned.stdout, args)
		require.Equal(t, reused.stderr, poisoned.stderr, args)
	}
}
