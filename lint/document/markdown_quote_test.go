package document

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// quotePieces make random Markdown of paragraphs, headings and list items
// with '>' everywhere: one-line quotes between blank lines, quotes of
// several lines, lazy continuations, nested quotes, quotes holding
// headings, lists, code and thematic breaks, indented quotes, quotes
// inside items, and '>' as text ("p > 0.05", "a>b", "&gt;").
var quotePieces = []string{
	"研究", "发现", "。", "the ", "study", " ", "  ", "\n", "\n", "\n\n", "\n\n", "\n# ", "\n- ", "\n1. ", "（", "）",
	"\n\n> ", "\n\n> ", "\n> ", "> ", ">", " >", "> 广告里的“28天逆龄”没有任何研究支持。——一位医生说", "p > 0.05", "a>b", "&gt;",
	"\n\n>", "\n\n>> ", "\n\n> > ", "\n\n>\n", "\n\n> - a", "\n\n> # h", "\n\n> 1. a", "\n\n> 2026年", "\n\n>a", "\n   > ",
	"\n    > ", "\n\n> ---", "\n---", "\n===", "\n\n> `c`", "\n\n> *a*", "*a*", "**b**", "`c`", "[1]", "[a](/u)", "> [a](b>c)",
	"\n\n> |a|", "\n- > x", "\n1. > x", "\n# > h", "\n\n>  a", "\n\n> \u3000a", "> \n", "   \n", "\n\n> a  \n", "\n\n> a\n> b",
}

// plainBlocks reads one-line block quotes and '>' in text as goldmark
// does, on random Markdown full of '>', on fixed near misses, and takes
// bodies with quotes.
func TestMarkdownQuotesMatchGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(29))
	quotesTaken := 0
	for round := 0; round < 40000; round++ {
		src := randomText(rng, quotePieces, rng.Intn(14))
		if mdCheckPlainBlocks(t, "r.md", []byte(src)) && strings.Contains("\n"+src, "\n> ") {
			quotesTaken++
		}
	}
	require.Greater(t, quotesTaken, 400, "bodies with quotes must take the fast path")
	for _, src := range []string{"> a", "> a\n", "> a\n\nb", "a\n> b", "> a\nb", "> a\n> b", "> a\n>\n", "> a\n\n> b",
		"- a\n\n> b", "- a\n> b", "# h\n> a", "> # h", "> - a", "> 1. a", "> 1a", ">a", ">  a", "   > a", "> a  ", "> a\n   ",
		"> *a*", "> *a", "> a*\n\nb*", "a > b", "- > a", "1. > a", "# > a", "> a\n---", "> a\n===", "> ---", "> [a](b)",
		"p > 0.05。", "> a\n\n[a]: /u"} {
		mdCheckPlainBlocks(t, "fixed.md", []byte(src))
	}
}

// tablePieces make random Markdown of paragraphs, headings, items and
// quotes with GFM tables: rows with and without outer pipes, short and
// long rows, empty cells, alignments, indented rows, delimiter rows that
// are not ("---", "|-|x|"), tables right after a paragraph line, rows
// with emphasis, code, links and entities, and '|' as text.
var tablePieces = []string{
	"研究", "发现", "。", "the ", "study", " ", "  ", "\n", "\n", "\n\n", "\n\n", "\n# ", "\n- ", "\n\n> ", "|", " | ", "||",
	"\n\n| 指标 | 补充前 | 补充后 |\n| --- | --- | --- |\n| 跑步距离 | 120米 | 210米，堪称奇迹 |\n",
	"\n\n| Outcome | Statin (n = 1,006) |\n| --- | --- |\n| Heart attack | 31 |\n| Muscle pain | 62 |",
	"\n\n| a | b |\n", "\n\n| a |\n", "| --- | --- |\n", "|---|---|\n", "| :--- | ---: |\n", "| :-: | - |\n", "| --- |\n",
	"\n| a | b |", "\n| c | d |", "\n| c |", "\n| c | d | e |", "\n|  | d |", "\n| *a* | **b** |", "\n| `c` | d |", "\n| [1] | [a](/u) |",
	"\n| a &amp; b | c |", "\n a | b ", "\n  | a | b |", "\n| --- | x |", "\n---", "\n| - |", "\n|-|-|", "\n| a | b |  ", "\n| a |b|",
	"\n| *a | b* |", "\n| a` | `b |", "\n| 1. a | b |", "\n| # a | b |", "\n| > a | b |",
}

