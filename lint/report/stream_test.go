package report_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
)

// TestStreamedTextEqualsWholeText prints a long one-line text (linted in
// pieces) as its findings come and compares with printing its whole
// result: the same findings, score line and summary, and the same verdict
// for --fail-on.
func TestStreamedTextEqualsWholeText(t *testing.T) {
	l := defaultLinter(t)
	src := []byte("NMN逆转衰老\n" + strings.Repeat("研究显示，这款神药让患者返老还童。 It is 100% safe! ", 2*lint.SectionSize/60))
	in := lint.Input{Path: "long.txt", Data: src}
	require.True(t, lint.Sectioned(in))
	opt := report.TextOptions{Locale: "zh-Hans"}

	res, err := l.Lint(in)
	require.NoError(t, err)
	whole := report.NewFile("long.txt", res, "zh-Hans")
	var want bytes.Buffer
	require.NoError(t, report.WriteText(&want, []report.File{whole}, opt))

	var got bytes.Buffer
	w := report.NewTextWriter(&got, opt)
	s := w.Stream("long.txt", "zh-Hans")
	parts := 0
	streamed, err := l.LintStream(context.Background(), in, func(doc *document.Document, found []rule.Finding) error {
		parts++
		return s.Emit(doc, found)
	})
	require.NoError(t, err)
	require.True(t, streamed.Streamed)
	f := s.End(streamed)
	require.NoError(t, w.Close())

	require.Greater(t, parts, 4, "printed part by part")
	require.Greater(t, len(whole.Findings), 10000)
	require.Equal(t, want.String(), got.String())
	require.Equal(t, *whole.Score, *f.Score)
	require.Equal(t, whole.Criteria, f.Criteria)
	for _, sev := range []rule.Severity{rule.Info, rule.Warning, rule.Error} {
		require.Equal(t, whole.AtLeast(sev), s.AtLeast(sev), "at least %v", sev)
	}
}
