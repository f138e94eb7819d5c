package document

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mdParse parses src and fails the test on error.
func mdParse(t testing.TB, src string) *Document {
	t.Helper()
	d, err := ParseMarkdown("a.md", []byte(src))
	require.NoError(t, err)
	return d
}

// mdMapError checks that every rune of a block's Text maps to source bytes
// that are that rune, or to the character reference or inserted separator
// it stands for, and that the map never goes backwards. It returns a
// description of the first problem, or "".
func mdMapError(src []byte, b *Block) string {
	prev := 0
	for i, r := range b.Text {
		s, e := b.Map.Start(i), b.Map.End(i+utf8.RuneLen(r))
		switch {
		case s < prev || s > e || e > len(src):
			return fmt.Sprintf("rune %q at %d maps to %d..%d: out of order or bounds", r, i, s, e)
		case string(src[s:e]) == string(r):
		case e > s && src[s] == '&':
			dec, n := mdEntity(src[s:e])
			if n != e-s || !strings.ContainsRune(dec, r) {
				return fmt.Sprintf("rune %q at %d maps to %q", r, i, src[s:e])
			}
		case s == e && (r == '|' || r == '\n'):
			// Inserted with nothing in the source to stand for.
		default:
			return fmt.Sprintf("rune %q at %d maps to %q", r, i, src[s:e])
		}
		prev = s
	}
	return ""
}

// mdSourceOf returns the source bytes a range of a block's Text maps to.
func mdSourceOf(d *Document, b *Block, start, end int) string {
	s := b.SourceSpan(Span{start, end})
	return string(d.Source[s.Start:s.End])
}

func TestMarkdownMapsEveryRune(t *testing.T) {
	for name, src := range map[string]string{
		"inline markup":  "# 标题 *NMN*\n\n研究**逆转衰老**，见[链接 *文字*](http://example.com \"标题\")和![图 说明](a.png)。\\*不是强调\\*，`code`后文。\n",
		"entities":       "A &amp; B &lt;3 &#x4E2D;&#22269; &copy; &nosuch; &#0; x&#xD800;y\n",
		"lists":          "- 第一项\n  续行\n- 第二项\n\n  第二段\n  1. 嵌套 **项**\n  2. [ ] 任务\n* [x] done\n",
		"quotes":         "> 专家说：\n> “可以逆转衰老。”\n>\n> - 引用里的列表\n\n正文\n",
		"table":          "| 组别 | 结果 |\n|:---|---:|\n| **治疗组** | 逆转衰老 \\| 有效 |\n| 对照 |\n",
		"setext crlf":    "\ufeff标题\r\n===\r\n\r\n第一行\r\n第二行  \r\n第三行\\\r\n结束\r\n",
		"footnote":       "正文[^1]提到研究。\n\n[^1]: 脚注 *内容*。\n\n[^2]: 未引用。\n",
		"front matter":   "---\ntitle: \"NMN \\\"逆转\\\" 衰老\"\ntags: [a]\n---\n# H1\n\n段落 ~~删除~~ 文字。\n",
		"html":           "<div>\n块\n</div>\n\n行内<span class=\"x\">文字</span>和<!-- 注释 -->结束。\n",
		"linkify":        "见 www.example.com 和 https://example.com/path 以及 a@b.com 说明。\n",
		"reference link": "[逆转衰老][ref] 与 [ref]\n\n[ref]: http://example.com/逆转衰老 \"标题\"\n",
		"tabs":           "text\t\n\tmore\n\n-\titem\ttab\n",
	} {
		t.Run(name, func(t *testing.T) {
			d := mdParse(t, src)
			require.NotEmpty(t, d.Blocks)
			for i := range d.Blocks {
				b := &d.Blocks[i]
				assert.Empty(t, mdMapError(d.Source, b), "block %q", b.Text)
				for _, s := range b.Sentences {
					sp := b.SourceSpan(s)
					assert.True(t, sp.Start <= sp.End && sp.End <= len(src), "sentence %v of %q", s, b.Text)
				}
			}
		})
	}
}

func TestMarkdownBlocks(t *testing.T) {
	src := "# 标题\n\n第一段。\n\n## 小节\n\n- 项一\n  - 嵌套\n\n> 引用段。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n    缩进代码\n"
	d := mdParse(t, src)
	var kinds []Kind
	var texts []string
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind)
		texts = append(texts, b.Text)
	}
	assert.Equal(t, []Kind{Title, Paragraph, Heading, ListItem, ListItem, Quote, TableRow, TableRow}, kinds)
	assert.Equal(t, []string{"标题", "第一段。", "小节", "项一", "嵌套", "引用段。", "a|b", "1|2"}, texts)
	assert.Equal(t, "markdown", d.Format)
	assert.Equal(t, "", d.Encoding)
}

