package walk

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type extFilter struct{ exclude string }

func (f extFilter) Included(p string) bool {
	return strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".txt")
}
func (f extFilter) Excluded(dir string) bool {
	return f.exclude != "" && filepath.Base(dir) == f.exclude
}

func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		name, content, _ := strings.Cut(f, "=")
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return root
}

func rel(t *testing.T, root string, paths []string) []string {
	var out []string
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		require.NoError(t, err)
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestWalkHonoursGitignoreHiddenVendorAndFilter(t *testing.T) {
	root := tree(t,
		".git/HEAD=ref",
		".gitignore=drafts/\n*.tmp.md\n/top-only.md\n",
		"a.md=x", "b.txt=x", "c.html.bak=x", "x.tmp.md=x", "top-only.md=x",
		"sub/top-only.md=x",
		"drafts/d.md=x",
		".hidden/h.md=x", "vendor/v.md=x", "node_modules/n.md=x",
		"news/.gitignore=*.md\n!keep.md\n", "news/skip.md=x", "news/keep.md=x",
		"archive/old.md=x",
	)
	files, err := Files([]string{root}, func(string) Filter { return extFilter{exclude: "archive"} })
	require.NoError(t, err)
	assert.Equal(t, []string{"a.md", "b.txt", "news/keep.md", "sub/top-only.md"}, rel(t, root, files))
}

func TestWalkFromSubdirectoryUsesRepositoryGitignore(t *testing.T) {
	root := tree(t, ".git/HEAD=ref", ".gitignore=*.draft.md\n", "posts/a.md=x", "posts/b.draft.md=x")
	files, err := Files([]string{filepath.Join(root, "posts")}, func(string) Filter { return extFilter{} })
	require.NoError(t, err)
	assert.Equal(t, []string{"posts/a.md"}, rel(t, root, files))
}

func TestNamedFilesAreAlwaysReturned(t *testing.T) {
	root := tree(t, ".gitignore=*.md\n", "a.md=x")
	named := filepath.Join(root, "a.md")
	files, err := Files([]string{named, "-", filepath.Join(root, "missing.md")}, func(string) Filter { return extFilter{} })
	require.NoError(t, err)
	assert.Equal(t, []string{named, "-", filepath.Join(root, "missing.md")}, files)
}

func TestParseIgnoreLine(t *testing.T) {
	r, ok := parseIgnoreLine("/r", "# comment")
	assert.False(t, ok)
	r, ok = parseIgnoreLine("/r", "!keep.md")
	require.True(t, ok)
	assert.True(t, r.negate)
	assert.Equal(t, "**/keep.md", r.pattern)
	r, _ = parseIgnoreLine("/r", "/build/")
	assert.True(t, r.dirOnly)
	assert.Equal(t, "build", r.pattern)
	r, _ = parseIgnoreLine("/r", "docs/**/*.tmp")
	assert.Equal(t, "docs/**/*.tmp", r.pattern)
}

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
}

