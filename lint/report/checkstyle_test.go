package report_test

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/report"
)

type checkstyleDoc struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

func TestCheckstyle(t *testing.T) {
	f := emojiFile(t, "news/a.txt")
	clean := lintFile(t, "clean.txt", "A note\n\nNothing to see here.\n", "en")
	var buf bytes.Buffer
	require.NoError(t, report.WriteCheckstyle(&buf, newRun(t, f, clean, unreadable("gone.txt"))))
	var doc checkstyleDoc
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc), buf.String())
	assert.Equal(t, "4.3", doc.Version)
	require.Len(t, doc.Files, 3)

	a := doc.Files[0]
	assert.Equal(t, "news/a.txt", a.Name)
	require.Len(t, a.Errors, len(f.Findings))
	for i, x := range f.Findings {
		e := a.Errors[i]
		assert.Equal(t, x.Start.Line, e.Line)
		assert.Equal(t, x.Start.Column, e.Column)
		assert.Equal(t, x.Severity, e.Severity)
		assert.Equal(t, x.Message, e.Message)
		assert.Equal(t, "hypelint."+x.Rule, e.Source)
	}
	assert.Contains(t, buf.String(), `<error line="1" column="2" severity="warning" message="&#34;重磅&#34; is hype; let the size of the result speak for itself." source="hypelint.hype-word">`)

	assert.Equal(t, "clean.txt", doc.Files[1].Name)
	assert.Empty(t, doc.Files[1].Errors, "a clean file is listed without errors")

	g := doc.Files[2]
	assert.Equal(t, "gone.txt", g.Name)
	require.Len(t, g.Errors, 1)
	assert.Equal(t, "error", g.Errors[0].Severity)
	assert.Equal(t, "hypelint", g.Errors[0].Source)
	assert.Contains(t, g.Errors[0].Message, "permission denied")
}

func TestCheckstyleInfoSeverity(t *testing.T) {
	f := emojiFile(t, "a.txt")
	x := f.Findings[0]
	x.Severity = "info"
	f.Findings = []report.Finding{x}
	var buf bytes.Buffer
	require.NoError(t, report.WriteCheckstyle(&buf, report.Run{Files: []report.File{f}}))
	var doc checkstyleDoc
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc))
	assert.Equal(t, "info", doc.Files[0].Errors[0].Severity)
}
