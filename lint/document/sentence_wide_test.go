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
