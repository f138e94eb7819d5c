package report

import (
	"encoding/xml"
	"io"
)

// Checkstyle XML, which many CI plugins and reviewdog (-f=checkstyle) read.

type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

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

// WriteCheckstyle writes Checkstyle XML: a <file> for every input (empty
// for a clean one) holding an <error> per finding, with source
// "hypelint.RULE" and the column in code points. A file that could not be
// read gets one error at line 0 from source "hypelint".
func WriteCheckstyle(w io.Writer, run Run) error {
	doc := checkstyleDoc{Version: "4.3", Files: []checkstyleFile{}}
	for _, f := range run.Files {
		cf := checkstyleFile{Name: slashPath(f.Path)}
		if f.Error != "" {
			cf.Errors = append(cf.Errors, checkstyleError{Severity: "error", Message: f.Error, Source: toolName})
		}
		for _, x := range f.Findings {
			cf.Errors = append(cf.Errors, checkstyleError{
				Line:     x.Start.Line,
				Column:   x.Start.Column,
				Severity: checkstyleSeverity(x.Severity),
				Message:  x.Message,
				Source:   toolName + "." + x.Rule,
			})
		}
		doc.Files = append(doc.Files, cf)
	}
	return writeXML(w, doc)
}

func checkstyleSeverity(severity string) string {
	switch severity {
	case "error", "warning":
		return severity
	}
	return "info"
}
