package document

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// referenceMarkdown parses with goldmark configured as it was before any
// shortcut: GFM and footnotes, linkify tried at every trigger.
func referenceMarkdown(t testing.TB, path string, src []byte) *Document {
	t.Helper()
	gfm := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()
	d, err := parseMarkdownWith(gfm, path, src)
	require.NoError(t, err)
	return d
}

// markdownPieces make random Markdown that reaches linkify (URLs, www.,
// addresses, its trigger characters), block syntax and inline markup.
var markdownPieces = []string{
	"研究", "发现", "。", "the ", "study", " ", "  ", "\n", "\n\n", "\t", "# ", "## ", "- ", "* ", "1. ", "> ",
	"http://x.org/a", "https://y.cn/b?c=1", "ftp://f.net", "www.z.com", "WWW.Q.ORG", "HTTP://U.S", "h", "f", "w",
	"a@b.org", "名@例.中国", "@", "x@y", "(", ")", "*", "_", "~", "**", "`", "[t](http://l.org)", "<http://v.io>",
	"<!-- c -->", "&amp;", "&#20013;", "\\*", "[^1]", "\n[^1]: 注释\n", "| a | b |\n|---|---|\n| c | d |\n",
	"---\n", "```\ncode\n```\n", "    ", ".", ",", ":", "é", "😀",
}

// The parser ParseMarkdown uses (quickLinkify, extensions listed one by
// one) gives documents identical to goldmark's GFM configuration: on
// random Markdown and on every Markdown article of the corpus and tests.
func TestMarkdownMatchesGFMParser(t *testing.T) {
	rng := rand.New(rand.NewSource(20))
	for round := 0; round < 3000; round++ {
		src := []byte(randomText(rng, markdownPieces, rng.Intn(40)))
		got, err := ParseMarkdown("r.md", src)
		require.NoError(t, err)
		want := referenceMarkdown(t, "r.md", src)
		require.Equal(t, want.Blocks, got.Blocks, "%q", src)
		require.Equal(t, want.Comments, got.Comments, "%q", src)
	}
	var paths []string
	for _, dir := range []string{"../../corpus", "testdata"} {
		require.NoError(t, filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
			if err == nil && filepath.Ext(p) == ".md" {
				paths = append(paths, p)
			}
			return err
		}))
	}
	require.NotEmpty(t, paths)
	for _, p := range paths {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		got, err := ParseMarkdown(p, src)
		require.NoError(t, err)
		want := referenceMarkdown(t, p, src)
		require.Equal(t, want.Blocks, got.Blocks, p)
		require.Equal(t, want.Comments, got.Comments, p)
	}
}
