package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/config"
	"github.com/hypelint/hypelint/lint/locale"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/walk"
)

// lintFlags are the flags of `hypelint lint` (and of `hypelint` itself).
type lintFlags struct {
	format, failOn, locale, encoding string
	configPath, stdinFilename        string
	baseline, writeBaseline          string
	output, diff, color, printConfig string
	quiet, verbose, statistics       bool
	fix, diffFixes                   bool
	jobs                             int
	rules                            []string
	set                              map[string]bool // flags given on the command line
}

// registerLintFlags defines the lint flags on cmd. Defaults shown in help
// are the defaults the run uses when neither the flag nor the
// configuration says otherwise.
func registerLintFlags(cmd *cobra.Command, f *lintFlags) {
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.StringVar(&f.format, "format", "text", "output `FORMAT`: "+strings.Join(formats, ", "))
	fs.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at least as severe as `SEVERITY`: error, warning, info or none")
	fs.StringVar(&f.locale, "locale", "", "message language `LOCALE`: en, zh-Hans or zh-Hant, or a tag such as zh-TW (default: the configuration's, else LC_ALL, LC_MESSAGES or LANG, else en)")
	fs.StringVar(&f.color, "color", "auto", "colour text output `WHEN`: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never")
	fs.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	fs.BoolVar(&f.quiet, "quiet", false, "print findings only, no summary")
	fs.BoolVar(&f.statistics, "statistics", false, "print a count of findings per rule instead of the findings (text or json)")
	fs.StringVar(&f.configPath, "config", "", "use the configuration `FILE` instead of the nearest .hypelint.yaml")
	fs.StringVar(&f.printConfig, "print-config", "", "print the configuration that applies to `FILE`, and where each value comes from, then exit")
	fs.StringArrayVar(&f.rules, "rules", nil, "a directory `DIR` of extra rule files (and lexicon/ beside them); repeatable")
	fs.StringVar(&f.encoding, "encoding", "auto", "input `ENCODING`: auto, utf-8, gb18030 or big5")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "`NAME` for standard input (picks the format by extension and the configuration by folder)")
	fs.StringVar(&f.diff, "diff", "", "report only findings on lines changed since the git revision `REV` (whole files are still linted); also --changed-since")
	fs.StringVar(&f.diff, "changed-since", "", "the same as --diff")
	_ = fs.MarkHidden("changed-since") // listed once, under --diff
	fs.StringVar(&f.baseline, "baseline", "", "hide the findings recorded in the baseline `FILE`")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "record the current findings in `FILE` and exit 0")
	fs.IntVar(&f.jobs, "jobs", 0, "lint `N` files in parallel (default: one per core)")
	fs.BoolVarP(&f.verbose, "verbose", "v", false, "say which configuration and encoding each file used")
	fs.BoolVar(&f.fix, "fix", false, "apply the safe fixes (term swaps from house rules) to the files, then report what remains")
	fs.BoolVar(&f.diffFixes, "diff-fixes", false, "print the safe fixes as a unified diff instead of the report; write nothing")
	for name, choices := range map[string][]string{
		"format": formats, "fail-on": {"error", "warning", "info", "none"}, "locale": locale.Supported,
		"color": colorModes, "encoding": encodings,
	} {
		_ = cmd.RegisterFlagCompletionFunc(name, completeChoices(choices...))
	}
}

var encodings = []string{"auto", "utf-8", "gb18030", "big5"}

// lint runs `hypelint [lint] PATH...`.
func (e *env) lint(cmd *cobra.Command, f *lintFlags, args []string) error {
	f.set = map[string]bool{}
	cmd.Flags().Visit(func(fl *pflag.Flag) { f.set[fl.Name] = true })
	if f.set["changed-since"] {
		f.set["diff"] = true
	}
	if f.printConfig != "" {
		return e.printConfig(f, args)
	}
	if len(args) == 0 && e.stdinPiped {
		args = []string{"-"}
	}
	r, err := e.newRun(f, args)
	if err != nil {
		return err
	}
	e.code = r.execute()
	return nil
}

