package document

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// Stepping over every three-byte character but the title marks and
// terminators (Chinese commas and quotes, ill-formed sequences among them)
// splits as decoding every rune did, and one array shared by a document's
// blocks gives each block the sentences Sentences gives it alone.
func TestSentencesStepOverWideCharacters(t *testing.T) {
	pieces := []string{"研究", "，", "、", "“", "”", "《", "》", "。", "！", "？", "；", "…", "｡", "：", "（", "）",
		"\n", "|", ".", " ", "Dr", "J", "a", "The", "\xe0\x80\x80", "\xed\xa0\x80", "\xe3\x80", "\xef\xbc", "\xe2\x80\xa6",
		"\xef\xbf\xbf", "\u3000", "\u2028", "e.g", "0"}
	rng := rand.New(rand.NewSource(21))
	for round := 0; round < 20000; round++ {
		var blocks []Block
		for n := 1 + rng.Intn(4); n > 0; n-- {
			kind := Paragraph
			if rng.Intn(4) == 0 {
				kind = TableRow
			}
			text := randomText(rng, pieces, rng.Intn(30))
			require.Equal(t, referenceSentences(text, kind), Sentences(text, kind), "%q", text)
			blocks = append(blocks, Block{Kind: kind, Text: text})
		}
		splitSentences(blocks)
		for _, b := range blocks {
			require.Equal(t, referenceSentences(b.Text, b.Kind), b.Sentences, "%q", b.Text)
		}
	}
}

// skipHan, two characters a word at a time, ends where stepping one
// character at a time ends: random runs of Han characters, Chinese commas
// and quotes, marks, ASCII, ill-formed and cut sequences, from every
// starting offset (so that every alignment meets the end of the text).
func TestSkipHanMatchesOneAtATime(t *testing.T) {
	oneAtATime := func(text string, i int) int {
		for i+3 <= len(text) {
			c := text[i : i+3]
			if c[1]&0xC0 != 0x80 || c[2]&0xC0 != 0x80 || c[0] < 0xE0 || c[0] >= 0xF0 ||
				wideMark(rune(c[0]&0x0F)<<12|rune(c[1]&0x3F)<<6|rune(c[2]&0x3F)) {
				break
			}
			i += 3
		}
		return i
	}
	pieces := []string{"研", "究", "发现", "，", "、", "“", "”", "。", "《", "》", "！", "…", "a", " ", "\n",
		"\xe0\x80\x80", "\xed\xa0\x80", "\xe4\xb8", "\xe4", "\x80", "\xff", "\xef\xbc\x8c", "\xe2\x80\xa6", "é", "😀", "鿿", "丂"}
	rng := rand.New(rand.NewSource(22))
	for round := 0; round < 20000; round++ {
		text := randomText(rng, pieces, rng.Intn(40))
		for i := 0; i < len(text); i++ {
			require.Equal(t, oneAtATime(text, i), skipHan(text, i), "%q from %d", text, i)
		}
	}
}
