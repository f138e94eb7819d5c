package report

import (
	"encoding/json"
	"io"
)

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

// rdDiagnostics converts a run: one diagnostic per finding, and one
// without a range for each file that could not be read.
func rdDiagnostics(run Run) []rdDiagnostic {
	out := []rdDiagnostic{}
	src := rdSource{Name: toolName}
	for _, f := range run.Files {
		path := slashPath(f.Path)
		if f.Error != "" {
			out = append(out, rdDiagnostic{
				Message:  f.Error,
				Location: rdLocation{Path: path},
				Severity: "ERROR",
				Source:   src,
			})
		}
		for _, x := range f.Findings {
			out = append(out, rdDiagnostic{
				Message: x.Message,
				Location: rdLocation{Path: path, Range: &rdRange{
					Start: rdPosition{Line: x.Start.Line, Column: byteColumn(f, x.span.Start, x.Start.Column)},
					End:   &rdPosition{Line: x.End.Line, Column: byteColumn(f, x.span.End, x.End.Column)},
				}},
				Severity:    rdSeverity(x.Severity),
				Source:      src,
				Code:        &rdCode{Value: x.Rule, URL: x.docURL()},
				Suggestions: rdSuggestions(f, x),
			})
		}
	}
	return out
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
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range rdDiagnostics(run) {
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

// WriteRDJSON writes one reviewdog DiagnosticResult document (reviewdog
// -f=rdjson). It leaves the optional overall severity out: each diagnostic
// carries its own.
func WriteRDJSON(w io.Writer, run Run) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rdResult{Source: rdSource{Name: toolName}, Diagnostics: rdDiagnostics(run)})
}
