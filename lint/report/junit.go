package report

import (
	"encoding/xml"
	"fmt"
	"io"
)

// JUnit XML, as CI systems read it: one test suite per file, one failing
// test case per finding.

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

// WriteJUnit writes JUnit XML (see JUnitWriter).
func WriteJUnit(w io.Writer, run Run) error {
	return writeAll(NewJUnitWriter(w), run.Files)
}

// JUnitWriter writes JUnit XML one file at a time: a <testsuite> per file
// whose test cases are its findings (<testcase name="RULE line:col"> with
// a <failure>), a single passing test case for a clean file, and an
// <error> for a file that could not be read.
//
// The root <testsuites> carries no totals (tests, failures, errors): they
// are known only at the end, after every suite is written, and JUnit
// readers sum the suites, which carry their own.
type JUnitWriter struct{ o *xmlOut }

// NewJUnitWriter starts a JUnit report on w.
func NewJUnitWriter(w io.Writer) *JUnitWriter {
	root := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: []xml.Attr{{Name: xml.Name{Local: "name"}, Value: toolName}}}
	return &JUnitWriter{o: newXMLOut(w, root)}
}

// File writes one file's test suite.
func (j *JUnitWriter) File(f File) error {
	s := junitSuiteOf(f)
	if err := j.o.element(&s, "testsuite"); err != nil {
		return err
	}
	return j.o.flush()
}

// junitSuiteOf is a file's test suite.
func junitSuiteOf(f File) junitSuite {
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
	return s
}

// Close ends the document.
func (j *JUnitWriter) Close() error { return j.o.close() }
