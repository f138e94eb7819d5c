package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
)

// formats are the values --format takes.
var formats = []string{"text", "json", "sarif", "github", "rdjsonl", "rdjson", "gitlab", "junit", "checkstyle"}

// streams reports whether this run writes each file's report as soon as
// it and every file before it are linted, and then forgets it: every run
// but --fix and --diff-fixes (which lint again after fixing). It keeps
// memory flat on archives of any size, in every format.
func (r *lintRun) streams() bool { return !r.fixing() }

// stream lints file by file and writes each report as it comes (see
// streams), filtered by --diff and --baseline, or records the baseline.
func (r *lintRun) stream(inputs []string) int {
	flt, err := r.newFilters(inputs)
	if err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		return exitError
	}
	if r.flags.writeBaseline != "" {
		return r.recordBaseline(inputs, flt)
	}
	out, err := r.openOutput()
	if err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: writing output: %v\n", err)
		return exitError
	}
	w := r.newWriter(out)
	// The JSON writer keeps nothing of a file it wrote: its findings list
	// and the buffer of its text serve the next file.
	_, recycle := w.(*report.JSONWriter)
	recycle = recycle && !r.env.freshReports
	reached := false
	var writeErr error
	write := func(f report.File) bool {
		r.filter(flt, &f)
		if err := w.File(f); err != nil {
			writeErr = err
			return false
		}
		reached = reached || r.minSeverity > 0 && f.AtLeast(r.minSeverity)
		if recycle {
			if d := f.Doc(); d != nil {
				recycleSource(d.Source)
			}
			f.Recycle()
		}
		return true
	}
	if len(inputs) == 1 && flt.none() {
		// One input is written as it is linted, in the formats that take
		// a file part by part: a long text's findings need not all be
		// held (with several, each waits for its turn).
		f, s := r.lintInto(inputs[0], w)
		if f.Error != "" {
			r.failed = true
			fmt.Fprintf(r.env.stderr, "hypelint: %s\n", report.TerminalSafe(f.Error))
		}
		if s != nil {
			reached = r.minSeverity > 0 && s.AtLeast(r.minSeverity)
		} else {
			write(f)
		}
		inputs = nil
	}
	r.lintEach(inputs, write)
	if err := cmp.Or(writeErr, r.closeReport(w, flt), out.Close()); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: writing output: %v\n", err)
		return exitError
	}
	return r.exitCode(reached)
}

// filter applies --diff and --baseline to a file's report.
func (r *lintRun) filter(flt *filters, f *report.File) {
	r.keepChanged(flt, f)
	flt.applyBaseline(f)
}

// keepChanged applies --diff to a file's report. A finding whose lines
// cannot be read is kept, and the run exits 2.
func (r *lintRun) keepChanged(flt *filters, f *report.File) {
	if err := flt.keepChanged(f); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		r.failed = true
	}
}

// writeReport writes a whole run's reports (after --fix), filtered
// already (see filter).
func (r *lintRun) writeReport(files []report.File, flt *filters) int {
	out, err := r.openOutput()
	if err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: writing output: %v\n", err)
		return exitError
	}
	w := r.newWriter(out)
	reached := false
	for _, f := range files {
		if err = w.File(f); err != nil {
			break
		}
		reached = reached || r.minSeverity > 0 && f.AtLeast(r.minSeverity)
	}
	if err := cmp.Or(err, r.closeReport(w, flt), out.Close()); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: writing output: %v\n", err)
		return exitError
	}
	return r.exitCode(reached)
}

// openOutput opens -o FILE, or standard output (which Close leaves open).
func (r *lintRun) openOutput() (io.WriteCloser, error) {
	if r.flags.output == "" {
		return nopCloser{r.env.stdout}, nil
	}
	return os.Create(r.flags.output)
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// newWriter starts the report in the run's format.
func (r *lintRun) newWriter(w io.Writer) report.Writer {
	if r.flags.statistics {
		return report.NewStatisticsWriter(w, r.flags.format == "json")
	}
	info := report.RunInfo{Rules: r.rules(), Version: version, Locale: r.flags.locale}
	switch r.flags.format {
	case "json":
		return report.NewJSONWriter(w, version)
	case "sarif":
		return report.NewSARIFWriter(w, info)
	case "github":
		return report.NewGitHubWriter(w)
	case "rdjsonl":
		return report.NewRDJSONLWriter(w)
	case "rdjson":
		return report.NewRDJSONWriter(w)
	case "gitlab":
		return report.NewGitLabWriter(w)
	case "junit":
		return report.NewJUnitWriter(w)
	case "checkstyle":
		return report.NewCheckstyleWriter(w)
	}
	return report.NewTextWriter(w, r.textOptions())
}

// closeReport finishes the report: the text format says how many findings
// the baseline hid; GitHub's adds its overflow note and step summary.
func (r *lintRun) closeReport(w report.Writer, flt *filters) error {
	if err := w.Close(); err != nil {
		return err
	}
	switch w := w.(type) {
	case *report.TextWriter:
		if flt.hidden > 0 && !r.flags.quiet {
			return w.Line(report.HiddenByBaseline(flt.hidden, r.flags.baseline, r.flags.locale))
		}
	case *report.GitHubWriter:
		return r.githubExtras(w)
	}
	return nil
}

// exitCode is the run's exit status once its output is written; reached
// says whether a finding was at or above --fail-on.
func (r *lintRun) exitCode(reached bool) int {
	switch {
	case r.failed:
		return exitError
	case reached:
		return exitFindings
	}
	return exitClean
}

// colorModes are the values --color takes.
var colorModes = []string{"auto", "always", "never"}

// textOptions styles text output in the message locale, coloured as
// --color says (see useColor).
func (r *lintRun) textOptions() report.TextOptions {
	color := useColor(r.flags.color, r.env.isTerminal, r.flags.output != "", r.env.getenv)
	width := 0
	if r.flags.output == "" {
		width = r.env.textWidth()
	}
	return report.TextOptions{Color: color, Quiet: r.flags.quiet, Locale: r.flags.locale, Width: width}
}

// useColor decides colour: --color always or never wins; under auto,
// NO_COLOR (any value) turns it off, FORCE_COLOR (any value but 0 or
// false, as CI systems set it) turns it on for standard output, and
// otherwise only a terminal gets it. A report written to a file (-o) gets
// colour only with --color always.
func useColor(mode string, terminal, toFile bool, getenv func(string) string) bool {
	switch {
	case mode == "always":
		return true
	case mode == "never" || toFile || getenv("NO_COLOR") != "":
		return false
	}
	if force := getenv("FORCE_COLOR"); force != "" {
		return force != "0" && force != "false"
	}
	return terminal
}

// rules lists every rule of the linters this run used (the union over
// configurations), for formats that describe rules.
func (r *lintRun) rules() []*rule.Rule {
	seen := map[string]bool{}
	var out []*rule.Rule
	r.configs.mu.Lock()
	defer r.configs.mu.Unlock()
	for _, l := range r.configs.linters {
		for _, rl := range l.Rules.Rules {
			if !seen[rl.ID] {
				seen[rl.ID] = true
				out = append(out, rl)
			}
		}
	}
	sortRules(out)
	return out
}

// sortRules orders rules by category, then id, so rule lists are stable
// whatever order configurations were loaded in.
func sortRules(rules []*rule.Rule) {
	sort.Slice(rules, func(i, j int) bool {
		if rules[i].Category != rules[j].Category {
			return rules[i].Category < rules[j].Category
		}
		return rules[i].ID < rules[j].ID
	})
}
