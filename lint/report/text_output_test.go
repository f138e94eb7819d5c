package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/report"
)

// A long line with a finding every few bytes prints a window per finding,
// not the whole line: output grows with the findings, not with findings ×
// line length (45 KB on one line printed 300 MB).
func TestTextOutputIsLinearOnALongLine(t *testing.T) {
	for _, n := range []int{500, 2000} {
		src := strings.Repeat("神药。", n) + "\n"
		f := lintFile(t, "long.txt", src, "en")
		require.GreaterOrEqual(t, len(f.Findings), n)
		var out bytes.Buffer
		require.NoError(t, report.WriteText(&out, []report.File{f}, report.TextOptions{Quiet: true, Width: 80}))
		perFinding := out.Len() / len(f.Findings)
		assert.Less(t, perFinding, 400, "bytes per finding for %d repeats", n)
		lines := strings.Split(out.String(), "\n")
		require.Len(t, lines, 3*len(f.Findings)+1)
		for i, x := range f.Findings {
			if len(x.Excerpt) > 60 {
				continue // a span is never cut: a whole-line finding prints the line
			}
			for _, line := range lines[3*i+1 : 3*i+3] {
				assert.LessOrEqual(t, uniseg.StringWidth(line), 79, "finding %d: %.120q", i, line)
			}
		}
	}
}

// File names and article text reach the terminal escaped.
func TestTextOutputEscapesFileNamesAndArticles(t *testing.T) {
	f := lintFile(t, "evil\x1b]0;owned\a.txt", "标题\n\n这款\x1b[2J神药\r让患者返老还童。\n", "en")
	require.NotEmpty(t, f.Findings)
	var out bytes.Buffer
	require.NoError(t, report.WriteText(&out, []report.File{f}, report.TextOptions{}))
	assert.NotContains(t, out.String(), "\x1b")
	assert.NotContains(t, out.String(), "\a")
	assert.NotContains(t, out.String(), "\r")
	assert.Contains(t, out.String(), `evil\x1b]0;owned\a.txt:`)
}
