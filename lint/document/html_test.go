package document

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// htmlMapProblem checks that every rune of every block's text maps back to
// source bytes that are that rune, or a character reference that decodes to
// it, or markup (a cell separator is inserted at a cell's tag, a <br> line
// break stands for the tag), and that the map never goes backwards. It
// returns the first problem found, or "".
func htmlMapProblem(d *Document) string {
	src := d.Source
	for _, b := range d.Blocks {
		prev := 0
		for i, r := range b.Text {
			s := b.SourceSpan(Span{i, i + utf8.RuneLen(r)})
			if s.Start < prev || s.Start > s.End || s.End > len(src) {
				return fmt.Sprintf("block %q: rune %q at %d maps to %v (previous %d, source length %d)", b.Text, r, i, s, prev, len(src))
			}
			prev = s.Start
			if p := htmlRuneProblem(src, s, r); p != "" {
				return fmt.Sprintf("block %q: rune %q at %d: %s", b.Text, r, i, p)
			}
		}
	}
	return ""
}

func htmlRuneProblem(src []byte, s Span, r rune) string {
	got := string(src[s.Start:s.End])
	switch {
	case got == string(r):
		return ""
	case strings.HasPrefix(got, "&") && html.UnescapeString(got) != got && strings.ContainsRune(html.UnescapeString(got), r):
		return "" // a character reference
	case r == '|' && s.Start == s.End && strings.HasPrefix(strings.ToLower(string(src[s.Start:])), "<t"):
		return "" // a cell separator, anchored at <td> or <th>
	case r == '\n' && strings.HasPrefix(got, "<") && strings.HasSuffix(got, ">"):
		return "" // a line break standing for <br> or a block tag in a cell
	}
	return fmt.Sprintf("maps to %v = %q", s, got)
}

// summary lists the blocks as "kind: text".
func htmlSummary(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Kind.String()+": "+b.Text)
	}
	return out
}

func mustParseHTML(t *testing.T, src string) *Document {
	t.Helper()
	d, err := ParseHTML("a.html", []byte(src))
	require.NoError(t, err)
	require.Empty(t, htmlMapProblem(d))
	return d
}

// sourceOf returns the source bytes that the n-th occurrence (from 0) of
// term in the block's text maps to, and their offset.
func htmlSourceOf(t *testing.T, d *Document, b *Block, term string, n int) (string, int) {
	t.Helper()
	at := -1
	for range n + 1 {
		i := strings.Index(b.Text[at+1:], term)
		require.GreaterOrEqual(t, i, 0, "%q not in %q", term, b.Text)
		at += 1 + i
	}
	s := b.SourceSpan(Span{at, at + len(term)})
	return string(d.Source[s.Start:s.End]), s.Start
}

func TestParseHTMLArticle(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "html", "cms-export.html"))
	require.NoError(t, err)
	d, err := ParseHTML("cms-export.html", src)
	require.NoError(t, err)
	require.Empty(t, htmlMapProblem(d))
	assert.Equal(t, "html", d.Format)
	assert.Equal(t, []string{
		"title: 研究称NMN可“逆转衰老” - 健康频道",
		"heading: 研究称NMN可逆转衰老",
		"paragraph: 来源：健康时报\u00a0\u00a02024-05-01",
		"paragraph: 近日，一项发表在《自然》上的研究引发关注。",
		"paragraph: 研究人员给老年小鼠补充NMN后，\n\n其肌肉功能有所改善。",
		"paragraph: 专家指出，这项研究只在小鼠身上进行，“距离人体应用还很远”。",
		"paragraph: 研究要点：",
		"list-item: 样本量：每组12只小鼠",
		"list-item: 周期：8周",
		"table-row: 组别|肌肉力量变化",
		"table-row: NMN组|+18%",
		"table-row: 对照组|+2%",
		"quote: 这只是一项初步研究。",
		"quote: 需要进一步的临床试验。",
		"paragraph: 图为实验小鼠",
	}, htmlSummary(d))
	assert.Equal(t, []Span{{0, len("NMN组")}, {len("NMN组|"), len("NMN组|+18%")}}, d.Blocks[10].Sentences)
	require.Len(t, d.Comments, 1)
	assert.Equal(t, "hypelint-disable-next-line absolute-claims", d.Comments[0].Text)
	c := d.Comments[0].Span
	assert.Equal(t, "<!-- hypelint-disable-next-line absolute-claims -->", string(src[c.Start:c.End]))
	for _, b := range d.Blocks {
		assert.NotContains(t, b.Text, "逆转衰老的", "alt text")
		assert.NotContains(t, b.Text, "JavaScript", "noscript")
	}
}

