package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/config"
	"github.com/hypelint/hypelint/lint/locale"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/walk"
)

// lintFlags are the flags of `hypelint lint`.
type lintFlags struct {
	format, failOn, locale, encoding string
	configPath, stdinFilename        string
	baseline, writeBaseline          string
	output, diff                     string
	quiet, verbose, statistics       bool
	jobs                             int
	rules                            ruleDirs
	set                              map[string]bool // flags given on the command line
}

// ruleDirs collects repeated --rules flags.
type ruleDirs []string

func (r *ruleDirs) String() string     { return strings.Join(*r, ",") }
func (r *ruleDirs) Set(v string) error { *r = append(*r, v); return nil }

func (e *env) lintFlagSet(f *lintFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("hypelint lint", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&f.format, "format", "text", "output format: "+strings.Join(formats, ", "))
	fs.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: error, warning, info or none")
	fs.StringVar(&f.locale, "locale", "en", "message language: en, zh-Hans or zh-Hant, or a tag such as zh-TW (default: from LC_ALL, LC_MESSAGES or LANG)")
	fs.StringVar(&f.encoding, "encoding", "auto", "input encoding: auto, utf-8, gb18030 or big5")
	fs.StringVar(&f.configPath, "config", "", "use this configuration file instead of the nearest .hypelint.yaml")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "name for standard input (picks the format by extension and the configuration by folder)")
	fs.StringVar(&f.baseline, "baseline", "", "hide the findings recorded in this baseline file")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "record the current findings in this file and exit 0")
	fs.BoolVar(&f.quiet, "quiet", false, "print findings only, no summary")
	fs.BoolVar(&f.statistics, "statistics", false, "print a count of findings per rule instead of the findings (text or json)")
	fs.StringVar(&f.output, "o", "", "write the report to this file instead of standard output")
	fs.StringVar(&f.diff, "diff", "", "report only findings on lines changed since this git revision (whole files are still linted)")
	fs.StringVar(&f.diff, "changed-since", "", "the same as --diff")
	fs.BoolVar(&f.verbose, "v", false, "verbose: say which configuration and encoding each file used")
	fs.IntVar(&f.jobs, "jobs", runtime.NumCPU(), "files linted in parallel")
	fs.Var(&f.rules, "rules", "a directory of extra rule files (and lexicon/ beside them); repeatable")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: hypelint [lint] [flags] PATH...  (\"-\" reads standard input)")
		fs.PrintDefaults()
	}
	return fs
}

func (e *env) lint(args []string) int {
	var f lintFlags
	fs := e.lintFlagSet(&f)
	if err := fs.Parse(args); err != nil {
		return exitError
	}
	f.set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.set[fl.Name] = true })
	r, err := e.newRun(&f, fs.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
		return exitError
	}
	return r.execute()
}

// newRun checks the flags, loads the base configuration and decides the
// run-wide settings: a flag beats the configuration, which beats the default.
func (e *env) newRun(f *lintFlags, paths []string) (*lintRun, error) {
	if len(paths) == 0 {
		return nil, errors.New("no paths given; try: hypelint corpus/")
	}
	if f.jobs < 1 {
		return nil, fmt.Errorf("--jobs %d: want at least 1", f.jobs)
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
	base := configs.base
	pick := func(name, flagValue, configValue string) string {
		if !f.set[name] && configValue != "" {
			return configValue
		}
		return flagValue
	}
	f.failOn = pick("fail-on", f.failOn, base.FailOn)
	if !f.set["locale"] && base.Locale == "" {
		f.locale, _ = locale.FromEnv(e.getenv) // LC_ALL, LC_MESSAGES, LANG
	}
	f.locale = pick("locale", f.locale, base.Locale)
	f.encoding = pick("encoding", f.encoding, base.Encoding)
	minSeverity, err := parseFailOn(f.failOn)
	if err != nil {
		return nil, err
	}
	matched, ok := locale.Match(f.locale)
	if !ok {
		return nil, fmt.Errorf("--locale %q: want en, zh-Hans or zh-Hant (or a tag such as zh-TW, zh-CN)", f.locale)
	}
	f.locale = matched
	if err := checkChoice("encoding", f.encoding, "auto", "utf-8", "gb18030", "big5"); err != nil {
		return nil, err
	}
	memory := newMemoryBudget(ownsRuntime && e.getenv("GOGC") == "" && e.getenv("GOMEMLIMIT") == "")
	return &lintRun{env: e, flags: f, paths: paths, configs: configs, minSeverity: minSeverity, memory: memory}, nil
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
}

func (r *lintRun) execute() int {
	inputs, err := walk.Files(r.paths, func(p string) walk.Filter { return r.configs.forPath(p) })
	for _, err := range walk.Errors(err) { // unreadable folders, one by one; the rest is still linted
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		r.failed = true
	}
	if err := r.prepare(inputs); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		return exitError
	}
	if r.streams() {
		return r.stream(inputs)
	}
	files := r.lintAll(inputs)
	if err := r.keepChanged(files); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		return exitError
	}
	if r.flags.writeBaseline != "" {
		return r.saveBaseline(files)
	}
	hidden, err := r.applyBaseline(files)
	if err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		return exitError
	}
	if err := r.output(files, hidden); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: writing output: %v\n", err)
		return exitError
	}
	return r.exitCode(r.minSeverity > 0 && report.AtLeast(files, r.minSeverity))
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