// newRun checks the flags, loads the base configuration and decides the
// run-wide settings: a flag beats the configuration, which beats the default.
func (e *env) newRun(f *lintFlags, paths []string) (*lintRun, error) {
	if len(paths) == 0 {
		return nil, usageErrorf("no paths given (and standard input is not a pipe); try: hypelint corpus/")
	}
	if f.jobs == 0 {
		f.jobs = runtime.NumCPU()
	}
	if f.jobs < 1 {
		return nil, fmt.Errorf("--jobs %d: want at least 1", f.jobs)
	}
	if err := checkChoice("color", f.color, colorModes...); err != nil {
		return nil, err
	}
	if err := checkChoice("format", f.format, formats...); err != nil {
		return nil, err
	}
	if f.statistics && f.format != "text" && f.format != "json" {
		return nil, errors.New("--statistics works with --format text or json")
	}
	configs, err := newConfigs(f.configPath, f.rules)
	if err != nil {
		return nil, err
	}
	settings, err := e.runSettings(f, configs.base)
	if err != nil {
		return nil, err
	}
	f.failOn, f.locale, f.encoding = settings.failOn.value, settings.locale.value, settings.encoding.value
	minSeverity, err := parseFailOn(f.failOn)
	if err != nil {
		return nil, err
	}
	if err := checkChoice("encoding", f.encoding, encodings...); err != nil {
		return nil, err
	}
	card := (f.format == "json" || f.format == "sarif") && !f.statistics
	r := &lintRun{env: e, flags: f, paths: paths, configs: configs, minSeverity: minSeverity, card: card}
	r.memory = newMemoryBudget(manageMemory(ownsRuntime, e.getenv, r.streams()))
	return r, nil
}

// lintRun is one invocation of `hypelint lint`.
type lintRun struct {
	env         *env
	flags       *lintFlags
	paths       []string
	configs     *configs
	minSeverity rule.Severity
	memory      *memoryBudget
	failed      bool // an input could not be read or linted
	card        bool // the output shows the evidence card (JSON, SARIF, hypelint evidence)
	allClaims   bool // ... with unflagged claims too (hypelint evidence)
}

func (r *lintRun) execute() int {
	inputs, ok := r.gather()
	if !ok {
		return exitError
	}
	if r.streams() {
		return r.stream(inputs)
	}
	return r.finish(inputs, r.lintAll(inputs), true)
}

// gather finds the inputs (an unreadable folder is reported on its own and
// the rest still linted), refuses an output that names one of them, and
// loads their configuration and rules; ok is false when nothing can run.
func (r *lintRun) gather() (inputs []string, ok bool) {
	inputs, err := walk.Files(r.paths, func(p string) walk.Filter { return r.configs.forPath(p) })
	for _, err := range walk.Errors(err) {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		r.failed = true
	}
	if err := r.refuseOverwritingInputs(inputs); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		return nil, false
	}
	if err := r.prepare(inputs); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		return nil, false
	}
	return inputs, true
}

// finish applies fixes (--fix, --diff-fixes) to the reports of every
// input, then lints again (the report shows what remains, where it now
// is) and writes the report, filtered by --diff and a baseline as a
// streamed run is.
func (r *lintRun) finish(inputs []string, files []report.File, mayFix bool) int {
	flt, err := r.newFilters(inputs)
	if err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		return exitError
	}
	if r.flags.writeBaseline != "" {
		return r.saveBaseline(files, flt)
	}
	for i := range files {
		r.filter(flt, &files[i])
	}
	if mayFix {
		changed := r.fixFiles(files)
		if r.flags.diffFixes {
			return r.exitCode(changed > 0)
		}
		if changed > 0 {
			return r.finish(inputs, r.lintAll(inputs), false)
		}
	}
	return r.writeReport(files, flt)
}

// prepare loads the configuration and compiles the rules every input
// needs before anything is linted: a bad configuration or rule file stops
// the run with its file and line.
func (r *lintRun) prepare(inputs []string) error {
	if r.configs.err != nil {
		return r.configs.err
	}
	for _, in := range inputs {
		cfg := r.configs.forFile(r.displayName(in))
		if r.configs.err != nil {
			return r.configs.err
		}
		if _, err := r.configs.linter(cfg); err != nil {
			return err
		}
	}
	return nil
}

// displayName is how an input is named in reports: standard input takes
// --stdin-filename when given.
func (r *lintRun) displayName(input string) string {
	if input == "-" && r.flags.stdinFilename != "" {
		return r.flags.stdinFilename
	}
	return input
}

// loadLinter compiles the built-in rules plus those in extra directories.
func loadLinter(dirs []string) (*lint.Linter, error) {
	sources := []lint.Source{lint.Builtin}
	for _, d := range dirs {
		info, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("rules directory %s: %v", d, err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("rules directory %s: not a directory", d)
		}
		sources = append(sources, lint.Dir(d))
	}
	return lint.New(sources...)
}

// Compile-time check that configurations serve as walk filters.
var _ walk.Filter = (*config.Config)(nil)

func parseFailOn(s string) (rule.Severity, error) {
	if s == "none" {
		return 0, nil
	}
	sev, ok := rule.ParseSeverity(s)
	if !ok {
		return 0, fmt.Errorf("--fail-on %q: want error, warning, info or none", s)
	}
	return sev, nil
}

func checkChoice(name, value string, choices ...string) error {
	for _, c := range choices {
		if value == c {
			return nil
		}
	}
	return fmt.Errorf("--%s %q: want one of %s", name, value, strings.Join(choices, ", "))
}