func TestParseHTMLTitle(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"title and h1", "<title>标题</title><h1>大标题</h1><p>正文。</p>",
			[]string{"title: 标题", "heading: 大标题", "paragraph: 正文。"}},
		{"first h1 without title", "<h2>栏目</h2><h1>大标题</h1><p>正文。</p><h1>再一个</h1>",
			[]string{"heading: 栏目", "title: 大标题", "paragraph: 正文。", "heading: 再一个"}},
		{"blank title", "<title> &nbsp; </title><h1>大标题</h1>",
			[]string{"title: 大标题"}},
		{"neither", "<h2>小标题</h2><p>正文。</p>",
			[]string{"heading: 小标题", "paragraph: 正文。"}},
		{"second title", "<title>一</title><body><title>二</title>",
			[]string{"title: 一", "heading: 二"}},
		{"h1 with markup", "<h1 class=x>NMN<br><em>逆转</em>衰老</h1>",
			[]string{"title: NMN\n逆转衰老"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, htmlSummary(mustParseHTML(t, tc.src)))
		})
	}
	assert.Nil(t, mustParseHTML(t, "<p>没有标题。</p>").Title())
}

func TestParseHTMLBlockKinds(t *testing.T) {
	src := `<title>T</title>
<h2>小标题</h2><h3>三级</h3><h6>六级</h6>
<p>段落。</p>
<ol><li>一<li><p>二</p></li></ol>
<table><caption>表1</caption><thead><tr><th>A</th><th>B</th></tr></thead>
<tbody><tr><td>1</td><td></td><td>3</td></tr><tr><td><p>段</p><p>落</p></td><td>x<br>y</td></tr></tbody></table>
<blockquote>直接引用<p>段内引用</p>尾部</blockquote>
<figure><figcaption>图注</figcaption></figure>
<dl><dt>术语</dt><dd>定义</dd></dl>
<article>文章里的裸文本<section>节里的裸文本</section></article>
<div>甲<div>乙</div>丙<hr>丁</div>`
	d := mustParseHTML(t, src)
	assert.Equal(t, []string{
		"title: T",
		"heading: 小标题", "heading: 三级", "heading: 六级",
		"paragraph: 段落。",
		"list-item: 一", "list-item: 二",
		"paragraph: 表1",
		"table-row: A|B", "table-row: 1||3", "table-row: 段\n落|x\ny",
		"quote: 直接引用", "quote: 段内引用", "quote: 尾部",
		"paragraph: 图注",
		"paragraph: 术语", "paragraph: 定义",
		"paragraph: 文章里的裸文本", "paragraph: 节里的裸文本",
		"paragraph: 甲", "paragraph: 乙", "paragraph: 丙", "paragraph: 丁",
	}, htmlSummary(d))
	var cells []string
	for _, b := range d.Blocks {
		if b.Kind == TableRow {
			for _, s := range b.Sentences {
				cells = append(cells, b.Text[s.Start:s.End])
			}
		}
	}
	assert.Equal(t, []string{"A", "B", "1", "3", "段\n落", "x\ny"}, cells)

	// A block tag inside a cell is a line break only between texts, and
	// stands for the tag.
	d = mustParseHTML(t, "<tr><td>\n<div>甲</div> <em>乙</em>\n<ul><li>丙</ul></td><td><p>丁</p></td></tr>")
	require.Len(t, d.Blocks, 1)
	b := &d.Blocks[0]
	assert.Equal(t, "甲\n 乙\n\n丙|丁", b.Text)
	got, _ := htmlSourceOf(t, d, b, "\n", 0)
	assert.Equal(t, "</div>", got)
	got, _ = htmlSourceOf(t, d, b, "\n", 1)
	assert.Equal(t, "\n", got) // white space in the source, kept verbatim
	got, _ = htmlSourceOf(t, d, b, "\n", 2)
	assert.Equal(t, "<li>", got)
}

