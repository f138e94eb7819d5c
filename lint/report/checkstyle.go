package report

import (
	"encoding/xml"
	"io"
)

// Checkstyle XML, which many CI plugins and reviewdog (-f=checkstyle) read.

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// WriteCheckstyle writes Checkstyle XML (see CheckstyleWriter).
func WriteCheckstyle(w io.Writer, run Run) error {
	return writeAll(NewCheckstyleWriter(w), run.Files)
}

// CheckstyleWriter writes Checkstyle XML one file at a time: a <file> for
// every input (empty for a clean one) holding an <error> per finding, with
// source "hypelint.RULE" and the column in code points. A file that could
// not be read gets one error at line 0 from source "hypelint".
type CheckstyleWriter struct{ o *xmlOut }

// NewCheckstyleWriter starts a Checkstyle report on w.
func NewCheckstyleWriter(w io.Writer) *CheckstyleWriter {
	root := xml.StartElement{Name: xml.Name{Local: "checkstyle"}, Attr: []xml.Attr{{Name: xml.Name{Local: "version"}, Value: "4.3"}}}
	return &CheckstyleWriter{o: newXMLOut(w, root)}
}

// File writes one file's element.
func (c *CheckstyleWriter) File(f File) error { return writeParts(c, f) }

func (c *CheckstyleWriter) beginFile(f *File) error {
	c.o.start("file", xml.Attr{Name: xml.Name{Local: "name"}, Value: slashPath(f.Path)})
	if f.Error != "" {
		return c.o.element(checkstyleReadError(*f), "error")
	}
	return c.o.err
}

func (c *CheckstyleWriter) finding(_ *File, x Finding) error {
	return c.o.element(checkstyleErrorOf(x), "error")
}

func (c *CheckstyleWriter) endFile(File) error { return c.o.end() }

// checkstyleFileOf is a file's element.
func checkstyleFileOf(f File) checkstyleFile {
	cf := checkstyleFile{Name: slashPath(f.Path)}
	if f.Error != "" {
		cf.Errors = append(cf.Errors, checkstyleReadError(f))
	}
	for _, x := range f.Findings {
		cf.Errors = append(cf.Errors, checkstyleErrorOf(x))
	}
	return cf
}

func checkstyleReadError(f File) checkstyleError {
	return checkstyleError{Severity: "error", Message: f.Error, Source: toolName}
}

func checkstyleErrorOf(x Finding) checkstyleError {
	return checkstyleError{
		Line:     x.Start.Line,
		Column:   x.Start.Column,
		Severity: checkstyleSeverity(x.Severity),
		Message:  x.Message,
		Source:   toolName + "." + x.Rule,
	}
}

// Close ends the document.
func (c *CheckstyleWriter) Close() error { return c.o.close() }

func checkstyleSeverity(severity string) string {
	switch severity {
	case "error", "warning":
		return severity
	}
	return "info"
}
