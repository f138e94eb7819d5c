// Command table turns the measurements bench/run records into its Markdown
// table: medians, throughput, the ratios to the anchors (the baseline scan,
// ripgrep, Vale) and a verdict for each of issue 17's targets.
//
//	table < measurements.tsv
//
// Each input line is one run: a key, then tab-separated name=value fields:
//
//	json-1	wall=1.62	cpu=1.70	rss=30000	rc=0	load0=1.2	load1=1.4	bytes=33336953	files=5000
//
// wall and cpu are seconds, rss is the peak in KiB, load0 and load1 the
// one-minute load average before and after. A key may have several runs (the
// median is taken) or one line with skip=REASON. The keys bench/run writes
// are listed in the comments of rows below.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	ms, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintf(os.Stderr, "table: %v\n", err)
		os.Exit(2)
	}
	fmt.Println(header)
	for _, r := range rows(ms) {
		fmt.Println(r.markdown())
	}
}

// run is one measured run (or a skip).
type run map[string]string

// measurements are the runs by key, in input order.
type measurements map[string][]run

// parse reads the lines of bench/run's measurement file.
func parse(r io.Reader) (measurements, error) {
	ms := measurements{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		key, rn := fields[0], run{}
		for _, f := range fields[1:] {
			name, value, ok := strings.Cut(f, "=")
			if !ok || name == "" {
				return nil, fmt.Errorf("line %d: field %q is not name=value", n, f)
			}
			rn[name] = value
		}
		ms[key] = append(ms[key], rn)
	}
	return ms, sc.Err()
}