func TestParseHTMLNeverLinted(t *testing.T) {
	const term = "逆转衰老"
	src := `<!DOCTYPE html><html><head><title>标题</title>
<style>/* 逆转衰老 */ .a{content:"逆转衰老"}</style>
<script>alert("逆转衰老")</script></head><body>
<!-- 逆转衰老 -->
<p title="逆转衰老" data-x=逆转衰老>看<a href="/逆转衰老" title='逆转衰老'>链接文字</a>和<em>强调</em>及<strong>加粗</strong>。</p>
<p>代码<code>逆转衰老()</code>之后</p>
<pre>逆转衰老</pre>
<pre><code>逆转衰老</code></pre>
<noscript>逆转衰老</noscript>
<template><p>逆转衰老</p></template>
<svg><title>逆转衰老</title><text>逆转衰老</text></svg>
<math><mi>逆转衰老</mi></math>
<img alt="逆转衰老" src="a.png"><img alt=逆转衰老>
<textarea>逆转衰老</textarea><select><option>逆转衰老</option></select>
<iframe>逆转衰老</iframe><video>逆转衰老</video>
<p>结尾。</p></body></html>`
	d := mustParseHTML(t, src)
	for _, b := range d.Blocks {
		assert.NotContains(t, b.Text, term)
		assert.NotContains(t, b.Text, "逆转")
	}
	assert.Equal(t, []string{
		"title: 标题", "paragraph: 看链接文字和强调及加粗。", "paragraph: 代码之后", "paragraph: 结尾。",
	}, htmlSummary(d))
	p := &d.Blocks[1]
	for _, term := range []string{"链接文字", "强调", "加粗"} {
		got, at := htmlSourceOf(t, d, p, term, 0)
		assert.Equal(t, term, got)
		assert.Equal(t, strings.Index(src, ">"+term+"<")+1, at, term)
	}
	require.Len(t, d.Comments, 1)
	assert.Equal(t, term, d.Comments[0].Text)
}

func TestParseHTMLEntities(t *testing.T) {
	src := "<p>&ldquo;神药&rdquo; &amp; miracle</p>"
	d := mustParseHTML(t, src)
	require.Len(t, d.Blocks, 1)
	b := &d.Blocks[0]
	assert.Equal(t, "“神药” & miracle", b.Text)
	got, at := htmlSourceOf(t, d, b, "神药", 0)
	assert.Equal(t, "神药", got)
	assert.Equal(t, strings.Index(src, "神药"), at)
	got, at = htmlSourceOf(t, d, b, "“", 0)
	assert.Equal(t, "&ldquo;", got)
	assert.Equal(t, strings.Index(src, "&ldquo;"), at)
	got, _ = htmlSourceOf(t, d, b, "“神药”", 0)
	assert.Equal(t, "&ldquo;神药&rdquo;", got)
	got, _ = htmlSourceOf(t, d, b, "&", 0)
	assert.Equal(t, "&amp;", got)
}

