// Package walk finds the files to lint: files named directly, and below
// directories the files a configuration includes, honouring what git
// ignores and skipping hidden and vendor folders.
package walk

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hypelint/hypelint/lint/internal/pathjoin"
)

// Filter decides, per path found by a walk, whether to lint a file and
// whether to enter a directory (a configuration's include and exclude).
type Filter interface {
	Included(file string) bool
	Excluded(dir string) bool
}

// folderFilter is a Filter that can judge the files of a folder by their
// names, doing once for the folder what Included does for each file
// (config.Config.FilesIn). Included(name) must equal the filter's
// Included(filepath.Join(dir, name)).
type folderFilter interface {
	FilesIn(dir string) interface{ Included(name string) bool }
}

// Files expands paths into the files to lint, in a stable order. Named
// files are always returned (a missing one is reported when it is read);
// "-" stands for standard input. filterFor gives the filter that applies
// to a path (the nearest configuration); a folder's filter applies to the
// files in it.
//
// A folder that cannot be read does not stop the walk: every readable file
// is still returned, and the error holds one error per unreadable path
// (see Errors).
func Files(paths []string, filterFor func(path string) Filter) ([]string, error) {
	var out []string
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		if p == "-" || err != nil || !info.IsDir() {
			out = append(out, p)
			continue
		}
		w := &walker{filterFor: filterFor, readDir: os.ReadDir}
		out = append(out, w.directory(p)...)
		errs = append(errs, w.errs...)
	}
	return out, errors.Join(errs...)
}

// Errors splits an error from Files into the errors of single paths.
func Errors(err error) []error {
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	return []error{err}
}

// walker walks one directory given on the command line.
type walker struct {
	filterFor func(string) Filter
	readDir   func(string) ([]fs.DirEntry, error) // os.ReadDir; tests inject failures
	ig        *ignores                            // .gitignore rules, where git cannot be asked
	found     []string
	errs      []error
}

func (w *walker) directory(root string) []string {
	view := askGit(root)
	if view == nil {
		var err error
		if w.ig, err = ignoresAbove(root); err != nil {
			w.errs = append(w.errs, err)
			w.ig = &ignores{}
		}
	}
	w.walk(root, view)
	sort.Strings(w.found)
	return w.found
}

// walk lists dir and goes on below it. view is git's answer for the
// repository dir is in, nil where git could not be asked (the .gitignore
// rules in w.ig stand in).
func (w *walker) walk(dir string, view *gitView) {
	entries, err := w.readDir(dir)
	if err != nil {
		w.errs = append(w.errs, err)
		if len(entries) == 0 {
			return
		}
	}
	if view == nil {
		if err := w.ig.load(dir); err != nil {
			w.errs = append(w.errs, err)
		}
	}
	// The .gitignore rules are matched against absolute paths: the
	// folder's is made once (a relative one asks the system for the
	// working directory each time), and an entry's is its name after it.
	absPrefix, absPlain := "", false
	if view == nil && len(w.ig.rules) > 0 {
		if abs, err := filepath.Abs(dir); err == nil {
			absPrefix, absPlain = pathjoin.Prefix(abs)
		}
	}
	ignored := func(path, name string, isDir bool) bool {
		switch {
		case view != nil:
			return view.ignored(path, isDir)
		case absPlain && pathjoin.OneElement(name):
			return w.ig.ignoredAbs(absPrefix+name, isDir)
		}
		return w.ig.ignored(path, isDir)
	}
	// A file's filter is its folder's (the nearest configuration): asked
	// once per folder, not once per file (the driver's filterFor would
	// stat each file to learn it is no folder).
	var files Filter
	var byName interface{ Included(name string) bool }
	prefix, plain := pathjoin.Prefix(dir)
	for _, e := range entries {
		name := e.Name()
		path := prefix + name
		if !plain || !pathjoin.OneElement(name) {
			path = filepath.Join(dir, name)
		}
		if e.IsDir() {
			if skipDir(name) || ignored(path, name, true) || w.filterFor(path).Excluded(path) {
				continue
			}
			inner := view
			if view != nil && isRepoRoot(path) {
				inner = askGit(path) // a nested repository or submodule has its own ignores
			}
			if inner == nil && w.ig == nil {
				w.ig = &ignores{} // git cannot answer for a nested repository: its .gitignore files stand in
			}
			w.walk(path, inner)
			continue
		}
		if strings.HasPrefix(name, ".") || ignored(path, name, false) {
			continue
		}
		if files == nil {
			files = w.filterFor(dir)
			if f, ok := files.(folderFilter); ok {
				byName = f.FilesIn(dir)
			}
		}
		if byName != nil && !byName.Included(name) || byName == nil && !files.Included(path) {
			continue
		}
		if err := lintable(path, e); err != nil {
			w.errs = append(w.errs, err)
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 && isDir(path) {
			continue // links to folders are not followed
		}
		w.found = append(w.found, path)
	}
}

// lintable refuses what a walk must not hand on to be read: a named pipe,
// socket or device found in a folder would block the read or never end.
// A link is judged by what it leads to; a broken one is handed on, and
// reading it reports the error.
func lintable(path string, e fs.DirEntry) error {
	mode := e.Type()
	if mode&fs.ModeSymlink != 0 {
		info, err := os.Stat(path)
		if err != nil {
			return nil
		}
		mode = info.Mode().Type()
	}
	if mode&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0 {
		return &fs.PathError{Op: "read", Path: path, Err: errNotRegular}
	}
	return nil
}

var errNotRegular = errors.New("not a regular file (a pipe, socket or device); name it on the command line to read it")

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// skipDir names folders never walked into: hidden ones (.git, .github…)
// and vendored code.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "vendor" || name == "node_modules"
}
