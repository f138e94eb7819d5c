package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
)

// TestOneLongLineIsPrintedAsFound lints a one-line file (sectioned, cut
// into pieces) alone, which prints its findings as they are found, and
// compares with the report written whole to a file (-o, not streamed):
// the same text and exit status, with and without a suppression directive
// (which turns streaming off).
func TestOneLongLineIsPrintedAsFound(t *testing.T) {
	line := strings.Repeat("研究显示，这款神药让患者返老还童。", lint.PieceSize/48+100)
	for name, text := range map[string]string{
		"one line":       line,
		"with directive": "# hypelint-disable-next-line hype-word\n" + line,
	} {
		dir := writeFiles(t, map[string]string{"long.txt": text})
		in, out := filepath.Join(dir, "long.txt"), filepath.Join(dir, "report.txt")
		require.True(t, lint.Sectioned(lint.Input{Path: in, Data: []byte(text)}), name)

		streamed := runCLI(t, nil, false, "--color", "never", in)
		whole := runCLI(t, nil, false, "--color", "never", "-o", out, in)
		written, err := os.ReadFile(out)
		require.NoError(t, err)
		require.Equal(t, exitFindings, streamed.code, name)
		require.Equal(t, whole.code, streamed.code, name)
		require.Greater(t, strings.Count(streamed.stdout, "\n"), 10000, name)
		require.Equal(t, string(written), streamed.stdout, name)
		require.Equal(t, exitClean, runCLI(t, nil, false, "--fail-on", "none", in).code, name)
	}
}
