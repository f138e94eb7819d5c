package report

import (
	"encoding/xml"
	"fmt"
	"io"
)

// JUnit XML, as CI systems read it: one test suite per file, one failing
// test case per finding.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// WriteJUnit writes JUnit XML: a <testsuite> per file whose test cases are
// its findings (<testcase name="RULE line:col"> with a <failure>), a single
// passing test case for a clean file, and an <error> for a file that could
// not be read.
func WriteJUnit(w io.Writer, run Run) error {
	doc := junitSuites{Name: toolName, Suites: []junitSuite{}}
	for _, f := range run.Files {
		path := slashPath(f.Path)
		s := junitSuite{Name: path, Cases: []junitCase{}}
		switch {
		case f.Error != "":
			s.Errors++
			s.Cases = append(s.Cases, junitCase{Name: toolName, Classname: path,
				Error: &junitProblem{Message: f.Error, Type: "read-error", Body: path + ": " + f.Error}})
		case len(f.Findings) == 0:
			s.Cases = append(s.Cases, junitCase{Name: toolName, Classname: path})
		}
		for _, x := range f.Findings {
			s.Failures++
			s.Cases = append(s.Cases, junitCase{
				Name:      fmt.Sprintf("%s %d:%d", x.Rule, x.Start.Line, x.Start.Column),
				Classname: path,
				Failure: &junitProblem{
					Message: x.Message,
					Type:    x.Severity,
					Body:    fmt.Sprintf("%s:%d:%d: %s\n%s", path, x.Start.Line, x.Start.Column, x.Message, x.Excerpt),
				},
			})
		}
		s.Tests = len(s.Cases)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Suites = append(doc.Suites, s)
	}
	return writeXML(w, doc)
}

// writeXML writes an XML declaration and doc, indented, ending in a newline.
func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