// plainBlocks reads simple GFM tables as goldmark does, on random
// Markdown full of tables and near misses, on fixed near misses, and takes
// bodies with tables.
func TestMarkdownTablesMatchGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(30))
	tablesTaken := 0
	for round := 0; round < 40000; round++ {
		src := randomText(rng, tablePieces, rng.Intn(14))
		if mdCheckPlainBlocks(t, "r.md", []byte(src)) && mdHasTable(src) {
			tablesTaken++
		}
	}
	t.Logf("tables taken %d", tablesTaken)
	require.Greater(t, tablesTaken, 400, "bodies with tables must take the fast path")
	for _, src := range []string{"| a |\n| --- |", "| a |\n| --- |\n| b |", "| a | b |\n| --- | --- |\n| c | d |\n\ne",
		"x\n| a |\n| --- |", "# h\n| a |\n| --- |\n| b |", "- i\n\n| a |\n| --- |", "- i\n| a |\n| --- |", "| a |\n| --- |\nb",
		"| a |\n| --- |\n- b", "| a |\n| --- |\n# b", "| a |\n| --- |\n| b | c |", "| a | b |\n| --- | --- |\n| c |",
		"| a | b |\n| --- |", "| a |\n| --- | --- |", "|  |\n| --- |", "| a |\n| --- |\n|  |", "a |\n| --- |", "| a\n| --- |",
		"| a |\n--- |", "| a |\n| :-: |", "| a |\n| :- |", "| a |\n| -: |", "| a |\n| : |", "| a |\n| --- |\n| --- |",
		"| *a* |\n| --- |", "| a |\n| --- |\n\n| b |\n| --- |", "| a |\n| --- |\n> b", "> | a |\n| --- |"} {
		mdCheckPlainBlocks(t, "fixed.md", []byte(src))
	}
}

// mdHasTable reports a line that may be a table's delimiter row.
func mdHasTable(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if mdTableDelimiter([]byte(strings.TrimSpace(l))) {
			return true
		}
	}
	return false
}

// atPieces make random Markdown with '@': addresses linkify finds (after a
// blank, '(', '*', at a line's start), near misses, and '@' after
// characters no address's local part holds ("：@clinic", "（@x", "@" first).
var atPieces = []string{
	"研究", "发现", "。", "the ", "study", " ", "  ", "\n", "\n", "\n\n", "\n# ", "\n- ", "\n\n> ", "*a*",
	"press@senex.example", " press@senex.example.", "(a@b.c)", "*a@b.c*", "a@b", "a@b.", "@", "@x", " @x", "：@puyan-clinic",
	"（@x）", "\n@x", "@@", "a@@b.c", ".@x.y", "-@x.y", "_@x.y", "!@x.y", "é@x.y", "\u3000@x.y", "[a](b@c)", "[a@b.c]", "[1]@x.y",
	"&amp;@x.y", ";@x.y", "1@x.y", "Z@x.y", "{@x.y", "~@x.y", "\t@", "<@x>", "LINE預約：@puyan-clinic｜電話：02-2700-1688",
}

// plainBlocks reads an '@' no address can hold as text, as goldmark does,
// on random Markdown full of addresses and near misses, and takes bodies
// with such an '@'.
func TestMarkdownAtSignsMatchGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(31))
	atTaken := 0
	for round := 0; round < 40000; round++ {
		src := randomText(rng, atPieces, rng.Intn(14))
		if mdCheckPlainBlocks(t, "r.md", []byte(src)) && strings.Contains(src, "@") {
			atTaken++
		}
	}
	t.Logf("bodies with '@' taken %d", atTaken)
	require.Greater(t, atTaken, 400, "bodies with an '@' no address holds must take the fast path")
}
