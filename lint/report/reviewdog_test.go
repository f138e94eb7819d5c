package report_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/report"
)

// runReviewdog feeds input to the reviewdog on PATH in dir and returns what
// it printed on standard output.
func runReviewdog(t *testing.T, bin, dir string, input []byte, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "reviewdog %s\nstderr:\n%s", strings.Join(args, " "), stderr.String())
	return stdout.String()
}

// TestReviewdogReadsRDJSONL hands hypelint's rdjsonl to the real reviewdog
// and checks that reviewdog reads every diagnostic, and that the positions
// it reads (UTF-8 byte columns, end exclusive) select the flagged text in
// the article on disk.
func TestReviewdogReadsRDJSONL(t *testing.T) {
	bin, err := exec.LookPath("reviewdog")
	if err != nil {
		t.Skip("reviewdog not installed; CI installs it with go install github.com/reviewdog/reviewdog/cmd/reviewdog@v0.21.3")
	}
	dir := t.TempDir()
	const path = "article.txt"
	require.NoError(t, os.WriteFile(filepath.Join(dir, path), []byte(emojiArticle), 0o644))
	f := emojiFile(t, path)
	var in bytes.Buffer
	require.NoError(t, report.WriteRDJSONL(&in, report.Run{Files: []report.File{f}}))
	source, err := os.ReadFile(filepath.Join(dir, path))
	require.NoError(t, err)
	lines := strings.Split(string(source), "\n")

	// The local reporter prints every diagnostic it accepted: reviewdog
	// v0.21 prints a structured input's diagnostic as given (one JSON line);
	// "path:line:col: message" is accepted too, in case a later version
	// formats it.
	local := runReviewdog(t, bin, dir, in.Bytes(), "-f=rdjsonl", "-name=hypelint", "-reporter=local", "-filter-mode=nofilter")
	t.Logf("reviewdog -reporter=local:\n%s", local)
	printed := strings.Split(strings.TrimRight(local, "\n"), "\n")
	require.Len(t, printed, len(f.Findings), "one line per finding")
	hype := findingOf(t, f, "hype-word", "重磅")
	for i, out := range printed {
		x := f.Findings[i]
		col := byteCol(lines, x.Start)
		if strings.HasPrefix(out, "{") {
			var d struct {
				Message  string
				Location struct {
					Path  string
					Range struct{ Start struct{ Line, Column int } }
				}
			}
			require.NoError(t, json.Unmarshal([]byte(out), &d), out)
			assert.Equal(t, x.Message, d.Message)
			assert.Equal(t, path, d.Location.Path)
			assert.Equal(t, [2]int{x.Start.Line, col}, [2]int{d.Location.Range.Start.Line, d.Location.Range.Start.Column}, out)
		} else {
			assert.True(t, strings.HasPrefix(out, fmt.Sprintf("%s:%d:%d: ", path, x.Start.Line, col)), out)
			assert.Contains(t, out, x.Message)
		}
	}

	// The rdjsonl reporter re-encodes what reviewdog parsed: its positions,
	// applied to the file on disk, cut out each finding's excerpt.
	parsed := runReviewdog(t, bin, dir, in.Bytes(), "-f=rdjsonl", "-name=hypelint", "-reporter=rdjsonl", "-filter-mode=nofilter")
	t.Logf("reviewdog -reporter=rdjsonl:\n%s", parsed)
	type pos struct{ Line, Column int }
	var got []string
	sc := bufio.NewScanner(strings.NewReader(parsed))
	for sc.Scan() {
		var d struct {
			Message  string
			Severity string
			Code     struct{ Value string }
			Location struct {
				Path  string
				Range struct{ Start, End pos }
			}
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d), sc.Text())
		assert.Equal(t, path, d.Location.Path)
		r := d.Location.Range
		require.Equal(t, r.Start.Line, r.End.Line, sc.Text())
		line := lines[r.Start.Line-1]
		require.LessOrEqual(t, r.End.Column-1, len(line), sc.Text())
		got = append(got, fmt.Sprintf("%s %d:%d %s | %s", d.Code.Value, r.Start.Line, r.Start.Column, line[r.Start.Column-1:r.End.Column-1], line))
	}
	var want []string
	for _, x := range f.Findings {
		line := lines[x.Start.Line-1]
		col := byteCol(lines, x.Start)
		want = append(want, fmt.Sprintf("%s %d:%d %s | %s", x.Rule, x.Start.Line, col, x.Excerpt, line))
	}
	assert.Equal(t, want, got)
	assert.Contains(t, got, fmt.Sprintf("hype-word 1:5 %s | 😀重磅！NMN逆转衰老", hype.Excerpt))
	assert.Contains(t, got, "reverse-aging-claim 3:37 返老还童 | 研究显示，这款神药让患者返老还童。")
}

// byteCol is a position's 1-based UTF-8 byte column, from its byte offset.
func byteCol(lines []string, p document.Position) int {
	start := 0
	for _, l := range lines[:p.Line-1] {
		start += len(l) + 1
	}
	return p.Offset - start + 1
}

// TestReviewdogReadsRDJSON hands hypelint's rdjson document to the real
// reviewdog and checks that it reads every diagnostic with its rule id and
// the rule's documentation link (code.url), which reviewdog shows as a
// link in its comments.
func TestReviewdogReadsRDJSON(t *testing.T) {
	bin, err := exec.LookPath("reviewdog")
	if err != nil {
		t.Skip("reviewdog not installed; CI installs it with go install github.com/reviewdog/reviewdog/cmd/reviewdog@v0.20.3")
	}
	dir := t.TempDir()
	const path = "article.txt"
	require.NoError(t, os.WriteFile(filepath.Join(dir, path), []byte(emojiArticle), 0o644))
	f := emojiFile(t, path)
	var in bytes.Buffer
	require.NoError(t, report.WriteRDJSON(&in, newRun(t, f)))

	parsed := runReviewdog(t, bin, dir, in.Bytes(), "-f=rdjson", "-name=hypelint", "-reporter=rdjsonl", "-filter-mode=nofilter")
	t.Logf("reviewdog -f=rdjson -reporter=rdjsonl:\n%s", parsed)
	var got []string
	sc := bufio.NewScanner(strings.NewReader(parsed))
	for sc.Scan() {
		var d struct{ Code struct{ Value, URL string } }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d), sc.Text())
		got = append(got, d.Code.Value+" "+d.Code.URL)
	}
	var want []string
	for _, x := range f.Findings {
		want = append(want, x.Rule+" "+lint.RulesDoc+"#"+x.Rule)
	}
	assert.ElementsMatch(t, want, got)
}
