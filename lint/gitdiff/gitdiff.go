// Package gitdiff tells which lines of which files changed since a git
// revision, so a pull request on a large archive sees only the findings on
// the lines it touched.
//
// It must never report less than the change: git is called so that its
// output does not depend on the user's configuration or locale, names are
// read NUL-separated or unquoted, a file git does not track counts as new
// in full, and anything that cannot be matched to git's view is an error,
// never an empty result.
package gitdiff

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Changes answers, for files in git working trees, which lines differ
// from one revision. Repositories are read once, when a file in them is
// first asked about.
type Changes struct {
	rev string

	mu    sync.Mutex
	repos map[string]*repo  // top-level directory → what changed there
	tops  map[string]string // directory → top-level directory of its repository
}

// Since prepares to answer for rev; git runs when a file is asked about.
func Since(rev string) *Changes {
	return &Changes{rev: rev, repos: map[string]*repo{}, tops: map[string]string{}}
}

// File is what changed in one file since the revision.
type File struct {
	Path  string
	All   bool         // not tracked, new, renamed, binary or a link: every line counts as changed
	lines map[int]bool // changed lines (1-based, as git counts them: by "\n")

	starts []int // byte offset where each line starts, read when first needed
}

// Changed reports whether git line n (1-based) changed.
func (f *File) Changed(n int) bool { return f.All || f.lines[n] }

// Touches reports whether the bytes [start, end) of the file, as it is on
// disk, meet a changed line. Offsets rather than line numbers make the
// answer independent of how the linter counts lines (a lone CR, say).
func (f *File) Touches(start, end int) (bool, error) {
	if f.All {
		return true, nil
	}
	if len(f.lines) == 0 {
		return false, nil
	}
	if f.starts == nil {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			return false, err
		}
		f.starts = lineStarts(data)
	}
	last := max(start, end-1)
	for n := lineOf(f.starts, start); n <= lineOf(f.starts, last); n++ {
		if f.lines[n] {
			return true, nil
		}
	}
	return false, nil
}

func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf is the 1-based line holding byte offset.
func lineOf(starts []int, offset int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > offset })
}

// File returns what changed in the file at path (relative to the working
// directory, or absolute). A path outside every git repository, a revision
// git does not know or a git failure is an error.
func (c *Changes) File(path string) (*File, error) {
	if path == "-" {
		return nil, errors.New("--diff: standard input has no place in git; give --stdin-filename")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return nil, fmt.Errorf("--diff: %s: %w", path, err)
	}
	f := &File{Path: abs}
	if info, err := os.Lstat(abs); err == nil && info.Mode()&os.ModeSymlink != 0 {
		f.All = true // git tracks the link, not the text it leads to
		return f, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, err := c.repoOf(dir)
	if err != nil {
		return nil, fmt.Errorf("--diff: %s: %w", path, err)
	}
	rel, err := filepath.Rel(r.top, filepath.Join(dir, filepath.Base(abs)))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("--diff: %s is outside the git repository %s", path, r.top)
	}
	rel = filepath.ToSlash(rel)
	switch d, changed := r.changed[rel]; {
	case !r.tracked[rel]:
		f.All = true // untracked (or ignored): all of it is new
	case changed:
		f.All, f.lines = d.all, d.lines
	}
	return f, nil
}

// repoOf finds (and reads, once) the repository holding dir.
func (c *Changes) repoOf(dir string) (*repo, error) {
	top, ok := c.tops[dir]
	if !ok {
		var err error
		if top, err = c.findTop(dir); err != nil {
			return nil, err
		}
		c.tops[dir] = top
	}
	if r, ok := c.repos[top]; ok {
		return r, nil
	}
	r, err := readRepo(top, c.rev)
	if err != nil {
		return nil, err
	}
	c.repos[top] = r
	return r, nil
}

