package document

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// mdHasURLPrefix, which looks at the bytes before each colon and searches
// for "www." once, answers as searching for each of linkify's prefixes
// does, on random texts of prefixes, their pieces, colons and near misses.
func TestMdHasURLPrefixIsTheSearch(t *testing.T) {
	search := func(body []byte) bool {
		for _, url := range []string{"http:", "https:", "ftp:", "www."} {
			if bytes.Contains(body, []byte(url)) {
				return true
			}
		}
		return false
	}
	pieces := []string{"http", "https", "ftp", "www", "ww", "w", ".", ":", "://", "h", "t", "p", "s", "f", "tp", "ttp",
		"HTTP", "Http", "FTP", "WWW", "：", "研究", " ", "\n", "a", "\xe4", "httpx"}
	rng := rand.New(rand.NewSource(91))
	found := 0
	for range 100000 {
		body := []byte(randomText(rng, pieces, rng.Intn(10)))
		want := search(body)
		require.Equal(t, want, mdHasURLPrefix(body), "%q", body)
		if want {
			found++
		}
	}
	require.Greater(t, found, 2000)
	require.Less(t, found, 90000)
}

// mdBlockPieces are Markdown sources of one kind of block each (two rows
// for the table) that goldmark reads the same alone as between others.
var mdBlockPieces = []string{
	"## 小标题 *NMN*",
	"研究**逆转衰老**，见[链接 *文字*](http://example.com \"标题\")和![图 说明](a.png)。",
	"A &amp; B &lt;3 &#x4E2D; \\*不是强调\\*，`code`后文。",
	"第一行\n第二行  \n第三行\\\n结束",
	"| 组别 | 结果 |\n|:---|---:|\n| **治疗组** | 逆转衰老 \\| 有效 |",
	"> 专家说：“可以逆转衰老。”",
	"- 第一项 **粗体**",
	"见 www.example.com 和 a@b.com 说明。",
	"Plain English text, with a sentence. And another one!",
}

// The blocks the AST walk reads into the parser's one set of spare runs
// (fresh) are those of each block parsed alone: a block built from the
// runs is not changed by reading the next one into them. Each document
// and each block alone start with the same title, which is dropped.
func TestMarkdownSpareRunsServeEveryBlock(t *testing.T) {
	const head = "# 总标题\n\n"
	alone := make([][]Block, len(mdBlockPieces))
	for i, piece := range mdBlockPieces {
		d, err := parseMarkdownWith(nil, false, "a.md", []byte(head+piece+"\n"), false)
		require.NoError(t, err)
		alone[i] = d.Blocks[1:]
		require.NotEmpty(t, alone[i], piece)
	}
	rng := rand.New(rand.NewSource(92))
	for range 300 {
		var src strings.Builder
		src.WriteString(head)
		var want []Block
		var offsets []int
		for range 1 + rng.Intn(12) {
			k := rng.Intn(len(mdBlockPieces))
			off := src.Len() - len(head)
			src.WriteString(mdBlockPieces[k])
			src.WriteString("\n\n")
			for _, b := range alone[k] {
				want, offsets = append(want, b), append(offsets, off)
			}
		}
		d, err := parseMarkdownWith(nil, false, "a.md", []byte(src.String()), false)
		require.NoError(t, err)
		got := d.Blocks[1:]
		require.Len(t, got, len(want), "%q", src.String())
		for j := range want {
			require.Equal(t, want[j].Kind, got[j].Kind, "%q", src.String())
			require.Equal(t, want[j].Text, got[j].Text, "%q", src.String())
			require.Equal(t, want[j].Sentences, got[j].Sentences, "%q", src.String())
			for i := 0; i <= len(want[j].Text); i++ {
				require.Equal(t, want[j].Map.Start(i)+offsets[j], got[j].Map.Start(i), "%q: block %q at %d", src.String(), got[j].Text, i)
				require.Equal(t, want[j].Map.End(i)+offsets[j], got[j].Map.End(i), "%q: block %q at %d", src.String(), got[j].Text, i)
			}
		}
	}
}

// The line starts a Markdown document keeps from the plain path are those
// indexLines finds: random bodies of paragraphs, headings, items, tables
// and blank lines, after front matter (ending the text or not, with a '\r'
// or not) and a byte-order mark or not. Bodies the plain path refuses
// keep none.
func TestMarkdownLineStartsMatchIndexLines(t *testing.T) {
	pieces := []string{"研究发现", "Plain text.", " ", "\n", "\n\n", "# 标题\n", "- 项目\n", "1. first\n",
		"\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", "| x | y |\n", "**粗体**", "[链接](http://e.com)", "> 引用\n\n", "\r\n"}
	fronts := []string{"", "---\ntitle: T\n---\n", "---\ntitle: T\n---", "---\r\ntitle: T\r\n---\r\n", "---\ndescription: d\n...\n\n"}
	rng := rand.New(rand.NewSource(93))
	kept := 0
	for range 20000 {
		src := fronts[rng.Intn(len(fronts))] + randomText(rng, pieces, rng.Intn(12))
		if rng.Intn(4) == 0 {
			src = "\ufeff" + src
		}
		d, err := ParseMarkdown("a.md", []byte(src))
		require.NoError(t, err)
		got := d.lineStarts
		d.lineStarts = nil
		d.indexLines()
		if got != nil {
			kept++
			require.Equal(t, d.lineStarts, got, "%q", src)
		}
	}
	require.Greater(t, kept, 5000)
}
