package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
)

func TestGitHubLines(t *testing.T) {
	f := emojiFile(t, "news/a.txt")
	var buf bytes.Buffer
	require.NoError(t, report.WriteGitHub(&buf, newRun(t, f, unreadable("gone.txt"))))
	want := "" +
		"::warning file=news/a.txt,line=1,col=1,endLine=1,endColumn=12,title=missing-disclosure::The article reports research or health claims but names neither funding nor conflicts of interest.\n" +
		"::warning file=news/a.txt,line=1,col=2,endLine=1,endColumn=4,title=hype-word::\"重磅\" is hype; let the size of the result speak for itself.\n" +
		"::error file=news/a.txt,line=1,col=8,endLine=1,endColumn=12,title=reverse-aging-claim::\"逆转衰老\" promises to reverse ageing; no treatment has been shown to do that in people.\n" +
		"::warning file=news/a.txt,line=3,col=1,endLine=3,endColumn=18,title=study-without-sample-size::This reports a study in people without saying how many took part; give the number of participants.\n" +
		"::error file=news/a.txt,line=3,col=8,endLine=3,endColumn=10,title=miracle-cure-claim::\"神药\" presents the treatment as a miracle or a cure; say what was measured and how much it changed.\n" +
		"::error file=news/a.txt,line=3,col=13,endLine=3,endColumn=17,title=reverse-aging-claim::\"返老还童\" promises to reverse ageing; no treatment has been shown to do that in people.\n" +
		"::error file=gone.txt,title=hypelint::open gone.txt: permission denied\n"
	assert.Equal(t, want, buf.String())
}

func TestGitHubEscaping(t *testing.T) {
	f := emojiFile(t, "dir/a,b:c%.txt")
	x := findingOf(t, f, "hype-word", "重磅")
	x.Message = "50%,\n: up\r"
	x.Rule = "rule:a,b"
	f.Findings = []report.Finding{x}
	var buf bytes.Buffer
	require.NoError(t, report.WriteGitHub(&buf, report.Run{Files: []report.File{f}}))
	// Data (the message) escapes %, CR and LF; property values (file,
	// title) also escape : and ,.
	assert.Equal(t, "::warning file=dir/a%2Cb%3Ac%25.txt,line=1,col=2,endLine=1,endColumn=4,title=rule%3Aa%2Cb::50%25,%0A: up%0D\n", buf.String())
}

func TestGitHubSeverities(t *testing.T) {
	f := emojiFile(t, "a.txt")
	x := f.Findings[0]
	var got []string
	for _, sev := range []string{"error", "warning", "info"} {
		x.Severity = sev
		g := f
		g.Findings = []report.Finding{x}
		var buf bytes.Buffer
		require.NoError(t, report.WriteGitHub(&buf, report.Run{Files: []report.File{g}}))
		got = append(got, buf.String()[:bytes.IndexByte(buf.Bytes(), ' ')])
	}
	assert.Equal(t, []string{"::error", "::warning", "::notice"}, got)
}

func TestGitHubMultiLineFindingHasNoColumns(t *testing.T) {
	f := emojiFile(t, "a.txt")
	x := f.Findings[0]
	x.End.Line, x.End.Column = 3, 5
	f.Findings = []report.Finding{x}
	var buf bytes.Buffer
	require.NoError(t, report.WriteGitHub(&buf, report.Run{Files: []report.File{f}}))
	// GitHub takes columns only for an annotation on a single line.
	assert.Equal(t, "::warning file=a.txt,line=1,endLine=3,title=missing-disclosure::"+x.Message+"\n", buf.String())
}

// manyFindings is a file with n copies of one finding (errors when the
// finding is miracle-cure-claim).
func manyFindings(t *testing.T, path string, rule string, n int) report.File {
	t.Helper()
	f := emojiFile(t, path)
	var x report.Finding
	for _, y := range f.Findings {
		if y.Rule == rule {
			x = y
		}
	}
	require.NotEmpty(t, x.Rule)
	f.Findings = nil
	for range n {
		f.Findings = append(f.Findings, x)
	}
	return f
}

func TestGitHubOverflow(t *testing.T) {
	ten := manyFindings(t, "a.txt", "miracle-cure-claim", report.GitHubAnnotationsPerStep)
	assert.Empty(t, report.GitHubOverflow(newRun(t, ten)), "ten errors are all shown")

	run := newRun(t, ten, manyFindings(t, "b.txt", "hype-word", 12), unreadable("gone.txt"))
	assert.Equal(t, "GitHub shows only 10 of 11 error annotations and 10 of 12 warning annotations of a step; "+
		"every finding is in the log above (and in the step summary when GITHUB_STEP_SUMMARY is set)", report.GitHubOverflow(run))
}

func TestGitHubSummary(t *testing.T) {
	a := emojiFile(t, "news/a|b.txt")
	clean := lintFile(t, "clean.txt", "Title\n\nNothing to see.\n", "en")
	require.Empty(t, clean.Findings)
	var buf bytes.Buffer
	require.NoError(t, report.WriteGitHubSummary(&buf, newRun(t, a, clean, unreadable("gone.txt"))))
	md := buf.String()
	t.Log(md)
	c := report.Count([]report.File{a})
	for _, want := range []string{
		"## hypelint\n",
		"**3 errors, 3 warnings, 0 info** in 3 files (1 could not be read).",
		"| `news/a\\|b.txt` | " + fmt.Sprint(*a.Score) + "/100 | " + fmt.Sprintf("%d | %d | %d |", c.Error, c.Warning, c.Info),
		"| `gone.txt` | unreadable: open gone.txt: permission denied | 0 | 0 | 0 |",
		"1 file without findings.",
		"| [`reverse-aging-claim`](" + lint.RulesDoc + "#reverse-aging-claim) | error | 2 | 1 |",
		"| [`hype-word`](" + lint.RulesDoc + "#hype-word) | warning | 1 | 1 |",
		"### First findings",
		"| `news/a\\|b.txt:1:2` | warning | `hype-word` | \"重磅\" is hype; let the size of the result speak for itself. |",
	} {
		assert.Contains(t, md, want)
	}
	assert.NotContains(t, md, "clean.txt")
	// The busiest rule comes first.
	assert.Less(t, strings.Index(md, "[`reverse-aging-claim`]"), strings.Index(md, "[`hype-word`]"))
}

// A long run's summary stays bounded: the first findings only, and a
// count of the rest.
func TestGitHubSummaryIsBounded(t *testing.T) {
	f := manyFindings(t, "a.txt", "hype-word", 500)
	var buf bytes.Buffer
	require.NoError(t, report.WriteGitHubSummary(&buf, newRun(t, f)))
	assert.Equal(t, 50, strings.Count(buf.String(), "| `a.txt:1:2` |"))
	assert.Contains(t, buf.String(), "…and 450 more in the log.")
}
