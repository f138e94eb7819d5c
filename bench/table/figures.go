package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"
)

// figure is what one key's runs come to: medians of each quantity.
type figure struct {
	key      string
	measured bool   // at least one run, not skipped
	skip     string // why it was not measured
	runs     int
	wall     float64 // seconds
	cpu      float64 // seconds
	rss      float64 // KiB
	rc       int     // the highest exit status of the runs
	load     string  // "a → b": load before the first run, after the last
	bytes    float64 // input size, from the first run
	files    float64
	first    run
	all      []run
}

// timedOut is timeout(1)'s exit status.
const timedOut = 124

// get sums up the runs of key.
func (ms measurements) get(key string) figure {
	runs := ms[key]
	f := figure{key: key, runs: len(runs), all: runs}
	if len(runs) == 0 {
		return f
	}
	f.first = runs[0]
	if s, ok := runs[0]["skip"]; ok {
		f.skip = s
		return f
	}
	f.measured = true
	f.wall = f.median("wall")
	f.cpu = f.median("cpu")
	f.rss = f.median("rss")
	for _, r := range runs {
		if rc := atoi(r["rc"]); rc > f.rc {
			f.rc = rc
		}
	}
	if a, b := runs[0]["load0"], runs[len(runs)-1]["load1"]; a != "" || b != "" {
		f.load = a + " → " + b
	}
	f.bytes = atof(runs[0]["bytes"])
	f.files = atof(runs[0]["files"])
	return f
}

// median is the median of a numeric field over the runs that have it.
func (f figure) median(name string) float64 {
	var xs []float64
	for _, r := range f.all {
		if v, ok := r[name]; ok {
			xs = append(xs, atof(v))
		}
	}
	return median(xs)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// ok says the figure was measured and every run finished without error
// (exit status 0 or 1: hypelint's "findings", ripgrep's "no match").
func (f figure) ok() bool { return f.measured && f.rc <= 1 && f.wall > 0 }

// mbps is the input's megabytes (10⁶ bytes) per wall-clock second.
func (f figure) mbps() float64 { return f.bytes / 1e6 / f.wall }

// nsPerByte is wall time per input byte.
func (f figure) nsPerByte() float64 { return f.wall * 1e9 / f.bytes }

// failure says why a figure has no result.
func (f figure) failure() string {
	switch {
	case f.skip != "":
		return "skipped: " + f.skip
	case !f.measured:
		return "not measured"
	case f.rc == timedOut:
		return fmt.Sprintf("not finished in %s s (peak RSS so far %s MiB)", f.first["timeout"], mib(f.rss))
	case f.rc > 1:
		return fmt.Sprintf("failed (exit status %d)", f.rc)
	}
	return "no time measured"
}

func atof(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

func atoi(s string) int {
	v, _ := strconv.Atoi(s)
	return v
}

// mib formats KiB as MiB.
func mib(kib float64) string { return fmt.Sprintf("%.1f", kib/1024) }
