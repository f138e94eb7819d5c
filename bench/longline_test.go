package bench

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
)

// longLine lints and reports (text and JSON) a one-line article of n
// repetitions of "神药。": a finding every nine bytes, all on one line, as
// in a minified HTML page or a one-line table.
func longLine(b *testing.B, l *lint.Linter, n int) {
	in := lint.Input{Path: "long.txt", Data: []byte(strings.Repeat("神药。", n) + "\n")}
	res, err := l.Lint(in)
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Findings) < n {
		b.Fatalf("%d findings for %d repeats: the case no longer measures positions", len(res.Findings), n)
	}
	files := []report.File{report.NewFile(in.Path, res, "en")}
	if err := report.WriteText(io.Discard, files, report.TextOptions{}); err != nil {
		b.Fatal(err)
	}
	if err := report.WriteJSON(io.Discard, files, "bench"); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLongLine is one long line end to end at two lengths.
func BenchmarkLongLine(b *testing.B) {
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{12_500, 50_000} {
		b.Run(fmt.Sprintf("repeats=%d", n), func(b *testing.B) {
			b.SetBytes(int64(9 * n))
			for b.Loop() {
				longLine(b, l, n)
			}
		})
	}
}

// BenchmarkLongLineGrowth checks that time is linear in the length of a
// line: a line four times as long may cost at most five times as much (it
// cost sixteen times as much when every column was counted from the line
// start). Each length is timed three times and the fastest run kept, to
// damp a shared machine's noise. Run it with -benchtime 1x (bench/run does).
func BenchmarkLongLineGrowth(b *testing.B) {
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	const short, long = 12_500, 50_000
	fastest := func(n int) time.Duration {
		best := time.Duration(1<<63 - 1)
		for range 3 {
			t0 := time.Now()
			longLine(b, l, n)
			best = min(best, time.Since(t0))
		}
		return best
	}
	for b.Loop() {
		ts, tl := fastest(short), fastest(long)
		ratio := float64(tl) / float64(ts)
		b.ReportMetric(ratio, "growth-4x")
		b.ReportMetric(tl.Seconds()*1000, "ms-50000")
		if ratio > 5 {
			b.Errorf("a line 4× as long took %.1f× as long (%v vs %v); want at most 5×", ratio, tl, ts)
		}
	}
}
