package facts

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// markPieces are the marks indexMark looks for, characters that share
// their lead or last bytes (” 」 ， 。 and Han characters ending in 89 or
// 8C), the marks cut short, and plain text.
var markPieces = []string{"“", "”", "‘", "’", "「", "」", "『", "』", "《", "》", "［", "］", "（", "）", "等", "竹", "，", "。",
	"\xe2\x81", "⁹", "\xe2", "\xef\xbc", "\x89", "\x8c", "\xbc\x89", "研究", "a", "1", " ", ")", "]", "\"", "😀"}

// indexMark finds what strings.Index finds, on random texts (invalid UTF-8
// among them) and on the corpus, for each mark the helpers look for.
func TestIndexMarkIsStringsIndex(t *testing.T) {
	marks := []string{"“", "‘", "「", "『", "《", "［", "］", "）", "等", "\xe2\x81"}
	rng := rand.New(rand.NewPCG(5, 21))
	found := 0
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(markPieces[rng.IntN(len(markPieces))])
		}
		text := b.String()
		for _, mark := range marks {
			want := strings.Index(text, mark)
			require.Equal(t, want, indexMark(text, mark), "%q in %q", mark, text)
			require.Equal(t, want >= 0, containsMark(text, mark))
			if want >= 0 {
				found++
			}
		}
	}
	require.Greater(t, found, 100000)
	for _, line := range corpusLines(t) {
		for _, mark := range marks {
			require.Equal(t, strings.Index(line, mark), indexMark(line, mark), "%q in %q", mark, line)
		}
	}
}

// corpusLines returns the lines of the corpus's articles.
func corpusLines(t *testing.T) []string {
	files, err := filepath.Glob("../../corpus/*/*.*")
	require.NoError(t, err)
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	require.Greater(t, len(lines), 1000)
	return lines
}

// randomText strings together fewer than most pieces, picked at random.
func randomText(rng *rand.Rand, pieces []string, most int) string {
	var b strings.Builder
	for range rng.IntN(most) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// The helpers that search with indexMark answer as they did with one
// strings search per mark (their old bodies, below), on random texts and
// on the corpus.
func TestMarkHelpersAreBySearch(t *testing.T) {
	pieces := append(markPieces, "2021", "19", "(", "等，", "2020）", "1999)", "[12", "Smith", "¹", "我", "自", "己", "i", "m")
	rng := rand.New(rand.NewPCG(9, 4))
	check := func(text string) {
		require.Equal(t, hasQuotationBySearch(text), hasQuotation(text), "hasQuotation(%q)", text)
		require.Equal(t, hasSuperscriptBySearch(text), hasSuperscript(text), "hasSuperscript(%q)", text)
		require.Equal(t, testimonialBySearch(text), testimonial(text), "testimonial(%q)", text)
	}
	testimonials := 0
	for range 100000 {
		text := randomText(rng, pieces, 12)
		check(text)
		if testimonial(text) {
			testimonials++
		}
	}
	require.Greater(t, testimonials, 2000)
	for _, line := range corpusLines(t) {
		check(line)
	}
}

func hasQuotationBySearch(text string) bool {
	return strings.Contains(text, "“") || strings.Contains(text, "「") || strings.Contains(text, "『") ||
		strings.Contains(text, "‘") || strings.IndexByte(text, '"') >= 0
}

func hasSuperscriptBySearch(text string) bool {
	return strings.ContainsAny(text, "¹²³⁴⁵⁶⁷⁸⁹⁰")
}

func testimonialBySearch(text string) bool {
	if !strings.Contains(text, "我") && !(strings.Contains(text, "自") && strings.Contains(text, "己")) &&
		strings.IndexByte(text, 'i') < 0 && strings.IndexByte(text, 'm') < 0 {
		return false
	}
	return firstPersonSingular(quotedText(text))
}
