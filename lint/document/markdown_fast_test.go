package document

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// referenceMarkdown parses with goldmark configured as it was before any
// shortcut: GFM and footnotes, linkify tried at every trigger.
func referenceMarkdown(t testing.TB, path string, src []byte) *Document {
	t.Helper()
	gfm := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()
	d, err := parseMarkdownWith(gfm, false, path, src, false)
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
	for _, p := range markdownFiles(t) {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		got, err := ParseMarkdown(p, src)
		require.NoError(t, err)
		want := referenceMarkdown(t, p, src)
		require.Equal(t, want.Blocks, got.Blocks, p)
		require.Equal(t, want.Comments, got.Comments, p)
	}
}

// mdRuns.copy extends the last run with a verbatim run that follows it in
// the source; the block built, trimmed at both ends, is the one built from
// the same text cut into runs that are never merged (as goldmark's text
// nodes cut it), with decoded runs among them.
func TestMarkdownRunsMergeLikeSeparateRuns(t *testing.T) {
	rng := rand.New(rand.NewSource(22))
	pieces := []string{"研究", " ", "  ", "\n", "\u3000", "a", "&amp;", "\u00a0"}
	for round := 0; round < 5000; round++ {
		src := []byte(randomText(rng, pieces, 1+rng.Intn(12)))
		merged, separate := &mdRuns{src: src}, &mdRuns{src: src}
		for i := 0; i < len(src); {
			n := 1 + rng.Intn(len(src)-i)
			for i+n < len(src) && !utf8.RuneStart(src[i+n]) {
				n++ // goldmark cuts text at ASCII bytes only: runs hold whole characters
			}
			switch {
			case rng.Intn(5) == 0: // a decoded run standing for the bytes
				text := []string{"&", " ", "\u00a0", "x"}[rng.Intn(4)]
				merged.replace(i, n, text)
				separate.list = append(separate.list, mdRun{text, i, n, false})
			default:
				merged.copy(i, n)
				separate.list = append(separate.list, mdRun{src: i, srcLen: n, verbatim: true})
			}
			if rng.Intn(4) == 0 && i+n < len(src) && src[i+n] < utf8.RuneSelf {
				n++ // a dropped byte (a backslash): the next run does not follow
			}
			i += n
		}
		require.LessOrEqual(t, len(merged.list), len(separate.list))
		require.Equal(t, separate.String(), merged.String(), "%q", src)
		want, wantOK := separate.block(Paragraph)
		got, ok := merged.block(Paragraph)
		require.Equal(t, wantOK, ok, "%q", src)
		require.Equal(t, want, got, "%q", src)
	}
}

// plainPieces make random Markdown that is mostly plain paragraphs and
// headings, with the syntax that must turn plainBlocks away now and then.
var plainPieces = []string{
	"研究", "发现", "。", "the ", "study", " ", "  ", "   ", "\n", "\n", "\n\n", "\n# ", "\n## ", "\n###### ",
	"    ", "####### ", "#", "#x", " #", "\u3000", "\u00a0", "1. ", "2) ", "12", "3.5", "- ", "+ ", "=", "!", "?", ":", "http:", "www.",
	"ftp", "https:", "ftp:", "a@b", "*", "_", "`", "&", "<", ">", "[", "|", "\\", "\t", "\r\n", "---\ntitle: 标题\n---\n", "\ufeff",
}

