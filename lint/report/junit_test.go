package report_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/report"
)

type junitSuites struct {
	XMLName xml.Name   `xml:"testsuites"`
	Attrs   []xml.Attr `xml:",any,attr"`
	Suites  []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Cases    []struct {
			Name      string        `xml:"name,attr"`
			Classname string        `xml:"classname,attr"`
			Failure   *junitProblem `xml:"failure"`
			Error     *junitProblem `xml:"error"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

func TestJUnit(t *testing.T) {
	f := emojiFile(t, "news/a.txt")
	clean := lintFile(t, "clean.txt", "A note\n\nNothing to see here.\n", "en")
	var buf bytes.Buffer
	require.NoError(t, report.WriteJUnit(&buf, newRun(t, f, clean, unreadable("gone.txt"))))
	var doc junitSuites
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc), buf.String())
	assert.Regexp(t, `^<\?xml version="1.0" encoding="UTF-8"\?>`, buf.String())

	require.Len(t, doc.Suites, 3)
	// The root carries no totals (they would be known only at the end of a
	// streamed report); the suites' add up.
	assert.Equal(t, []xml.Attr{{Name: xml.Name{Local: "name"}, Value: "hypelint"}}, doc.Attrs)
	tests, failures, errors := 0, 0, 0
	for _, s := range doc.Suites {
		tests, failures, errors = tests+s.Tests, failures+s.Failures, errors+s.Errors
	}
	assert.Equal(t, len(f.Findings)+2, tests)
	assert.Equal(t, len(f.Findings), failures)
	assert.Equal(t, 1, errors)

	s := doc.Suites[0]
	assert.Equal(t, "news/a.txt", s.Name)
	assert.Equal(t, len(f.Findings), s.Tests)
	assert.Equal(t, len(f.Findings), s.Failures)
	assert.Equal(t, 0, s.Errors)
	require.Len(t, s.Cases, len(f.Findings))
	for i, x := range f.Findings {
		c := s.Cases[i]
		assert.Equal(t, fmt.Sprintf("%s %d:%d", x.Rule, x.Start.Line, x.Start.Column), c.Name)
		assert.Equal(t, "news/a.txt", c.Classname)
		require.NotNil(t, c.Failure)
		assert.Nil(t, c.Error)
		assert.Equal(t, x.Message, c.Failure.Message)
		assert.Equal(t, x.Severity, c.Failure.Type)
		assert.Equal(t, fmt.Sprintf("news/a.txt:%d:%d: %s\n%s", x.Start.Line, x.Start.Column, x.Message, x.Excerpt), c.Failure.Body)
	}
	hype := findingOf(t, f, "hype-word", "重磅")
	assert.Contains(t, buf.String(), `<testcase name="hype-word 1:2" classname="news/a.txt">`)
	assert.Equal(t, "news/a.txt:1:2: "+hype.Message+"\n重磅", s.Cases[1].Failure.Body)

	c := doc.Suites[1]
	assert.Equal(t, "clean.txt", c.Name)
	assert.Equal(t, 1, c.Tests)
	assert.Equal(t, 0, c.Failures)
	require.Len(t, c.Cases, 1, "a clean file is one passing test case")
	assert.Nil(t, c.Cases[0].Failure)
	assert.Nil(t, c.Cases[0].Error)

	e := doc.Suites[2]
	assert.Equal(t, "gone.txt", e.Name)
	assert.Equal(t, 1, e.Errors)
	require.Len(t, e.Cases, 1)
	require.NotNil(t, e.Cases[0].Error)
	assert.Contains(t, e.Cases[0].Error.Message, "permission denied")
}

func TestJUnitEscaping(t *testing.T) {
	f := emojiFile(t, `a&b<"c">.txt`)
	x := f.Findings[0]
	x.Message = "<b>\"50%\" & 'more'</b>\n]]> \x01"
	f.Findings = []report.Finding{x}
	var buf bytes.Buffer
	require.NoError(t, report.WriteJUnit(&buf, report.Run{Files: []report.File{f}}))
	var doc junitSuites
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc), buf.String())
	got := doc.Suites[0].Cases[0]
	assert.Equal(t, `a&b<"c">.txt`, got.Classname)
	// encoding/xml turns a character XML cannot hold into U+FFFD.
	assert.Equal(t, "<b>\"50%\" & 'more'</b>\n]]> \uFFFD", got.Failure.Message)
}

func TestJUnitEmptyRun(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.WriteJUnit(&buf, newRun(t)))
	var doc junitSuites
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc), buf.String())
	assert.Empty(t, doc.Suites)
	assert.Equal(t, xml.Header+`<testsuites name="hypelint"></testsuites>`+"\n", buf.String())
}
