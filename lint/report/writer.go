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
// encoding/json indents it in the whole document. Values are appended
// straight to buf, which goes out in writes of about jsonFlushAt bytes:
// encoding a value to a side buffer and copying it through a bufio.Writer
// moved every byte of an archive's 163 MB report twice (issue 17).
type jsonOut struct {
	w       io.Writer
	buf     []byte // written but not yet sent to w
	scratch bytes.Buffer
	enc     *json.Encoder
	err     error
}

// jsonFlushAt is how much jsonOut holds before it writes to its writer.
const jsonFlushAt = 256 << 10

func newJSONOut(w io.Writer) *jsonOut {
	o := &jsonOut{w: w, buf: make([]byte, 0, jsonFlushAt+jsonFlushAt/4)}
	o.enc = json.NewEncoder(&o.scratch)
	o.enc.SetEscapeHTML(false)
	return o
}

// str writes literal document text (brackets, keys, line breaks).
func (o *jsonOut) str(s string) {
	o.buf = append(o.buf, s...)
	o.spill()
}

// Write appends p to the document (io.Writer, for bytes already encoded).
func (o *jsonOut) Write(p []byte) (int, error) {
	o.buf = append(o.buf, p...)
	o.spill()
	return len(p), nil
}

// spill sends what buf holds to the writer once there is enough of it.
func (o *jsonOut) spill() {
	if len(o.buf) >= jsonFlushAt {
		o.send()
	}
}

// send sends what buf holds to the writer. After the first error nothing
// more is sent; the error is kept for flush.
func (o *jsonOut) send() {
	if o.err == nil && len(o.buf) > 0 {
		_, o.err = o.w.Write(o.buf)
	}
	if cap(o.buf) > 4*jsonFlushAt {
		o.buf = make([]byte, 0, jsonFlushAt+jsonFlushAt/4) // one huge value need not stay allocated
	} else {
		o.buf = o.buf[:0]
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
		o.buf = v.appendJSON(o.buf, prefix)
		o.spill()
		return
	case string:
		o.buf = appendJSONString(o.buf, v)
		o.spill()
		return
	case int:
		o.buf = strconv.AppendInt(o.buf, int64(v), 10)
		o.spill()
		return
	case []score.Criterion:
		if b, ok := criteria(v).appendJSON(o.buf, prefix); ok {
			o.buf = b
			o.spill()
			return
		}
	}
	o.encode(v, prefix, "  ")
	if o.err == nil {
		o.Write(bytes.TrimSuffix(o.scratch.Bytes(), []byte("\n")))
	}
}

// line writes v compact, on a line of its own (JSON Lines).
func (o *jsonOut) line(v any) {
	o.encode(v, "", "")
	if o.err == nil {
		o.Write(o.scratch.Bytes())
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
		o.buf = append(o.buf, ',')
	}
	o.buf = append(o.buf, '\n')
	o.buf = append(o.buf, prefix...)
}

// endArray closes an array of n elements whose closing bracket sits at
// prefix.
func (o *jsonOut) endArray(n int, prefix string) {
	if n > 0 {
		o.buf = append(o.buf, '\n')
		o.buf = append(o.buf, prefix...)
	}
	o.buf = append(o.buf, ']')
}

// flush writes out what is held and returns the first error.
func (o *jsonOut) flush() error {
	o.send()
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
