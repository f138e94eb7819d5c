package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strconv"

	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/score"
)

// Writer writes a report one file at a time, in input order, and forgets
// each file once written, keeping only what its format needs at the end
// (a rule table, counts, the score lines): an archive's report then takes
// no more memory than one file's. File returns the first write error, and
// Close writes what remains.
type Writer interface {
	File(File) error
	Close() error
}

// RunInfo is what the formats say about a run besides its files.
type RunInfo struct {
	Rules   []*rule.Rule // the loaded rule set, for formats that describe rules
	Version string
	Locale  string // for rule descriptions
}

// Info is the run without its files.
func (r Run) Info() RunInfo { return RunInfo{Rules: r.Rules, Version: r.Version, Locale: r.Locale} }

// writeAll writes the files of a whole run through a streaming writer.
func writeAll(w Writer, files []File) error {
	for _, f := range files {
		if err := w.File(f); err != nil {
			return err
		}
	}
	return w.Close()
}

// jsonOut writes a JSON document piece by piece, each value indented as
// encoding/json indents it at its depth, so that the whole document reads
// as if encoded at once.
type jsonOut struct {
	b       *bufio.Writer
	scratch bytes.Buffer
	enc     *json.Encoder
	direct  []byte // a value written by jsonAppender
	err     error
}

func newJSONOut(w io.Writer) *jsonOut {
	o := &jsonOut{b: bufio.NewWriterSize(w, 64<<10)}
	o.enc = json.NewEncoder(&o.scratch)
	o.enc.SetEscapeHTML(false)
	return o
}

// str writes literal document text (brackets, keys, line breaks).
func (o *jsonOut) str(s string) {
	if o.err == nil {
		_, o.err = o.b.WriteString(s)
	}
}

// value writes v as it reads at prefix inside an indented document. The
// JSON report's own types and strings are written directly (see
// jsonAppender); the rest go through encoding/json.
func (o *jsonOut) value(v any, prefix string) {
	if o.err != nil {
		return
	}
	switch v := v.(type) {
	case jsonAppender:
		o.direct = v.appendJSON(o.direct[:0], prefix)
		o.writeDirect()
		return
	case string:
		o.direct = appendJSONString(o.direct[:0], v)
		o.writeDirect()
		return
	case int:
		o.direct = strconv.AppendInt(o.direct[:0], int64(v), 10)
		o.writeDirect()
		return
	case []score.Criterion:
		if b, ok := criteria(v).appendJSON(o.direct[:0], prefix); ok {
			o.direct = b
			o.writeDirect()
			return
		}
	}
	o.encode(v, prefix, "  ")
	if o.err == nil {
		_, o.err = o.b.Write(bytes.TrimSuffix(o.scratch.Bytes(), []byte("\n")))
	}
}

// writeDirect writes what value appended to o.direct.
func (o *jsonOut) writeDirect() {
	_, o.err = o.b.Write(o.direct)
	if cap(o.direct) > 1<<20 {
		o.direct = nil // one huge value need not stay allocated
	}
}

// line writes v compact, on a line of its own (JSON Lines).
func (o *jsonOut) line(v any) {
	o.encode(v, "", "")
	if o.err == nil {
		_, o.err = o.b.Write(o.scratch.Bytes())
	}
}

func (o *jsonOut) encode(v any, prefix, indent string) {
	if o.err != nil {
		return
	}
	if o.scratch.Cap() > 1<<20 {
		// One huge value need not stay allocated (the encoder keeps an
		// indented copy too).
		o.scratch = bytes.Buffer{}
		o.enc = json.NewEncoder(&o.scratch)
		o.enc.SetEscapeHTML(false)
	}
	o.scratch.Reset()
	o.enc.SetIndent(prefix, indent)
	o.err = o.enc.Encode(v)
}

// item starts the i-th element of an array whose elements sit at prefix.
func (o *jsonOut) item(i int, prefix string) {
	if i > 0 {
		o.str(",")
	}
	o.str("\n" + prefix)
}

// endArray closes an array of n elements whose closing bracket sits at
// prefix.
func (o *jsonOut) endArray(n int, prefix string) {
	if n > 0 {
		o.str("\n" + prefix)
	}
	o.str("]")
}

// flush writes out what is buffered and returns the first error.
func (o *jsonOut) flush() error {
	if o.err == nil {
		o.err = o.b.Flush()
	}
	return o.err
}

// xmlOut writes an XML document element by element under one root, as
// encoding/xml indents it when it encodes the whole document.
type xmlOut struct {
	b    *bufio.Writer
	enc  *xml.Encoder
	open []xml.StartElement // the root, and the element being written in it
	err  error
}

func newXMLOut(w io.Writer, root xml.StartElement) *xmlOut {
	b := bufio.NewWriterSize(w, 64<<10)
	o := &xmlOut{b: b, enc: xml.NewEncoder(b)}
	o.enc.Indent("", "  ")
	_, o.err = b.WriteString(xml.Header)
	o.start(root.Name.Local, root.Attr...)
	return o
}

// start opens an element.
func (o *xmlOut) start(name string, attrs ...xml.Attr) {
	el := xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs}
	if o.err == nil {
		o.err = o.enc.EncodeToken(el)
	}
	o.open = append(o.open, el)
}

// end closes the innermost open element.
func (o *xmlOut) end() error {
	el := o.open[len(o.open)-1]
	o.open = o.open[:len(o.open)-1]
	if o.err == nil {
		o.err = o.enc.EncodeToken(el.End())
	}
	if o.err == nil {
		o.err = o.enc.Flush() // into the buffer: the encoder keeps no element
	}
	return o.err
}

// element writes v as an element inside the open ones.
func (o *xmlOut) element(v any, name string) error {
	if o.err == nil {
		o.err = o.enc.EncodeElement(v, xml.StartElement{Name: xml.Name{Local: name}})
	}
	return o.err
}

// flush moves what the encoder holds into the buffer.
func (o *xmlOut) flush() error {
	if o.err == nil {
		o.err = o.enc.Flush()
	}
	return o.err
}

// close ends the root and the document, with a final newline.
func (o *xmlOut) close() error {
	o.end()
	if o.err == nil {
		_, o.err = o.b.WriteString("\n")
	}
	if o.err == nil {
		o.err = o.b.Flush()
	}
	return o.err
}
