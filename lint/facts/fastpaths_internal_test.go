package facts

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quotedShareByRunes is quotedShare as it was, over decoded runes: the
// reference the byte reading is checked against.
func quotedShareByRunes(text string) float64 {
	if !hasQuotation(text) {
		return 0
	}
	inside, total, depth := 0, 0, 0
	for _, r := range text {
		switch r {
		case '"':
			if depth > 0 {
				depth--
			} else {
				depth++
			}
			continue
		case '“', '「', '『', '‘':
			depth++
			continue
		case '”', '」', '』', '’':
			depth = max(0, depth-1)
			continue
		}
		total++
		if depth > 0 {
			inside++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(inside) / float64(total)
}

// quotedShare reading bytes gives the share the rune reading gives, on
// random texts of quotation marks, their neighbours in the encoding
// (‚ „ 〈 〉 〔 …), Chinese, Latin and emoji; and on the corpus's sentences.
func TestQuotedShareIsByRunes(t *testing.T) {
	pieces := []string{"“", "”", "‘", "’", "「", "」", "『", "』", "\"", "‚", "„", "‛", "‟", "〈", "〉", "〔", "〕", "、", "。",
		"—", "…", "研究", "我", "a", "bc", " ", "é", "😀", "\u2000", "\u3000"}
	rng := rand.New(rand.NewPCG(8, 9))
	quoted := 0
	for range 50000 {
		text := randomText(rng, pieces, 12)
		want := quotedShareByRunes(text)
		assert.Equal(t, want, quotedShare(text), "%q", text)
		if want > 0 && want < 1 {
			quoted++
		}
	}
	assert.Greater(t, quoted, 5000)
	files, err := filepath.Glob("../../corpus/*/*.*")
	require.NoError(t, err)
	lines := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range strings.Split(string(data), "\n") {
			if utf8.ValidString(line) {
				assert.Equal(t, quotedShareByRunes(line), quotedShare(line), "%q", line)
				lines++
			}
		}
	}
	assert.Greater(t, lines, 1000)
}

// A classSet holds the classes 0–255 and never one outside them: the
// unsigned bound check refuses negative classes as the signed one did.
func TestClassSetBounds(t *testing.T) {
	var c classSet
	for _, class := range []int{-1, -64, -256, 256, 300, 1 << 40} {
		c.add(class)
		assert.False(t, c.has(class), "%d", class)
	}
	assert.Equal(t, classSet{}, c, "no class outside the set was added")
	for _, class := range []int{0, 63, 64, 130, 255} {
		assert.False(t, c.has(class), "%d", class)
		c.add(class)
		assert.True(t, c.has(class), "%d", class)
	}
	assert.Equal(t, classSet{1 | 1<<63, 1, 1 << 2, 1 << 63}, c)
}