func TestMarkdownTitle(t *testing.T) {
	for _, tc := range []struct {
		name, src, title string
		headings         []string // texts of the Heading blocks
	}{
		{"front matter plain", "---\ntitle: NMN 逆转衰老 # comment\nauthor: x\n---\n# 正文标题\n", "NMN 逆转衰老", []string{"正文标题"}},
		{"front matter double quoted", "---\r\ntitle: \"逆转：衰老\"\r\n---\r\n正文\r\n", "逆转：衰老", nil},
		{"front matter single quoted", "---\nTitle: 'It''s 逆转'\n...\n正文\n", "It's 逆转", nil},
		{"front matter without title", "---\nauthor: x\n---\n## 二级\n\n# 一级\n", "一级", []string{"二级"}},
		{"first H1", "正文在前。\n\n## 二级\n\n# 一级\n\n# 又一个\n", "一级", []string{"二级", "又一个"}},
		{"setext H1", "Setext 标题\n===\n\n正文\n", "Setext 标题", nil},
		{"first heading", "引言。\n\n### 三级\n\n## 二级\n", "三级", []string{"二级"}},
		{"first paragraph", "| t | u |\n|---|---|\n\n第一段。\n\n第二段。\n", "第一段。", nil},
		{"unclosed front matter", "---\ntitle: x\n", "title: x", nil},
		{"block scalar title", "---\ntitle: >\n  folded\n---\n# H\n", "H", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mdParse(t, tc.src)
			title := d.Title()
			require.NotNil(t, title)
			assert.Equal(t, tc.title, title.Text)
			assert.Empty(t, mdMapError(d.Source, title))
			var headings []string
			for _, b := range d.Blocks {
				if b.Kind == Heading {
					headings = append(headings, b.Text)
				}
			}
			assert.Equal(t, tc.headings, headings)
		})
	}
}

func TestMarkdownFrontMatterTitleSpan(t *testing.T) {
	src := "---\nauthor: 逆转衰老\ntitle: \"NMN能逆转衰老\"\n---\n正文。\n"
	d := mdParse(t, src)
	require.Len(t, d.Blocks, 2)
	title := d.Blocks[0]
	assert.Equal(t, Title, title.Kind)
	start := strings.Index(src, "NMN")
	assert.Equal(t, Span{start, start + len("NMN能逆转衰老")}, title.SourceSpan(Span{0, len(title.Text)}))
	assert.Equal(t, Paragraph, d.Blocks[1].Kind)
	for _, b := range d.Blocks {
		assert.NotContains(t, b.Text, "author")
	}
}

func TestMarkdownNeverLinted(t *testing.T) {
	src := strings.Join([]string{
		"---", "tags: 逆转衰老", "---",
		"# 标题",
		"```go", "逆转衰老()", "```",
		"",
		"    逆转衰老 indented",
		"",
		"行内 `逆转衰老` 代码和[链接文字](http://example.com/逆转衰老 \"逆转衰老\")，<http://example.com/逆转衰老>，" +
			"<span title=\"逆转衰老\">内联</span><!-- 逆转衰老 -->。",
		"",
		"![图片说明](img/逆转衰老.png) 和 [引用][r]，[https://example.com/逆转衰老](https://example.com/逆转衰老)。",
		"",
		"<div class=\"逆转衰老\">",
		"逆转衰老",
		"</div>",
		"",
		"<!--",
		"逆转衰老",
		"-->",
		"",
		"[r]: http://example.com/逆转衰老",
		"",
	}, "\n")
	d := mdParse(t, src)
	var all strings.Builder
	for _, b := range d.Blocks {
		assert.NotContains(t, b.Text, "逆转衰老", "%v block", b.Kind)
		all.WriteString(b.Text + "\n")
	}
	assert.Contains(t, all.String(), "链接文字")
	assert.Contains(t, all.String(), "图片说明")
	assert.Contains(t, all.String(), "引用")
	assert.Contains(t, all.String(), "内联")
}

func TestMarkdownTermInBoldAndLink(t *testing.T) {
	src := "据称NMN能**逆转衰老**，详见[逆转衰老的研究](http://example.com/逆转衰老)。\n"
	d := mdParse(t, src)
	require.Len(t, d.Blocks, 1)
	b := &d.Blocks[0]
	assert.Equal(t, "据称NMN能逆转衰老，详见逆转衰老的研究。", b.Text)
	term := "逆转衰老"
	first := strings.Index(b.Text, term)
	second := strings.LastIndex(b.Text, term)
	require.NotEqual(t, first, second)
	want1 := strings.Index(src, term)
	want2 := strings.Index(src, "["+term) + 1
	assert.Equal(t, Span{want1, want1 + len(term)}, b.SourceSpan(Span{first, first + len(term)}))
	assert.Equal(t, Span{want2, want2 + len(term)}, b.SourceSpan(Span{second, second + len(term)}))
	assert.Equal(t, 2, strings.Count(b.Text, term), "the URL's occurrence is not in the text")
	// The whole sentence spans from its first to its last source character.
	require.Len(t, b.Sentences, 1)
	assert.Equal(t, strings.TrimSuffix(src, "\n"), mdSourceOf(d, b, b.Sentences[0].Start, b.Sentences[0].End))
}

