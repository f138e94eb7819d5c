package walk

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/config"
)

// An ignores with no rules ignores nothing, and one with rules still
// answers (the early return must not hide them).
func TestIgnoredWithAndWithoutRules(t *testing.T) {
	var ig ignores
	if ig.ignored("/r/x.md", false) {
		t.Fatal("no rules ignored a file")
	}
	r, ok := parseIgnoreLine("/r", "*.md")
	if !ok {
		t.Fatal("rule not parsed")
	}
	ig.rules = append(ig.rules, r)
	if !ig.ignored("/r/x.md", false) || ig.ignored("/r/x.txt", false) {
		t.Fatal("a *.md rule did not decide as expected")
	}
}

// perFile hides a configuration's FilesIn, so that the walk asks Included
// of each file's path.
type perFile struct{ c *config.Config }

func (f perFile) Included(p string) bool   { return f.c.Included(p) }
func (f perFile) Excluded(dir string) bool { return f.c.Excluded(dir) }

// A walk that judges a folder's files by name (config.Config.FilesIn) finds
// the files a walk asking Included of each path finds, with the roots
// spelled relative, absolute, with "." and ".." and a trailing slash.
func TestWalkByNameFindsWhatIncludedFinds(t *testing.T) {
	root := tree(t,
		"a.md=x", "b.txt=x", "c.html.bak=x", "..x.md=x", "...md=x",
		"articles/a.md=x", "articles/drafts/d.md=x", "articles/drafts/e.txt=x",
		"articles/sub/deep/f.md=x", "other/g.txt=x", "other/h.md=x",
	)
	t.Chdir(root)
	cfgs := []*config.Config{
		config.Default(root),
		{Dir: root, Include: []string{"articles/**/*.md", "*.txt", "..x*"}, Exclude: []string{"articles/drafts/**"}},
		{Dir: filepath.Join(root, "articles"), Include: []string{"*.md", "drafts/*.txt"}},
		{Dir: filepath.Join(root, "other"), Include: []string{"**"}},
	}
	roots := []string{".", "./", root, root + "/", "articles", "articles/../other", "articles/drafts/.."}
	for i, c := range cfgs {
		for _, r := range roots {
			got, err := Files([]string{r}, func(string) Filter { return c })
			require.NoError(t, err)
			want, err := Files([]string{r}, func(string) Filter { return perFile{c} })
			require.NoError(t, err)
			assert.Equal(t, want, got, "config %d, root %q", i, r)
			if i == 0 && len(want) == 0 {
				t.Errorf("root %q found nothing", r)
			}
		}
	}
}

// The .gitignore rules decide the same for a walk from a relative root
// (entries matched by the folder's absolute path made once) as for one
// from the absolute root, and as Included's per-path test (ignored) does.
func TestGitignoreFromRelativeRoot(t *testing.T) {
	root := tree(t,
		".git/HEAD=ref",
		".gitignore=drafts/\n*.tmp.md\n/top-only.md\n",
		"a.md=x", "b.txt=x", "x.tmp.md=x", "top-only.md=x", "sub/top-only.md=x", "sub/y.tmp.md=x",
		"drafts/d.md=x", "news/.gitignore=*.md\n!keep.md\n", "news/skip.md=x", "news/keep.md=x",
	)
	t.Chdir(root)
	filter := func(string) Filter { return extFilter{} }
	abs, err := Files([]string{root}, filter)
	require.NoError(t, err)
	want := []string{"a.md", "b.txt", "news/keep.md", "sub/top-only.md"}
	require.Equal(t, want, rel(t, root, abs))
	for _, r := range []string{".", "./", "news/..", "sub/../"} {
		got, err := Files([]string{r}, filter)
		require.NoError(t, err)
		assert.Equal(t, want, rel(t, root, absAll(t, got)), "root %q", r)
	}
	ig, err := ignoresAbove(".")
	require.NoError(t, err)
	require.NoError(t, ig.load("."))
	for _, p := range []string{"a.md", "x.tmp.md", "top-only.md", "sub/top-only.md", "sub/y.tmp.md"} {
		a, err := filepath.Abs(p)
		require.NoError(t, err)
		assert.Equal(t, ig.ignored(p, false), ig.ignoredAbs(a, false), p)
	}
}

func absAll(t *testing.T, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		a, err := filepath.Abs(p)
		require.NoError(t, err)
		out[i] = a
	}
	return out
}
