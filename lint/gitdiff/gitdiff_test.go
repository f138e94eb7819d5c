package gitdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

// isolateGitConfig keeps the machine's own git configuration out of a
// test: each test sets what it means to test in the repository.
func isolateGitConfig(t *testing.T) {
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
}

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// changedLines lists the changed lines of a file among its first n, or
// "all".
func changedLines(t *testing.T, c *Changes, path string, n int) any {
	t.Helper()
	f, err := c.File(path)
	require.NoError(t, err, path)
	if f.All {
		return "all"
	}
	var out []int
	for i := 1; i <= n; i++ {
		if f.Changed(i) {
			out = append(out, i)
		}
	}
	return out
}

const five = "one\ntwo\nthree\nfour\nfive\n"

// repoWithEveryKindOfChange commits files with awkward names, then edits,
// renames, adds and converts them in the work tree.
func repoWithEveryKindOfChange(t *testing.T, config ...string) string {
	isolateGitConfig(t)
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	for i := 0; i+1 < len(config); i += 2 {
		run(t, dir, "config", config[i], config[i+1])
	}
	for _, name := range []string{"zh-hans/中文稿件.md", "with space.md", "emoji 🚀.md", `quote"d.md`, "tab\tname.md",
		"plain.md", "crlf.md", "old name.md", "moved.md", "untouched.md"} {
		write(t, dir, name, five)
	}
	run(t, dir, "add", ".")
	run(t, dir, "commit", "-q", "-m", "base")

	for _, name := range []string{"zh-hans/中文稿件.md", "with space.md", "emoji 🚀.md", `quote"d.md`, "tab\tname.md"} {
		write(t, dir, name, "one\ntwo\nthree\n这种神药能逆转衰老。\nfour\nfive\n") // line 4 is new
	}
	write(t, dir, "plain.md", "one\nTWO\nthree\n++ looks like a header\nfour\nfive\n")         // 2 edited, 4 inserted
	write(t, dir, "crlf.md", "one\r\ntwo\r\nthree\nfour\nfive\n")                              // line ends only, lines 1–2
	run(t, dir, "mv", "old name.md", "新 名字 ✨.md")                                              // a staged rename
	require.NoError(t, os.Rename(filepath.Join(dir, "moved.md"), filepath.Join(dir, "移动.md"))) // an unstaged one
	write(t, dir, "新稿.md", "这种神药能逆转衰老。\n")                                                     // untracked
	return dir
}

func TestEveryKindOfChangeUnderEveryConfig(t *testing.T) {
	needGit(t)
	for _, config := range [][]string{
		nil,
		{"diff.noprefix", "true"},
		{"diff.mnemonicPrefix", "true"},
		{"core.quotePath", "true"},
		{"color.ui", "always", "color.diff", "always"},
		{"diff.external", "false", "diff.renames", "copies", "diff.relative", "true", "diff.context", "5"},
		{"diff.interHunkContext", "10", "diff.suppressBlankEmpty", "true", "diff.algorithm", "histogram"},
		{"diff.noprefix", "true", "diff.mnemonicPrefix", "true", "core.quotePath", "true"},
	} {
		t.Run(filepath.Join(config...), func(t *testing.T) {
			dir := repoWithEveryKindOfChange(t, config...)
			c := Since("HEAD")
			p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
			for _, name := range []string{"zh-hans/中文稿件.md", "with space.md", "emoji 🚀.md", `quote"d.md`, "tab\tname.md"} {
				assert.Equal(t, []int{4}, changedLines(t, c, p(name), 6), name)
			}
			assert.Equal(t, []int{2, 4}, changedLines(t, c, p("plain.md"), 6), "an added line reading '++ …' is not a header")
			assert.Equal(t, []int{1, 2}, changedLines(t, c, p("crlf.md"), 5), "a line-ending-only change")
			assert.Equal(t, []int{1, 2, 3, 4, 5}, changedLines(t, c, p("新 名字 ✨.md"), 5), "a staged rename counts as new, every line")
			assert.Equal(t, "all", changedLines(t, c, p("移动.md"), 5), "an unstaged rename counts as new")
			assert.Equal(t, "all", changedLines(t, c, p("新稿.md"), 1), "untracked")
			assert.Nil(t, changedLines(t, c, p("untouched.md"), 5))
		})
	}
}

// The case, from a subdirectory and through a relative path.
func TestRelativePathsFromASubdirectory(t *testing.T) {
	needGit(t)
	dir := repoWithEveryKindOfChange(t, "core.quotePath", "true")
	t.Chdir(filepath.Join(dir, "zh-hans"))
	c := Since("HEAD")
	assert.Equal(t, []int{4}, changedLines(t, c, "中文稿件.md", 6))
	assert.Equal(t, "all", changedLines(t, c, "../新稿.md", 1))
}

