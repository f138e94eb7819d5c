package normalize

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// checkDigits fails unless a view's Digits says exactly whether its text
// holds an ASCII digit, alone and in an arena.
func checkDigits(t *testing.T, src string) {
	t.Helper()
	v := Normalize(src)
	require.Equal(t, strings.ContainsAny(v.Text, "0123456789"), v.Digits, "%q normalized to %q", src, v.Text)
	var a Arena
	var l Letters
	require.Equal(t, v.Digits, NormalizeCountIn(src, &a, &l).Digits, "%q: in an arena", src)
}

// TestDigitsSaysWhetherTheViewHoldsADigit: on random texts of ASCII
// digits in runs of every length (so that a digit falls in a word and in
// copyASCII's bytes before and after words), digits before Chinese
// characters and combining marks, superscript, full-width and circled
// digits, invalid bytes, and on every line of the corpus (and every line cut
// short), Digits is strings.ContainsAny(Text, "0123456789").
func TestDigitsSaysWhetherTheViewHoldsADigit(t *testing.T) {
	pieces := []string{"0", "9", "2020", "n=1234567", "abcdefgh", "ABCDEFGHIJK", "/:@[`{", " ", "  ", "\n", "研究", "發現", "，", "。",
		"（", "）", "［", "］", "¹", "²", "³", "⁰", "⁴", "⁹", "₂", "１２", "①", "½", "5\u0301", "a\u0301", "年", "é", "😀", "\xe2\x81", "\xc2", "\xff", "Ⅻ", "㈠"}
	rng := rand.New(rand.NewSource(17))
	for range 30000 {
		var sb strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkDigits(t, sb.String())
	}
	files, err := filepath.Glob("../../corpus/*/*.*")
	require.NoError(t, err)
	lines, withDigits := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range strings.Split(string(data), "\n") {
			checkDigits(t, line)
			checkDigits(t, line[:len(line)/2])
			lines++
			if Normalize(line).Digits {
				withDigits++
			}
		}
	}
	require.Greater(t, lines, 1000)
	require.Greater(t, withDigits, 0)
	require.Less(t, withDigits, lines)
}

// TestPunctDigitMarksTheFullWidthDigits: the punctuation punctSegment
// writes holds a digit exactly for ０–９.
func TestPunctDigitMarksTheFullWidthDigits(t *testing.T) {
	hanOnce.Do(markChangedHan)
	for _, block := range [][2]rune{{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}} {
		for r := block[0]; r <= block[1]; r++ {
			want := '０' <= r && r <= '９'
			require.Equal(t, want, punctForms[punctIndex(r)].flags&punctDigit != 0, "%U", r)
		}
	}
}
