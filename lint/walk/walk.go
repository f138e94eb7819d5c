// Package walk finds the files to lint: files named directly, and below
// directories the files a configuration includes, honouring .gitignore and
// skipping hidden and vendor folders.
package walk

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Filter decides, per path found by a walk, whether to lint a file and
// whether to enter a directory (a configuration's include and exclude).
type Filter interface {
	Included(file string) bool
	Excluded(dir string) bool
}

// Files expands paths into the files to lint, in a stable order. Named
// files are always returned (a missing one is reported when it is read);
// "-" stands for standard input. filterFor gives the filter that applies
// to a path (the nearest configuration).
func Files(paths []string, filterFor func(path string) Filter) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if p == "-" || err != nil || !info.IsDir() {
			out = append(out, p)
			continue
		}
		found, err := directory(p, filterFor)
		if err != nil {
			return out, err
		}
		out = append(out, found...)
	}
	return out, nil
}

func directory(root string, filterFor func(string) Filter) ([]string, error) {
	ig, err := ignoresAbove(root)
	if err != nil {
		return nil, err
	}
	var found []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && skipDir(name) || path != root && (ig.ignored(path, true) || filterFor(path).Excluded(path)) {
				return filepath.SkipDir
			}
			return ig.load(path)
		}
		if strings.HasPrefix(name, ".") || ig.ignored(path, false) || !filterFor(path).Included(path) {
			return nil
		}
		found = append(found, path)
		return nil
	})
	sort.Strings(found)
	return found, err
}

// skipDir names folders never walked into: hidden ones (.git, .github…)
// and vendored code.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "vendor" || name == "node_modules"
}
