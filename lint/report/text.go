package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// TextOptions control the text format.
type TextOptions struct {
	Color  bool   // ANSI colours (the driver decides: --color, NO_COLOR, FORCE_COLOR, a terminal)
	Quiet  bool   // findings only, no summary
	Locale string // language of the score and summary lines, as of the messages ("" is en)
	Width  int    // terminal columns the source windows fit in; 0: DefaultWidth
}

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
)

var severityColor = map[string]string{"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}

// WriteText writes "path:line:col: severity [rule] message", a window of the
// source line around the span and a caret underline under the span, for
// every finding, then each file's credibility score and a summary. What
// comes from articles and file names is escaped (see TerminalSafe).
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
	return phrasesFor(locale).score(TerminalSafe(f.Path), *f.Score, missed)
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
	p.printf("%s:%d:%d: %s %s %s\n", TerminalSafe(f.Path), x.Start.Line, x.Start.Column, sev,
		p.color(ansiBold, "["+TerminalSafe(x.Rule)+"]"), TerminalSafe(x.Message))
	if f.doc == nil {
		return
	}
	width := p.opt.Width
	if width <= 0 {
		width = DefaultWidth
	}
	w := sourceWindow(f.doc.Source, f.doc.LineSpan(x.span.Start), x.span, width)
	p.printf("  %s\n  %s%s\n", w.text, w.pad, p.color(severityColor[x.Severity], w.marks))
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

// WriteJSON writes one JSON document for the whole run, as encoding/json
// indents a JSON value, one file at a time: encoding the document whole
// held all of it in memory a second time (an archive's is tens of MB).
func WriteJSON(w io.Writer, files []File, version string) error {
	b := bufio.NewWriterSize(w, 64<<10)
	tool, err := indented(Tool{Name: "hypelint", Version: version}, "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "{\n  \"tool\": %s,\n  \"files\": [", tool)
	for i, f := range files {
		data, err := indented(f, "    ")
		if err != nil {
			return err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		b.Write(data)
	}
	if len(files) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	return b.Flush()
}

// indented encodes v as encoding/json indents it when it sits at prefix
// inside a document, without escaping HTML characters.
func indented(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
