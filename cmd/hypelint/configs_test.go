package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// forFile, remembered by the text before a file's name, gives what
// forDir(filepath.Dir(path)) gives, the first time and the next, for
// paths spelled in many ways; dirPrefix keeps all that filepath.Dir reads.
func TestForFileIsForDirOfDir(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a/x.txt":          hypedArticle,
		"c/.hypelint.yaml": "rules:\n  disable: [hype-word]\n",
		"c/z.txt":          hypedArticle,
		"c/d/w.txt":        hypedArticle,
	})
	t.Chdir(dir)
	wd, err := os.Getwd()
	require.NoError(t, err)
	paths := []string{"a/x.txt", "./a/x.txt", "a//x.txt", "a/./x.txt", "c/z.txt", "c/d/../z.txt", "c/d/w.txt",
		"c/d/w.txt/", "x.txt", "/x.txt", "-", filepath.Join(wd, "c", "z.txt"), wd + "/c//d/w.txt", "c/d/../../a/x.txt"}
	for _, p := range paths {
		assert.Equal(t, filepath.Dir(p), filepath.Dir(dirPrefix(p)+"name"), "dirPrefix(%q)", p)
	}
	c, err := newConfigs("", nil)
	require.NoError(t, err)
	ref, err := newConfigs("", nil)
	require.NoError(t, err)
	for round := 0; round < 2; round++ {
		for _, p := range paths {
			got, want := c.forFile(p), ref.forDir(filepath.Dir(p))
			assert.Equal(t, want.Path, got.Path, "%q, round %d", p, round)
			assert.Equal(t, want.Dir, got.Dir, "%q, round %d", p, round)
		}
	}
	assert.Equal(t, filepath.Join(wd, "c", ".hypelint.yaml"), c.forFile("c/d/w.txt").Path)
}

// linter, remembered by configuration, gives the linter its key gives:
// the same one again for a configuration seen before, and one shared by
// configurations that select the same rules.
func TestLinterRememberedByConfiguration(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a/x.txt":          hypedArticle,
		"b/y.txt":          hypedArticle,
		"c/.hypelint.yaml": "rules:\n  disable: [hype-word]\n",
		"c/z.txt":          hypedArticle,
	})
	c, err := newConfigs("", nil)
	require.NoError(t, err)
	a, b, cz := c.forFile(filepath.Join(dir, "a/x.txt")), c.forFile(filepath.Join(dir, "b/y.txt")), c.forFile(filepath.Join(dir, "c/z.txt"))
	require.NotSame(t, a, b, "each folder without a configuration has its own defaults")
	la, err := c.linter(a)
	require.NoError(t, err)
	la2, err := c.linter(a)
	require.NoError(t, err)
	lb, err := c.linter(b)
	require.NoError(t, err)
	lc, err := c.linter(cz)
	require.NoError(t, err)
	assert.Same(t, la, la2)
	assert.Same(t, la, lb)
	assert.NotSame(t, la, lc)
	assert.Same(t, c.linters[c.linterKey(cz)], lc)
	assert.Nil(t, lc.Rules.Get("hype-word"))
}
