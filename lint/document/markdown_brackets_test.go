package document

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// bracketPieces make random Markdown of plain paragraphs, headings and
// items with brackets: citation markers, links of every kind (inline,
// reference, collapsed, shortcut, images, footnotes), link reference
// definitions, task list boxes, escapes, entities, emphasis and code
// around and inside them, and cut UTF-8.
var bracketPieces = []string{
	"研究", "发现", "。", "the ", "study", " ", "  ", "   ", "\n", "\n", "\n\n", "\n# ", "\n- ", "（", "）",
	"[", "]", "[1]", "[2]", "[3]", "[1]。", "[2];", " [3].", "文献[2]）", "[1, 2]", "[1-3]", "[]", "[ ]", "[[1]]", "![1]", "!",
	"](", "](/u)", "[a](/u)", "[1](2)", "[1] (2)", "[1]\n(2)", "]:", "[1]: /u", "\n[1]: /u\n", "\n[a]:\n/u", "]\n:", "[1][2]", "[1][]",
	"[a][b]", "[^1]", "[^", "\n[^1]: 注\n", "- [ ] ", "- [x] ", "\n- [ ] 项", "\n- [x] 项", "\n- [1] 项", "\\[", "\\]", "&#91;", "&#93;",
	"(", ")", "*", "**", "*[1]*", "[*a*]", "**[2]**", "[`x`]", "`[1]`", "`", "[a\nb]", "[\n", "\n]", "&amp;", "<", "|",
	"\u3000", "\u00a0", "\xe7\xa0", "\xff", "[http://x.org]", "[www.x]", "[a@b]", "[1]  \n", "[1]   \n", "]    \n", "[1]\t\n",
}

// linkPieces add inline links, simple and not, to bracketPieces: URLs as
// destinations and as text, parentheses in them, titles, angle brackets,
// blanks, escapes, entities, images, emphasis and code in and around them,
// line breaks inside and after them.
var linkPieces = append(bracketPieces[:len(bracketPieces):len(bracketPieces)],
	"[逆转衰老专题](https://example.com/topics/逆转衰老-神药)", "([doi:10.1/S(26)00-4](https://doi.org/10.1/S(26)00-4))",
	"[https://x.org](https://x.org)", "[x.org](x.org)", "[NMN](NMN)", "[www.a.b](http://c)", "[see http://a.b](c)",
	"[a](http://x.org \"t\")", "[a](<b>)", "[a](b c)", "[a]( b)", "[a](b))", "[a](b(c)", "[a](b\\)c)", "[a](b&amp;c)",
	"[a&amp;b](c)", "![a](b)", "[*a*](b)", "*[a](b)*", "**[a](b)**", "[a](b)*", "*[a](b)", "[`a`](b)", "[](b)", "[ ](b)",
	"[a ](b)", "[ a](b)", "[a](b)  \n", "[a](b)   \n", "[a](b)\t", "http://x.org", "www.x.org", "[a](b@c)", "[a\nb](c)",
	"[a](\nb)", "[a](b\n)", "[a](b)", "[研究](/x)", "[a](http://x.org)", "[a](www.x.org)", "(", ")", "[a](b)[c](d)", "[[a](b)]",
	"[a [b](c)]", "[a](b)]", "[1] [a](b)", "[a](b) [1]", "[\u3000](b)", "[a](b\u3000c)", "[a](b\x01)", "[a](\xe7)", "[a](http:", "](http://x.org)", "b](www.x.org)",
)

// plainBlocks reads simple inline links as goldmark does, on random
// Markdown mixing them with brackets and near misses, and takes bodies
// with links.
func TestMarkdownInlineLinksMatchGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(27))
	linksTaken := 0
	for round := 0; round < 40000; round++ {
		src := randomText(rng, linkPieces, rng.Intn(14))
		if mdCheckPlainBlocks(t, "r.md", []byte(src)) && strings.Contains(src, "](") {
			linksTaken++
		}
	}
	require.Greater(t, linksTaken, 1000, "bodies with inline links must take the fast path")
}

// mdCheckPlainBlocks parses src with ParseMarkdown and with goldmark
// alone and requires the same documents: blocks (kind, text, sentences,
// the map at every byte of the text) and comments. It reports whether
// plainBlocks took the body.
func mdCheckPlainBlocks(t *testing.T, name string, src []byte) bool {
	t.Helper()
	got, err := ParseMarkdown(name, src)
	if err != nil {
		_, refErr := parseMarkdownWith(nil, false, name, src, false)
		require.Equal(t, refErr, err, "%q", src)
		return false
	}
	want := referenceMarkdown(t, name, src)
	require.Equal(t, want.Blocks, got.Blocks, "%s: %q", name, src)
	require.Equal(t, want.Comments, got.Comments, "%s: %q", name, src)
	for i, b := range got.Blocks {
		w := want.Blocks[i]
		for k := 0; k <= len(b.Text); k++ {
			require.Equal(t, w.Map.Start(k), b.Map.Start(k), "%s: %q block %d byte %d", name, src, i, k)
			require.Equal(t, w.Map.End(k), b.Map.End(k), "%s: %q block %d byte %d", name, src, i, k)
		}
	}
	start, _ := checkUTF8(name, src, false)
	body, _ := mdFrontMatter(src, start)
	return (&mdParser{src: src, base: body}).plainBlocks()
}

