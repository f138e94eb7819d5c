package report

import (
	"fmt"
	"io"
	"iter"
	"os"
)

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
// indents a JSON value (see JSONWriter).
func WriteJSON(w io.Writer, files []File, version string) error {
	return writeAll(NewJSONWriter(w, version), files)
}

// JSONWriter writes the JSON document one file at a time, and each file one
// finding at a time: encoding a file whole held its report a second and a
// third time (a long book's is tens of MB).
type JSONWriter struct {
	o     *jsonOut
	files int

	// A file written part by part (see FileStream): its findings so far,
	// and its flagged claims, which come with them but are written after
	// them, held encoded (see claim).
	found      int
	claims     *jsonOut
	claimBytes chunks
	claimCount int

	criteria criterionHeads // see appendCriteria
}

// chunks holds written bytes in pieces of a fixed size: a growing buffer
// copies itself at each doubling, twice the claims at the peak. Past
// maxHeld bytes the full pieces move to a temporary file, so that a book's
// flagged claims (about a tenth of its size, encoded) are not held in
// memory until its findings are written.
type chunks struct {
	pieces [][]byte
	spill  *os.File // the bytes before pieces, once more than maxHeld were held
	free   [][]byte // pieces already moved to spill, for reuse
}

const chunkSize = 256 << 10

// maxHeld is how many bytes chunks keeps in memory (a variable for tests):
// what it holds stays alive to the end of a long file, and the collector
// lets the heap grow to twice what is alive; past it, the pieces go to the
// temporary file in writes of maxHeld bytes.
var maxHeld = 4 << 20

func (c *chunks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		last := len(c.pieces) - 1
		if last < 0 || len(c.pieces[last]) == chunkSize {
			if len(c.pieces)*chunkSize >= maxHeld {
				if err := c.moveToSpill(); err != nil {
					return n - len(p), err
				}
			}
			c.pieces = append(c.pieces, c.newPiece())
			last = len(c.pieces) - 1
		}
		k := copy(c.pieces[last][len(c.pieces[last]):chunkSize], p)
		c.pieces[last] = c.pieces[last][:len(c.pieces[last])+k]
		p = p[k:]
	}
	return n, nil
}

func (c *chunks) newPiece() []byte {
	if k := len(c.free); k > 0 {
		piece := c.free[k-1][:0]
		c.free = c.free[:k-1]
		return piece
	}
	return make([]byte, 0, chunkSize)
}

// moveToSpill appends the pieces held to the temporary file, creating it
// on first use, and keeps their buffers for reuse.
func (c *chunks) moveToSpill() error {
	if c.spill == nil {
		f, err := os.CreateTemp("", "hypelint-claims-*")
		if err != nil {
			return fmt.Errorf("holding a long file's claims: %w", err)
		}
		c.spill = f
	}
	for _, piece := range c.pieces {
		if _, err := c.spill.Write(piece); err != nil {
			return fmt.Errorf("holding a long file's claims: %w", err)
		}
	}
	c.free = append(c.free, c.pieces...)
	c.pieces = c.pieces[:0]
	return nil
}

// writeTo writes the bytes held to o and forgets them.
func (c *chunks) writeTo(o *jsonOut) {
	if c.spill != nil {
		if _, err := c.spill.Seek(0, io.SeekStart); err != nil && o.err == nil {
			o.err = err
		}
		if o.err == nil {
			_, o.err = io.Copy(o, c.spill)
		}
	}
	for _, piece := range c.pieces {
		o.Write(piece)
	}
	c.reset()
}

// reset forgets the bytes held and removes the temporary file, if any.
func (c *chunks) reset() {
	if c.spill != nil {
		c.spill.Close()
		os.Remove(c.spill.Name())
	}
	*c = chunks{}
}

// Indentation of the parts of the document.
const (
	jsonFile    = "    "     // a file in "files"
	jsonFileKey = "      "   // a key of a file
	jsonFinding = "        " // a finding in "findings"
	jsonRootKey = "  "       // a key of the document
)

// NewJSONWriter starts a JSON report on w.
func NewJSONWriter(w io.Writer, version string) *JSONWriter {
	j := &JSONWriter{o: newJSONOut(w)}
	j.o.str("{\n" + jsonRootKey + `"tool": `)
	j.o.value(Tool{Name: toolName, Version: version}, jsonRootKey)
	j.o.str(",\n" + jsonRootKey + `"files": [`)
	return j
}

// File writes one file's report.
func (j *JSONWriter) File(f File) error {
	j.start(f.Path, f.Language)
	j.findings(f.Findings)
	j.end(f, func() { writeArray(j.o, f.Claims, jsonFinding, jsonFileKey) })
	return j.o.err
}

