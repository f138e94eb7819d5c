package facts

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMarkSetsAreContainsAny: each mark set answers as strings.ContainsAny
// with its marks, on random texts of the marks, other runes sharing their
// lead bytes (，and ｛ begin alike, 、 and 「), letters, and stray or cut
// bytes (invalid UTF-8), and on every substring start of the corpus lines.
func TestMarkSetsAreContainsAny(t *testing.T) {
	sets := map[string]*markSet{
		",;:，；：、()":                                 breaksBefore,
		",;:，；：、()。!?！？":                            breaksAfter,
		" abcdefghijklmnopqrstuvwxyz,;:，；：、()。!?！？": breaksOrWords,
		",;:，；：。":                                   breaksQuestion,
	}
	pieces := []string{",", ";", ":", "(", ")", "!", "?", " ", "a", "Z", "q", "，", "；", "：", "、", "。", "！", "？", "｛", "「", "〃", "研究",
		"\xef", "\xef\xbc", "\xbc\x8c", "\xe3\x80", "\x80", "\xff", "\xe3\xef\xbc\x8c", "\xf0\x9f\x98\x80", "é", "\u00a0"}
	rng := rand.New(rand.NewPCG(5, 6))
	found := 0
	for range 30000 {
		text := randomText(rng, pieces, 8)
		for marks, set := range sets {
			want := strings.ContainsAny(text, marks)
			require.Equal(t, want, set.in(text), "%q in %q", marks, text)
			if want {
				found++
			}
		}
	}
	require.Greater(t, found, 1000)
	lines := corpusLines(t)
	for _, line := range lines[:min(len(lines), 800)] {
		for i := 0; i < len(line); i += 7 {
			for marks, set := range sets {
				require.Equal(t, strings.ContainsAny(line[i:], marks), set.in(line[i:]), "%q in %q", marks, line[i:])
			}
		}
	}
}