func TestParseHTMLEntityForms(t *testing.T) {
	for _, tc := range []struct{ src, text, first string }{
		{"&#x4E2D;国", "中国", "&#x4E2D;"},
		{"&#20013;国", "中国", "&#20013;"},
		{"&#X4e2d国", "中国", "&#X4e2d"}, // no semicolon
		{"&nbsp;x", "x", "x"},         // leading &nbsp; is trimmed
		{"a&nbsp;b", "a\u00a0b", "a"},
		{"&lt;b&gt;", "<b>", "&lt;"},
		{"&ampfoo", "&foo", "&amp"}, // legacy name without ';'
		{"&notit;", "¬it;", "&not"},
		{"&notin;", "∉", "&notin;"},
		{"AT&T &unknown; & &#;", "AT&T &unknown; & &#;", "A"},
		{"&#128138;药丸", "💊药丸", "&#128138;"},
		{"&#x80;", "€", "&#x80;"}, // Windows-1252
		{"&#0;x", "\ufffdx", "&#0;"},
		{"&NotEqualTilde;", "≂̸", "&NotEqualTilde;"}, // two code points
		{"x &", "x &", "x"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			d := mustParseHTML(t, "<p>"+tc.src+"</p>")
			require.Len(t, d.Blocks, 1)
			b := &d.Blocks[0]
			assert.Equal(t, tc.text, b.Text)
			_, n := utf8.DecodeRuneInString(b.Text)
			s := b.SourceSpan(Span{0, n})
			assert.Equal(t, tc.first, string(d.Source[s.Start:s.End]))
		})
	}
}

func TestParseHTMLRepeatedTerm(t *testing.T) {
	src := "<p>所谓神药，其实不是<strong>神药</strong>。</p>"
	d := mustParseHTML(t, src)
	require.Len(t, d.Blocks, 1)
	b := &d.Blocks[0]
	assert.Equal(t, "所谓神药，其实不是神药。", b.Text)
	first, at1 := htmlSourceOf(t, d, b, "神药", 0)
	second, at2 := htmlSourceOf(t, d, b, "神药", 1)
	assert.Equal(t, "神药", first)
	assert.Equal(t, "神药", second)
	assert.Equal(t, strings.Index(src, "神药"), at1)
	assert.Equal(t, strings.Index(src, "<strong>神药")+len("<strong>"), at2)
}

func TestParseHTMLLineBreaks(t *testing.T) {
	src := "<p>第一行<br>第二行<BR/>第三行</p>"
	d := mustParseHTML(t, src)
	require.Len(t, d.Blocks, 1)
	b := &d.Blocks[0]
	assert.Equal(t, "第一行\n第二行\n第三行", b.Text)
	got, _ := htmlSourceOf(t, d, b, "\n", 0)
	assert.Equal(t, "<br>", got)
	got, _ = htmlSourceOf(t, d, b, "\n", 1)
	assert.Equal(t, "<BR/>", got)

	assert.Equal(t, []string{"paragraph: 甲", "paragraph: 乙", "list-item: 丙\n\n丁"},
		htmlSummary(mustParseHTML(t, "<div>甲<br> <br>乙<br></div><li>丙<br><br>丁</li>")))
	assert.Equal(t, []string{"paragraph: 甲", "paragraph: 乙"},
		htmlSummary(mustParseHTML(t, "<p>甲<br>&nbsp;<br/>乙</p>")))
}

func TestParseHTMLComments(t *testing.T) {
	src := "<p>甲<!--hypelint-disable-line x-->乙</p><!---->\n<!-- a --!><!--> <?xml x?><![CDATA[逆转]]></ x><!-- 未结束"
	d := mustParseHTML(t, src)
	assert.Equal(t, []string{"paragraph: 甲乙"}, htmlSummary(d))
	var texts []string
	for _, c := range d.Comments {
		texts = append(texts, c.Text)
		assert.True(t, strings.HasPrefix(src[c.Span.Start:c.Span.End], "<!--"))
	}
	assert.Equal(t, []string{"hypelint-disable-line x", "", "a", "", "未结束"}, texts)
	assert.Equal(t, len(src), d.Comments[4].Span.End)
}