// beginFile starts a file whose findings and claims come part by part.
func (j *JSONWriter) beginFile(f *File) error {
	j.start(f.Path, f.Language)
	j.o.str("[")
	j.found, j.claimCount = 0, 0
	j.claimBytes.reset()
	return j.o.err
}

// finding writes a file's next finding.
func (j *JSONWriter) finding(_ *File, x Finding) error {
	j.o.item(j.found, jsonFinding)
	if j.o.err == nil {
		// Not through value: x in an interface would be copied to the heap.
		j.o.buf = x.appendJSON(j.o.buf, jsonFinding)
		j.o.spill()
	}
	j.found++
	return j.o.err
}

// claim encodes a file's next flagged claim, to be written after the
// findings and the studies: encoded, a claim takes a fraction of what the
// evidence card's claim and the facts behind it held.
func (j *JSONWriter) claim(_ *File, c Claim) error {
	if j.claims == nil {
		j.claims = newJSONOut(&j.claimBytes)
	}
	j.claims.item(j.claimCount, jsonFinding)
	j.claims.value(&c, jsonFinding)
	j.claimCount++
	return j.claims.err
}

// endFile closes the findings of a file written part by part, and writes
// the rest of it with the claims encoded so far.
func (j *JSONWriter) endFile(f File) error {
	j.o.endArray(j.found, jsonFileKey)
	j.end(f, func() {
		if j.claims != nil {
			if err := j.claims.flush(); err != nil && j.o.err == nil {
				j.o.err = err
			}
		}
		j.o.str("[")
		j.claimBytes.writeTo(j.o)
		j.o.endArray(j.claimCount, jsonFileKey)
	})
	return j.o.err
}

// start opens a file's object up to its findings.
func (j *JSONWriter) start(path, language string) {
	j.o.item(j.files, jsonFile)
	j.files++
	// Strings written directly: through value each would go to the heap.
	j.o.str("{\n" + jsonFileKey + `"path": `)
	j.o.buf = appendJSONString(j.o.buf, path)
	j.o.str(",\n" + jsonFileKey + `"language": `)
	j.o.buf = appendJSONString(j.o.buf, language)
	j.o.str(",\n" + jsonFileKey + `"findings": `)
}

// findings writes a file's findings array.
func (j *JSONWriter) findings(xs []Finding) { writeArray(j.o, xs, jsonFinding, jsonFileKey) }

// writeArray writes an array element by element, as encoding/json writes
// it (null when nil): a long book's findings or claims encoded at once
// were held whole, twice.
func writeArray[T any](o *jsonOut, xs []T, itemPrefix, closePrefix string) {
	if xs == nil {
		o.str("null")
		return
	}
	o.str("[")
	for i := range xs {
		o.item(i, itemPrefix)
		o.value(&xs[i], itemPrefix)
	}
	o.endArray(len(xs), closePrefix)
}

// writeSeq is writeArray for values given one at a time.
func writeSeq[T any](o *jsonOut, xs iter.Seq[T], itemPrefix, closePrefix string) {
	o.str("[")
	n := 0
	for x := range xs {
		o.item(n, itemPrefix)
		o.value(&x, itemPrefix)
		n++
	}
	o.endArray(n, closePrefix)
}

// end writes the fields after the findings, the claims with writeClaims,
// and closes the file's object.
func (j *JSONWriter) end(f File, writeClaims func()) {
	key := func(name string) {
		j.o.buf = append(j.o.buf, ",\n"+jsonFileKey+`"`...)
		j.o.buf = append(j.o.buf, name...)
		j.o.buf = append(j.o.buf, `": `...)
	}
	if f.Score != nil {
		key("score")
		j.o.buf = appendInt(j.o.buf, *f.Score)
	}
	if len(f.Criteria) > 0 {
		key("criteria")
		if b, ok := appendCriteria(j.o.buf, f.Criteria, &j.criteria); ok && j.o.err == nil {
			j.o.buf = b
			j.o.spill()
		} else {
			j.o.value(f.Criteria, jsonFileKey) // encoding/json reports what is wrong
		}
	}
	key("studies")
	if f.studies != nil {
		writeSeq(j.o, f.studies, jsonFinding, jsonFileKey)
	} else {
		writeArray(j.o, f.Studies, jsonFinding, jsonFileKey)
	}
	key("claims")
	writeClaims()
	if f.Error != "" {
		key("error")
		j.o.value(f.Error, jsonFileKey)
	}
	j.o.str("\n" + jsonFile + "}")
}

// Close ends the document.
func (j *JSONWriter) Close() error {
	j.o.endArray(j.files, jsonRootKey)
	j.o.str("\n}\n")
	return j.o.flush()
}
