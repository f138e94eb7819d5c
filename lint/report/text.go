package report

import (
	"bufio"
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

// File writes one file's findings and returns the first write error.
func (t *TextWriter) File(f File) error { return writeParts(t, f) }

func (t *TextWriter) beginFile(*File) error { return t.p.err }

func (t *TextWriter) finding(f *File, x Finding) error {
	t.p.finding(*f, x)
	t.counts.addSeverity(x.severity)
	return t.p.err
}

func (t *TextWriter) endFile(f File) error {
	t.counts.Files++
	if f.Error != "" {
		t.counts.Failed++
	}
	if f.Score != nil {
		t.scores = append(t.scores, scoreLine(f, t.p.opt.Locale))
	}
	t.flush()
	return t.p.err
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

// Line writes a line after the report (a note on what was hidden).
func (t *TextWriter) Line(s string) error {
	t.p.printf("%s\n", s)
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
	w     io.Writer
	opt   TextOptions
	err   error
	cells []cell // scratch for source windows
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
	l := layOut(f.doc.Source, f.doc.LineSpan(x.span.Start), x.span, width, &p.cells)
	if p.err != nil {
		return
	}
	// Written straight to the buffer: the span may be a whole long line.
	w, ok := p.w.(sink)
	if !ok {
		b := bufio.NewWriter(p.w)
		defer func() {
			if err := b.Flush(); p.err == nil {
				p.err = err
			}
		}()
		w = b
	}
	src := f.doc.Source
	w.WriteString("  ")
	l.writeText(w, src)
	w.WriteString("\n  ")
	l.writePad(w, src)
	if p.opt.Color {
		w.WriteString(severityColor[x.Severity])
	}
	l.writeMarks(w)
	if p.opt.Color {
		w.WriteString(ansiReset)
	}
	_, p.err = w.WriteString("\n")
}

func (p *printer) summary(c Counts) {
	for _, line := range phrasesFor(p.opt.Locale).summary(c) {
		p.printf("%s\n", line)
	}
}
