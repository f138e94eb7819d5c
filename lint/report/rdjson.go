package report

import "io"

// reviewdog Diagnostic Format (rdf), https://github.com/reviewdog/reviewdog/tree/master/proto/rdf.
// Lines are 1-based; columns are 1-based UTF-8 byte counts within the line;
// a range's end is exclusive.

type rdResult struct {
	Source      rdSource       `json:"source"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdDiagnostic struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
	Severity string     `json:"severity"`
	Source   rdSource   `json:"source"`
	Code     *rdCode    `json:"code,omitempty"`
	// Suggestions are edits reviewdog turns into suggested changes.
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"` // the rule's documentation
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

func rdSeverity(severity string) string {
	switch severity {
	case "error":
		return "ERROR"
	case "warning":
		return "WARNING"
	}
	return "INFO"
}

// rdDiagnostics converts a file: one diagnostic per finding, and one
// without a range when it could not be read.
func rdDiagnostics(f File) []rdDiagnostic {
	var out []rdDiagnostic
	if f.Error != "" {
		out = append(out, rdError(f))
	}
	for _, x := range f.Findings {
		out = append(out, rdFinding(f, x))
	}
	return out
}

// rdError is the diagnostic of a file that could not be read.
func rdError(f File) rdDiagnostic {
	return rdDiagnostic{
		Message:  f.Error,
		Location: rdLocation{Path: slashPath(f.Path)},
		Severity: "ERROR",
		Source:   rdSource{Name: toolName},
	}
}

// rdFinding is the diagnostic of a finding.
func rdFinding(f File, x Finding) rdDiagnostic {
	return rdDiagnostic{
		Message: x.Message,
		Location: rdLocation{Path: slashPath(f.Path), Range: &rdRange{
			Start: rdPosition{Line: x.Start.Line, Column: byteColumn(f, x.span.Start, x.Start.Column)},
			End:   &rdPosition{Line: x.End.Line, Column: byteColumn(f, x.span.End, x.End.Column)},
		}},
		Severity:    rdSeverity(x.Severity),
		Source:      rdSource{Name: toolName},
		Code:        &rdCode{Value: x.Rule, URL: x.docURL()},
		Suggestions: rdSuggestions(f, x),
	}
}

func rdSuggestions(f File, x Finding) []rdSuggestion {
	var out []rdSuggestion
	for _, fix := range x.Fixes {
		out = append(out, rdSuggestion{
			Range: rdRange{
				Start: rdPosition{Line: fix.Span.Start.Line, Column: byteColumn(f, fix.span.Start, fix.Span.Start.Column)},
				End:   &rdPosition{Line: fix.Span.End.Line, Column: byteColumn(f, fix.span.End, fix.Span.End.Column)},
			},
			Text: fix.Replacement,
		})
	}
	return out
}

// WriteRDJSONL writes one reviewdog Diagnostic per line (reviewdog
// -f=rdjsonl).
func WriteRDJSONL(w io.Writer, run Run) error {
	return writeAll(NewRDJSONLWriter(w), run.Files)
}

// WriteRDJSON writes one reviewdog DiagnosticResult document (reviewdog
// -f=rdjson). It leaves the optional overall severity out: each diagnostic
// carries its own.
func WriteRDJSON(w io.Writer, run Run) error {
	return writeAll(NewRDJSONWriter(w), run.Files)
}

// RDJSONWriter writes reviewdog's formats one file at a time: one
// DiagnosticResult document (rdjson), or one Diagnostic per line
// (rdjsonl).
type RDJSONWriter struct {
	o     *jsonOut
	lines bool // rdjsonl
	n     int  // diagnostics written
}

// Indentation of a diagnostic in rdjson's "diagnostics".
const rdDiagnosticKey = "    "

// NewRDJSONLWriter starts an rdjsonl report on w.
func NewRDJSONLWriter(w io.Writer) *RDJSONWriter {
	return &RDJSONWriter{o: newJSONOut(w), lines: true}
}

// NewRDJSONWriter starts an rdjson document on w.
func NewRDJSONWriter(w io.Writer) *RDJSONWriter {
	r := &RDJSONWriter{o: newJSONOut(w)}
	r.o.str("{\n  \"source\": ")
	r.o.value(rdSource{Name: toolName}, "  ")
	r.o.str(",\n  \"diagnostics\": [")
	return r
}

// File writes one file's diagnostics.
func (r *RDJSONWriter) File(f File) error { return writeParts(r, f) }

func (r *RDJSONWriter) beginFile(f *File) error {
	if f.Error != "" {
		d := rdError(*f)
		r.put(&d)
	}
	return r.o.err
}

func (r *RDJSONWriter) finding(f *File, x Finding) error {
	d := rdFinding(*f, x)
	r.put(&d)
	return r.o.err
}

func (r *RDJSONWriter) endFile(File) error { return r.o.err }

func (r *RDJSONWriter) put(d *rdDiagnostic) {
	if r.lines {
		r.o.line(d)
	} else {
		r.o.item(r.n, rdDiagnosticKey)
		r.o.value(d, rdDiagnosticKey)
	}
	r.n++
}

// Close ends the document.
func (r *RDJSONWriter) Close() error {
	if !r.lines {
		r.o.endArray(r.n, "  ")
		r.o.str("\n}\n")
	}
	return r.o.flush()
}
