package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Issue 17's targets (default rule set, --format json, medians).
const (
	minMBps          = 20.0 // one core on the archive, MB/s (≤ 50 ns/B)
	maxBaselineTimes = 3.0  // hypelint within 3× of the baseline scan
	minTwoCores      = 1.8  // --jobs 2 ÷ --jobs 1
	maxSmallMs       = 15.0 // one small file, end to end
	max100Over10     = 11.0 // 100 MB time ÷ 10 MB time
	memBaseKiB       = 64 * 1024
	memPerByte       = 3 // peak RSS < 64 MiB + 3 × the largest input file
)

// formats are the outputs whose peak memory is checked, as hypelint names
// them; "statistics" is --statistics.
var formats = []string{"json", "sarif", "rdjson", "rdjsonl", "gitlab", "junit", "checkstyle", "github", "text", "statistics"}

// row is one line of the table.
type row struct{ name, result, target, met, load string }

func (r row) markdown() string {
	return "| " + strings.Join([]string{r.name, r.result, r.target, r.met, r.load}, " | ") + " |"
}

// header is the table's head, in the order of row's fields.
const header = "| Measurement | Result | Target | Met | Load (1 min) start → end |\n|---|---|---|---|---|"

func verdict(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// memLimit is the peak-memory target in KiB for an input whose largest
// file has the given bytes.
func memLimit(largest float64) float64 { return memBaseKiB + memPerByte*largest/1024 }

// rows builds the table in reading order: the anchors, hypelint on the
// archive and the ratios, cores, the small file, the large files, memory
// in every format, the long line.
func rows(ms measurements) []row {
	var out []row
	add := func(r row) { out = append(out, r) }

	// baseline: bench/baseline's own figures (mbps: read + match, scan: matching alone).
	base := ms.get("baseline")
	baseMBps := base.median("mbps")
	if base.measured && base.rc == 0 && baseMBps > 0 {
		add(row{"Baseline scan of the archive (read + match, 1 core)", fmt.Sprintf("%.1f MB/s (matching alone %.1f MB/s)", baseMBps, base.median("scan")), "yardstick", "", base.load})
	} else {
		add(row{"Baseline scan of the archive", base.failure(), "yardstick", "", base.load})
	}
	// rg, rg-1: ripgrep over the archive, all threads and -j1; vale, vale-1: Vale, all cores and GOMAXPROCS=1.
	anchors := []struct{ key, name string }{
		{"rg", "ripgrep `rg -F -f terms`, all cores"},
		{"rg-1", "ripgrep, one thread (`-j1`)"},
		{"vale", "Vale, all cores"},
		{"vale-1", "Vale, `GOMAXPROCS=1`"},
	}
	for _, a := range anchors {
		f := ms.get(a.key)
		name := a.name
		if n := f.first["what"]; n != "" {
			name += " (" + n + ")"
		}
		if !f.ok() {
			add(row{name, f.failure(), "anchor", "", f.load})
			continue
		}
		add(row{name, fmt.Sprintf("%.2f MB/s (%.2f s wall, %.2f s CPU, peak RSS %s MiB)", f.mbps(), f.wall, f.cpu, mib(f.rss)), "anchor", "", f.load})
	}

	// json-1: hypelint --format json --jobs 1 over the archive.
	one := ms.get("json-1")
	if one.ok() {
		add(row{"hypelint archive, `--format json --jobs 1`", archiveText(one), fmt.Sprintf("≥ %.0f MB/s (≤ %.0f ns/B)", minMBps, 1e3/minMBps), verdict(one.mbps() >= minMBps), one.load})
	} else {
		add(row{"hypelint archive, `--format json --jobs 1`", one.failure(), fmt.Sprintf("≥ %.0f MB/s", minMBps), verdict(false), one.load})
	}
	if one.ok() && baseMBps > 0 {
		r := one.mbps() / baseMBps
		add(row{"hypelint ÷ baseline (1 core)", fmt.Sprintf("%.3f (the baseline is %.1f× faster)", r, 1/r), fmt.Sprintf("≥ %.3f (within %.0f×)", 1/maxBaselineTimes, maxBaselineTimes), verdict(r >= 1/maxBaselineTimes), ""})
	}
	// By wall time and, steadier on a busy machine, by CPU time (the same
	// bytes, so the ratio of the CPU seconds).
	two := ms.get("json-2")
	for _, a := range []struct{ name, one, all string }{
		{"ripgrep", "rg-1", "rg"},
		{"Vale", "vale-1", "vale"},
	} {
		var parts []string
		if o := ms.get(a.one); one.ok() && o.ok() {
			parts = append(parts, fmt.Sprintf("one core each %s, by CPU time %.3f", ratio(one.mbps()/o.mbps()), o.cpu/one.cpu))
		}
		if o := ms.get(a.all); two.ok() && o.ok() {
			parts = append(parts, fmt.Sprintf("all cores each %s, by CPU time %.3f", ratio(two.mbps()/o.mbps()), o.cpu/two.cpu))
		}
		if o := ms.get(a.all); one.ok() && o.ok() {
			parts = append(parts, fmt.Sprintf("hypelint on one core ÷ %s on all %s", a.name, ratio(one.mbps()/o.mbps())))
		}
		if len(parts) > 0 {
			add(row{"hypelint ÷ " + a.name, strings.Join(parts, "; "), "", "", ""})
		}
	}

	// json-1-gomaxprocs1: the same held to one core; text-1: the text format.
	strict := ms.get("json-1-gomaxprocs1")
	if strict.ok() {
		add(row{"hypelint archive, `--format json --jobs 1`, `GOMAXPROCS=1` (strictly one core)", archiveText(strict), "", "", strict.load})
	}
	if text := ms.get("text-1"); text.ok() {
		res := archiveText(text)
		if one.ok() {
			res += fmt.Sprintf("; JSON takes %.2f× its time", one.wall/text.wall)
		}
		add(row{"hypelint archive, `--format text --jobs 1`", res, "", "", text.load})
	}
	// json-2: --jobs 2; json-cores: --jobs N when there are more than 2 cores.
	if two.ok() {
		add(row{"hypelint archive, `--format json --jobs 2`", archiveText(two), "", "", two.load})
		if one.ok() {
			res := fmt.Sprintf("%.2f×", two.mbps()/one.mbps())
			if strict.ok() {
				res += fmt.Sprintf(" (÷ `GOMAXPROCS=1`: %.2f×)", two.mbps()/strict.mbps())
			}
			add(row{"2 cores ÷ 1 core", res, fmt.Sprintf("≥ %.1f×", minTwoCores), verdict(two.mbps()/one.mbps() >= minTwoCores), ""})
		}
	} else if two.measured || two.skip != "" {
		add(row{"hypelint archive, `--format json --jobs 2`", two.failure(), "", "", two.load})
	}
	if all := ms.get("json-cores"); all.ok() {
		add(row{fmt.Sprintf("hypelint archive, `--format json --jobs %s`", all.first["jobs"]), archiveText(all), "", "", all.load})
		if one.ok() {
			add(row{all.first["jobs"] + " cores ÷ 1 core", fmt.Sprintf("%.2f×", all.mbps()/one.mbps()), "", "", ""})
		}
	}

	// small: one small file, --format json; empty: an empty file (start-up alone).
	if s := ms.get("small"); s.ok() {
		ms := s.wall * 1000
		add(row{fmt.Sprintf("One small file end to end, `--format json` (%.0f bytes, median of %d)", s.bytes, s.runs), fmt.Sprintf("%.1f ms wall, peak RSS %s MiB", ms, mib(s.rss)), fmt.Sprintf("< %.0f ms", maxSmallMs), verdict(ms < maxSmallMs), s.load})
	} else if s.measured {
		add(row{"One small file end to end", s.failure(), fmt.Sprintf("< %.0f ms", maxSmallMs), verdict(false), s.load})
	}
	if e := ms.get("empty"); e.ok() {
		add(row{fmt.Sprintf("Start-up alone (an empty file, median of %d)", e.runs), fmt.Sprintf("%.1f ms wall", e.wall*1000), "", "", e.load})
	}

	// large-N: hypelint --format json --jobs 1 on the N MB file.
	large := map[int]figure{}
	for _, mb := range largeSizes(ms) {
		f := ms.get("large-" + strconv.Itoa(mb))
		large[mb] = f
		name := fmt.Sprintf("Large file %d MB, `--format json`", mb)
		if !f.ok() {
			add(row{name, f.failure(), "", "", f.load})
			continue
		}
		add(row{name, fmt.Sprintf("%.2f s wall, %.2f s CPU (%.2f MB/s), peak RSS %s MiB", f.wall, f.cpu, f.mbps(), mib(f.rss)), "", "", f.load})
	}
	if a, b := large[10], large[100]; a.ok() && b.ok() {
		r := b.wall / a.wall
		add(row{"100 MB time ÷ 10 MB time", fmt.Sprintf("%.1f× (CPU time %.1f×)", r, b.cpu/a.cpu), fmt.Sprintf("≤ %.0f×", max100Over10), verdict(r <= max100Over10), ""})
	}
	if a, b := large[1], large[10]; a.ok() && b.ok() {
		add(row{"10 MB time ÷ 1 MB time", fmt.Sprintf("%.1f× (CPU time %.1f×)", b.wall/a.wall, b.cpu/a.cpu), "", "", ""})
	}

	out = append(out, memoryRows(ms)...)

	// longline: bench's BenchmarkLongLineGrowth (growth: time for 4× the line ÷ time; ms: the 50,000 repeats; ok: the benchmark passed).
	if l := ms.get("longline"); l.skip != "" {
		add(row{"Long-line growth check", "skipped: " + l.skip, "≤ 5× for 4× the length", "", l.load})
	} else if l.measured {
		if g := l.first["growth"]; g != "" {
			add(row{"One line of 50,000 × 神药。 (450 KB, a finding every 9 bytes), lint + text + JSON", fmt.Sprintf("%s ms; %s× the time of 12,500", l.first["ms"], g), "≤ 5× for 4× the length", verdict(l.first["ok"] == "1"), l.load})
		} else {
			add(row{"Long-line growth check", "failed: " + l.first["error"], "≤ 5× for 4× the length", verdict(false), l.load})
		}
	}
	return out
}

// memoryRows has one row per output format: peak RSS on the archive and on
// each large file against 64 MiB + 3 × the largest input file.
// Keys: mem-FORMAT-archive (largest: the archive's largest file in bytes),
// mem-FORMAT-large-N (bytes: the file's size).
func memoryRows(ms measurements) []row {
	var out []row
	sizes := largeSizes(ms)
	for _, format := range formats {
		type input struct {
			name    string
			f       figure
			largest float64
		}
		var inputs []input
		if f := ms.get("mem-" + format + "-archive"); f.runs > 0 {
			inputs = append(inputs, input{"archive", f, atof(f.first["largest"])})
		}
		for _, mb := range sizes {
			if f := ms.get(fmt.Sprintf("mem-%s-large-%d", format, mb)); f.runs > 0 {
				inputs = append(inputs, input{fmt.Sprintf("%d MB", mb), f, f.bytes})
			}
		}
		if len(inputs) == 0 {
			continue
		}
		var results, limits []string
		met := true
		loads := []string{}
		for _, in := range inputs {
			limit := memLimit(in.largest)
			limits = append(limits, fmt.Sprintf("%s %s", in.name, mib(limit)))
			if in.f.load != "" {
				loads = append(loads, in.f.load)
			}
			switch {
			case in.f.skip != "":
				results = append(results, in.name+" skipped: "+in.f.skip)
				continue
			case in.f.rc > 1:
				met = false
				results = append(results, fmt.Sprintf("%s %s", in.name, in.f.failure()))
				continue
			}
			mark := ""
			if in.f.rss >= limit {
				met = false
				mark = " (over)"
			}
			results = append(results, fmt.Sprintf("%s %s MiB%s", in.name, mib(in.f.rss), mark))
		}
		load := ""
		if len(loads) > 0 {
			load = strings.SplitN(loads[0], " → ", 2)[0] + " → " + strings.SplitN(loads[len(loads)-1], " → ", 2)[1]
		}
		name := fmt.Sprintf("Peak RSS, `--format %s`", format)
		if format == "statistics" {
			name = "Peak RSS, `--statistics`"
		}
		out = append(out, row{name, strings.Join(results, "; "), "< " + strings.Join(limits, "; ") + " MiB", verdict(met), load})
	}
	return out
}

// largeSizes are the N of the large-N and mem-*-large-N keys, ascending.
func largeSizes(ms measurements) []int {
	seen := map[int]bool{}
	var out []int
	for key := range ms {
		i := strings.LastIndex(key, "large-")
		if i < 0 {
			continue
		}
		if mb, err := strconv.Atoi(key[i+len("large-"):]); err == nil && !seen[mb] {
			seen[mb] = true
			out = append(out, mb)
		}
	}
	sort.Ints(out)
	return out
}

// archiveText describes a run over the archive.
func archiveText(f figure) string {
	return fmt.Sprintf("%.2f MB/s = %.0f ns/B, %.0f files/s (%.2f s wall, %.2f s CPU: %.2f MB per CPU-second; peak RSS %s MiB)",
		f.mbps(), f.nsPerByte(), f.files/f.wall, f.wall, f.cpu, f.bytes/1e6/f.cpu, mib(f.rss))
}

// ratio shows hypelint's throughput over another tool's, and which is faster.
func ratio(r float64) string {
	if r >= 1 {
		return fmt.Sprintf("%.2f (hypelint %.1f× faster)", r, r)
	}
	return fmt.Sprintf("%.3f (hypelint %.1f× slower)", r, 1/r)
}
