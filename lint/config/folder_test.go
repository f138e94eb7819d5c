package config

import (
	"path/filepath"
	"testing"
)

// FilesIn(dir).Included(name) must be Included(filepath.Join(dir, name))
// for configurations in, above, below and beside the folder, folders
// spelled relative and absolute, names that start with "..", and names
// that are not one element.
func TestFilesInIsIncluded(t *testing.T) {
	wd := t.TempDir()
	t.Chdir(wd)
	globs := []struct{ include, exclude []string }{
		{DefaultInclude, nil},
		{[]string{"articles/**/*.md", "*.txt"}, []string{"articles/drafts/**"}},
		{[]string{"**"}, []string{"**/..x*", "b/**"}},
		{[]string{"..x*", "*/..x*/*", "name", "../**"}, nil},
	}
	configDirs := []string{wd, "/", filepath.Join(wd, "articles"), filepath.Join(wd, "articles", "drafts"),
		filepath.Join(wd, "other"), filepath.Join(wd, "articles", "a.md"), "rel", "."}
	dirs := []string{".", "", "articles", "./articles/", "articles/drafts", "articles/../b", "..", "../..", "/",
		wd, filepath.Join(wd, "articles", "drafts"), "articles/..xdir", "..xdir", "other/sub", "b"}
	names := []string{"a.md", "a.txt", "x.html", "name", "..xfile.md", "...", ".hidden.md", "a.md.bak",
		"中文.md", "", ".", "..", "sub/a.md", "/a.txt"}
	for _, g := range globs {
		for _, cd := range configDirs {
			c := &Config{Dir: cd, Include: g.include, Exclude: g.exclude}
			for _, d := range dirs {
				byName := c.FilesIn(d)
				for _, n := range names {
					want := c.Included(filepath.Join(d, n))
					if got := byName.Included(n); got != want {
						t.Errorf("config in %q, include %q exclude %q: FilesIn(%q).Included(%q) = %v, Included gives %v",
							cd, g.include, g.exclude, d, n, got, want)
					}
				}
			}
		}
	}
}