// plainBlocks gives the documents goldmark gives, on random Markdown (most
// of it plain paragraphs and headings, some of it not), on every Markdown
// article of the corpus and tests, and it is taken for plain text.
func TestMarkdownPlainBlocksMatchGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(24))
	taken, takenNumbers, takenLists, takenRefs, takenLess, takenPipes, takenStars, takenCode := 0, 0, 0, 0, 0, 0, 0, 0
	check := func(name string, src []byte) {
		t.Helper()
		got, err := ParseMarkdown(name, src)
		require.NoError(t, err)
		want := referenceMarkdown(t, name, src)
		require.Equal(t, want.Blocks, got.Blocks, "%s: %q", name, src)
		require.Equal(t, want.Comments, got.Comments, "%s: %q", name, src)
		start, _ := checkUTF8(name, src, false)
		body, _ := mdFrontMatter(src, start)
		if (&mdParser{src: src, base: body}).plainBlocks() {
			taken++
		}
	}
	for round := 0; round < 55000; round++ {
		pieces := plainPieces
		switch round % 11 {
		case 0, 2:
			pieces = plainPieces[:14] // plain only: the fast path is taken
		case 1: // plain but for URLs linkify finds
			pieces = append(slices.Clip(plainPieces[:14]), "http://x.org/a", "https://y.cn/b", "ftp://f.net/c", "www.z.com",
				"Https://no.link", "wwx.no", "ftp:/", ".")
		case 3: // plain but for numbers at line starts: ordered list markers and near misses
			pieces = append(slices.Clip(plainPieces[:14]), "\n1. ", "\n2) ", "\n1.", "\n3)", "\n12. ", "\n1234567890. ",
				"\n3.5", "\n2024.", "\n1.x", "\n7)个", "\n0. ", "\n 1. ", "\n   2) ", "1", "9", ".", ")", "\n1.\n", "\n5)  ")
		case 4: // plain but for '-' list items, nested, indented, interrupting, and near misses
			pieces = append(slices.Clip(plainPieces[:14]), "\n- ", "\n- ", "\n  - ", "\n   - ", "\n-  ", "\n-    ", "\n-     ",
				"\n-", "- ", "-", "\n-x", "\n--", "\n- - ", "\n- # ", "\n- 1. ", "\n- 3.5", "\n---\n", "\n ", "\n  ", "\n\n  ",
				"\n\n ", "\n  # ", "\n- \u3000", "\n- =", "\n- +")
		case 5: // plain but for character references and near misses, in paragraphs, headings and items
			pieces = append(slices.Clip(plainPieces[:14]), "&", "&amp;", " & ", "&amp", "&#20013;", "&#x4E2D;", "&#X4e2d;", "&#32;",
				"&#10;", "&#0;", "&#12345678;", "&#xFFFFFF;", "&nbsp;", "&bogus;", "&lt;", "&#35;", "&;", "&#;", "&#x;", "\n- ", "&copy")
		case 6: // plain but for '<' as text ("P<0.001") and near misses: tags, comments, autolinks, HTML blocks
			pieces = append(slices.Clip(plainPieces[:14]), "P<0.001", "<", "<1", "< ", "<=", "<<", "\n<", "\n<1", "<a", "</", "<!",
				"<?", "<x>", "<b>", "<1@a.b>", "<http://x.org>", "<!-- c -->", "\n<div>\n", "\n<1>", "<\n", "<#", "<-", "<中")
		case 8: // plain but for '|' as text and tables: delimiter rows with and without pipes, and near misses
			pieces = append(slices.Clip(plainPieces[:14]), "|", " | ", "| a | b |", "\n| c | d |", "\n|---|---|", "\n|---|", "\n:--",
				"\n:-:", "\n--:", "\n-|-", "\n - | -", "\n- |", "\n|", "\n:", ":", "-", "\n| :-- |", "\n|:", "\n  |--", "\n- a|b", "\n|x-|")
		case 9: // plain but for '*': emphasis, its runs beside letters, blanks and punctuation, list items and breaks
			pieces = append(slices.Clip(plainPieces[:14]), "*", "*", "**", "**", "***", "**重要**", "*x*", " *", "* ", "\n* ", "\n*",
				"\n**", "\n** **", "\n***", "\n* * *", "。", "，", "（", "）", "\"", "'", ".", "”", "“", "\u3000", "\u00a0", "$", "+",
				"、", "a", "é", "  \n", "    \n", "\n- *", "\n- * ", "\n- **", "\n- ** **", "\n# *", "*\n", "**\n", "\n  *", "&amp;", "&#42;")
		case 10: // plain but for '`': code spans beside text, emphasis and line ends, across lines, fences and near misses
			pieces = append(slices.Clip(plainPieces[:14]), "`", "`", "`code`", "`x`", "``", "```", "\n```\n", "`a b`", "` `", "`*`",
				"*", "**", "\n`", "`\n", "  \n", "    \n", "。", "a", "\n- `", "\n# `", "``a``", "`&amp;`", "&amp;", "|", "\n    `x`")
		}
		before := taken
		check("r.md", []byte(randomText(rng, pieces, rng.Intn(40))))
		switch round % 11 {
		case 3:
			takenNumbers += taken - before
		case 4:
			takenLists += taken - before
		case 5:
			takenRefs += taken - before
		case 6:
			takenLess += taken - before
		case 8:
			takenPipes += taken - before
		case 9:
			takenStars += taken - before
		case 10:
			takenCode += taken - before
		}
	}
	require.Greater(t, taken, 10000, "the random texts must take the fast path")
	require.Greater(t, takenNumbers, 200, "numbers that start no list must take the fast path")
	require.Greater(t, takenLists, 200, "simple '-' list items must take the fast path")
	require.Greater(t, takenRefs, 1000, "character references must take the fast path")
	require.Greater(t, takenLess, 150, "'<' as text must take the fast path")
	require.Greater(t, takenPipes, 300, "'|' as text must take the fast path")
	require.Greater(t, takenStars, 300, "'*' emphasis must take the fast path")
	require.Greater(t, takenCode, 300, "code spans must take the fast path")
	for _, src := range []string{"", "\n", "#", "# ", "#\n", "# a\nb\n# c", "a\n  b  \nc   \n\n d", "   # h #", "a  \n b",
		"###### six", "####### seven", "a\n=\n", "a\n    b", "    code", "\ufeff# t\n\nx",
		"- a\n- b", "- a\nb\n\nc", "- a\n\n  b", "- a\n  # h\n  b", "- a\n# h\n  b", "a\n- b\n\n- c  \nd", "-     code", "- a\n---", "- a\n-",
		"abc\n:--", "a | b\n--|--\nc | d", "a|b\nc|d", "| a |\n| - |", "- a\n|---", "x\n- |",
		"**重要**的发现", "这是*新*药。", "**a** b **c**", "*a\nb*", "# **题**", "- **项**：内容", "**x**    \ny", "**x**  \ny", "a**\u00a0b**",
		"**“引”**", "（**注**）", "a * b", "**a*", "***a***", "\n** **\n", "- * x", "*a* **b** *c*",
		"a**。b**", "a*“b*", "**b。**a", "*b“*a", "。**b**。", "“*b*”", "a *b*", "*b* a", "a**b**c",
		"用`x`表示", "`a` and `b`", "# `题`", "- `项`", "*a `*` b*", "`a`  \nb", "`a`    \nb", "``a``", "`a\nb`", "`a``", "a`", "**`x`**", "`x`**y**"} {
		check("fixed.md", []byte(src))
	}
	for _, p := range markdownFiles(t) {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		check(p, src)
	}
}

