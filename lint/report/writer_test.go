package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The streaming writers lay a document out piece by piece; these are the
// same documents built whole and encoded at once by encoding/json and
// encoding/xml, as the reporters wrote them before they streamed. Each
// writer must produce their bytes exactly.

func encodeWhole(t *testing.T, v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(v))
	return buf.String()
}

func encodeWholeXML(t *testing.T, v any) string {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	require.NoError(t, enc.Encode(v))
	buf.WriteString("\n")
	return buf.String()
}

// sarifLog is a SARIF log as one value, its run's keys in the order the
// writer puts them (the invocation last).
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool        sarifTool         `json:"tool"`
		ColumnKind  string            `json:"columnKind"`
		Results     []sarifResult     `json:"results"`
		Invocations []sarifInvocation `json:"invocations"`
	} `json:"runs"`
}

func wholeSARIF(t *testing.T, run Run) string {
	table := newRuleTable(run)
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion}
	log.Runs = make([]struct {
		Tool        sarifTool         `json:"tool"`
		ColumnKind  string            `json:"columnKind"`
		Results     []sarifResult     `json:"results"`
		Invocations []sarifInvocation `json:"invocations"`
	}, 1)
	out := &log.Runs[0]
	out.Tool.Driver = sarifDriver{Name: toolName, Version: run.Version, InformationURI: toolURI, Rules: []sarifRule{}}
	for _, r := range table.rules {
		out.Tool.Driver.Rules = append(out.Tool.Driver.Rules, newSARIFRule(r, run.Locale))
	}
	out.ColumnKind = "unicodeCodePoints"
	out.Results = []sarifResult{}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, f := range run.Files {
		uri := sarifURI(f.Path)
		if f.Error != "" {
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level: "error", Message: sarifText{Text: f.Error},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri}}}},
			})
		}
		out.Results = append(out.Results, sarifResults(f, uri, table)...)
	}
	out.Invocations = []sarifInvocation{inv}
	return encodeWhole(t, log)
}

func wholeRDJSON(t *testing.T, run Run) (doc, lines string) {
	all := []rdDiagnostic{}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, f := range run.Files {
		for _, d := range rdDiagnostics(f) {
			all = append(all, d)
			require.NoError(t, enc.Encode(d))
		}
	}
	return encodeWhole(t, rdResult{Source: rdSource{Name: toolName}, Diagnostics: all}), buf.String()
}

func wholeGitLab(t *testing.T, run Run) string {
	all := []gitlabIssue{}
	for _, f := range run.Files {
		all = append(all, gitlabIssues(f)...)
	}
	return encodeWhole(t, all)
}

func wholeJUnit(t *testing.T, run Run) string {
	doc := struct {
		XMLName xml.Name     `xml:"testsuites"`
		Name    string       `xml:"name,attr"`
		Suites  []junitSuite `xml:"testsuite"`
	}{Name: toolName}
	for _, f := range run.Files {
		doc.Suites = append(doc.Suites, junitSuiteOf(f))
	}
	return encodeWholeXML(t, doc)
}

func wholeCheckstyle(t *testing.T, run Run) string {
	doc := struct {
		XMLName xml.Name         `xml:"checkstyle"`
		Version string           `xml:"version,attr"`
		Files   []checkstyleFile `xml:"file"`
	}{Version: "4.3"}
	for _, f := range run.Files {
		doc.Files = append(doc.Files, checkstyleFileOf(f))
	}
	return encodeWholeXML(t, doc)
}

// writerRuns are runs that exercise a document's framing: the fixed run,
// nothing, one unreadable file, clean files only, and one file without
// findings slice (nil, which encoding/json writes as null).
func writerRuns(t *testing.T) map[string]Run {
	files := fixtureFiles(t)
	noSlice := files[3]
	noSlice.Findings, noSlice.Score = nil, nil
	return map[string]Run{
		"fixed":      fixtureRun(t),
		"empty":      {Version: "1", Locale: "en"},
		"unreadable": {Files: files[4:], Rules: fixtureRules, Version: "1", Locale: "en"},
		"clean":      {Files: []File{files[3], files[3]}, Version: "1", Locale: "zh-Hans"},
		"nil":        {Files: []File{noSlice}, Version: "1", Locale: "en"},
	}
}

