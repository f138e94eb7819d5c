package walk

import (
	"os"
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