// plainBlocks reads brackets that goldmark leaves as text ("[1]", "文献[2]")
// as goldmark does, on random Markdown full of brackets and link syntax,
// on fixed near misses and on the Markdown articles of the corpus, the
// tests and the benchmark archive, and takes bodies with citation markers.
func TestMarkdownLiteralBracketsMatchGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(26))
	taken, bracketsTaken := 0, 0
	for round := 0; round < 40000; round++ {
		src := randomText(rng, bracketPieces, rng.Intn(30))
		if mdCheckPlainBlocks(t, "r.md", []byte(src)) {
			taken++
			if mdHasBracket(src) {
				bracketsTaken++
			}
		}
	}
	require.Greater(t, bracketsTaken, 1000, "bodies with brackets must take the fast path (%d taken)", taken)
	for _, src := range []string{"[1]", "文献[2]。", "a [1].\nb [2];", "[1] 陈明, 等. 研究. 2026;45(3):201-209.",
		"[1]\n\n[1]: /u", "[1]\n[1]: /u", "[a]\n\n[a]:\n/u", "[a](/u)", "[a] (/u)", "[a][b]\n\n[b]: /u", "[a][]\n\n[a]: /u",
		"![a]\n\n[a]: /i", "[^1]\n\n[^1]: 注", "- [ ] 项", "- [x] 项", "- [1] 项", "*[1]*", "*a [1]* b", "[*a*] b", "[*a] b*",
		"**a [1]**", "`[1]`", "[`a]`", "[a\nb]", "a [1]  \nb", "a [1]   \nb", "a [1]    \nb", "a]  \nb", "[a]\\\nb", "\\[1]",
		"[" + string(make([]byte, 0)) + "]", "[\u3000]", "[\u00a0]", "[1]（2）", "[1]]", "[[1]", "]]", "[[", "# [1]", "# 题[1]"} {
		mdCheckPlainBlocks(t, "fixed.md", []byte(src))
	}
	// The benchmark archive's articles, where it is at hand: they hold
	// citation markers and links.
	archive, err := filepath.Glob("/work/notes/benchout/seed-1/files-5000/archive/000/*.md")
	require.NoError(t, err)
	for _, p := range append(markdownFiles(t), archive...) {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		mdCheckPlainBlocks(t, p, src)
	}
}

func mdHasBracket(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '[' || s[i] == ']' {
			return true
		}
	}
	return false
}

// FuzzMarkdownLinks checks plainBlocks' brackets, inline links and
// ordered items against goldmark on any input.
func FuzzMarkdownLinks(f *testing.F) {
	for _, seed := range []string{"文献[2]。\n- [1] 项", "想了解更多？请访问[逆转衰老专题](https://example.com/topics/逆转衰老-神药)。",
		"*The Lancet* ([doi:10.1/S(26)00-4](https://doi.org/10.1/S(26)00-4)).", "[a](b) [1] ![c](d) [e][f]\n\n[f]: /u", "[x](http://x.org)", "1. a\n2. b\n\n- c\n1) d\n3. e"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) { mdCheckPlainBlocks(t, "f.md", src) })
}

// orderedPieces make random Markdown of paragraphs, headings and lists,
// ordered ones above all: items starting at 1 and at other numbers,
// after blank lines, interrupting paragraphs and items, with either
// delimiter, indented, with too many digits, with blanks and block
// syntax after the marker.
var orderedPieces = []string{
	"研究", "发现", "。", "the ", "study", " ", "  ", "   ", "\n", "\n", "\n\n", "\n\n", "\n# ", "\n- ", "[1]", "*", "**",
	"\n1. ", "\n1. ", "\n2. ", "\n3. ", "\n1) ", "\n2) ", "\n10. ", "\n01. ", "\n0. ", "\n1234567890. ", "\n123456789. ",
	"\n 1. ", "\n   2. ", "\n    3. ", "\n1.", "\n2.", "\n1.     x", "\n1.    x", "\n1.\t", "\n1. # ", "\n1. - ", "\n1. [ ] ",
	"\n1. 2. ", "\n1. =", "\n1. +", "\n2)x", "\n3.5%", "1. ", "2. ", "\n  ", "\n   ", "\n1. *", "\n1. * ", "\n2. `x`",
}

// plainBlocks reads ordered list items as goldmark does, on random
// Markdown of ordered and bullet lists among paragraphs, and takes bodies
// with ordered items.
func TestMarkdownOrderedItemsMatchGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(28))
	orderedTaken := 0
	for round := 0; round < 40000; round++ {
		src := randomText(rng, orderedPieces, rng.Intn(10))
		if mdCheckPlainBlocks(t, "r.md", []byte(src)) && mdHasOrderedItem(src) {
			orderedTaken++
		}
	}
	require.Greater(t, orderedTaken, 500, "bodies with ordered items must take the fast path")
	for _, src := range []string{"1. a\n2. b", "a\n1. b", "a\n2. b", "- a\n1. b", "- a\n2. b", "1. a\n2) b", "1) a\n2) b",
		"1. a\n\n2. b", "# h\n2. b", "1. a\nb\n2. c", "1. a\n   b", "1. a\n\n   b", "01. a\nb\n01. c", "a\n01. b", "2. a\n- b"} {
		mdCheckPlainBlocks(t, "fixed.md", []byte(src))
	}
}

func mdHasOrderedItem(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if mdOrderedMarker([]byte(l)) {
			return true
		}
	}
	return false
}
