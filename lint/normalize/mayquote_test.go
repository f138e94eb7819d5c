package normalize

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// checkMayQuote fails when a view holds one of the marks and says it
// may not, and reports whether it said so.
func checkMayQuote(t *testing.T, src string) (mayQuote bool) {
	t.Helper()
	v := Normalize(src)
	if !v.MayQuote {
		require.False(t, strings.ContainsAny(v.Text, quoteMarks), "%q normalized to %q, MayQuote false", src, v.Text)
	}
	if !v.MayTitle {
		require.False(t, strings.Contains(v.Text, "《"), "%q normalized to %q, MayTitle false", src, v.Text)
	}
	var a Arena
	var l Letters
	in := NormalizeCountIn(src, &a, &l)
	require.Equal(t, [2]bool{v.MayQuote, v.MayTitle}, [2]bool{in.MayQuote, in.MayTitle}, "%q: in an arena", src)
	return v.MayQuote
}

// TestMayQuoteWhenAMarkMayBeWritten: a view without MayQuote holds none
// of “ ‘ 「 『, and one without MayTitle no 《: on random texts of the marks, their closing and full-width
// kin (＂ ＇ ｢ 〝), marks with combining accents, Traditional and Cantonese
// characters, and on every line of the corpus; and most Chinese lines
// without a mark are told apart (the flag is not always set).
func TestMayQuoteWhenAMarkMayBeWritten(t *testing.T) {
	pieces := []string{"“", "”", "‘", "’", "「", "」", "『", "』", "＂", "＇", "｢", "｢研", "研｢究", "｣", "〝", "〞", "\"", "'",
		"“\u0301", "‘\u0308", "《", "》", "《\u0301", "︽", "〈", "a\u0301", "研究", "發現", "嘅", "冇", "，", "。", "、", "…", "—", "１２", "ＮＭＮ", " ", "\n", "e", "😀", "\xe2\x80", "\xe3"}
	rng := rand.New(rand.NewSource(31))
	for range 20000 {
		var sb strings.Builder
		for n := rng.Intn(10); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkMayQuote(t, sb.String())
	}
	files, err := filepath.Glob("../../corpus/*/*.*")
	require.NoError(t, err)
	told, plain, lines := 0, 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range strings.Split(string(data), "\n") {
			may := checkMayQuote(t, line)
			if strings.ContainsRune(line, '，') && !strings.ContainsAny(line, quoteMarks+"｢《") {
				plain++
				if !may && !Normalize(line).MayTitle {
					told++
				}
			}
			lines++
		}
	}
	t.Logf("%d lines; %d Chinese lines without a mark, %d of them told apart", lines, plain, told)
	require.Greater(t, lines, 1000)
	require.Greater(t, told, plain/2, "most Chinese lines without a mark have MayQuote and MayTitle false")
}

// TestOnlyTheMarksNormalizeToMarks: every rune of the blocks punctSegment
// writes alone normalizes to one of the marks only when it is one
// (opensQuote), and no common Han character (folded, or written
// Cantonese) normalizes to one: the paths that do not set the flag write
// none.
func TestOnlyTheMarksNormalizeToMarks(t *testing.T) {
	for _, block := range [][2]rune{{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}} {
		for r := block[0]; r <= block[1]; r++ {
			if strings.ContainsAny(singleRune(r), quoteMarks) {
				require.True(t, opensQuote(r), "%U normalizes to %q", r, singleRune(r))
			}
			if strings.Contains(singleRune(r), "《") {
				require.Equal(t, '《', r, "%U normalizes to %q", r, singleRune(r))
			}
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		v := Normalize(string(r))
		require.False(t, strings.ContainsAny(v.Text, quoteMarks+"《"), "%U", r)
		require.False(t, v.MayQuote || v.MayTitle, "%U", r)
	}
	for _, mark := range quoteMarks {
		require.True(t, Normalize(string(mark)+"研究").MayQuote, "%c", mark)
	}
	require.True(t, Normalize("《研究》").MayTitle)
}
