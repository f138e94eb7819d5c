package gitdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
}

func TestSinceReportsChangedAndNewLines(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	a := filepath.Join(dir, "a.md")
	require.NoError(t, os.WriteFile(a, []byte("one\ntwo\nthree\nfour\n"), 0o644))
	run(t, dir, "add", ".")
	run(t, dir, "commit", "-q", "-m", "base")
	require.NoError(t, os.WriteFile(a, []byte("one\nTWO\nthree\nnew line\nfour\n"), 0o644))
	b := filepath.Join(dir, "b.md")
	require.NoError(t, os.WriteFile(b, []byte("untracked\n"), 0o644))

	lines, err := Since(dir, "HEAD")
	require.NoError(t, err)
	assert.False(t, lines.Changed(a, 1))
	assert.True(t, lines.Changed(a, 2), "edited line")
	assert.False(t, lines.Changed(a, 3))
	assert.True(t, lines.Changed(a, 4), "inserted line")
	assert.False(t, lines.Changed(a, 5), "moved down but unchanged")
	assert.True(t, lines.Changed(b, 1), "untracked files count as new")

	_, err = Since(dir, "no-such-rev")
	assert.ErrorContains(t, err, "not a commit")
}

func TestHunkTarget(t *testing.T) {
	s, c, err := hunkTarget("@@ -3,0 +4 @@ heading")
	require.NoError(t, err)
	assert.Equal(t, []int{4, 1}, []int{s, c})
	s, c, err = hunkTarget("@@ -3 +3,0 @@")
	require.NoError(t, err)
	assert.Equal(t, []int{3, 0}, []int{s, c}, "a pure deletion adds no lines")
	_, _, err = hunkTarget("@@ bogus")
	assert.Error(t, err)
}
