// Package config reads .hypelint.yaml: which rules run, at what severity,
// with which extra rule directories, over which files, and how the run
// fails and speaks.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/lint/internal/pathjoin"
	"github.com/hypelint/hypelint/lint/yamlfile"
)

// FileName is the name of the configuration file looked for.
const FileName = ".hypelint.yaml"

// Config is one configuration file, resolved.
type Config struct {
	Path string // the file it came from ("" for the defaults)
	Dir  string // the directory paths and globs are relative to

	Enable   []Name            // rule ids or categories to run (empty: all)
	Disable  []Name            // rule ids or categories not to run
	Severity map[string]string // rule id or category → error, warning, info
	Rules    []string          // extra rule directories, absolute
	Include  []string          // globs of files a directory walk lints
	Exclude  []string          // globs a directory walk skips
	FailOn   string            // error, warning, info or none ("" = not set)
	Locale   string            // en, zh-Hans, zh-Hant ("" = not set)
	Encoding string            // auto, utf-8, gb18030, big5 ("" = not set)

	lines map[string]int // key → the line it was written on (see Line)
}

// Name is a rule id or category with the line it was written on, so a name
// the rule set does not know is reported where it stands.
type Name struct {
	Value string
	Line  int
}

// DefaultInclude are the files a directory walk lints when no config says.
var DefaultInclude = []string{"**/*.txt", "**/*.md", "**/*.markdown", "**/*.html", "**/*.htm"}

// Default is the configuration used where no file is found.
func Default(dir string) *Config {
	return &Config{Dir: dir, Include: DefaultInclude, Severity: map[string]string{}}
}

var topKeys = []string{"rules", "include", "exclude", "fail_on", "fail-on", "locale", "encoding"}
var ruleKeys = []string{"enable", "disable", "severity", "extra"}

// Load reads a configuration file. Unknown keys and bad values are errors
// naming the file and line.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	c := Default(filepath.Dir(abs))
	c.Path = path
	root, err := yamlfile.Parse(path, data)
	if err != nil {
		return nil, err
	}
	if err := yamlfile.CheckKeys(path, root, topKeys...); err != nil {
		return nil, err
	}
	if err := c.decode(root); err != nil {
		return nil, err
	}
	c.lines = keyLines(root)
	return c, nil
}

func (c *Config) decode(root *yaml.Node) error {
	steps := []func(*yaml.Node) error{c.decodeRules, c.decodeFiles, c.decodeSettings}
	for _, step := range steps {
		if err := step(root); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) decodeRules(root *yaml.Node) error {
	n := yamlfile.Get(root, "rules")
	if n == nil {
		return nil
	}
	if err := yamlfile.CheckKeys(c.Path, n, ruleKeys...); err != nil {
		return err
	}
	var err error
	if c.Enable, err = c.names(yamlfile.Get(n, "enable")); err != nil {
		return err
	}
	if c.Disable, err = c.names(yamlfile.Get(n, "disable")); err != nil {
		return err
	}
	if sev := yamlfile.Get(n, "severity"); sev != nil {
		if err := c.decodeSeverity(sev); err != nil {
			return err
		}
	}
	extra, err := c.strings(yamlfile.Get(n, "extra"))
	for _, dir := range extra {
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(c.Dir, dir)
		}
		c.Rules = append(c.Rules, dir)
	}
	return err
}

func (c *Config) decodeSeverity(n *yaml.Node) error {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return yamlfile.At(c.Path, n, "rules.severity maps a rule id or category to error, warning or info")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !oneOf(v.Value, "error", "warning", "info") {
			return yamlfile.At(c.Path, v, "severity %q for %s: want error, warning or info", v.Value, k.Value)
		}
		c.Severity[k.Value] = v.Value
	}
	return nil
}

func (c *Config) decodeFiles(root *yaml.Node) error {
	for key, dst := range map[string]*[]string{"include": &c.Include, "exclude": &c.Exclude} {
		n := yamlfile.Get(root, key)
		if n == nil {
			continue
		}
		globs, err := c.strings(n)
		if err != nil {
			return err
		}
		for _, g := range globs {
			if !doublestar.ValidatePattern(g) {
				return yamlfile.At(c.Path, n, "%s: bad glob %q", key, g)
			}
		}
		*dst = globs
	}
	return nil
}

func (c *Config) decodeSettings(root *yaml.Node) error {
	// fail-on is spelt as the flag is; fail_on as the other keys are.
	if n := yamlfile.Get(root, "fail-on"); n != nil {
		if yamlfile.Get(root, "fail_on") != nil {
			return yamlfile.At(c.Path, n, "fail-on and fail_on are the same setting; keep one")
		}
		root = &yaml.Node{Kind: yaml.MappingNode, Content: append(append([]*yaml.Node{}, root.Content...),
			&yaml.Node{Kind: yaml.ScalarNode, Value: "fail_on"}, n)}
	}
	choices := []struct {
		key  string
		dst  *string
		want []string
	}{
		{"fail_on", &c.FailOn, []string{"error", "warning", "info", "none"}},
		{"locale", &c.Locale, []string{"en", "zh-Hans", "zh-Hant"}},
		{"encoding", &c.Encoding, []string{"auto", "utf-8", "gb18030", "big5"}},
	}
	for _, ch := range choices {
		n := yamlfile.Get(root, ch.key)
		if n == nil {
			continue
		}
		if !oneOf(n.Value, ch.want...) {
			return yamlfile.At(c.Path, n, "%s %q: want one of %s", ch.key, n.Value, strings.Join(ch.want, ", "))
		}
		*ch.dst = n.Value
	}
	return nil
}

