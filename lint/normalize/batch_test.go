package normalize

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// checkBatch builds the views of text's spans (each [ends[k-1], ends[k]),
// the first from 0) as one batch of a, and checks each against
// NormalizeCount of the span alone: the same text, map, flags and letters.
// A batch's views follow one another in one text and one row of map
// pieces, so this is what shows a state carried over from the view
// before (white space dropped at a view's start, a wrap, a run of ASCII or
// Han text, a piece extended).
func checkBatch(t *testing.T, a *Arena, text string, ends []int) {
	t.Helper()
	views := make([]View, len(ends))
	got := make([]Letters, len(ends))
	a.Begin()
	for k, start := 0, 0; k < len(ends); k++ {
		views[k].Map = a.Add(&views[k], text[start:ends[k]])
		got[k] = a.Letters()
		start = ends[k]
	}
	a.End()
	// Views taken after the batch's must not overwrite them.
	var later Letters
	NormalizeCountIn("after ＡＢＣ，研究", a, &later)
	for k, start := 0, 0; k < len(ends); k++ {
		src := text[start:ends[k]]
		var want Letters
		v := NormalizeCount(src, &want)
		require.Equal(t, v.Text, views[k].Text, "%q of %q", src, text)
		require.Equal(t, v.Map, views[k].Map, "%q of %q", src, text)
		require.Equal(t, [3]bool{v.MayQuote, v.MayTitle, v.Digits},
			[3]bool{views[k].MayQuote, views[k].MayTitle, views[k].Digits}, "%q of %q", src, text)
		require.Equal(t, want, got[k], "%q of %q", src, text)
		start = ends[k]
	}
}

// randomEnds cuts text into n spans at random bytes (cut characters and
// empty spans included).
func randomEnds(rng *rand.Rand, text string, n int) []int {
	ends := make([]int, n)
	for k := range ends {
		ends[k] = rng.Intn(len(text) + 1)
	}
	ends[n-1] = len(text)
	for k := 1; k < n; k++ { // in order
		ends[k] = max(ends[k], ends[k-1])
	}
	return ends
}

// A batch's views are each span's own view, on random text cut at random
// bytes into random spans, with the arena reset now and then as a
// document's owner does.
func TestBatchViewsMatchNormalize(t *testing.T) {
	pieces := []string{"a", "Z", "k", "1", " ", "  ", "\n", "\r\n", "\t", "\u3000", "\u00a0",
		"研究", "发现", "逆轉", "發現", "嘅", "冇", "，", "。", "、", "“", "”", "《", "》", "！", "１２", "ＮＭＮ", "…", "％",
		"\u0301", "e\u0301", "，\u0301", "研\u0301", "ﬁ", "ｶﾞ", "가", "é", "😀", "\xff", "\xe4\xb8", "\xbf",
		"The Study ", "研究发现，", strings.Repeat("长", 3000)} // longer than a first chunk
	rng := rand.New(rand.NewSource(21))
	var a Arena
	for round := 0; round < 20000; round++ {
		if rng.Intn(30) == 0 {
			a.Reset()
		}
		var sb strings.Builder
		for n := rng.Intn(24); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		checkBatch(t, &a, text, randomEnds(rng, text, 1+rng.Intn(6)))
	}
}

// The same on the corpus's articles, cut into lines and into random
// spans, in an arena with room reserved as a document's keeper does.
func TestBatchViewsMatchNormalizeOnCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../corpus/*/*")
	require.NotEmpty(t, files)
	rng := rand.New(rand.NewSource(13))
	var a Arena
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		text := string(b)
		if text == "" {
			continue
		}
		a.Reset()
		a.Reserve(len(text), 64)
		var lines []int
		for i := strings.IndexByte(text, '\n'); i >= 0; {
			lines = append(lines, i+1)
			j := strings.IndexByte(text[i+1:], '\n')
			if j < 0 {
				break
			}
			i += 1 + j
		}
		if len(lines) == 0 || lines[len(lines)-1] != len(text) {
			lines = append(lines, len(text))
		}
		checkBatch(t, &a, text, lines)
		checkBatch(t, &a, text, randomEnds(rng, text, 1+rng.Intn(40)))
	}
}
