package main

import (
	"math"
	"strings"
	"testing"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{7}, 7},
	} {
		if got := median(tc.xs); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
	if got := median(nil); !math.IsNaN(got) {
		t.Errorf("median(nil) = %v, want NaN", got)
	}
}

func TestParseRejectsAFieldWithoutValue(t *testing.T) {
	if _, err := parse(strings.NewReader("json-1\twall=1\tcpu\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("err = %v, want an error naming line 1", err)
	}
}

// A run set with every kind of row: 10 MB = 10⁷ bytes, so a wall of 0.4 s
// is 25 MB/s.
const sample = `baseline	mbps=60	scan=90	rc=0	load0=1.00	load1=1.10
baseline	mbps=70	scan=100	rc=0	load0=1.10	load1=1.20
baseline	mbps=50	scan=80	rc=0	load0=1.20	load1=1.30
rg	wall=0.01	cpu=0.02	rss=8192	rc=0	bytes=10000000	load0=0.5	load1=0.5	what=5946 terms
rg-1	wall=0.02	cpu=0.02	rss=8192	rc=1	bytes=10000000	load0=0.5	load1=0.5
vale	skip=vale is not installed and go install failed
json-1	wall=0.5	cpu=0.5	rss=30720	rc=1	bytes=10000000	files=1000	load0=1.00	load1=1.50
json-1	wall=0.4	cpu=0.4	rss=31744	rc=1	bytes=10000000	files=1000	load0=1.50	load1=1.70
json-1	wall=0.3	cpu=0.3	rss=29696	rc=1	bytes=10000000	files=1000	load0=1.70	load1=2.00
json-2	wall=0.235	cpu=0.45	rss=40960	rc=1	bytes=10000000	files=1000	load0=2	load1=2
small	wall=0.0149	rss=20480	rc=1	bytes=2321
small	wall=0.0160	rss=20480	rc=1	bytes=2321
small	wall=0.0140	rss=20480	rc=1	bytes=2321
large-10	wall=2	cpu=2	rss=80000	rc=1	bytes=10000000
large-100	wall=23	cpu=20	rss=300000	rc=1	bytes=100000000
mem-json-large-10	wall=2	cpu=2	rss=80000	rc=1	bytes=10000000
mem-json-archive	wall=1	cpu=1	rss=70000	rc=1	largest=20000	load0=3	load1=4
mem-text-archive	wall=1	cpu=1	rss=30000	rc=1	largest=20000	load0=4	load1=5
mem-text-large-10	wall=1	cpu=1	rss=500	rc=124	timeout=60	bytes=10000000	load0=5	load1=6
longline	growth=3.7	ms=900	ok=1
`

func sampleRows(t *testing.T) map[string]row {
	t.Helper()
	ms, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]row{}
	for _, r := range rows(ms) {
		byName[r.name] = r
	}
	return byName
}

func TestRowsTargetsAndRatios(t *testing.T) {
	got := sampleRows(t)
	for _, want := range []row{
		{name: "Baseline scan of the archive (read + match, 1 core)", result: "60.0 MB/s (matching alone 90.0 MB/s)", load: "1.00 → 1.30"},
		// the median run, and the load before the first and after the last
		{name: "hypelint archive, `--format json --jobs 1`", result: "25.00 MB/s = 40 ns/B, 2500 files/s (0.40 s wall, 0.40 s CPU: 25.00 MB per CPU-second; peak RSS 30.0 MiB)", met: "yes", load: "1.00 → 2.00"},
		{name: "hypelint ÷ baseline (1 core)", result: "0.417 (the baseline is 2.4× faster)", met: "yes"},
		{name: "hypelint ÷ ripgrep", result: "one core each 0.050 (hypelint 20.0× slower), by CPU time 0.050; all cores each 0.043 (hypelint 23.5× slower), by CPU time 0.044; hypelint on one core ÷ ripgrep on all 0.025 (hypelint 40.0× slower)"},
		{name: "ripgrep `rg -F -f terms`, all cores (5946 terms)", result: "1000.00 MB/s (0.01 s wall, 0.02 s CPU, peak RSS 8.0 MiB)", target: "anchor"},
		{name: "Vale, all cores", result: "skipped: vale is not installed and go install failed", target: "anchor"},
		{name: "2 cores ÷ 1 core", result: "1.70×", met: "**no**"},
		{name: "One small file end to end, `--format json` (2321 bytes, median of 3)", result: "14.9 ms wall, peak RSS 20.0 MiB", met: "yes"},
		{name: "100 MB time ÷ 10 MB time", result: "11.5× (CPU time 10.0×)", met: "**no**"},
		{name: "Peak RSS, `--format json`", result: "archive 68.4 MiB (over); 10 MB 78.1 MiB", met: "**no**", load: "3 → 4"},
		{name: "Peak RSS, `--format text`", result: "archive 29.3 MiB; 10 MB not finished in 60 s (peak RSS so far 0.5 MiB)", met: "**no**", load: "4 → 6"},
		{name: "One line of 50,000 × 神药。 (450 KB, a finding every 9 bytes), lint + text + JSON", result: "900 ms; 3.7× the time of 12,500", met: "yes"},
	} {
		r, ok := got[want.name]
		if !ok {
			t.Errorf("no row %q", want.name)
			continue
		}
		if r.result != want.result || r.met != want.met || want.load != "" && r.load != want.load || want.target != "" && r.target != want.target {
			t.Errorf("row %q:\n got %q, met %q, load %q, target %q\nwant %q, met %q, load %q, target %q", want.name, r.result, r.met, r.load, r.target, want.result, want.met, want.load, want.target)
		}
	}
	// Formats never measured get no row; Vale's ratio has nothing to compare.
	for _, name := range []string{"Peak RSS, `--format sarif`", "hypelint ÷ Vale", "10 MB time ÷ 1 MB time"} {
		if _, ok := got[name]; ok {
			t.Errorf("unexpected row %q", name)
		}
	}
}

func TestMemoryLimitIsSixtyFourMiBAndThreeTimesTheFile(t *testing.T) {
	if got := memLimit(10_000_000); math.Abs(got-(65536+29296.875)) > 1e-9 {
		t.Errorf("memLimit(10 MB) = %v KiB", got)
	}
}

func TestAFailedRunIsNotATime(t *testing.T) {
	ms, err := parse(strings.NewReader("json-1\twall=0.1\tcpu=0.1\trss=1\trc=2\tbytes=10000000\tfiles=1\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := rows(ms)
	var found bool
	for _, x := range r {
		if x.name == "hypelint archive, `--format json --jobs 1`" {
			found = true
			if x.result != "failed (exit status 2)" || x.met != "**no**" {
				t.Errorf("row = %+v", x)
			}
		}
		if strings.HasPrefix(x.name, "hypelint ÷") {
			t.Errorf("a ratio from a failed run: %+v", x)
		}
	}
	if !found {
		t.Error("no row for the failed run")
	}
}