func TestParseHTMLMalformed(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"unclosed p", "<p>一<p>二<div>三</div>四",
			[]string{"paragraph: 一", "paragraph: 二", "paragraph: 三", "paragraph: 四"}},
		{"stray end tags", "甲</p>乙</li></td></table></h1>丙",
			[]string{"paragraph: 甲", "paragraph: 乙", "paragraph: 丙"}},
		{"uppercase", "<TITLE>大写</TITLE><P CLASS=a>段</P><UL><LI>项</UL>",
			[]string{"title: 大写", "paragraph: 段", "list-item: 项"}},
		{"unquoted attributes", "<p class=a id=b data-x=逆转衰老>文本</p><a href=/x/y>链</a>",
			[]string{"paragraph: 文本", "paragraph: 链"}},
		{"unclosed li and td", "<ul><li>一<li>二</ul><table><tr><td>a<td>b<tr><td>c</table>后",
			[]string{"list-item: 一", "list-item: 二", "table-row: a|b", "table-row: c", "paragraph: 后"}},
		{"cells without table", "<td>a<td>b",
			[]string{"table-row: a|b"}},
		// As in browsers, a <p> inside an unclosed heading is part of it,
		// and any heading end tag closes any heading.
		{"unclosed heading", "<h2>题<p>文</p><h3>再</h2>后",
			[]string{"heading: 题", "heading: 文", "heading: 再", "paragraph: 后"}},
		{"unclosed code ends at block", "<p>前<code>逆转衰老<p>后</p>",
			[]string{"paragraph: 前", "paragraph: 后"}},
		{"nested skip", "<svg><svg>逆转</svg>逆转</svg>后<code><code>逆转</code>逆转</code>尾",
			[]string{"paragraph: 后尾"}},
		{"self-closing", "<p/>一<div/>二<code/>三<svg/>四<script/>逆转</script>五",
			[]string{"paragraph: 一", "paragraph: 二三四五"}},
		{"less-than in text", "<p>a < b && c <3 </p>",
			[]string{"paragraph: a < b && c <3"}},
		{"tag cut off at EOF", "<p>正文<a href=",
			[]string{"paragraph: 正文"}},
		{"end tag cut off at EOF", "<p>正文</p",
			[]string{"paragraph: 正文"}},
		{"empty end tag", "<p>甲</>乙</p>",
			[]string{"paragraph: 甲乙"}},
		{"unclosed title", "<title>标题<p>不是段落",
			[]string{"title: 标题<p>不是段落"}},
		{"unclosed script", "<p>前</p><script>逆转衰老",
			[]string{"paragraph: 前"}},
		{"text after body", "<body><p>一</p></body>二</html>三",
			[]string{"paragraph: 一", "paragraph: 二三"}},
		{"deep nesting", strings.Repeat("<div><span>", 600) + "深" + strings.Repeat("</div>", 700) + "<h1>题</h1>",
			[]string{"paragraph: 深", "title: 题"}},
		{"CRLF and tabs", "<p>\r\n\t一行\r\n二行\t</p>\r\n",
			[]string{"paragraph: 一行\r\n二行"}},
		{"doctype and processing instruction", "<?xml version=1.0?><!DOCTYPE html>文",
			[]string{"paragraph: 文"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, htmlSummary(mustParseHTML(t, tc.src)))
		})
	}
}

func TestParseHTMLInput(t *testing.T) {
	d := mustParseHTML(t, "\ufeff<p>正文</p>")
	require.Len(t, d.Blocks, 1)
	assert.Equal(t, 6, d.Blocks[0].SourceSpan(Span{0, 3}).Start)
	assert.Equal(t, Position{Line: 1, Column: 4, Offset: 6}, d.Position(6))

	_, err := ParseHTML("bad.html", []byte("<p>\xff</p>"))
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 3, ie.Offset)
	_, err = ParseHTML("nul.html", []byte("<p>a\x00</p>"))
	require.ErrorAs(t, err, &ie)

	d = mustParseHTML(t, "")
	assert.Empty(t, d.Blocks)
	assert.Equal(t, "html", d.Format)
}

