package report_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
)

// houseRules is the banned-phrase rule of docs/house-rules.md.
const houseRules = `rules:
  - id: no-panacea
    category: house-style
    severity: warning
    message: {en: "Avoid 灵丹妙药"}
    swap: {灵丹妙药: 一种疗法, miracle cure: promising treatment}
`

// fixArticle has the house terms after a four-byte emoji, in both scripts.
const fixArticle = "😀标题\n\n它被称为靈丹妙藥，也被称为灵丹妙药。\n\nNot a miracle cure.\n"

// houseFile lints src with the house rule alone.
func houseFile(t *testing.T, path, src string) report.File {
	t.Helper()
	l, err := lint.New(lint.Builtin, lint.Source{FS: fstest.MapFS{"house.yaml": {Data: []byte(houseRules)}}, Prefix: "house", Rules: "."})
	require.NoError(t, err)
	l, err = l.With(lint.Options{Enable: []string{"no-panacea"}})
	require.NoError(t, err)
	res, err := l.LintText(path, []byte(src))
	require.NoError(t, err)
	f := report.NewFile(path, res, "en")
	require.Len(t, f.Findings, 3)
	return f
}

// applied replaces each fix's byte range in src (from the given offsets) by its text.
func applied(t *testing.T, src string, edits [][3]any) string {
	t.Helper()
	for i := len(edits) - 1; i >= 0; i-- {
		start, end, text := edits[i][0].(int), edits[i][1].(int), edits[i][2].(string)
		src = src[:start] + text + src[end:]
	}
	return src
}

const fixedArticle = "😀标题\n\n它被称为一種療法，也被称为一种疗法。\n\nNot a promising treatment.\n"

