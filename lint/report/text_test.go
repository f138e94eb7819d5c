package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnderlineWidths(t *testing.T) {
	cases := []struct {
		text, span string
		pad, marks string
	}{
		{"abc逆转衰老", "逆转衰老", "   ", "^^^^^^^^"},
		{"😀重磅！NMN", "NMN", "        ", "^^^"},
		{"\t全角ＡＢ", "ＡＢ", "\t    ", "^^^^"},
		{"e\u0301 cure", "cure", "  ", "^^^^"}, // a combining accent takes no column
	}
	for _, c := range cases {
		start := len(c.text) - len(c.span)
		pad, marks := underline(c.text, start, len(c.text))
		assert.Equal(t, c.pad, pad, c.text)
		assert.Equal(t, c.marks, marks, c.text)
	}
	_, marks := underline("abc", 3, 3)
	assert.Equal(t, "^", marks, "an empty span still gets one caret")
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