// FuzzParseHTML checks that any input either fails cleanly or yields blocks
// in source order whose every rune maps to source bytes that produce it, and
// sentences on rune boundaries.
func FuzzParseHTML(f *testing.F) {
	article, err := os.ReadFile(filepath.Join("testdata", "html", "cms-export.html"))
	require.NoError(f, err)
	f.Add(article)
	for _, seed := range []string{
		"<title>T&amp;</title><h1>H</h1><p>a<br><br>b<b>c</b>&ldquo;x&rdquo;</p>",
		"<table><tr><td>a<td><p>b</p>c<tr><th>d</table>",
		"<ul><li>x<li>y</ul><blockquote>q<p>r</p></blockquote><!-- c --!>",
		"<p>a<code>b<pre>c</pre><svg><title>t</title></svg><script>s</script>&#x4E2D;&ampfoo",
		"\ufeff<div>甲<div>乙</div>丙</div></p></td></>",
		"<p>&#12345678901234567890123456789012345678901234567890;",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ParseHTML("fuzz.html", src)
		if err != nil {
			if utf8.Valid(src) && !containsNUL(src) {
				t.Fatalf("valid UTF-8 rejected: %v", err)
			}
			return
		}
		if p := htmlMapProblem(d); p != "" {
			t.Fatal(p)
		}
		prev := 0
		for _, b := range d.Blocks {
			whole := b.SourceSpan(Span{0, len(b.Text)})
			if b.Text == "" || whole.Start < prev || whole.End > len(src) || whole.Start > whole.End {
				t.Fatalf("block %q span %v out of order or bounds (prev %d, len %d)", b.Text, whole, prev, len(src))
			}
			prev = whole.End
			last := 0
			for _, s := range b.Sentences {
				if s.Start < last || s.End > len(b.Text) || s.Start >= s.End {
					t.Fatalf("sentence span %v bad in block %q", s, b.Text)
				}
				if !utf8.ValidString(b.Text[s.Start:s.End]) {
					t.Fatalf("sentence %v splits a rune in %q", s, b.Text)
				}
				last = s.End
			}
		}
		for _, c := range d.Comments {
			if c.Span.Start < 0 || c.Span.End > len(src) || c.Span.Start >= c.Span.End {
				t.Fatalf("comment span %v bad (len %d)", c.Span, len(src))
			}
		}
	})
}

// <meta name="description"> and og:description are the standfirst, with
// entities decoded and spans on the attribute value; <figcaption> is a
// caption; an <h1> repeating <title> is one title.
func TestMetaDescriptionCaptionAndRepeatedTitle(t *testing.T) {
	src := `<html><head><title>NMN reverses ageing</title>
<meta name="description" content="A miracle &amp; more">
<meta property="og:description" content='A miracle &amp; more'>
</head><body><h1>NMN reverses ageing</h1>
<figure><img src="a.png"><figcaption>Mice on a wheel</figcaption></figure>
<p>Body text.</p></body></html>`
	d, err := ParseHTML("a.html", []byte(src))
	require.NoError(t, err)
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Kind.String()+"/"+b.Role+":"+b.Text)
	}
	assert.Equal(t, []string{"title/:NMN reverses ageing", "paragraph/standfirst:A miracle & more",
		"paragraph/caption:Mice on a wheel", "paragraph/:Body text."}, got)
	sf := d.Blocks[1]
	span := sf.SourceSpan(Span{0, len(sf.Text)})
	assert.Equal(t, "A miracle &amp; more", string(d.Source[span.Start:span.End]))
}
