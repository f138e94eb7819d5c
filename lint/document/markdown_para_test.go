package document

import (
	"math/rand"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// paraPieces make random Markdown of mostly plain paragraphs, with the
// block syntax around them that reads or changes a paragraph's lines
// (setext underlines, tables, lists, quotes, link reference definitions,
// lazy lines, indented code), inline markup of every kind, and the blanks
// goldmark trims or breaks lines at (trailing blanks, tabs, CRLF).
var paraPieces = []string{
	"研究", "发现", "。", "，", "the ", "study", "Risk", " ", "  ", "   ", "\n", "\n", "\n", "\n\n", "\r\n", "\t",
	"> ", ">\t", "- ", "  - ", "1. ", "2) ", "   ", "    ", "===\n", "---\n", "\n===", "\n---", "=", "-",
	"| a | b |\n|---|---|\n", "| c |", "|", "[r]: /u\n", "[r]", "# ", "## ", "```\n", "&amp;", "&#20013;", "&",
	"*", "**", "_", "~~", "`", "[", "]", "!", "<", "<b>", "<3", ">", "\\", "(", ")", ":", "@", "a@b.cn",
	"http://x.org", "www.y.com", "WWW.Z.COM", "h", "w", "f", "\u3000", "\u00a0", "\r", "\v", "😀",
}

// paraParsers are the parsers ParseMarkdown uses, each with the same
// parser without the plain paragraph transformer.
func paraParsers() [][2]parser.Parser {
	return [][2]parser.Parser{
		{markdownParser(), newMarkdownParserFull(quickLinkify{extension.NewLinkifyParser()})},
		{markdownParserNoLinkify(), newMarkdownParserFull(nil)},
	}
}

// mdCountMarked counts the paragraphs md leaves out of inline parsing.
func mdCountMarked(md parser.Parser, src []byte) (n int) {
	_ = ast.Walk(md.Parse(text.NewReader(src)), func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && mdPlainMarked(c.Lines()) {
			n++
		}
		return ast.WalkContinue, nil
	})
	return n
}

// Paragraphs marked by mdPlainParagraphs give the documents goldmark's
// inline parsing gives (blocks, kinds, text, maps, sentences, comments),
// with linkify and without: on random Markdown, on a share of which the
// transformer marks paragraphs, and on every Markdown article of the
// corpus and tests.
func TestMarkdownPlainParagraphsMatchInlineParsing(t *testing.T) {
	rng := rand.New(rand.NewSource(41))
	marked := 0
	// Every other body is drawn mostly from the pieces of plain text and
	// block syntax.
	plainer := append([]string(nil), paraPieces...)
	for i := 0; i < 6; i++ {
		plainer = append(plainer, paraPieces[:26]...)
	}
	for round := 0; round < 12000; round++ {
		pieces := paraPieces
		if round%2 == 1 {
			pieces = plainer
		}
		src := []byte(randomText(rng, pieces, rng.Intn(50)))
		for _, pair := range paraParsers() {
			got, err := parseMarkdownWith(pair[0], false, "r.md", src, false)
			require.NoError(t, err)
			want, err := parseMarkdownWith(pair[1], false, "r.md", src, false)
			require.NoError(t, err)
			require.Equal(t, want.Blocks, got.Blocks, "%q", src)
			require.Equal(t, want.Comments, got.Comments, "%q", src)
			marked += mdCountMarked(pair[0], src)
		}
	}
	require.Greater(t, marked, 5000)

	marked = 0
	for _, p := range markdownFiles(t) {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		for _, pair := range paraParsers() {
			got, err := parseMarkdownWith(pair[0], false, p, src, false)
			require.NoError(t, err)
			want, err := parseMarkdownWith(pair[1], false, p, src, false)
			require.NoError(t, err)
			require.Equal(t, want.Blocks, got.Blocks, p)
			require.Equal(t, want.Comments, got.Comments, p)
			marked += mdCountMarked(pair[0], src)
		}
	}
	require.Greater(t, marked, 0)
}

// The bytes that keep a paragraph from being marked come from the inline
// parsers registered: linkify's blank and '(' only with linkify, where a
// word it could link keeps the paragraph too.
func TestMarkdownPlainParagraphStops(t *testing.T) {
	linkify := quickLinkify{extension.NewLinkifyParser()}
	with := newMdPlainParagraphs(newMarkdownParserFull(linkify).config.InlineParsers, linkify)
	without := newMdPlainParagraphs(newMarkdownParserFull(nil).config.InlineParsers, nil)
	for _, c := range []byte("*_`[]!<~\\\t\r") {
		require.True(t, with.stop[c], "%q", c)
		require.True(t, without.stop[c], "%q", c)
	}
	for _, c := range []byte(" (&@:.,\n") {
		require.False(t, with.stop[c], "%q", c)
		require.False(t, without.stop[c], "%q", c)
	}
	// A setext underline takes a marked paragraph's lines.
	for _, pair := range paraParsers() {
		src := []byte("研究发现\n这\n===\n")
		require.Equal(t, 1, mdCountMarked(pair[0], src))
		got, err := parseMarkdownWith(pair[0], false, "r.md", src, false)
		require.NoError(t, err)
		want, err := parseMarkdownWith(pair[1], false, "r.md", src, false)
		require.NoError(t, err)
		require.Equal(t, want.Blocks, got.Blocks)
		require.Equal(t, Title, got.Blocks[0].Kind)
	}
	require.True(t, with.linkify)
	require.False(t, without.linkify)
	for line, want := range map[string][2]bool{
		"研究发现 a (b)\n": {true, true},
		"研究发现 \n":      {false, false},
		"研究\r\n":       {true, true},
		"见 www.x.cn\n": {false, true},
		"a@b\n":        {false, true},
		"a*b\n":        {false, false},
	} {
		require.Equal(t, want[0], with.plainLine([]byte(line)), "%q", line)
		require.Equal(t, want[1], without.plainLine([]byte(line)), "%q", line)
	}
}
