package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/config"
	"github.com/hypelint/hypelint/lint/rule"
)

// configs finds the configuration of each file (the nearest .hypelint.yaml,
// or the one given with --config) and keeps one linter per configuration.
type configs struct {
	explicit   bool           // --config was given: it applies to every file
	base       *config.Config // --config, or the one nearest the working directory
	extraRules []string       // --rules directories, for every configuration

	wd string // the working directory, read once (os.Getwd is a system call)

	mu       sync.Mutex
	byDir    map[string]*config.Config // directory → its nearest configuration
	byPrefix map[string]*config.Config // a file path up to its last separator → its configuration (see forFile)
	byFile   map[string]*config.Config // configuration file → loaded
	linters  map[string]*lint.Linter   // linterKey → linter
	byConfig map[*config.Config]*lint.Linter
	err      error // the first configuration that did not load
}

func newConfigs(explicitPath string, extraRules []string) (*configs, error) {
	c := &configs{extraRules: extraRules, byDir: map[string]*config.Config{},
		byPrefix: map[string]*config.Config{}, byFile: map[string]*config.Config{},
		linters: map[string]*lint.Linter{}, byConfig: map[*config.Config]*lint.Linter{}}
	c.wd, _ = os.Getwd()
	if explicitPath != "" {
		cfg, err := config.Load(explicitPath)
		if err != nil {
			return nil, err
		}
		c.explicit, c.base = true, cfg
		return c, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	c.base = c.forDir(wd)
	return c, c.err
}

// forPath returns the configuration for a file or directory path. A
// configuration that does not load is remembered in c.err (the run stops
// with its file and line) and the defaults stand in for it meanwhile.
func (c *configs) forPath(path string) *config.Config {
	if c.explicit {
		return c.base
	}
	dir := path
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		dir = filepath.Dir(path)
	}
	return c.forDir(dir)
}

// forFile is forPath for a path known not to be a directory (an input the
// walk found, or "-").
//
// It is asked twice for every input, and the files of a folder share the
// text before their names: the configuration is remembered by that text,
// which is all filepath.Dir reads, so a folder's path is cleaned and made
// absolute once, not twice per file.
func (c *configs) forFile(path string) *config.Config {
	if c.explicit {
		return c.base
	}
	prefix := dirPrefix(path)
	c.mu.Lock()
	cfg, ok := c.byPrefix[prefix]
	c.mu.Unlock()
	if ok {
		return cfg
	}
	cfg = c.forDir(filepath.Dir(path))
	c.mu.Lock()
	c.byPrefix[prefix] = cfg
	c.mu.Unlock()
	return cfg
}

// dirPrefix is path up to and including its last separator (its volume
// name too): filepath.Dir(path) is a function of it alone.
func dirPrefix(path string) string {
	i := len(path) - 1
	for i >= len(filepath.VolumeName(path)) && !os.IsPathSeparator(path[i]) {
		i--
	}
	return path[:i+1]
}

func (c *configs) forDir(dir string) *config.Config {
	abs := filepath.Clean(dir)
	if !filepath.IsAbs(abs) && c.wd != "" {
		abs = filepath.Join(c.wd, abs)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cfg, ok := c.byDir[abs]; ok {
		return cfg
	}
	cfg := c.find(abs)
	c.byDir[abs] = cfg
	return cfg
}

func (c *configs) find(dir string) *config.Config {
	path, err := config.Find(dir)
	if err == nil && path == "" {
		return config.Default(dir)
	}
	if cfg, ok := c.byFile[path]; ok {
		return cfg
	}
	var cfg *config.Config
	if err == nil {
		cfg, err = config.Load(path)
	}
	if err != nil {
		if c.err == nil {
			c.err = err
		}
		return config.Default(dir)
	}
	c.byFile[path] = cfg
	return cfg
}

// linter returns the linter a configuration asks for, compiling it once.
func (c *configs) linter(cfg *config.Config) (*lint.Linter, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// Asked for every input: a configuration seen before is known by its
	// address, without spelling out its key.
	if l, ok := c.byConfig[cfg]; ok {
		return l, nil
	}
	key := c.linterKey(cfg)
	if l, ok := c.linters[key]; ok {
		c.byConfig[cfg] = l
		return l, nil
	}
	base, err := loadLinter(append(append([]string{}, c.extraRules...), cfg.Rules...))
	if err != nil {
		return nil, err
	}
	l, err := configure(base, cfg)
	if err != nil {
		return nil, err
	}
	c.linters[key] = l
	c.byConfig[cfg] = l
	return l, nil
}

// linterKey is what makes one configuration's linter differ from another's:
// its rule directories and its rule selection. Directories without a
// configuration file each get their own default configuration (paths in it
// are relative to the directory), but they all share one linter.
func (c *configs) linterKey(cfg *config.Config) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %q", c.extraRules, cfg.Rules)
	for _, n := range cfg.Enable {
		fmt.Fprintf(&b, " +%q", n.Value)
	}
	for _, n := range cfg.Disable {
		fmt.Fprintf(&b, " -%q", n.Value)
	}
	names := make([]string, 0, len(cfg.Severity))
	for name := range cfg.Severity {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, " %q=%q", name, cfg.Severity[name])
	}
	return b.String()
}

// configure applies a configuration's rule selection and severities,
// naming the configuration file and line of a name the rules do not know.
func configure(base *lint.Linter, cfg *config.Config) (*lint.Linter, error) {
	var opts lint.Options
	for _, group := range []struct {
		names []config.Name
		dst   *[]string
	}{{cfg.Enable, &opts.Enable}, {cfg.Disable, &opts.Disable}} {
		for _, n := range group.names {
			if !base.Rules.Known(n.Value) {
				return nil, fmt.Errorf("%s:%d: unknown rule or category %q", cfg.Path, n.Line, n.Value)
			}
			*group.dst = append(*group.dst, n.Value)
		}
	}
	opts.Severity = map[string]rule.Severity{}
	for name, s := range cfg.Severity {
		if !base.Rules.Known(name) {
			return nil, fmt.Errorf("%s:%d: rules.severity: unknown rule or category %q", cfg.Path, cfg.Line("rules.severity."+name), name)
		}
		opts.Severity[name], _ = rule.ParseSeverity(s)
	}
	return base.With(opts)
}
