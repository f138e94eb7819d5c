package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/report"
)

func TestStatistics(t *testing.T) {
	a := emojiFile(t, "a.txt")
	b := emojiFile(t, "b.txt")
	run := newRun(t, a, b, unreadable("gone.txt"))

	var text bytes.Buffer
	require.NoError(t, report.WriteStatistics(&text, run, false))
	assert.Equal(t, ""+
		"4  reverse-aging-claim        overclaim    error\n"+
		"2  hype-word                  overclaim    warning\n"+
		"2  miracle-cure-claim         overclaim    error\n"+
		"2  missing-disclosure         disclosure   warning\n"+
		"2  study-without-sample-size  sample-size  warning\n", text.String())

	var js bytes.Buffer
	require.NoError(t, report.WriteStatistics(&js, run, true))
	var stats []report.Statistic
	require.NoError(t, json.Unmarshal(js.Bytes(), &stats))
	require.Len(t, stats, 5)
	assert.Equal(t, report.Statistic{Count: 4, Rule: "reverse-aging-claim", Category: "overclaim", Severity: "error"}, stats[0])
	assert.Equal(t, report.Statistic{Count: 2, Rule: "hype-word", Category: "overclaim", Severity: "warning"}, stats[1])
	var raw []map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &raw))
	assert.Equal(t, map[string]any{"count": 4.0, "rule": "reverse-aging-claim", "category": "overclaim", "severity": "error"}, raw[0])
	for i := 1; i < len(stats); i++ {
		prev, cur := stats[i-1], stats[i]
		assert.True(t, prev.Count > cur.Count || prev.Count == cur.Count && prev.Rule < cur.Rule, "sorted by count, then id")
	}
}

func TestStatisticsAlignsWideCounts(t *testing.T) {
	f := emojiFile(t, "a.txt")
	x := findingOf(t, f, "hype-word", "重磅")
	f.Findings = nil
	for range 10 {
		f.Findings = append(f.Findings, x)
	}
	y := findingOf(t, emojiFile(t, "a.txt"), "miracle-cure-claim", "神药")
	f.Findings = append(f.Findings, y)
	var text bytes.Buffer
	require.NoError(t, report.WriteStatistics(&text, report.Run{Files: []report.File{f}}, false))
	assert.Equal(t, ""+
		"10  hype-word           overclaim  warning\n"+
		" 1  miracle-cure-claim  overclaim  error\n", text.String())
}

func TestStatisticsEmpty(t *testing.T) {
	var text, js bytes.Buffer
	require.NoError(t, report.WriteStatistics(&text, newRun(t), false))
	assert.Empty(t, text.String())
	require.NoError(t, report.WriteStatistics(&js, newRun(t), true))
	assert.Equal(t, "[]\n", js.String())
}
