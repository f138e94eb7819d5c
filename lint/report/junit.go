package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
)

// JUnit XML, as CI systems read it: one test suite per file, one failing
// test case per finding.

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
	return j.suite(&f, len(f.Findings), slices.Values(f.Findings))
}

// suite writes a file's test suite with its n findings, one test case at
// a time: the cases of a long book's findings, built whole before they
// were written, took as much memory as its text.
func (j *JUnitWriter) suite(f *File, n int, findings iter.Seq[Finding]) error {
	path := slashPath(f.Path)
	tests, failures, errs := n, n, 0
	switch {
	case f.Error != "":
		tests, errs = tests+1, 1
	case n == 0:
		tests = 1
	}
	j.o.start("testsuite",
		xml.Attr{Name: xml.Name{Local: "name"}, Value: path},
		xml.Attr{Name: xml.Name{Local: "tests"}, Value: strconv.Itoa(tests)},
		xml.Attr{Name: xml.Name{Local: "failures"}, Value: strconv.Itoa(failures)},
		xml.Attr{Name: xml.Name{Local: "errors"}, Value: strconv.Itoa(errs)})
	switch {
	case f.Error != "":
		j.o.element(&junitCase{Name: toolName, Classname: path,
			Error: &junitProblem{Message: f.Error, Type: "read-error", Body: path + ": " + f.Error}}, "testcase")
	case n == 0:
		j.o.element(&junitCase{Name: toolName, Classname: path}, "testcase")
	}
	for x := range findings {
		if j.o.err != nil {
			break
		}
		j.o.element(&junitCase{
			Name:      fmt.Sprintf("%s %d:%d", x.Rule, x.Start.Line, x.Start.Column),
			Classname: path,
			Failure: &junitProblem{
				Message: x.Message,
				Type:    x.Severity,
				Body:    fmt.Sprintf("%s:%d:%d: %s\n%s", path, x.Start.Line, x.Start.Column, x.Message, x.Excerpt),
			},
		}, "testcase")
	}
	if err := j.o.end(); err != nil {
		return err
	}
	return j.o.flush()
}

// Close ends the document.
func (j *JUnitWriter) Close() error { return j.o.close() }
