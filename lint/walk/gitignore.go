package walk

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/bmatcuk/doublestar/v4"
)

// ignores holds the .gitignore rules met so far, outermost first; the last
// rule that matches a path decides, as in git.
type ignores struct {
	rules []ignoreRule
}

type ignoreRule struct {
	base    string // absolute directory of the .gitignore, slash-separated
	pattern string // doublestar pattern relative to base
	negate  bool
	dirOnly bool
}

// ignoresAbove loads, where git cannot be asked, the rules git would read
// for dir's repository: the global excludes file at its default place,
// .git/info/exclude, then the .gitignore files from the repository's root
// down to dir (exclusive of dir, which the walk loads). Later rules win.
func ignoresAbove(dir string) (*ignores, error) {
	ig := &ignores{}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	chain := []string{abs} // dir and the folders above it, up to the repository's root
	for d := abs; !isRepoRoot(d) && filepath.Dir(d) != d; {
		d = filepath.Dir(d)
		chain = append(chain, d)
	}
	top := chain[len(chain)-1]
	if !isRepoRoot(top) {
		return ig, nil // not in a repository: only .gitignore files below dir count
	}
	for _, f := range []string{globalExcludes(), filepath.Join(top, ".git", "info", "exclude")} {
		if err := ig.loadFile(f, top); err != nil {
			return nil, err
		}
	}
	for i := len(chain) - 1; i >= 1; i-- {
		if err := ig.load(chain[i]); err != nil {
			return nil, err
		}
	}
	return ig, nil
}

func isRepoRoot(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, ".git"))
	return err == nil
}

// globalExcludes is where git looks for its global excludes file when
// core.excludesFile is not set: $XDG_CONFIG_HOME/git/ignore, else
// $HOME/.config/git/ignore.
func globalExcludes() string {
	if x := os.Getenv("XDG_CONFIG_HOME"); x != "" {
		return filepath.Join(x, "git", "ignore")
	}
	if h := os.Getenv("HOME"); h != "" {
		return filepath.Join(h, ".config", "git", "ignore")
	}
	return ""
}

// load adds the rules of dir/.gitignore, if there is one.
func (ig *ignores) load(dir string) error {
	return ig.loadFile(filepath.Join(dir, ".gitignore"), dir)
}

// loadFile adds the rules of an ignore file whose patterns are relative
// to dir, if the file exists.
func (ig *ignores) loadFile(path, dir string) error {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if r, ok := parseIgnoreLine(filepath.ToSlash(abs), sc.Text()); ok {
			ig.rules = append(ig.rules, r)
		}
	}
	return sc.Err()
}

// parseIgnoreLine reads one .gitignore line: comments, "!" negation, a
// trailing "/" for directories only, and anchoring when the pattern has a
// "/" before its end (otherwise it matches at any depth).
func parseIgnoreLine(base, line string) (ignoreRule, bool) {
	line = strings.TrimRight(line, " \t\r")
	if line == "" || strings.HasPrefix(line, "#") {
		return ignoreRule{}, false
	}
	r := ignoreRule{base: base}
	if strings.HasPrefix(line, "!") {
		r.negate, line = true, line[1:]
	}
	line = strings.TrimPrefix(line, `\`)
	if strings.HasSuffix(line, "/") {
		r.dirOnly, line = true, strings.TrimSuffix(line, "/")
	}
	if strings.Contains(line, "/") {
		line = strings.TrimPrefix(line, "/")
	} else {
		line = "**/" + line
	}
	r.pattern = line
	return r, line != "" && line != "**/"
}

// ignored reports whether path is ignored. A directory that is ignored
// hides everything below it, which the walk achieves by not entering it.
func (ig *ignores) ignored(path string, isDir bool) bool {
	if len(ig.rules) == 0 {
		return false // outside a repository, most walks meet no rule
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	return ig.ignoredAbs(abs, isDir)
}

// ignoredAbs is ignored for an absolute path.
func (ig *ignores) ignoredAbs(abs string, isDir bool) bool {
	abs = filepath.ToSlash(abs)
	ignored := false
	for _, r := range ig.rules {
		if r.dirOnly && !isDir || !strings.HasPrefix(abs, r.base+"/") {
			continue
		}
		if ok, _ := doublestar.Match(r.pattern, strings.TrimPrefix(abs, r.base+"/")); ok {
			ignored = !r.negate
		}
	}
	return ignored
}
