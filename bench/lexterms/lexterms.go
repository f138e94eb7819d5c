// Package lexterms reads the plain terms of hypelint's embedded lexicons
// (rules/lexicon/*.yaml) for the benchmark's anchors: the baseline scanner,
// ripgrep's term list and the Vale style all look for the same words.
// Regular-expression patterns are left out, {a,b} alternatives are expanded
// and terms are lower-cased; nothing else is normalized.
package lexterms

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/rules"
)

// Class is one lexicon class (or a file's ignore list, named "ignore") with
// its terms in every language, in the order the file lists them.
type Class struct {
	File  string // the lexicon file without .yaml, e.g. "overclaim"
	Name  string // the class, e.g. "miracle"
	Terms []string
}

// Classes reads every lexicon file in name order; within a file, classes
// come in name order and the ignore list last. A class's terms have no
// duplicates, but the same term may be in several classes.
func Classes() ([]Class, error) {
	names, err := fs.Glob(rules.FS, "lexicon/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Class
	for _, name := range names {
		data, err := fs.ReadFile(rules.FS, name)
		if err != nil {
			return nil, err
		}
		var f struct {
			Classes map[string]termLists `yaml:"classes"`
			Ignore  termLists            `yaml:"ignore"`
		}
		if err := yaml.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("%s: %v", path.Base(name), err)
		}
		file := strings.TrimSuffix(path.Base(name), ".yaml")
		classNames := make([]string, 0, len(f.Classes))
		for c := range f.Classes {
			classNames = append(classNames, c)
		}
		sort.Strings(classNames)
		lists := make([]termLists, 0, len(classNames)+1)
		for _, c := range classNames {
			lists = append(lists, f.Classes[c])
		}
		classNames = append(classNames, "ignore")
		lists = append(lists, f.Ignore)
		for i, l := range lists {
			terms, err := l.terms()
			if err != nil {
				return nil, fmt.Errorf("%s, %s: %v", path.Base(name), classNames[i], err)
			}
			if len(terms) > 0 {
				out = append(out, Class{File: file, Name: classNames[i], Terms: terms})
			}
		}
	}
	return out, nil
}

// All returns every term of classes once, in order of first appearance.
func All(classes []Class) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range classes {
		for _, t := range c.Terms {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// termLists are the term lists of a class or of the ignore section.
type termLists struct {
	Zh   []yaml.Node `yaml:"zh"`
	ZhTW []yaml.Node `yaml:"zh-TW"`
	ZhHK []yaml.Node `yaml:"zh-HK"`
	En   []yaml.Node `yaml:"en"`
}

// terms expands and lower-cases the plain terms of every language.
func (l termLists) terms() ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, list := range [][]yaml.Node{l.Zh, l.ZhTW, l.ZhHK, l.En} {
		for _, n := range list {
			text := n.Value // a plain term
			if n.Kind == yaml.MappingNode {
				var e struct{ Term string }
				if err := n.Decode(&e); err != nil {
					return nil, err
				}
				text = e.Term // empty for a {pattern: …} entry
			}
			for _, t := range Expand(strings.ToLower(text)) {
				if t != "" && !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
	}
	return out, nil
}

// Expand turns "revers{e,ed} ag{e,}ing" into its four forms.
func Expand(s string) []string {
	open := strings.IndexByte(s, '{')
	end := strings.IndexByte(s, '}')
	if open < 0 || end < open {
		return []string{s}
	}
	var out []string
	for _, alt := range strings.Split(s[open+1:end], ",") {
		for _, rest := range Expand(s[end+1:]) {
			out = append(out, s[:open]+alt+rest)
		}
	}
	return out
}
