package document

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sentenceTexts(text string, kind Kind) []string {
	var out []string
	for _, s := range Sentences(text, kind) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentencesChinese(t *testing.T) {
	got := sentenceTexts("研究显示效果显著。但专家提醒：样本很小！真的吗？“这是初步结果。”他说；还需验证……后续再看", Paragraph)
	assert.Equal(t, []string{
		"研究显示效果显著。", "但专家提醒：样本很小！", "真的吗？", "“这是初步结果。”", "他说；", "还需验证……", "后续再看",
	}, got)
}

func TestSentencesEnglishAbbreviations(t *testing.T) {
	text := "Smith et al. found an effect (p<0.05) vs. placebo in 1.5% of mice, e.g. older ones. Dr. Lee disagreed. J. Smith agreed!"
	assert.Equal(t, []string{
		"Smith et al. found an effect (p<0.05) vs. placebo in 1.5% of mice, e.g. older ones.",
		"Dr. Lee disagreed.",
		"J. Smith agreed!",
	}, sentenceTexts(text, Paragraph))
}

func TestSentenceSpansAcrossLineBreaks(t *testing.T) {
	text := "The drug reversed muscle\nloss in old mice. A second\r\nstudy followed."
	assert.Equal(t, []string{"The drug reversed muscle\nloss in old mice.", "A second\r\nstudy followed."}, sentenceTexts(text, Paragraph))
}

func TestTableCellsAreSentences(t *testing.T) {
	assert.Equal(t, []string{"组别", "人数 120"}, sentenceTexts("| 组别 | 人数 120 |", TableRow))
}

func TestParseTextBlocks(t *testing.T) {
	src := "\ufeff标题：NMN逆转衰老\r\n\r\n第一段第一行，\n接着第二行。\r\n\r\n研究局限\n\n- 列表一\n- 列表二\n| a | b |\n# 小标题\n"
	d, err := ParseText("a.txt", []byte(src))
	require.NoError(t, err)
	var kinds []Kind
	var texts []string
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind)
		texts = append(texts, b.Text)
		// Every block's text is the source bytes its map points at.
		s := b.SourceSpan(Span{0, len(b.Text)})
		assert.Equal(t, b.Text, string(d.Source[s.Start:s.End]))
	}
	assert.Equal(t, []Kind{Title, Paragraph, Heading, ListItem, ListItem, TableRow, Heading}, kinds)
	assert.Equal(t, "标题：NMN逆转衰老", texts[0])
	assert.Equal(t, "第一段第一行，\n接着第二行。", texts[1])
	assert.Equal(t, "列表一", texts[3])
	assert.Equal(t, "小标题", texts[6])
}

func TestPositionCountsCodePointsAfterBOM(t *testing.T) {
	src := "\ufeff逆转衰老\n第二行 NMN"
	d, err := ParseText("a.txt", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, Position{Line: 1, Column: 1, Offset: 3}, d.Position(3))
	assert.Equal(t, Position{Line: 1, Column: 3, Offset: 9}, d.Position(9))
	off := len("\ufeff逆转衰老\n第二行 ")
	assert.Equal(t, Position{Line: 2, Column: 5, Offset: off}, d.Position(off))
	assert.Equal(t, Span{3, 15}, d.LineSpan(5))
}

func TestInvalidUTF8NamesOffset(t *testing.T) {
	_, err := ParseText("bad.txt", []byte("ok\xff\xfe"))
	require.Error(t, err)
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 2, ie.Offset)
	assert.Contains(t, err.Error(), "bad.txt: byte offset 2")
}

// A line of ideographic spaces (U+3000, how Chinese text indents) is blank:
// it separates blocks, and a long text may be cut into sections there.
func TestIdeographicSpaceLineIsBlank(t *testing.T) {
	src := []byte("标题\n\n第一段。\n\u3000\u3000\n第二段。\n")
	doc, err := ParseText("a.txt", src)
	require.NoError(t, err)
	require.Len(t, doc.Blocks, 3)
	assert.Equal(t, "第二段。", doc.Blocks[2].Text)
	shell, err := TextShell("a.txt", src, false)
	require.NoError(t, err)
	assert.Equal(t, []Span{{0, 8}, {8, 28}, {28, len(src)}}, shell.TextSections(1))
}

// Text extracted from a PDF with a blank line after every wrapped line is
// rejoined into paragraphs; a short line without punctuation between them
// stays a heading, and spans still point at the source.
func TestSpacedPDFTextIsRejoined(t *testing.T) {
	src := "綜述標題\n\n" +
		"近年來，外泌體在皮膚修復領域的研究逐漸增多，但多數\n\n" +
		"研究仍停留在細胞和動物實驗階段，人體試驗的數量有限，\n\n" +
		"樣本量也普遍偏小，因此目前的證據尚不足以支持臨床\n\n" +
		"常規使用。\n\n" +
		"二、研究方法\n\n" +
		"本文檢索了三個資料庫中二〇一五年至二〇二四年發表的\n\n" +
		"文獻，共納入四十二篇研究，其中人體研究僅有六篇，其\n\n" +
		"餘均為細胞或動物實驗。\n"
	d, err := ParseText("review.txt", []byte(src))
	require.NoError(t, err)
	var kinds []Kind
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind)
	}
	assert.Equal(t, []Kind{Title, Paragraph, Heading, Paragraph}, kinds)
	first := d.Blocks[1]
	require.Len(t, first.Sentences, 1, "one sentence across the wraps")
	span := first.SourceSpan(first.Sentences[0])
	assert.True(t, strings.HasPrefix(string(d.Source[span.Start:span.End]), "近年來"))
	assert.True(t, strings.HasSuffix(string(d.Source[span.Start:span.End]), "使用。"))
}

// Ordinary text with blank lines between one-line paragraphs is left as
// it is.
func TestOneLineParagraphsAreNotRejoined(t *testing.T) {
	src := "Title\n\nFirst paragraph ends here.\n\nSecond paragraph ends here too.\n\nThird one is short.\n\nFourth paragraph.\n\nFifth paragraph ends.\n\nSixth.\n"
	d, err := ParseText("a.txt", []byte(src))
	require.NoError(t, err)
	assert.Len(t, d.Blocks, 7)
}

// A title in 《》 is part of the sentence that cites it, even when it has
// its own exclamation mark; an unclosed 《 does not join what follows.
func TestTerminatorInsideTitleMarksDoesNotSplit(t *testing.T) {
	got := sentenceTexts("近来，一篇题为《吃它一个月，年轻20岁！神药来了》的文章广泛转发。专家说不可信。", Paragraph)
	assert.Equal(t, []string{"近来，一篇题为《吃它一个月，年轻20岁！神药来了》的文章广泛转发。", "专家说不可信。"}, got)
	got = sentenceTexts("他写了《未完。然后的事。", Paragraph)
	assert.Equal(t, []string{"他写了《未完。", "然后的事。"}, got)
}
