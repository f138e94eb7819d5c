package report_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
)

// TestStreamedTextEqualsWholeText prints a long one-line text (linted in
// pieces) as its findings come and compares with printing its whole
// result: the same findings, score line and summary, and the same verdict
// for --fail-on.
func TestStreamedTextEqualsWholeText(t *testing.T) {
	l := defaultLinter(t)
	src := []byte("NMN逆转衰老\n" + strings.Repeat("研究显示，这款神药让患者返老还童。 It is 100% safe! ", 2*lint.SectionSize/60))
	in := lint.Input{Path: "long.txt", Data: src}
	require.True(t, lint.Sectioned(in))
	opt := report.TextOptions{Locale: "zh-Hans"}

	res, err := l.Lint(in)
	require.NoError(t, err)
	whole := report.NewFile("long.txt", res, "zh-Hans")
	var want bytes.Buffer
	require.NoError(t, report.WriteText(&want, []report.File{whole}, opt))

	var got bytes.Buffer
	w := report.NewTextWriter(&got, opt)
	s := w.Stream("long.txt", "zh-Hans")
	parts := 0
	streamed, err := l.LintStream(context.Background(), in, func(doc *document.Document, found []rule.Finding) error {
		parts++
		return s.Emit(doc, found)
	})
	require.NoError(t, err)
	require.True(t, streamed.Streamed)
	f := s.End(streamed)
	require.NoError(t, w.Close())

	require.Greater(t, parts, 4, "printed part by part")
	require.Greater(t, len(whole.Findings), 10000)
	require.Equal(t, want.String(), got.String())
	require.Equal(t, *whole.Score, *f.Score)
	require.Equal(t, whole.Criteria, f.Criteria)
	for _, sev := range []rule.Severity{rule.Info, rule.Warning, rule.Error} {
		require.Equal(t, whole.AtLeast(sev), s.AtLeast(sev), "at least %v", sev)
	}
}

// TestStreamedFormatsEqualWholeFile writes the same long text through
// every format that takes a file part by part, as its findings come and
// whole.
func TestStreamedFormatsEqualWholeFile(t *testing.T) {
	l := defaultLinter(t)
	src := []byte("NMN逆转衰老\n" + strings.Repeat("研究显示，这款神药让患者返老还童。 It is 100% safe!\n", 2*lint.SectionSize/60))
	in := lint.Input{Path: "long.txt", Data: src}
	require.True(t, lint.Sectioned(in))
	res, err := l.Lint(in)
	require.NoError(t, err)
	whole := report.NewFileWithoutCard("long.txt", res, "en")
	require.Greater(t, len(whole.Findings), 10000)

	formats := map[string]func(io.Writer) report.Writer{
		"text":       func(w io.Writer) report.Writer { return report.NewTextWriter(w, report.TextOptions{}) },
		"github":     func(w io.Writer) report.Writer { return report.NewGitHubWriter(w) },
		"rdjson":     func(w io.Writer) report.Writer { return report.NewRDJSONWriter(w) },
		"rdjsonl":    func(w io.Writer) report.Writer { return report.NewRDJSONLWriter(w) },
		"gitlab":     func(w io.Writer) report.Writer { return report.NewGitLabWriter(w) },
		"checkstyle": func(w io.Writer) report.Writer { return report.NewCheckstyleWriter(w) },
		"statistics": func(w io.Writer) report.Writer { return report.NewStatisticsWriter(w, false) },
		"junit":      func(w io.Writer) report.Writer { return report.NewJUnitWriter(w) },
	}
	// One lint gives its parts to every format at once.
	outs := map[string]*bytes.Buffer{}
	writers := map[string]report.Writer{}
	streams := map[string]*report.FileStream{}
	for name, start := range formats {
		outs[name] = &bytes.Buffer{}
		writers[name] = start(outs[name])
		streams[name] = report.StreamFile(writers[name], "long.txt", "en")
		require.NotNil(t, streams[name], name)
	}
	streamed, err := l.LintStream(context.Background(), in, func(doc *document.Document, found []rule.Finding) error {
		for _, s := range streams {
			if err := s.Emit(doc, found); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.True(t, streamed.Streamed)
	for name, start := range formats {
		streams[name].End(streamed)
		require.NoError(t, writers[name].Close())
		var want bytes.Buffer
		w := start(&want)
		require.NoError(t, w.File(whole))
		require.NoError(t, w.Close())
		assert.Equal(t, want.String(), outs[name].String(), name)
	}
}

// TestStreamedCardFormatsEqualWholeFile writes a long text with studies and
// flagged claims (the corpus over and over) in JSON and SARIF, part by part
// with its evidence card handed out as it is linted, and whole: the same
// bytes, the findings' related studies and JSON's studies and claims
// included.
func TestStreamedCardFormatsEqualWholeFile(t *testing.T) {
	l := defaultLinter(t)
	paths, err := filepath.Glob("../../corpus/*/*.txt")
	require.NoError(t, err)
	var book bytes.Buffer
	book.WriteString("A reader of health news\n\n")
	for book.Len() < 2*lint.SectionSize+1 {
		for _, p := range paths {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			book.Write(data)
			book.WriteString("\n\n")
		}
	}
	in := lint.Input{Path: "book.txt", Data: book.Bytes(), Card: true}
	require.True(t, lint.Sectioned(in))
	res, err := l.Lint(in)
	require.NoError(t, err)
	whole := report.NewFile("book.txt", res, "en")
	require.Greater(t, len(whole.Studies), 100)
	require.Greater(t, len(whole.Claims), 100)
	related := 0
	for _, x := range whole.Findings {
		related += len(x.Related)
	}
	require.Greater(t, related, 100, "findings judged against a study")

	run := report.Run{Rules: l.Rules.Rules, Version: "1", Locale: "en"}
	formats := map[string]func(io.Writer) report.Writer{
		"json":  func(w io.Writer) report.Writer { return report.NewJSONWriter(w, "1") },
		"sarif": func(w io.Writer) report.Writer { return report.NewSARIFWriter(w, run.Info()) },
	}
	for name, start := range formats {
		var want, got bytes.Buffer
		w := start(&want)
		require.NoError(t, w.File(whole))
		require.NoError(t, w.Close())

		w = start(&got)
		s := report.StreamFile(w, "book.txt", "en")
		require.NotNil(t, s, name)
		parts := &countParts{Parts: s}
		streamed, err := l.LintParts(context.Background(), in, parts)
		require.NoError(t, err)
		require.True(t, streamed.Streamed, name)
		require.Empty(t, streamed.Card.Claims, "%s: the card holds no claim", name)
		f := s.End(streamed)
		require.NoError(t, w.Close())
		require.Empty(t, f.Studies, "%s: the studies are written, not held", name)
		require.Greater(t, parts.n, 2, "%s: written part by part", name)
		requireSameText(t, want.String(), got.String(), name)
	}
}

// requireSameText fails with the first line that differs (the reports are
// megabytes: a whole diff takes minutes to print).
func requireSameText(t *testing.T, want, got, name string) {
	t.Helper()
	if want == got {
		return
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < min(len(w), len(g)); i++ {
		if w[i] != g[i] {
			t.Fatalf("%s: line %d: want %q, got %q", name, i+1, w[i], g[i])
		}
	}
	t.Fatalf("%s: want %d lines, got %d", name, len(w), len(g))
}

// countParts counts the parts a lint.Parts takes.
type countParts struct {
	lint.Parts
	n int
}

func (c *countParts) Part(found []rule.Finding, claims []*evidence.Claim) error {
	c.n++
	return c.Parts.Part(found, claims)
}