func TestTouchesUsesFileOffsets(t *testing.T) {
	needGit(t)
	dir := repoWithEveryKindOfChange(t)
	f, err := Since("HEAD").File(filepath.Join(dir, "plain.md"))
	require.NoError(t, err)
	// "one\nTWO\nthree\n++ looks like a header\nfour\nfive\n"
	for _, c := range []struct {
		start, end int
		want       bool
	}{
		{0, 3, false},  // one
		{4, 7, true},   // TWO
		{8, 13, false}, // three
		{10, 16, true}, // "ree\n++": runs into line 4
		{13, 14, false},
		{14, 14, true}, // empty span at the start of line 4
		{37, 41, false},
	} {
		got, err := f.Touches(c.start, c.end)
		require.NoError(t, err)
		assert.Equal(t, c.want, got, "[%d,%d)", c.start, c.end)
	}
}

func TestFailuresAreErrorsNeverEmptyResults(t *testing.T) {
	needGit(t)
	dir := repoWithEveryKindOfChange(t)
	_, err := Since("no-such-rev").File(filepath.Join(dir, "plain.md"))
	assert.ErrorContains(t, err, "not a commit")

	_, err = Since("--output=x").File(filepath.Join(dir, "plain.md"))
	assert.ErrorContains(t, err, "not a commit", "a revision is never read as an option")

	outside := write(t, t.TempDir(), "a.md", "x\n")
	_, err = Since("HEAD").File(outside)
	assert.ErrorContains(t, err, "not a git repository", "git's own message")

	_, err = Since("HEAD").File("-")
	assert.ErrorContains(t, err, "--stdin-filename")

	// A broken repository: git fails, and says why.
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("garbage"), 0o644))
	_, err = Since("HEAD").File(filepath.Join(dir, "plain.md"))
	assert.Error(t, err)
}

// A file in a repository linked from elsewhere is matched through the link.
func TestSymlinkedDirectoryIsMatched(t *testing.T) {
	needGit(t)
	dir := repoWithEveryKindOfChange(t)
	link := filepath.Join(t.TempDir(), "link")
	require.NoError(t, os.Symlink(dir, link))
	assert.Equal(t, []int{2, 4}, changedLines(t, Since("HEAD"), filepath.Join(link, "plain.md"), 6))
}

func TestParsePatch(t *testing.T) {
	patch := "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n-a\n-b\n+++ b/fake\n+c\n+d\n\\ No newline at end of file\n" +
		"diff --git a/gone b/gone\n--- a/gone\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n" +
		"diff --git \"a/t\\tq\\\"\\346\\226\\207\" \"b/t\\tq\\\"\\346\\226\\207\"\n--- \"a/t\\tq\\\"\\346\\226\\207\"\n+++ \"b/t\\tq\\\"\\346\\226\\207\"\n@@ -0,0 +5 @@\n+new\n" +
		"diff --git a/a b b/a b\n--- a/a b\t\n+++ b/a b\t\n@@ -2 +2 @@\n-x\n+y\n"
	files, err := parsePatch([]byte(patch))
	require.NoError(t, err)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	assert.Equal(t, []string{"a b", "t\tq\"文", "x"}, names, "no fake header, no deleted file")
	assert.Equal(t, map[int]bool{1: true, 2: true, 3: true}, files["x"])
	assert.Equal(t, map[int]bool{5: true}, files["t\tq\"文"])
	assert.Equal(t, map[int]bool{2: true}, files["a b"])

	_, err = parsePatch([]byte("+++ a/x\n"))
	assert.ErrorContains(t, err, "b/ prefix")
	_, err = parsePatch([]byte("@@ -1 +1 @@\n"))
	assert.Error(t, err)
	_, err = parsePatch([]byte("+++ b/x\n@@ -1 +1,2 @@\n-a\n+b\n"))
	assert.ErrorContains(t, err, "ends early", "a cut-off patch is an error")

	// Context lines (from a setting that adds them) are counted, not marked.
	files, err = parsePatch([]byte("+++ b/y\n@@ -1,4 +1,5 @@\n-a\n+A\n b\n\n+new\n d\n+++ b/z\n@@ -0,0 +1 @@\n+z\n"))
	require.NoError(t, err)
	assert.Equal(t, map[int]bool{1: true, 4: true}, files["y"])
	assert.Equal(t, map[int]bool{1: true}, files["z"], "the next file's header is not swallowed by the body")
}

func TestHunkHeader(t *testing.T) {
	o, s, c, err := hunkHeader("@@ -3,0 +4 @@ heading")
	require.NoError(t, err)
	assert.Equal(t, []int{0, 4, 1}, []int{o, s, c})
	o, s, c, err = hunkHeader("@@ -3 +3,0 @@")
	require.NoError(t, err)
	assert.Equal(t, []int{1, 3, 0}, []int{o, s, c}, "a pure deletion adds no lines")
	_, _, _, err = hunkHeader("@@ bogus")
	assert.Error(t, err)
}

func TestUnquoteC(t *testing.T) {
	got, err := unquoteC(`"\344\270\255 \"x\"\\\t"`)
	require.NoError(t, err)
	assert.Equal(t, "中 \"x\"\\\t", got)
	for _, bad := range []string{`"abc`, `"\"`, `"\9"`, `"\34"`} {
		_, err := unquoteC(bad)
		assert.Error(t, err, bad)
	}
}