// FuzzMarkdownPlainBlocks checks plainBlocks against goldmark on any input.
func FuzzMarkdownPlainBlocks(f *testing.F) {
	for _, seed := range []string{"# 标题\n\n正文第一句。\n第二行  \n\n## 小节\n内容", "a\n  b\n\n   # h\n", "1. x", "#x\n- y", "- 项目一\n- 项目二\n续行\n\n  段落", "3.5%\n- a\n\n- b", "# R&amp;D &copy;\n- a & b&#20013;\n&#32;x&nbsp;", "P<0.001\n- a<=b\n<1", "# **重点**\n这是*新*药，**非常**有效。\n- **项**：a\n* b\n***", "用`x`表示*强调*\n`a\nb`"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, err := ParseMarkdown("f.md", src)
		if err != nil {
			return
		}
		want := referenceMarkdown(t, "f.md", src)
		require.Equal(t, want.Blocks, got.Blocks, "%q", src)
		require.Equal(t, want.Comments, got.Comments, "%q", src)
	})
}

// mdPlainBytes, searching for each of mdNotPlain's bytes in turn, answers
// as a walk over every byte does, on random bodies of Chinese, ASCII and
// mdNotPlain's bytes, a '<' or '@' let through before one that is not.
func TestMdPlainBytesIsByteByByte(t *testing.T) {
	byByte := func(body []byte) bool {
		for k, c := range body {
			if mdNotPlain[c] != 0 && !(c == '<' && k+1 < len(body) && mdLessThan(body[k+1])) &&
				!(c == '@' && (k == 0 || !mdEmailLocal[body[k-1]])) {
				return false
			}
		}
		return true
	}
	pieces := []string{"研究", "表明", "。", "a", "bc", " ", "\n", "<", "<1", "<a", "\\", "_", "~", ">", "[", "]", "@", "a@", "：@", "\t", "\r", "\v", "\f",
		"\xe4", "\xff", "é", "<1<1", "<1<a", "@a@", "a@@"}
	rng := rand.New(rand.NewSource(5))
	plain := 0
	for range 100000 {
		var b []byte
		for range rng.Intn(14) {
			p := pieces[rng.Intn(len(pieces))]
			if rng.Intn(3) > 0 {
				p = pieces[rng.Intn(3)] // mostly Chinese, so that whole words are stepped over
			}
			b = append(b, p...)
		}
		want := byByte(b)
		require.Equal(t, want, mdPlainBytes(b), "%q", b)
		if want {
			plain++
		}
	}
	require.Greater(t, plain, 10000)
	require.Less(t, plain, 90000)
}