func (c *Config) names(n *yaml.Node) ([]Name, error) {
	if n == nil || isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, yamlfile.At(c.Path, n, "want a list of rule ids or categories")
	}
	var out []Name
	for _, item := range n.Content {
		out = append(out, Name{Value: item.Value, Line: item.Line})
	}
	return out, nil
}

func (c *Config) strings(n *yaml.Node) ([]string, error) {
	if n == nil || isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, yamlfile.At(c.Path, n, "want a list")
	}
	var out []string
	for _, item := range n.Content {
		out = append(out, item.Value)
	}
	return out, nil
}

// Find walks up from dir to the nearest .hypelint.yaml, like ruff and
// git. It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, os.ErrNotExist) && !errors.Is(err, os.ErrPermission) {
			return "", err
		}
		// A folder that cannot be searched hides nothing anyone can lint:
		// the files in it fail to read and are reported as such, so the
		// search goes on upward rather than stopping the run.
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Included reports whether a file found by a directory walk is linted: it
// matches an include glob and no exclude glob, both relative to the
// config's directory.
func (c *Config) Included(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		rel = filepath.Base(abs) // outside the config's tree: match by name
	}
	rel = filepath.ToSlash(rel)
	return matchAny(c.Include, rel) && !matchAny(c.Exclude, rel)
}

// FilesIn returns Included for the files of the folder dir, asked by name
// alone: Included(filepath.Join(dir, name)) makes the file's path absolute
// and relative to the configuration's folder, cleaning it three times, for
// every file of the folder; here the folder's path is made relative once.
func (c *Config) FilesIn(dir string) interface{ Included(name string) bool } {
	f := &folder{c: c, dir: dir}
	abs, err := filepath.Abs(dir)
	if err != nil {
		f.slow = true
		return f
	}
	rel, err := filepath.Rel(c.Dir, abs)
	switch {
	case err != nil:
		// Outside the configuration's tree: a file matches by name.
	case rel == "..":
		f.slow = true // the configuration's folder is one of dir's entries
	case strings.HasPrefix(rel, ".."):
		// As Included: a file whose relative path starts with ".." matches by name.
	case rel == ".":
		f.inside = true
	default:
		f.inside, f.rel = true, filepath.ToSlash(rel)+"/"
	}
	return f
}

// folder is Included for the files of one folder (see FilesIn).
type folder struct {
	c      *Config
	dir    string
	rel    string // the folder's path relative to c.Dir with a "/" after it; "" for c.Dir itself
	inside bool   // the folder is in c.Dir's tree: a file's path is rel + name
	slow   bool   // ask Included for each file
}

func (f *folder) Included(name string) bool {
	if f.slow || !pathjoin.OneElement(name) {
		return f.c.Included(filepath.Join(f.dir, name))
	}
	rel := name
	if f.inside && f.rel != "" {
		rel = f.rel + name
	}
	return matchAny(f.c.Include, rel) && !matchAny(f.c.Exclude, rel)
}

// Excluded reports whether a directory is excluded (so a walk skips it).
func (c *Config) Excluded(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") || rel == "." {
		return false
	}
	rel = filepath.ToSlash(rel)
	return matchAny(c.Exclude, rel) || matchAny(c.Exclude, rel+"/")
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

// isNull reports a key written with no value (or only comments under it).
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func oneOf(v string, choices ...string) bool {
	for _, c := range choices {
		if v == c {
			return true
		}
	}
	return false
}

// Starter is the commented file `hypelint init` writes.
const Starter = `# hypelint configuration. hypelint uses the nearest .hypelint.yaml above each
# file it lints (or the one given with --config). Every key is optional.

rules:
  # Run only these rule ids or categories (leave out to run all):
  # enable: [overclaim, animal-as-human]
  # Never run these:
  disable: []
  # Change a rule's or a whole category's severity (error, warning or info):
  severity:
    # hype-word: info
    # sample-size: warning
  # Directories with your newsroom's own rules (*.yaml) and lexicons (lexicon/*.yaml),
  # relative to this file:
  extra: []

# Which files a directory walk lints, and which it skips (globs with **, relative to
# this file). Files named on the command line are always linted.
include: ["**/*.txt", "**/*.md", "**/*.markdown", "**/*.html", "**/*.htm"]
exclude: []

# Exit with 1 when a finding is at least this severe: error, warning, info or none.
fail_on: error
# Language of messages: en, zh-Hans or zh-Hant. Left unset, the --locale flag or
# the environment (LC_ALL, LC_MESSAGES, LANG) decides, so each writer gets theirs.
# locale: zh-Hans
# Encoding of the articles: auto (UTF-8, else GB18030 or Big5), utf-8, gb18030 or big5.
encoding: auto
`

// ErrExists is returned by WriteStarter when the file is already there.
var ErrExists = errors.New("already exists")

// WriteStarter writes the starter file into dir, refusing to overwrite.
func WriteStarter(dir string) (string, error) {
	p := filepath.Join(dir, FileName)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return p, fmt.Errorf("%s %w; not overwriting it", p, ErrExists)
	}
	if err != nil {
		return p, err
	}
	if _, err := f.WriteString(Starter); err != nil {
		f.Close()
		return p, err
	}
	return p, f.Close()
}
