// Package gitdiff tells which lines of which files changed since a git
// revision, so a pull request on a large archive sees only the findings on
// the lines it touched.
package gitdiff

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Lines maps an absolute file path to its changed line numbers (1-based).
// A file that is new or untracked has every line changed (All).
type Lines struct {
	files map[string]map[int]bool
	all   map[string]bool
}

// Changed reports whether line of path changed.
func (l *Lines) Changed(path string, line int) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	return l.all[abs] || l.files[abs][line]
}

// Since asks git, in dir's repository, which lines differ between rev and
// the working tree (staged, unstaged and untracked files included).
func Since(dir, rev string) (*Lines, error) {
	root, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	top := strings.TrimSpace(string(root))
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--diff %s: not a commit in %s", rev, top)
	}
	out, err := git(dir, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-relative", rev, "--")
	if err != nil {
		return nil, err
	}
	l := &Lines{files: map[string]map[int]bool{}, all: map[string]bool{}}
	if err := l.parse(top, out); err != nil {
		return nil, err
	}
	untracked, err := git(dir, "ls-files", "--others", "--exclude-standard", "--full-name", top)
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(strings.TrimSpace(string(untracked)), "\n") {
		if name != "" {
			l.all[filepath.Join(top, filepath.FromSlash(name))] = true
		}
	}
	return l, nil
}

// parse reads unified diff output with zero context: "+++ b/path" names the
// file, "@@ -a,b +c,d @@" says lines c..c+d-1 are new.
func (l *Lines) parse(top string, diff []byte) error {
	var current map[int]bool
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			current = nil
			if name, ok := strings.CutPrefix(line, "+++ b/"); ok {
				current = map[int]bool{}
				l.files[filepath.Join(top, filepath.FromSlash(name))] = current
			}
		case strings.HasPrefix(line, "@@ ") && current != nil:
			start, count, err := hunkTarget(line)
			if err != nil {
				return err
			}
			for i := start; i < start+count; i++ {
				current[i] = true
			}
		}
	}
	return sc.Err()
}

// hunkTarget reads the "+c,d" part of a hunk header.
func hunkTarget(header string) (start, count int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("unexpected diff hunk header %q", header)
	}
	spec := strings.TrimPrefix(fields[2], "+")
	startS, countS, hasCount := strings.Cut(spec, ",")
	if start, err = strconv.Atoi(startS); err != nil {
		return 0, 0, fmt.Errorf("unexpected diff hunk header %q", header)
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(countS); err != nil {
			return 0, 0, fmt.Errorf("unexpected diff hunk header %q", header)
		}
	}
	return start, count, nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