// findTop looks for the nearest directory holding .git (cheap, and cached
// for every directory on the way), asking git only where there is none
// (GIT_DIR and GIT_WORK_TREE can put a work tree anywhere).
func (c *Changes) findTop(dir string) (string, error) {
	var visited []string
	for d := dir; ; d = filepath.Dir(d) {
		if top, ok := c.tops[d]; ok {
			return c.remember(visited, top), nil
		}
		visited = append(visited, d)
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top, err := showTop(d)
			if err != nil {
				return "", err
			}
			return c.remember(visited, top), nil
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return showTop(dir)
}

func (c *Changes) remember(dirs []string, top string) string {
	for _, d := range dirs {
		c.tops[d] = top
	}
	return top
}

func showTop(dir string) (string, error) {
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	top := strings.TrimSuffix(string(out), "\n")
	if top == "" {
		return "", fmt.Errorf("%s is not inside a git work tree", dir)
	}
	return filepath.EvalSymlinks(top)
}

// repo is what git says about one work tree: the files it tracks and,
// among them, those that differ from the revision.
type repo struct {
	top     string
	tracked map[string]bool
	changed map[string]*fileDiff // paths relative to top, slash-separated
}

type fileDiff struct {
	all   bool
	lines map[int]bool
}

// flags make git's output the same whatever the user's configuration:
// no quoting of non-ASCII names, the a/ b/ prefixes, no colour, no
// external diff or text conversion (line numbers must be the file's), and
// renames as a deletion plus a whole new file.
var diffFlags = []string{"--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "--no-relative"}

func readRepo(top, rev string) (*repo, error) {
	if _, err := git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--diff %s: not a commit in %s", rev, top)
	}
	r := &repo{top: top, tracked: map[string]bool{}, changed: map[string]*fileDiff{}}
	out, err := git(top, "ls-files", "--cached", "--full-name", "-z")
	if err != nil {
		return nil, err
	}
	for _, name := range splitNUL(out) {
		r.tracked[name] = true
	}
	names, err := git(top, append(append([]string{"diff", "--name-only", "-z"}, diffFlags...), rev, "--")...)
	if err != nil {
		return nil, err
	}
	patch, err := git(top, append(append([]string{"diff", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/"}, diffFlags...), rev, "--")...)
	if err != nil {
		return nil, err
	}
	hunks, err := parsePatch(patch)
	if err != nil {
		return nil, err
	}
	listed := map[string]bool{}
	for _, name := range splitNUL(names) {
		listed[name] = true
		if lines, ok := hunks[name]; ok {
			r.changed[name] = &fileDiff{lines: lines}
		} else {
			r.changed[name] = &fileDiff{all: true} // binary, deleted or a mode change: no hunks to go by
		}
	}
	for name := range hunks {
		if !listed[name] {
			return nil, fmt.Errorf("git diff %s: the patch names %q, which --name-only does not list; cannot tell what changed", rev, name)
		}
	}
	return r, nil
}

func splitNUL(out []byte) []string {
	var names []string
	for _, n := range bytes.Split(out, []byte{0}) {
		if len(n) > 0 {
			names = append(names, string(n))
		}
	}
	return names
}

// parsePatch reads a unified diff with zero context: "+++ b/path" names
// the file (maybe C-quoted, maybe followed by a tab), "@@ -a,b +c,d @@"
// says lines c..c+d-1 are new. Hunk bodies are skipped by count, so an
// added line that reads "++ x" is not taken for a header.
func parsePatch(patch []byte) (map[string]map[int]bool, error) {
	files := map[string]map[int]bool{}
	var current map[int]bool
	lines := strings.Split(strings.TrimSuffix(string(patch), "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "diff --git "):
			current = nil
		case strings.HasPrefix(line, "+++ "):
			name, err := headerName(strings.TrimPrefix(line, "+++ "))
			if err != nil {
				return nil, err
			}
			current = map[int]bool{} // a deleted file's hunks go nowhere
			if name != "" {
				files[name] = current
			}
		case strings.HasPrefix(line, "@@ "):
			if current == nil {
				return nil, fmt.Errorf("git diff: hunk %q before any file name", line)
			}
			oldCount, start, count, err := hunkHeader(line)
			if err != nil {
				return nil, err
			}
			// Read the body by count: "-" lines, "+" lines (the changed
			// ones), context lines (counted on both sides, should a
			// setting add any) and "\ No newline at end of file" markers.
			n := start
			for oldCount > 0 || count > 0 {
				if i++; i >= len(lines) {
					return nil, fmt.Errorf("git diff: hunk %q ends early", line)
				}
				switch body := lines[i]; {
				case strings.HasPrefix(body, `\`):
				case strings.HasPrefix(body, "-"):
					oldCount--
				case strings.HasPrefix(body, "+"):
					current[n] = true
					n, count = n+1, count-1
				default:
					n, oldCount, count = n+1, oldCount-1, count-1
				}
			}
		}
	}
	return files, nil
}

// headerName reads the name on a "+++ " line: "" for /dev/null (a deleted
// file), else the path without its "b/" prefix.
func headerName(s string) (string, error) {
	s = strings.TrimSuffix(s, "\t") // git adds a tab after names with spaces
	if s == "/dev/null" {
		return "", nil
	}
	if strings.HasPrefix(s, `"`) {
		var err error
		if s, err = unquoteC(s); err != nil {
			return "", fmt.Errorf("git diff: file name %s: %v", s, err)
		}
	}
	name, ok := strings.CutPrefix(s, "b/")
	if !ok {
		return "", fmt.Errorf("git diff: file name %q lacks the b/ prefix asked for", s)
	}
	return name, nil
}

// unquoteC undoes git's C-style quoting of a path: backslash escapes and
// three-digit octal bytes; other bytes (UTF-8 names under
// core.quotePath=false) are kept as they are.
func unquoteC(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", errors.New("unbalanced quotes")
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		if i == len(s) {
			return "", errors.New("trailing backslash")
		}
		if c, ok := cEscapes[s[i]]; ok {
			b.WriteByte(c)
			continue
		}
		if i+3 > len(s) {
			return "", fmt.Errorf("bad escape \\%s", s[i:])
		}
		v, err := strconv.ParseUint(s[i:i+3], 8, 8)
		if err != nil {
			return "", fmt.Errorf("bad escape \\%s", s[i:i+3])
		}
		b.WriteByte(byte(v))
		i += 2
	}
	return b.String(), nil
}

var cEscapes = map[byte]byte{'a': '\a', 'b': '\b', 't': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r', '"': '"', '\\': '\\'}

// hunkHeader reads "@@ -a,b +c,d @@": the old line count b and the new
// lines c, d (a missing count means 1).
func hunkHeader(header string) (oldCount, start, count int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, 0, fmt.Errorf("git diff: unexpected hunk header %q", header)
	}
	_, oldCount, err1 := rangeSpec(fields[1][1:])
	start, count, err2 := rangeSpec(fields[2][1:])
	if err1 != nil || err2 != nil {
		return 0, 0, 0, fmt.Errorf("git diff: unexpected hunk header %q", header)
	}
	return oldCount, start, count, nil
}

func rangeSpec(spec string) (start, count int, err error) {
	startS, countS, hasCount := strings.Cut(spec, ",")
	if start, err = strconv.Atoi(startS); err != nil {
		return 0, 0, err
	}
	count = 1
	if hasCount {
		count, err = strconv.Atoi(countS)
	}
	return start, count, err
}

// git runs git in dir with the settings that shape its output fixed, in
// the C locale, and returns its standard output; a failure carries git's
// own message.
func git(dir string, args ...string) ([]byte, error) {
	fixed := []string{"-c", "core.quotePath=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
		"-c", "color.ui=never", "-c", "diff.interHunkContext=0"}
	cmd := exec.Command("git", append(fixed, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s (in %s): %s", strings.Join(args, " "), dir, msg)
	}
	return out, nil
}
