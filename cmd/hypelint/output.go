package main

import (
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
)

// formats are the values --format takes.
var formats = []string{"text", "json", "sarif", "github", "rdjsonl", "rdjson", "gitlab", "junit", "checkstyle"}

// output writes the report to standard output or to -o FILE.
func (r *lintRun) output(files []report.File, hidden int) (err error) {
	w := r.env.stdout
	if r.flags.output != "" {
		f, err := os.Create(r.flags.output)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}()
		w = f
	}
	return r.render(w, files, hidden)
}

// streams reports whether this run can print each file's findings as soon
// as it is linted and then forget them: text to standard output, with
// nothing (statistics, a baseline, --diff) that needs every file first. It
// keeps memory flat on archives of any size.
func (r *lintRun) streams() bool {
	f := r.flags
	return f.format == "text" && !f.statistics && f.output == "" &&
		f.baseline == "" && f.writeBaseline == "" && f.diff == "" && !r.fixing()
}

// stream lints and prints file by file (see streams).
func (r *lintRun) stream(inputs []string) int {
	t := report.NewTextWriter(r.env.stdout, r.textOptions())
	reached := false
	if len(inputs) == 1 {
		// One input is printed as it is linted: a long text's findings
		// need not all be held (with several, each waits for its turn).
		f, s := r.lintInto(inputs[0], t)
		if f.Error != "" {
			r.failed = true
			fmt.Fprintf(r.env.stderr, "hypelint: %s\n", report.TerminalSafe(f.Error))
		}
		if s != nil {
			reached = r.minSeverity > 0 && s.AtLeast(r.minSeverity)
		} else {
			t.File(f)
			reached = r.minSeverity > 0 && f.AtLeast(r.minSeverity)
		}
		inputs = nil
	}
	r.lintEach(inputs, func(f report.File) {
		t.File(f)
		reached = reached || r.minSeverity > 0 && f.AtLeast(r.minSeverity)
	})
	if err := t.Close(); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: writing output: %v\n", err)
		return exitError
	}
	return r.exitCode(reached)
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

func (r *lintRun) render(w io.Writer, files []report.File, hidden int) error {
	run := report.Run{Files: files, Rules: r.rules(), Version: version, Locale: r.flags.locale}
	if r.flags.statistics {
		return report.WriteStatistics(w, run, r.flags.format == "json")
	}
	switch r.flags.format {
	case "json":
		return report.WriteJSON(w, files, version)
	case "sarif":
		return report.WriteSARIF(w, run)
	case "github":
		return r.github(w, run)
	case "rdjsonl":
		return report.WriteRDJSONL(w, run)
	case "rdjson":
		return report.WriteRDJSON(w, run)
	case "gitlab":
		return report.WriteGitLab(w, run)
	case "junit":
		return report.WriteJUnit(w, run)
	case "checkstyle":
		return report.WriteCheckstyle(w, run)
	}
	if err := report.WriteText(w, files, r.textOptions()); err != nil {
		return err
	}
	if hidden > 0 && !r.flags.quiet {
		_, err := fmt.Fprintln(w, report.HiddenByBaseline(hidden, r.flags.baseline, r.flags.locale))
		return err
	}
	return nil
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
