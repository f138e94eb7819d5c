package report

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"
	"github.com/stretchr/testify/assert"

	"github.com/hypelint/hypelint/lint/document"
)

// windowOf is the window for the last occurrence of span in a one-line text.
func windowOf(text, span string, width int) window {
	start := strings.LastIndex(text, span)
	return sourceWindow([]byte(text), document.Span{Start: 0, End: len(text)},
		document.Span{Start: start, End: start + len(span)}, width)
}

func TestUnderlineWidths(t *testing.T) {
	cases := []struct {
		text, span string
		pad, marks string
	}{
		{"abc逆转衰老", "逆转衰老", "   ", "^^^^^^^^"},
		{"😀重磅！NMN", "NMN", "        ", "^^^"},
		{"\t全角ＡＢ", "ＡＢ", "\t    ", "^^^^"},
		{"e\u0301 cure", "cure", "  ", "^^^^"},       // a combining accent takes no column
		{"👩\u200d⚕\ufe0f 神药", "神药", "   ", "^^^^"},   // an emoji ZWJ sequence is one cluster, two columns
		{"🇨🇳🇺🇸 NMN", "NMN", "     ", "^^^"},          // regional-indicator pairs are flags
		{"神药 🧑🏽\u200d🔬", "🧑🏽\u200d🔬", "     ", "^^"}, // a span that is one emoji sequence
	}
	for _, c := range cases {
		w := windowOf(c.text, c.span, 200)
		assert.Equal(t, c.text, w.text, c.text)
		assert.Equal(t, c.pad, w.pad, c.text)
		assert.Equal(t, c.marks, w.marks, c.text)
	}
	w := sourceWindow([]byte("abc"), document.Span{Start: 0, End: 3}, document.Span{Start: 3, End: 3}, 80)
	assert.Equal(t, "^", w.marks, "an empty span still gets one caret")
	assert.Equal(t, "   ", w.pad)
}

// On a long line the window fits the width, keeps the span whole with
// context either side, and the carets stand under the span.
func TestWindowFitsTheWidth(t *testing.T) {
	line := strings.Repeat("研究显示，", 400) + "这款神药让患者返老还童。" + strings.Repeat("Further text. ", 300)
	for _, width := range []int{40, 80, 100, 132} {
		w := windowOf(line, "神药", width)
		assert.LessOrEqual(t, 2+uniseg.StringWidth(w.text), width-1, "source line at width %d", width)
		assert.LessOrEqual(t, 2+len(w.pad)+len(w.marks), width-1, "caret line at width %d", width)
		assert.True(t, strings.HasPrefix(w.text, "…") && strings.HasSuffix(w.text, "…"), w.text)
		before, _, found := strings.Cut(w.text, "神药")
		assert.True(t, found, w.text)
		assert.Equal(t, uniseg.StringWidth(before), len(w.pad), "carets under the span at width %d", width)
		assert.Equal(t, "^^^^", w.marks)
		assert.Greater(t, uniseg.StringWidth(before), width/4, "context before the span")
	}
	// Near the line start the room left unused there goes to the right.
	w := windowOf("神药"+strings.Repeat("x", 500), "神药", 80)
	assert.Equal(t, "", w.pad)
	assert.Equal(t, "神药"+strings.Repeat("x", 72)+"…", w.text, "2 + 77 columns: the last one left free")
	// A short line is printed whole.
	w = windowOf("这款神药。", "神药", 80)
	assert.Equal(t, "这款神药。", w.text)
}

// A span wider than the terminal is never cut.
func TestWindowKeepsAWideSpanWhole(t *testing.T) {
	span := strings.Repeat("神药", 60)
	w := windowOf("前文"+span+"后文", span, 80)
	assert.Equal(t, "…"+span+"…", w.text)
	assert.Equal(t, 240, len(w.marks))
	assert.Equal(t, " ", w.pad)
}

// Control characters from the article are escaped before they reach the
// terminal, and the carets still line up under the span.
func TestWindowEscapesControlCharacters(t *testing.T) {
	text := "\x1b]52;c;cHduZWQ=\a\x1b[2J\r\u202e神药\u009b1m\xff"
	w := windowOf(text, "神药", 200)
	assert.Equal(t, `\x1b]52;c;cHduZWQ=\a\x1b[2J\r\u202e神药\u009b1m\xff`, w.text)
	before, _, _ := strings.Cut(w.text, "神药")
	assert.Equal(t, len(before), len(w.pad))
	for _, r := range w.text + w.pad {
		assert.False(t, unsafeRune(r), "%q", r)
	}
}

func TestTerminalSafe(t *testing.T) {
	assert.Equal(t, "a\tb", TerminalSafe("a\tb"))
	assert.Equal(t, `evil\x1b[31m\a\r.txt`, TerminalSafe("evil\x1b[31m\x07\r.txt"))
	assert.Equal(t, `bad\xffname`, TerminalSafe("bad\xffname"))
	assert.Equal(t, "中文.md", TerminalSafe("中文.md"))
}

func TestSummaryWording(t *testing.T) {
	var p printer
	var sb strBuffer
	p.w = &sb
	p.summary(Counts{Error: 1, Warning: 2, Files: 1})
	assert.Equal(t, "3 findings (1 error, 2 warnings, 0 info) in 1 file.\n", sb.String())
	sb.s = ""
	p.summary(Counts{Files: 3})
	assert.Equal(t, "No findings in 3 files.\n", sb.String())
}

type strBuffer struct{ s string }

func (b *strBuffer) Write(p []byte) (int, error) { b.s += string(p); return len(p), nil }
func (b *strBuffer) String() string              { return b.s }