// streamingFormats are the writers that lay their documents out piece by
// piece, each with the whole document it must match.
var streamingFormats = []struct {
	name  string
	start func(io.Writer, Run) Writer
	whole func(*testing.T, Run) string
}{
	{"json", func(w io.Writer, r Run) Writer { return NewJSONWriter(w, r.Version) }, func(t *testing.T, r Run) string {
		return encodeWhole(t, JSON{Tool: Tool{Name: toolName, Version: r.Version}, Files: orEmpty(r.Files)})
	}},
	{"sarif", func(w io.Writer, r Run) Writer { return newSARIFWriter(w, r.Info(), newRuleTable(r)) }, wholeSARIF},
	{"rdjson", func(w io.Writer, r Run) Writer { return NewRDJSONWriter(w) }, func(t *testing.T, r Run) string {
		doc, _ := wholeRDJSON(t, r)
		return doc
	}},
	{"rdjsonl", func(w io.Writer, r Run) Writer { return NewRDJSONLWriter(w) }, func(t *testing.T, r Run) string {
		_, lines := wholeRDJSON(t, r)
		return lines
	}},
	{"gitlab", func(w io.Writer, r Run) Writer { return NewGitLabWriter(w) }, wholeGitLab},
	{"junit", func(w io.Writer, r Run) Writer { return NewJUnitWriter(w) }, wholeJUnit},
	{"checkstyle", func(w io.Writer, r Run) Writer { return NewCheckstyleWriter(w) }, wholeCheckstyle},
}

func TestStreamingWritersMatchWholeDocuments(t *testing.T) {
	for name, run := range writerRuns(t) {
		for _, format := range streamingFormats {
			t.Run(name+"/"+format.name, func(t *testing.T) {
				var buf bytes.Buffer
				w := format.start(&buf, run)
				for _, f := range run.Files {
					require.NoError(t, w.File(f))
				}
				require.NoError(t, w.Close())
				assert.Equal(t, format.whole(t, run), buf.String())
			})
		}
	}
}

func orEmpty(files []File) []File {
	if files == nil {
		return []File{}
	}
	return files
}

// TestWritersForgetWrittenFiles writes the fixed articles over and over
// through every writer and measures the live heap between 200 and 2,000
// files: a writer may keep counts and tables, and the text format a
// score line per file, but a report kept for the end would cost a
// kilobyte or more a file.
func TestWritersForgetWrittenFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 2,000 files per format")
	}
	articles := fixtureFiles(t)[:4] // readable: SARIF keeps a note per unreadable file
	writers := []struct {
		name    string
		start   func(io.Writer) Writer
		perFile int64 // bytes a file may add
	}{
		{"text", func(w io.Writer) Writer { return NewTextWriter(w, TextOptions{}) }, 192},
		{"json", func(w io.Writer) Writer { return NewJSONWriter(w, "1") }, 16},
		{"sarif", func(w io.Writer) Writer { return NewSARIFWriter(w, RunInfo{Rules: fixtureRules}) }, 16},
		{"github", func(w io.Writer) Writer { return NewGitHubWriter(w) }, 16},
		{"rdjson", func(w io.Writer) Writer { return NewRDJSONWriter(w) }, 16},
		{"rdjsonl", func(w io.Writer) Writer { return NewRDJSONLWriter(w) }, 16},
		{"gitlab", func(w io.Writer) Writer { return NewGitLabWriter(w) }, 16},
		{"junit", func(w io.Writer) Writer { return NewJUnitWriter(w) }, 16},
		{"checkstyle", func(w io.Writer) Writer { return NewCheckstyleWriter(w) }, 16},
		{"statistics", func(w io.Writer) Writer { return NewStatisticsWriter(w, true) }, 16},
	}
	for _, format := range writers {
		t.Run(format.name, func(t *testing.T) {
			w := format.start(io.Discard)
			written := 0
			write := func(n int) {
				for ; n > 0; n-- {
					f := articles[written%len(articles)]
					f.Path = fmt.Sprintf("archive/%d/%s", written, f.Path)
					f.Findings = slices.Clone(f.Findings)
					require.NoError(t, w.File(f))
					written++
				}
			}
			write(200)
			before := liveHeap()
			write(1800)
			growth := liveHeap() - before
			assert.Less(t, growth, 1800*format.perFile, "%s kept %d bytes for 1,800 files", format.name, growth)
			require.NoError(t, w.Close())
		})
	}
}

// liveHeap is the heap in use after a collection.
func liveHeap() int64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// junitSuite is a file's whole test suite, as encoding/xml writes it: the
// reference JUnitWriter's case-by-case suites are checked against.
type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

func junitSuiteOf(f File) junitSuite {
	path := slashPath(f.Path)
	s := junitSuite{Name: path, Cases: []junitCase{}}
	switch {
	case f.Error != "":
		s.Errors++
		s.Cases = append(s.Cases, junitCase{Name: toolName, Classname: path,
			Error: &junitProblem{Message: f.Error, Type: "read-error", Body: path + ": " + f.Error}})
	case len(f.Findings) == 0:
		s.Cases = append(s.Cases, junitCase{Name: toolName, Classname: path})
	}
	for _, x := range f.Findings {
		s.Failures++
		s.Cases = append(s.Cases, junitCase{
			Name:      fmt.Sprintf("%s %d:%d", x.Rule, x.Start.Line, x.Start.Column),
			Classname: path,
			Failure: &junitProblem{
				Message: x.Message,
				Type:    x.Severity,
				Body:    fmt.Sprintf("%s:%d:%d: %s\n%s", path, x.Start.Line, x.Start.Column, x.Message, x.Excerpt),
			},
		})
	}
	s.Tests = len(s.Cases)
	return s
}
