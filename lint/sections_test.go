package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/score"
	"github.com/hypelint/hypelint/lint/suppress"
)

// TestSectionsFindWhatTheWholeFinds lints texts in sections as small as the
// blank lines allow and compares findings, document facts and score with
// linting them whole: each corpus article, and all of them joined into one
// long text (so that document facts and once-per-document reports span
// sections), with suppression comments and a byte-order mark.
func TestSectionsFindWhatTheWholeFinds(t *testing.T) {
	l := defaultLinter(t)
	paths, err := filepath.Glob("../corpus/*/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var book strings.Builder
	book.WriteString("\uFEFFA reader of health news\n\n# hypelint-disable-next-line overclaim\n")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		compareSections(t, l, p, data, 1)
		book.Write(data)
		book.WriteString("\n\n")
	}
	for _, size := range []int{1, 2000, 50000} {
		compareSections(t, l, fmt.Sprintf("book, sections of %d bytes", size), []byte(book.String()), size)
	}
	crlf := strings.ReplaceAll(book.String(), "\n", "\r\n")
	compareSections(t, l, "book with CRLF line ends", []byte(crlf), 1)
}

func compareSections(t *testing.T, l *Linter, name string, data []byte, size int) {
	t.Helper()
	in := Input{Path: "article.txt", Data: data}
	doc, err := Parse(in)
	require.NoError(t, err)
	whole, err := l.LintDocument(doc)
	require.NoError(t, err)
	parts, err := l.lintSections(context.Background(), in, size, len(data)+1, nil)
	require.NoError(t, err)
	if size == 1 {
		shell, err := Parse(in)
		require.NoError(t, err)
		require.Greater(t, len(shell.TextSections(size)), 1, "%s: cut into sections", name)
	}
	require.Equal(t, describe(whole), describe(parts), "%s", name)
	require.Equal(t, docFacts(whole.Facts), docFacts(parts.Facts), "%s: document facts", name)
	require.Equal(t, score.Compute(whole.Facts, whole.Findings, "en"), score.Compute(parts.Facts, parts.Findings, "en"), "%s: score", name)
}

// docFacts lists the facts rules read about the whole document.
func docFacts(d *facts.Document) string {
	counts := make([]int, len(d.Lex.Classes))
	for i := range counts {
		counts[i] = d.Count(i)
	}
	return fmt.Sprintf("%s %s %+v sample=%v disclosure=%v limits=%v journal=%v doi=%v commerce=%v sentences=%d design=%s counts=%v",
		d.Language, d.Script, d.Evidence, d.SampleSize, d.Disclosure, d.Limitations, d.Journal, d.DOI, d.Commerce,
		d.Sentences, d.Design, counts)
}

func describe(r *Result) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, fmt.Sprintf("%d-%d %s %q", f.Span.Start, f.Span.End, f.Rule.ID, f.Term))
	}
	return out
}

// TestCutBlocksFindWhatTheWholeFinds cuts texts with no blank line, whose
// body is one block, into pieces at sentence ends and compares findings
// (spans, rules, terms), document facts and score with linting them whole:
// the corpus articles run together on one line after a title line, and the
// same as one line only (all title), with CRLF line ends and a byte-order
// mark.
func TestCutBlocksFindWhatTheWholeFinds(t *testing.T) {
	l := defaultLinter(t)
	paths, err := filepath.Glob("../corpus/*/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var line strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		line.WriteString(strings.Join(strings.Fields(string(data)), " "))
		line.WriteString(" ")
	}
	body := line.String()
	texts := map[string]string{
		"title and one-line body":      "A reader of health news\n" + body + "\n",
		"one line":                     body,
		"CRLF, byte-order mark":        "\uFEFFA reader of health news\r\n# hypelint-disable-next-line overclaim\r\n" + body + "\r\n",
		"one-line body, then a second": "Health news\n\n" + body + "\n\n" + body,
	}
	for name, text := range texts {
		for _, piece := range []int{1, 3000, 40000} {
			compareCut(t, l, fmt.Sprintf("%s, pieces of %d bytes", name, piece), []byte(text), piece)
		}
	}
}

func compareCut(t *testing.T, l *Linter, name string, data []byte, pieceSize int) {
	t.Helper()
	in := Input{Path: "article.txt", Data: data}
	doc, err := Parse(in)
	require.NoError(t, err)
	whole, err := l.LintDocument(doc)
	require.NoError(t, err)
	require.NotEmpty(t, whole.Findings, name)
	cut, err := l.lintSections(context.Background(), in, len(data), pieceSize, nil)
	require.NoError(t, err)
	require.Equal(t, describe(whole), describe(cut), "%s", name)
	for _, f := range cut.Findings {
		if f.Term != "" && f.Rule.Cover == "" { // a covering rule's span runs past its term
			require.Equal(t, f.Term, string(data[f.Span.Start:f.Span.End]), "%s: span of %s", name, f.Rule.ID)
		}
	}
	require.Equal(t, docFacts(whole.Facts), docFacts(cut.Facts), "%s: document facts", name)
	require.Equal(t, score.Compute(whole.Facts, whole.Findings, "en"), score.Compute(cut.Facts, cut.Findings, "en"), "%s: score", name)

	// Streamed part by part: the same findings, in the same order.
	var streamed []rule.Finding
	parts := 0
	res, err := l.lintSections(context.Background(), in, len(data), pieceSize, &emitParts{emit: func(doc *document.Document, found []rule.Finding) error {
		require.Equal(t, "article.txt", doc.Path)
		streamed = append(streamed, found...)
		parts++
		return nil
	}})
	require.NoError(t, err)
	if len(suppress.Parse(whole.Doc)) > 0 {
		require.False(t, res.Streamed, "%s: directives: not streamed", name)
		require.Zero(t, parts)
		return
	}
	require.True(t, res.Streamed, name)
	require.Empty(t, res.Findings, name)
	require.Greater(t, parts, 2, "%s: findings given part by part", name)
	require.Equal(t, describe(whole), describe(&Result{Findings: streamed}), "%s: streamed", name)
}

// TestLongLinesAreSectioned: a text with a line longer than a piece is
// linted in sections however short the file, a long text with short lines
// too, and a short one with short lines whole.
func TestLongLinesAreSectioned(t *testing.T) {
	line := strings.Repeat("神药。", PieceSize/9+1)
	require.True(t, Sectioned(Input{Path: "a.txt", Data: []byte(line)}))
	require.True(t, Sectioned(Input{Path: "a.txt", Data: []byte("Title\n\n" + line + "\nmore\n")}))
	require.False(t, Sectioned(Input{Path: "a.md", Data: []byte(line)}), "markdown is not sectioned")
	short := strings.Repeat("神药。\n", PieceSize/10)
	require.False(t, Sectioned(Input{Path: "a.txt", Data: []byte(short)}))
	require.True(t, Sectioned(Input{Path: "a.txt", Data: []byte(strings.Repeat(short, 2*SectionSize/len(short)+1))}))
}