func TestJSONFixes(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, report.WriteJSON(&out, []report.File{houseFile(t, "a.txt", fixArticle)}, "test"))
	var doc struct {
		Files []struct {
			Findings []struct {
				Rule  string
				Fixes []struct {
					Span struct {
						Start, End struct{ Line, Column, Offset int }
					}
					Replacement string
					Safe        bool
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &doc))
	var edits [][3]any
	for _, x := range doc.Files[0].Findings {
		require.Len(t, x.Fixes, 1, x.Rule)
		fix := x.Fixes[0]
		assert.True(t, fix.Safe)
		edits = append(edits, [3]any{fix.Span.Start.Offset, fix.Span.End.Offset, fix.Replacement})
	}
	assert.Equal(t, fixedArticle, applied(t, fixArticle, edits))
	assert.Contains(t, out.String(), `"fixes": [`)
}

func TestSARIFFixes(t *testing.T) {
	var out bytes.Buffer
	f := houseFile(t, "a.txt", fixArticle)
	require.NoError(t, report.WriteSARIF(&out, report.Run{Files: []report.File{f}, Version: "test", Locale: "en"}))
	var log struct {
		Runs []struct {
			Results []struct {
				Fixes []struct {
					Description     struct{ Text string }
					ArtifactChanges []struct {
						ArtifactLocation struct{ URI string }
						Replacements     []struct {
							DeletedRegion struct {
								StartLine, StartColumn, EndLine, EndColumn, CharOffset, CharLength int
							}
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &log))
	runes := []rune(fixArticle)
	var edits [][3]any
	for _, res := range log.Runs[0].Results {
		require.Len(t, res.Fixes, 1)
		change := res.Fixes[0].ArtifactChanges[0]
		assert.Equal(t, "a.txt", change.ArtifactLocation.URI)
		r := change.Replacements[0]
		assert.Equal(t, `Replace with "`+r.InsertedContent.Text+`"`, res.Fixes[0].Description.Text)
		// charOffset and charLength count code points from the start of the file.
		start := len(string(runes[:r.DeletedRegion.CharOffset]))
		end := len(string(runes[:r.DeletedRegion.CharOffset+r.DeletedRegion.CharLength]))
		edits = append(edits, [3]any{start, end, r.InsertedContent.Text})
	}
	assert.Equal(t, fixedArticle, applied(t, fixArticle, edits))
}

// rdSuggestionEdits reads rdjson(l) diagnostics (one JSON value each) and
// turns their suggestions into byte edits of src.
func rdSuggestionEdits(t *testing.T, src string, diagnostics [][]byte) [][3]any {
	t.Helper()
	lines := strings.SplitAfter(src, "\n")
	offset := func(line, col int) int {
		n := 0
		for _, l := range lines[:line-1] {
			n += len(l)
		}
		return n + col - 1
	}
	var edits [][3]any
	for _, raw := range diagnostics {
		var d struct {
			Suggestions []struct {
				Range struct{ Start, End struct{ Line, Column int } }
				Text  string
			}
		}
		require.NoError(t, json.Unmarshal(raw, &d), string(raw))
		require.Len(t, d.Suggestions, 1, string(raw))
		s := d.Suggestions[0]
		edits = append(edits, [3]any{offset(s.Range.Start.Line, s.Range.Start.Column), offset(s.Range.End.Line, s.Range.End.Column), s.Text})
	}
	return edits
}

func TestRDJSONSuggestions(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, report.WriteRDJSONL(&out, report.Run{Files: []report.File{houseFile(t, "a.txt", fixArticle)}}))
	diagnostics := bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n"))
	assert.Equal(t, fixedArticle, applied(t, fixArticle, rdSuggestionEdits(t, fixArticle, diagnostics)))
}

// TestReviewdogReceivesSuggestions hands `--format rdjson` output to the
// real reviewdog, which re-encodes what it parsed: the suggestions it
// received (which its GitHub reporters turn into suggested changes) must
// fix the article on disk.
func TestReviewdogReceivesSuggestions(t *testing.T) {
	bin, err := exec.LookPath("reviewdog")
	if err != nil {
		t.Skip("reviewdog not installed; CI installs it with go install github.com/reviewdog/reviewdog/cmd/reviewdog@v0.21.3")
	}
	dir := t.TempDir()
	const path = "article.txt"
	require.NoError(t, os.WriteFile(filepath.Join(dir, path), []byte(fixArticle), 0o644))
	var in bytes.Buffer
	require.NoError(t, report.WriteRDJSON(&in, report.Run{Files: []report.File{houseFile(t, path, fixArticle)}}))
	parsed := runReviewdog(t, bin, dir, in.Bytes(), "-f=rdjson", "-name=hypelint", "-reporter=rdjsonl", "-filter-mode=nofilter")
	t.Logf("reviewdog -f=rdjson -reporter=rdjsonl:\n%s", parsed)
	var diagnostics [][]byte
	sc := bufio.NewScanner(strings.NewReader(parsed))
	for sc.Scan() {
		diagnostics = append(diagnostics, append([]byte(nil), sc.Bytes()...))
	}
	require.Len(t, diagnostics, 3)
	assert.Equal(t, fixedArticle, applied(t, fixArticle, rdSuggestionEdits(t, fixArticle, diagnostics)))
}

// A relative risk gets a note asking for the absolute figures, not an
// edit: in JSON as "note", in SARIF in the result's properties.
func TestNoteInsteadOfAnEdit(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	l, err = l.With(lint.Options{Enable: []string{"relative-change-without-baseline"}})
	require.NoError(t, err)
	res, err := l.LintText("a.txt", []byte("Title\n\nThe drug cut the risk of stroke by 50%.\n"))
	require.NoError(t, err)
	f := report.NewFile("a.txt", res, "en")
	require.Len(t, f.Findings, 1)
	x := f.Findings[0]
	assert.Empty(t, x.Fixes)
	assert.Contains(t, x.Note, "absolute risks")

	var out bytes.Buffer
	require.NoError(t, report.WriteSARIF(&out, report.Run{Files: []report.File{f}, Version: "test", Locale: "en"}))
	var log struct {
		Runs []struct {
			Results []struct {
				Fixes      []any
				Properties struct{ Note string }
			}
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &log))
	assert.Empty(t, log.Runs[0].Results[0].Fixes)
	assert.Equal(t, x.Note, log.Runs[0].Results[0].Properties.Note)

	zh := report.NewFile("a.txt", res, "zh-Hant")
	assert.Contains(t, zh.Findings[0].Note, "絕對風險", "derived in Taiwan usage")
}
