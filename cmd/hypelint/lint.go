package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
)

// lintExtensions are the files a directory walk picks up.
var lintExtensions = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

type lintFlags struct {
	format, failOn, locale string
	quiet                  bool
	rules                  ruleDirs
}

// ruleDirs collects repeated --rules flags.
type ruleDirs []string

func (r *ruleDirs) String() string     { return strings.Join(*r, ",") }
func (r *ruleDirs) Set(v string) error { *r = append(*r, v); return nil }

// loadLinter compiles the built-in rules plus those in extra directories.
func loadLinter(dirs []string) (*lint.Linter, error) {
	sources := []lint.Source{lint.Builtin}
	for _, d := range dirs {
		info, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("--rules %s: %v", d, err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("--rules %s: not a directory", d)
		}
		sources = append(sources, lint.Dir(d))
	}
	return lint.New(sources...)
}

func (e *env) lint(args []string) int {
	fs := flag.NewFlagSet("hypelint lint", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var f lintFlags
	fs.StringVar(&f.format, "format", "text", "output format: text or json")
	fs.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: error, warning, info or none")
	fs.StringVar(&f.locale, "locale", "en", "message language: en, zh-Hans or zh-Hant")
	fs.BoolVar(&f.quiet, "quiet", false, "print findings only, no summary")
	fs.Var(&f.rules, "rules", "a directory of extra rule files (and lexicon/ beside them); repeatable")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: hypelint [lint] [flags] PATH...  (\"-\" reads standard input)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError
	}
	minSeverity, err := parseFailOn(f.failOn)
	if err == nil {
		err = checkChoice("format", f.format, "text", "json")
	}
	if err == nil {
		err = checkChoice("locale", f.locale, "en", "zh-Hans", "zh-Hant")
	}
	if err == nil && fs.NArg() == 0 {
		err = errors.New("no paths given; try: hypelint corpus/")
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
		return exitError
	}
	linter, err := loadLinter(f.rules)
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
		return exitError
	}
	files, failed := e.lintPaths(linter, fs.Args(), f.locale)
	if err := e.write(files, f); err != nil {
		fmt.Fprintf(e.stderr, "hypelint: writing output: %v\n", err)
		return exitError
	}
	switch {
	case failed:
		return exitError
	case minSeverity > 0 && report.AtLeast(files, minSeverity):
		return exitFindings
	}
	return exitClean
}

func (e *env) write(files []report.File, f lintFlags) error {
	if f.format == "json" {
		return report.WriteJSON(e.stdout, files, version)
	}
	color := e.isTerminal && e.getenv("NO_COLOR") == ""
	return report.WriteText(e.stdout, files, report.TextOptions{Color: color, Quiet: f.quiet})
}

// lintPaths lints every input; an unreadable or invalid file is reported on
// standard error and in the output, and the others are still linted.
func (e *env) lintPaths(l *lint.Linter, paths []string, locale string) ([]report.File, bool) {
	var files []report.File
	failed := false
	for _, input := range expand(paths, e.stderr, &failed) {
		src, err := e.read(input)
		var res *lint.Result
		if err == nil {
			res, err = l.LintText(input, src)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
			files = append(files, report.ErrorFile(input, err))
			failed = true
			continue
		}
		files = append(files, report.NewFile(input, res, locale))
	}
	return files, failed
}

func (e *env) read(path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(e.stdin)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %v", path, pe.Err)
		}
	}
	return src, err
}

// expand turns directories into the lintable files below them, in a stable
// order, skipping hidden and vendor folders.
func expand(paths []string, stderr io.Writer, failed *bool) []string {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if p == "-" || err != nil || !info.IsDir() {
			out = append(out, p) // a missing file is reported when it is read
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasPrefix(name, ".") || name == "vendor" || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if lintExtensions[strings.ToLower(filepath.Ext(name))] {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(stderr, "hypelint: %v\n", err)
			*failed = true
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out
}

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
