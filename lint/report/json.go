package report

import "io"

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
	j.end(f)
	return j.o.err
}

// start opens a file's object up to its findings.
func (j *JSONWriter) start(path, language string) {
	j.o.item(j.files, jsonFile)
	j.files++
	j.o.str("{\n" + jsonFileKey + `"path": `)
	j.o.value(path, jsonFileKey)
	j.o.str(",\n" + jsonFileKey + `"language": `)
	j.o.value(language, jsonFileKey)
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

// end writes the fields after the findings and closes the file's object.
func (j *JSONWriter) end(f File) {
	key := func(name string) { j.o.str(",\n" + jsonFileKey + `"` + name + `": `) }
	if f.Score != nil {
		key("score")
		j.o.value(*f.Score, jsonFileKey)
	}
	if len(f.Criteria) > 0 {
		key("criteria")
		j.o.value(f.Criteria, jsonFileKey)
	}
	key("studies")
	writeArray(j.o, f.Studies, jsonFinding, jsonFileKey)
	key("claims")
	writeArray(j.o, f.Claims, jsonFinding, jsonFileKey)
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
