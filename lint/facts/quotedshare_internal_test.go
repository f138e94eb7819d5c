package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/normalize"
)

// quotedShareIn over the marks appendQuoteMarks finds gives quotedShare's
// share on valid UTF-8: random texts of quotation marks, their neighbours
// in the encoding, Chinese, Latin and emoji, and the corpus's sentences.
func TestQuotedShareInMatchesQuotedShare(t *testing.T) {
	pieces := []string{"“", "”", "‘", "’", "「", "」", "『", "』", "\"", "‚", "„", "‛", "‟", "〈", "〉", "〔", "〕", "、", "。",
		"—", "…", "研究", "我", "a", "bc", " ", "é", "😀", "\u2000", "\u3000", "abcdefghij", "不会伤害身体健康"}
	rng := rand.New(rand.NewPCG(10, 11))
	quoted := 0
	for range 50000 {
		text := randomText(rng, pieces, 16)
		want := quotedShare(text)
		assert.Equal(t, want, quotedShareIn(text, appendQuoteMarks(nil, text)), "%q", text)
		if want > 0 && want < 1 {
			quoted++
		}
	}
	assert.Greater(t, quoted, 5000)
	for _, line := range corpusLines(t) {
		text := normalize.Normalize(line).Text
		assert.Equal(t, quotedShare(text), quotedShareIn(text, appendQuoteMarks(nil, text)), "%q", text)
	}
}

// quotedTextIn and testimonialIn over the marks appendQuoteMarks finds
// give quotedText's parts and testimonial's answer on valid UTF-8: random
// texts of marks (‘ and ’ among them, which quotedText keeps), first-person
// words and Chinese, and the corpus's normalized lines.
func TestQuotedTextInMatchesQuotedText(t *testing.T) {
	pieces := []string{"“", "”", "‘", "’", "「", "」", "『", "』", "\"", "‚", "〈", "〔", "、", "。",
		"我", "我们", "自", "己", "i", "m", "my", "me", "i'm", "i’ve", " ", "abc", "研究", "é", "😀", "\u3000"}
	rng := rand.New(rand.NewPCG(16, 17))
	yes := 0
	for range 50000 {
		text := randomText(rng, pieces, 16)
		marks := appendQuoteMarks(nil, text)
		require.Equal(t, quotedText(text), quotedTextIn(text, marks), "%q", text)
		want := testimonial(text)
		require.Equal(t, want, testimonialIn(text, marks), "%q", text)
		if want {
			yes++
		}
	}
	assert.Greater(t, yes, 5000)
	for _, line := range corpusLines(t) {
		text := normalize.Normalize(line).Text
		marks := appendQuoteMarks(nil, text)
		require.Equal(t, quotedText(text), quotedTextIn(text, marks), "%q", text)
		require.Equal(t, testimonial(text), testimonialIn(text, marks), "%q", text)
	}
}

// quotedShareIn is exact only on valid UTF-8: every view the normalizer
// gives a sentence is, whatever the text, invalid, cut or poisoned bytes
// included (both ways a view is built).
func TestViewsAreValidUTF8(t *testing.T) {
	pieces := []string{"“", "”", "「", "」", "\"", "研究", "我", "A", "bc", " ", "\n", "é", "e\u0301", "😀", "\u3000", "ﬁ", "①", "Ⅻ", "㎏",
		"\xff", "\xe2\x80", "\xe3", "\x80", "\xc3", "\xf0\x9f", "\xed\xa0\x80", "\xef\xbc", "，", "。", "：", "（", "Ａ"}
	rng := rand.New(rand.NewPCG(14, 15))
	var arena normalize.Arena
	var letters normalize.Letters
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(16) {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(8) == 0 {
				p = p[:rng.IntN(len(p)+1)] // a cut piece
			}
			b.WriteString(p)
		}
		text := b.String()
		require.True(t, utf8.ValidString(normalize.NormalizeCount(text, &letters).Text), "%q", text)
		require.True(t, utf8.ValidString(normalize.NormalizeCountIn(text, &arena, &letters).Text), "%q", text)
		arena.Reset()
	}
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		require.True(t, utf8.ValidString(normalize.Normalize(string(b)).Text), "%q", b)
	}
}