func TestMarkdownTable(t *testing.T) {
	src := "| 产品 | 宣称 |\n| --- | --- |\n| NMN | *逆转衰老* |\n| 白藜芦醇 | 延缓衰老。有效 |\n"
	d := mdParse(t, src)
	require.Len(t, d.Blocks, 3)
	var cells [][]string
	for i := range d.Blocks {
		b := &d.Blocks[i]
		assert.Equal(t, TableRow, b.Kind, "row %d", i)
		var row []string
		for _, s := range b.Sentences {
			row = append(row, b.Text[s.Start:s.End])
		}
		cells = append(cells, row)
	}
	assert.Equal(t, [][]string{{"产品", "宣称"}, {"NMN", "逆转衰老"}, {"白藜芦醇", "延缓衰老。", "有效"}}, cells)

	row := &d.Blocks[1]
	assert.Equal(t, "NMN|逆转衰老", row.Text)
	at := strings.Index(row.Text, "逆转衰老")
	want := strings.Index(src, "逆转衰老")
	assert.Equal(t, Span{want, want + len("逆转衰老")}, row.SourceSpan(Span{at, at + len("逆转衰老")}))
	// The inserted separator stands for the delimiting pipe.
	sep := strings.IndexByte(row.Text, '|')
	assert.Equal(t, "|", mdSourceOf(d, row, sep, sep+1))
	assert.Empty(t, mdMapError(d.Source, row))
}

func TestMarkdownSoftWrap(t *testing.T) {
	for _, tc := range []struct{ name, src, term string }{
		{"LF", "研究称这种补剂可以逆转\n衰老，但证据有限。\n", "逆转\n衰老"},
		{"CRLF", "研究称这种补剂可以逆转\r\n衰老，但证据有限。\r\n", "逆转\r\n衰老"},
		{"trailing blanks", "可以逆转 \t\n衰老。\n", "逆转"},
		{"hard break", "可以逆转\\\n衰老。\n", "逆转"},
		{"in bold", "可以**逆转\n衰老**。\n", "逆转\n衰老"},
		{"in quote", "> 可以逆转\n> 衰老。\n", "逆转\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mdParse(t, tc.src)
			require.Len(t, d.Blocks, 1)
			b := &d.Blocks[0]
			at := strings.Index(b.Text, tc.term)
			require.GreaterOrEqual(t, at, 0, "text %q", b.Text)
			// The term plus whatever follows up to 衰老 covers the break.
			end := strings.Index(b.Text, "衰老") + len("衰老")
			got := mdSourceOf(d, b, at, end)
			assert.Equal(t, tc.src[strings.Index(tc.src, "逆转"):strings.Index(tc.src, "衰老")+len("衰老")], got)
			assert.Contains(t, b.Text[at:end], "\n", "the newline is kept")
			assert.Empty(t, mdMapError(d.Source, b))
		})
	}
}

func TestMarkdownComments(t *testing.T) {
	src := "<!-- hypelint-disable-next-line hype.cure -- quoting the ad -->\n" +
		"正文<!-- inline note -->继续。\n\n" +
		"> <!-- hypelint-disable\n> hype.cure -->\n> 引用\n\n" +
		"```\n<!-- not a comment -->\n```\n\n" +
		"`<!-- code span -->` 和 <!---->\n"
	d := mdParse(t, src)
	var texts []string
	for _, c := range d.Comments {
		texts = append(texts, c.Text)
		s := string(d.Source[c.Span.Start:c.Span.End])
		assert.True(t, strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->"), "span %q", s)
	}
	assert.Equal(t, []string{
		"hypelint-disable-next-line hype.cure -- quoting the ad",
		"inline note",
		"hypelint-disable\nhype.cure",
		"",
	}, texts)
	first := strings.Index(src, "<!--")
	assert.Equal(t, Span{first, strings.Index(src, "-->") + 3}, d.Comments[0].Span)
	// The comment across quoted lines spans the source including "> ".
	quoted := d.Comments[2].Span
	assert.Equal(t, "<!-- hypelint-disable\n> hype.cure -->", src[quoted.Start:quoted.End])
	for _, b := range d.Blocks {
		assert.NotContains(t, b.Text, "hypelint")
		assert.NotContains(t, b.Text, "note")
	}
}

func TestMarkdownEntities(t *testing.T) {
	src := "A &amp; B &lt;3 &#x4E2D;&#22269; &nosuch; AT&T \\&amp;\n"
	d := mdParse(t, src)
	require.Len(t, d.Blocks, 1)
	b := &d.Blocks[0]
	assert.Equal(t, "A & B <3 中国 &nosuch; AT&T &amp;", b.Text)
	at := strings.Index(b.Text, "中")
	assert.Equal(t, "&#x4E2D;", mdSourceOf(d, b, at, at+len("中")))
	assert.Equal(t, "&#x4E2D;&#22269;", mdSourceOf(d, b, at, at+len("中国")))
	assert.Empty(t, mdMapError(d.Source, b))
}

func TestMarkdownInputErrorsAndBOM(t *testing.T) {
	_, err := ParseMarkdown("bad.md", []byte("# ok\n\xff"))
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 5, ie.Offset)

	d := mdParse(t, "\ufeff# 标题\n")
	require.Len(t, d.Blocks, 1)
	assert.Equal(t, "标题", d.Blocks[0].Text)
	assert.Equal(t, Position{Line: 1, Column: 3, Offset: 5}, d.Position(d.Blocks[0].Map.Start(0)))

	d = mdParse(t, "")
	assert.Empty(t, d.Blocks)
	assert.Nil(t, d.Title())
}

