package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// TextOptions control the text format.
type TextOptions struct {
	Color  bool   // ANSI colours (the driver decides: --color, NO_COLOR, FORCE_COLOR, a terminal)
	Quiet  bool   // findings only, no summary
	Locale string // language of the score and summary lines, as of the messages ("" is en)
}

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
)

var severityColor = map[string]string{"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}

// WriteText writes "path:line:col: severity [rule] message", the source line
// and a caret underline under the span, for every finding, then each file's
// credibility score and a summary.
func WriteText(w io.Writer, files []File, opt TextOptions) error {
	t := NewTextWriter(w, opt)
	for _, f := range files {
		t.File(f)
	}
	return t.Close()
}

// TextWriter writes the text report one file at a time, so a long run need
// not hold every file's findings: it keeps only each file's score line and
// the counts for the end.
//
// Output is buffered and flushed after each file: a write per line was
// 2% of an archive run in system calls.
type TextWriter struct {
	p      printer
	buf    *bufio.Writer
	scores []string
	counts Counts
}

// NewTextWriter starts a text report on w.
func NewTextWriter(w io.Writer, opt TextOptions) *TextWriter {
	buf := bufio.NewWriterSize(w, 32<<10)
	return &TextWriter{p: printer{w: buf, opt: opt}, buf: buf}
}

// File writes one file's findings.
func (t *TextWriter) File(f File) {
	for _, x := range f.Findings {
		t.p.finding(f, x)
	}
	t.counts.add(f)
	if f.Score != nil {
		t.scores = append(t.scores, scoreLine(f, t.p.opt.Locale))
	}
	t.flush()
}

// Close writes the scores and the summary, and returns the first write error.
func (t *TextWriter) Close() error {
	if !t.p.opt.Quiet {
		for _, line := range t.scores {
			t.p.printf("%s\n", line)
		}
		t.p.summary(t.counts)
	}
	t.flush()
	return t.p.err
}

func (t *TextWriter) flush() {
	if err := t.buf.Flush(); err != nil && t.p.err == nil {
		t.p.err = err
	}
}

// scoreLine is a file's credibility score and the criteria it missed.
func scoreLine(f File, locale string) string {
	var missed []string
	for _, c := range f.Criteria {
		if c.Applicable && !c.Satisfied {
			missed = append(missed, c.ID)
		}
	}
	return phrasesFor(locale).score(f.Path, *f.Score, missed)
}

type printer struct {
	w   io.Writer
	opt TextOptions
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) color(code, s string) string {
	if !p.opt.Color {
		return s
	}
	return code + s + ansiReset
}

func (p *printer) finding(f File, x Finding) {
	sev := p.color(severityColor[x.Severity], x.Severity)
	p.printf("%s:%d:%d: %s %s %s\n", f.Path, x.Start.Line, x.Start.Column, sev, p.color(ansiBold, "["+x.Rule+"]"), x.Message)
	if f.doc == nil {
		return
	}
	line := f.doc.LineSpan(x.span.Start)
	text := string(f.doc.Source[line.Start:line.End])
	end := min(x.span.End, line.End) - line.Start
	start := x.span.Start - line.Start
	pad, marks := underline(text, start, end)
	p.printf("  %s\n  %s%s\n", text, pad, p.color(severityColor[x.Severity], marks))
}

// underline returns the padding up to byte start of text and carets under
// text[start:end], both measured in terminal columns: East Asian wide and
// full-width characters take two, combining marks none, tabs stay tabs.
func underline(text string, start, end int) (string, string) {
	var pad strings.Builder
	for _, r := range text[:start] {
		if r == '\t' {
			pad.WriteByte('\t')
			continue
		}
		pad.WriteString(strings.Repeat(" ", cellWidth(r)))
	}
	n := 0
	for _, r := range text[start:max(start, end)] {
		n += cellWidth(r)
	}
	return pad.String(), strings.Repeat("^", max(n, 1))
}

// cellWidth is the number of terminal columns a rune occupies.
func cellWidth(r rune) int {
	switch {
	case r == '\u200d' || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || r >= 0xFE00 && r <= 0xFE0F:
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

func (p *printer) summary(c Counts) {
	for _, line := range phrasesFor(p.opt.Locale).summary(c) {
		p.printf("%s\n", line)
	}
}

// JSON is the document --format json writes.
type JSON struct {
	Tool  Tool   `json:"tool"`
	Files []File `json:"files"`
}

// Tool names the program that wrote a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// WriteJSON writes one JSON document for the whole run.
func WriteJSON(w io.Writer, files []File, version string) error {
	if files == nil {
		files = []File{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(JSON{Tool: Tool{Name: "hypelint", Version: version}, Files: files})
}
