package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/hypelint/hypelint/lint/config"
)

// runSettings are the settings that hold for a whole lint run, with their
// origins.
type runSettings struct {
	failOn, locale, encoding setting
}

// runSettings resolves them from the flags and the base configuration (the
// --config file, or the one nearest the working directory).
func (e *env) runSettings(f *lintFlags, base *config.Config) (runSettings, error) {
	var s runSettings
	s.failOn = resolve("fail-on", f.failOn, f.set["fail-on"], base, "fail_on", base.FailOn, "error")
	s.encoding = resolve("encoding", f.encoding, f.set["encoding"], base, "encoding", base.Encoding, "auto")
	var err error
	s.locale, err = e.resolveLocale(f.locale, f.set["locale"], base)
	return s, err
}

// printConfig prints the configuration `hypelint FILE` would use for the
// file --print-config names, each value with where it came from.
func (e *env) printConfig(f *lintFlags, args []string) error {
	if len(args) > 0 {
		return usageErrorf("--print-config takes one file and no paths (got %q)", args[0])
	}
	file := f.printConfig
	configs, err := newConfigs(f.configPath, f.rules)
	if err != nil {
		return err
	}
	settings, err := e.runSettings(f, configs.base)
	if err != nil {
		return err
	}
	cfg := configs.forPath(file)
	if configs.err != nil {
		return configs.err
	}
	if _, err := configs.linter(cfg); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	writeConfig(tw, file, f, configs, cfg, settings)
	return tw.Flush()
}

func writeConfig(w io.Writer, file string, f *lintFlags, configs *configs, cfg *config.Config, s runSettings) {
	row := func(key, value, origin string) { fmt.Fprintf(w, "%s\t%s\t%s\n", key, value, origin) }
	fmt.Fprintf(w, "Configuration for %s\n\n", file)
	switch {
	case configs.explicit:
		row("config file", cfg.Path, "flag --config")
	case cfg.Path != "":
		row("config file", cfg.Path, "nearest .hypelint.yaml above "+filepath.Dir(file))
	default:
		row("config file", "(none)", "no .hypelint.yaml above "+filepath.Dir(file))
	}
	row("fail-on", s.failOn.value, s.failOn.origin)
	row("locale", s.locale.value, s.locale.origin)
	row("encoding", s.encoding.value, s.encoding.origin)
	format := resolve("format", f.format, f.set["format"], cfg, "", "", "text")
	row("format", format.value, format.origin)
	if _, err := os.Stat(file); err == nil && cfg.Included(file) {
		row("included", "yes", "a directory walk lints it (files named on the command line always are)")
	} else {
		row("included", "no", "a directory walk skips it (files named on the command line are still linted)")
	}

	names := func(key string, ns []config.Name, none string) {
		if len(ns) == 0 {
			row(key, none, "default")
			return
		}
		vals := make([]string, len(ns))
		for i, n := range ns {
			vals[i] = n.Value
		}
		row(key, strings.Join(vals, ", "), configOrigin(cfg, key))
	}
	names("rules.enable", cfg.Enable, "(all)")
	names("rules.disable", cfg.Disable, "(none)")
	if len(cfg.Severity) == 0 {
		row("rules.severity", "(as each rule sets)", "default")
	}
	for _, name := range sortedKeys(cfg.Severity) {
		row("rules.severity."+name, cfg.Severity[name], configOrigin(cfg, "rules.severity."+name))
	}
	for _, dir := range f.rules {
		row("rules directory", dir, "flag --rules")
	}
	for _, dir := range cfg.Rules {
		row("rules directory", dir, configOrigin(cfg, "rules.extra"))
	}
	globs := func(key string, gs []string) {
		origin := "default"
		if cfg.Line(key) > 0 {
			origin = configOrigin(cfg, key)
		}
		value := strings.Join(gs, ", ")
		if value == "" {
			value = "(none)"
		}
		row(key, value, origin)
	}
	globs("include", cfg.Include)
	globs("exclude", cfg.Exclude)
	if l, err := configs.linter(cfg); err == nil {
		row("rules run", fmt.Sprint(len(l.Rules.Rules)), "see: hypelint rules")
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