// FuzzParseMarkdown checks that any input either fails cleanly or yields
// blocks whose maps point inside the source, in order, and whose sentences
// lie on rune boundaries.
func FuzzParseMarkdown(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: \"标题\"\n---\n# H1\n\n段落**粗体**[链接](http://x/逆转)。\n",
		"| a | b |\n|---|---|\n| 1 \\| 2 | `x|y` |\n| only\n",
		"- a\n  - b\n    > c\n\n1. d\n\n[^1]: e\n\nf[^1]\n",
		"\ufeffSetext\r\n---\r\ntext  \r\nmore\\\r\nend &amp; &#x4E2D; <!-- c -->\n",
		"<div>\n<!-- x -->\n</div>\n\n    code\n```\nfence\n",
		"> <!-- a\n> b -->\n\twww.example.com <a@b.c> *a **b** c*\n",
		"\xff",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ParseMarkdown("fuzz.md", src)
		if err != nil {
			if utf8.Valid(src) && !containsNUL(src) {
				t.Fatalf("valid UTF-8 rejected: %v", err)
			}
			return
		}
		mdCheckFuzzBlocks(t, d)
		for _, c := range d.Comments {
			if c.Span.Start < 0 || c.Span.Start > c.Span.End || c.Span.End > len(src) {
				t.Fatalf("comment span %v out of bounds", c.Span)
			}
		}
	})
}

func mdCheckFuzzBlocks(t *testing.T, d *Document) {
	prev := 0
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if !utf8.ValidString(b.Text) {
			t.Fatalf("block text %q is not UTF-8", b.Text)
		}
		if msg := mdMapError(d.Source, b); msg != "" {
			t.Fatalf("block %q: %s", b.Text, msg)
		}
		whole := b.SourceSpan(Span{0, len(b.Text)})
		if whole.Start < prev || whole.End > len(d.Source) || whole.Start > whole.End {
			t.Fatalf("block %q span %v out of order or bounds (prev %d)", b.Text, whole, prev)
		}
		prev = whole.End
		last := 0
		for _, s := range b.Sentences {
			if s.Start < last || s.End > len(b.Text) || s.Start >= s.End ||
				!utf8.ValidString(b.Text[s.Start:s.End]) {
				t.Fatalf("sentence span %v bad in block %q", s, b.Text)
			}
			last = s.End
		}
	}
}

// Front matter description, summary, subtitle and excerpt are the
// standfirst, with spans in the source; a title repeated as the first H1
// is one title.
func TestFrontMatterStandfirstAndRepeatedTitle(t *testing.T) {
	src := "---\ntitle: 新药逆转衰老\ndescription: \"这款神药让人返老还童\"\nexcerpt: 这款神药让人返老还童\nsubtitle: 小鼠实验\n---\n\n# 新药逆转衰老\n\n正文第一段。\n"
	d, err := ParseMarkdown("a.md", []byte(src))
	require.NoError(t, err)
	var titles, standfirsts []string
	for _, b := range d.Blocks {
		switch {
		case b.Kind == Title || b.Kind == Heading:
			titles = append(titles, b.Text)
		case b.Role == RoleStandfirst:
			standfirsts = append(standfirsts, b.Text)
			span := b.SourceSpan(Span{0, len(b.Text)})
			assert.Equal(t, b.Text, string(d.Source[span.Start:span.End]))
		}
	}
	assert.Equal(t, []string{"新药逆转衰老"}, titles, "the H1 repeats the front matter title")
	assert.Equal(t, []string{"这款神药让人返老还童", "小鼠实验"}, standfirsts, "the same text twice is one standfirst")
}
