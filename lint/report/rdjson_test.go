package report_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
)

// rdDiagnostic is a reviewdog Diagnostic as the tests read it back.
type rdDiagnostic struct {
	Message  string `json:"message"`
	Location struct {
		Path  string `json:"path"`
		Range *struct {
			Start rdPos  `json:"start"`
			End   *rdPos `json:"end"`
		} `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Source   struct {
		Name string `json:"name"`
	} `json:"source"`
	Code *struct {
		Value string `json:"value"`
		URL   string `json:"url"`
	} `json:"code"`
	Suggestions []struct {
		Range struct {
			Start rdPos `json:"start"`
			End   rdPos `json:"end"`
		} `json:"range"`
		Text string `json:"text"`
	} `json:"suggestions"`
}

type rdPos struct{ Line, Column int }

func readRDJSONL(t *testing.T, data []byte) []rdDiagnostic {
	t.Helper()
	var out []rdDiagnostic
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var d rdDiagnostic
		require.NoError(t, dec.Decode(&d), sc.Text())
		out = append(out, d)
	}
	return out
}

func TestRDJSONLByteColumns(t *testing.T) {
	f := emojiFile(t, "news/a.txt")
	var buf bytes.Buffer
	require.NoError(t, report.WriteRDJSONL(&buf, newRun(t, f)))
	diags := readRDJSONL(t, buf.Bytes())
	require.Len(t, diags, len(f.Findings))

	type span struct{ line, col, endLine, endCol int }
	got := map[string]span{}
	lines := strings.Split(emojiArticle, "\n")
	for i, d := range diags {
		x := f.Findings[i]
		assert.Equal(t, x.Message, d.Message)
		assert.Equal(t, "news/a.txt", d.Location.Path)
		assert.Equal(t, strings.ToUpper(x.Severity), d.Severity)
		assert.Equal(t, "hypelint", d.Source.Name)
		require.NotNil(t, d.Code)
		assert.Equal(t, x.Rule, d.Code.Value)
		assert.Equal(t, lint.RulesDoc+"#"+x.Rule, d.Code.URL)
		r := d.Location.Range
		require.NotNil(t, r)
		require.NotNil(t, r.End)
		got[x.Rule+" "+x.Excerpt] = span{r.Start.Line, r.Start.Column, r.End.Line, r.End.Column}
		// Byte columns, end exclusive, cut the excerpt out of its line.
		if r.Start.Line == r.End.Line {
			line := lines[r.Start.Line-1]
			assert.Equal(t, x.Excerpt, line[r.Start.Column-1:r.End.Column-1], x.Rule)
		}
	}
	// 😀 is four bytes and each Han character or full-width mark three, so
	// 重磅 starts at byte column 5 and ends before column 11.
	assert.Equal(t, span{1, 5, 1, 11}, got["hype-word 重磅"])
	assert.Equal(t, span{1, 17, 1, 29}, got["reverse-aging-claim 逆转衰老"])
	assert.Equal(t, span{3, 22, 3, 28}, got["miracle-cure-claim 神药"])
	assert.Equal(t, span{3, 37, 3, 49}, got["reverse-aging-claim 返老还童"])
}

func TestRDJSONLCRLFAndBOM(t *testing.T) {
	// A byte-order mark is not part of the first line's columns (as in
	// every other position hypelint reports), and CRLF endings do not shift
	// later lines.
	src := "\ufeff😀重磅！NMN逆转衰老\r\n\r\n研究显示，这款神药让患者返老还童。\r\n"
	f := lintFile(t, "a.txt", src, "en")
	var buf bytes.Buffer
	require.NoError(t, report.WriteRDJSONL(&buf, report.Run{Files: []report.File{f}}))
	got := map[string][2]rdPos{}
	for _, d := range readRDJSONL(t, buf.Bytes()) {
		got[fmt.Sprint(d.Code.Value, " ", d.Location.Range.Start.Line)] = [2]rdPos{d.Location.Range.Start, *d.Location.Range.End}
	}
	assert.Equal(t, [2]rdPos{{1, 5}, {1, 11}}, got["hype-word 1"])
	assert.Equal(t, [2]rdPos{{3, 37}, {3, 49}}, got["reverse-aging-claim 3"])
}

func TestRDJSONLUnreadableFile(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.WriteRDJSONL(&buf, newRun(t, unreadable("gone.txt"))))
	diags := readRDJSONL(t, buf.Bytes())
	require.Len(t, diags, 1)
	assert.Equal(t, "gone.txt", diags[0].Location.Path)
	assert.Nil(t, diags[0].Location.Range)
	assert.Equal(t, "ERROR", diags[0].Severity)
	assert.Contains(t, diags[0].Message, "permission denied")

	buf.Reset()
	require.NoError(t, report.WriteRDJSONL(&buf, newRun(t)))
	assert.Empty(t, buf.String())
}

func TestRDJSONDocument(t *testing.T) {
	f := emojiFile(t, "a.txt")
	var buf bytes.Buffer
	require.NoError(t, report.WriteRDJSON(&buf, newRun(t, f)))
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(buf.Bytes(), &raw))
	assert.NotContains(t, raw, "severity", "the overall severity is optional and left out")
	assert.JSONEq(t, `{"name":"hypelint"}`, string(raw["source"]))
	var diags []rdDiagnostic
	require.NoError(t, json.Unmarshal(raw["diagnostics"], &diags))
	require.Len(t, diags, len(f.Findings))

	// The same diagnostics as rdjsonl.
	var lines bytes.Buffer
	require.NoError(t, report.WriteRDJSONL(&lines, newRun(t, f)))
	assert.Equal(t, readRDJSONL(t, lines.Bytes()), diags)

	buf.Reset()
	require.NoError(t, report.WriteRDJSON(&buf, newRun(t)))
	assert.JSONEq(t, `{"source":{"name":"hypelint"},"diagnostics":[]}`, buf.String())
}