// Inside a repository git is asked, so every source of ignore rules
// counts: .gitignore, .git/info/exclude and the global excludes file.
func TestWalkAsksGitInARepository(t *testing.T) {
	needGit(t)
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("HOME", config) // no ~/.gitconfig of the machine's
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	require.NoError(t, os.MkdirAll(filepath.Join(config, "git"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(config, "git", "ignore"), []byte("*.global.md\n"), 0o644))
	root := tree(t,
		".gitignore=drafts/\n*.tmp.md\n",
		"a.md=x", "b.global.md=x", "c.local.md=x", "d.tmp.md=x", "tracked.tmp.md=x",
		"drafts/e.md=x", "news/f.md=x", "news/g.local.md=x",
		"nested/.gitignore=*.md\n!keep.md\n", "nested/skip.md=x", "nested/keep.md=x",
	)
	gitIn(t, root, "init", "-q")
	gitIn(t, filepath.Join(root, "nested"), "init", "-q")
	require.NoError(t, os.WriteFile(filepath.Join(root, ".git", "info", "exclude"), []byte("*.local.md\n"), 0o644))
	gitIn(t, root, "add", "-f", "tracked.tmp.md")

	files, err := Files([]string{root}, func(string) Filter { return extFilter{} })
	require.NoError(t, err)
	assert.Equal(t, []string{"a.md", "nested/keep.md", "news/f.md", "tracked.tmp.md"}, rel(t, root, files),
		"global excludes, info/exclude and .gitignore honoured; a tracked file is never ignored; a nested repository keeps its own rules")

	files, err = Files([]string{filepath.Join(root, "drafts")}, func(string) Filter { return extFilter{} })
	require.NoError(t, err)
	assert.Equal(t, []string{"drafts/e.md"}, rel(t, root, files), "a folder named on the command line is walked even if ignored")
}

// core.excludesFile, wherever the user's configuration puts it.
func TestWalkHonoursCoreExcludesFile(t *testing.T) {
	needGit(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	excludes := filepath.Join(t.TempDir(), "my-excludes")
	require.NoError(t, os.WriteFile(excludes, []byte("*.custom.md\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(home, ".gitconfig"), []byte("[core]\n\texcludesFile = "+excludes+"\n"), 0o644))
	root := tree(t, "a.md=x", "b.custom.md=x")
	gitIn(t, root, "init", "-q")
	files, err := Files([]string{root}, func(string) Filter { return extFilter{} })
	require.NoError(t, err)
	assert.Equal(t, []string{"a.md"}, rel(t, root, files))
}

// Where git cannot be asked the walk reads the same files itself.
func TestWalkWithoutGitReadsExcludeFiles(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("PATH", "")
	require.NoError(t, os.MkdirAll(filepath.Join(config, "git"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(config, "git", "ignore"), []byte("*.global.md\n"), 0o644))
	root := tree(t, ".git/info/exclude=*.local.md\n", ".gitignore=!keep.local.md\n",
		"a.md=x", "b.global.md=x", "c.local.md=x", "keep.local.md=x")
	files, err := Files([]string{root}, func(string) Filter { return extFilter{} })
	require.NoError(t, err)
	assert.Equal(t, []string{"a.md", "keep.local.md"}, rel(t, root, files), ".gitignore beats info/exclude")
}

// One unreadable folder loses nothing else (issue 13 #3). The failure is
// injected through readDir: tests run as root here, and permission bits
// do not stop root (cmd/hypelint tests the real permission error).
func TestUnreadableFolderIsReportedAndTheWalkGoesOn(t *testing.T) {
	root := tree(t, "a.md=x", "m/b.md=x", "m/locked/c.md=x", "m/z/d.md=x", "n/locked2/e.md=x", "n/f.md=x")
	w := &walker{filterFor: func(string) Filter { return extFilter{} }, readDir: func(dir string) ([]fs.DirEntry, error) {
		if base := filepath.Base(dir); base == "locked" || base == "locked2" {
			return nil, &fs.PathError{Op: "open", Path: dir, Err: fs.ErrPermission}
		}
		return os.ReadDir(dir)
	}}
	found := w.directory(root)
	assert.Equal(t, []string{"a.md", "m/b.md", "m/z/d.md", "n/f.md"}, rel(t, root, found), "every readable file")
	require.Len(t, w.errs, 2, "one error per unreadable folder")
	assert.ErrorIs(t, w.errs[0], fs.ErrPermission)
	assert.Contains(t, w.errs[0].Error(), filepath.Join(root, "m", "locked"))
	assert.Contains(t, w.errs[1].Error(), filepath.Join(root, "n", "locked2"))
	assert.Len(t, Errors(errors.Join(w.errs...)), 2)
}

// The filter of a folder's files is asked for the folder, once: the
// driver's filterFor stats a path to tell a file from a folder.
func TestFilesAreFilteredByTheirFoldersFilter(t *testing.T) {
	root := tree(t, "a.md=x", "b.md=x", "skip.go=x", "m/c.md=x", "m/d.md=x", "m/n/e.md=x")
	asked := map[string]int{}
	files, err := Files([]string{root}, func(p string) Filter {
		asked[p]++
		return extFilter{}
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"a.md", "b.md", "m/c.md", "m/d.md", "m/n/e.md"}, rel(t, root, files))
	assert.Equal(t, map[string]int{
		root:                          1, // its files
		filepath.Join(root, "m"):      2, // as a folder to walk into, and for its files
		filepath.Join(root, "m", "n"): 2,
	}, asked)
}
