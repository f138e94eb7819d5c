package walk

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
)

// gitView is what git ignores below one directory of a work tree: every
// rule git honours (.gitignore files, .git/info/exclude, the global
// excludes file, core.excludesFile), exactly as git reads them. Files git
// tracks are never ignored, as in git.
type gitView struct {
	base  string          // the directory git was asked about
	paths map[string]bool // ignored paths relative to base, slash-separated; directories end in "/"
}

// askGit lists what git ignores below dir, or returns nil when git cannot
// be asked (not installed, not a repository, or dir itself ignored: a
// folder named on the command line is walked even so).
func askGit(dir string) *gitView {
	cmd := exec.Command("git", "-c", "core.quotePath=false",
		"ls-files", "--others", "--ignored", "--exclude-standard", "--directory", "-z")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	v := &gitView{base: dir, paths: map[string]bool{}}
	for _, name := range bytes.Split(out, []byte{0}) {
		if len(name) > 0 {
			v.paths[string(name)] = true
		}
	}
	if v.paths["./"] {
		return nil
	}
	return v
}

func (v *gitView) ignored(path string, isDir bool) bool {
	rel, err := filepath.Rel(v.base, path)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if isDir {
		return v.paths[rel+"/"]
	}
	return v.paths[rel]
}