// noLinkifyPieces make random Markdown with no link for linkify to find
// but its trigger characters, blanks before line ends (one, two, tabs,
// carriage returns, hard breaks), inline markup and block syntax.
var noLinkifyPieces = []string{
	"研究", "发现", "。", "the ", "study", " ", "  ", "   ", "    ", "\t", "\r", "\r\n", "\n", "\n\n", "\\\n", "# ", "## ",
	"- ", "* ", "1. ", "> ", "h", "f", "w", "ttp", "ww", "(", ")", "*", "_", "~", "~~", "**", "__", "`", "[t](/l)",
	"[t]", "![i](/p)", "<b>", "<!-- c -->", "&amp;", "&#20013;", "\\*", "\\ ", "[^1]", "\n[^1]: 注释\n",
	"| a | b |\n|---|---|\n| c  | d\t|\n", "- [ ] ", "- [x] ", "---\n", "```\ncode\n```\n", ".", ",", ":", "é", "\u3000",
}

// Without linkify goldmark gives the same documents as with it for every
// body mdParserFor takes it for: random Markdown with no link for linkify
// (a good share of it taken), the corpus and tests articles. A line
// ending in two blanks is what keeps linkify: there the two differ.
func TestMarkdownNoLinkifyMatchesGFMParser(t *testing.T) {
	rng := rand.New(rand.NewSource(25))
	taken := 0
	for round := 0; round < 20000; round++ {
		src := []byte(randomText(rng, noLinkifyPieces, rng.Intn(30)))
		if mdParserFor(src) != markdownParserNoLinkify() {
			continue
		}
		taken++
		got, err := parseMarkdownWith(markdownParserNoLinkify(), false, "r.md", src, false)
		require.NoError(t, err)
		want := referenceMarkdown(t, "r.md", src)
		require.Equal(t, want.Blocks, got.Blocks, "%q", src)
		require.Equal(t, want.Comments, got.Comments, "%q", src)
	}
	require.Greater(t, taken, 5000)

	for _, p := range markdownFiles(t) {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		if mdParserFor(src) != markdownParserNoLinkify() {
			continue
		}
		got, err := parseMarkdownWith(markdownParserNoLinkify(), false, p, src, false)
		require.NoError(t, err)
		want := referenceMarkdown(t, p, src)
		require.Equal(t, want.Blocks, got.Blocks, p)
	}

	src := []byte("a\t\t\nb")
	require.Same(t, markdownParser(), mdParserFor(src))
	got, err := parseMarkdownWith(markdownParserNoLinkify(), false, "r.md", src, false)
	require.NoError(t, err)
	require.NotEqual(t, referenceMarkdown(t, "r.md", src).Blocks, got.Blocks)
}

// markdownFiles lists the Markdown articles of the corpus and testdata.
func markdownFiles(t *testing.T) []string {
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
	return paths
}
