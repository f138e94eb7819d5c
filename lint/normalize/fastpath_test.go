package normalize

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/hypelint/hypelint/lint/zhconv"
)

// The fast paths give exactly the reference normalizer's text and map on
// random text built from what makes normalization take its other paths:
// Traditional and Cantonese characters, full-width forms, combining marks
// after ASCII, punctuation and Han, ligatures, half-width kana with voicing
// marks, Hangul jamo, white space of every kind, invalid and cut UTF-8.
func TestFastPathsMatchReference(t *testing.T) {
	pieces := []string{"a", "Z", "k", "1", " ", "  ", "\n", "\r\n", "\t", "\u3000", "\u00a0", "\u2009",
		"研究", "发现", "逆轉", "衰老", "發現", "嘅", "冇", "咗", "萬", "隻", "名",
		"，", "。", "“", "”", "《", "》", "！", "１２", "ＮＭＮ", "…", "℃", "％", "～",
		"\u0301", "e\u0301", "，\u0301", "研\u0301", "\u0308", "ﬁ", "ｶ", "ﾞ", "ｶﾞ", "\u1100", "\u1161", "\u11a8", "가",
		"é", "Å", "ß", "İ", "😀", "\xff", "\xe4\xb8", "\xe4", "\xbf", "\u4dff", "\ua000", "\U00020000"}
	rng := rand.New(rand.NewSource(5))
	for round := 0; round < 30000; round++ {
		var sb strings.Builder
		for n := rng.Intn(16); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		got, want := Normalize(text), refNormalize(text)
		require.Equal(t, want.Text, got.Text, "%q", text)
		require.Equal(t, want.Map, got.Map, "%q", text)
	}
}

// The table of Han characters that change holds exactly those the fold
// table or the Cantonese table changes, all 20,992 of them checked.
func TestChangedHanTable(t *testing.T) {
	hanOnce.Do(markChangedHan)
	changed := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		_, canto := cantonese[r]
		want := zhconv.Fold(r) != r || canto
		require.Equal(t, want, changedHan(r), "%c", r)
		if want {
			changed++
		}
	}
	assert.Greater(t, changed, 1000, "Traditional forms are marked")
}

// A segment ends before ASCII and before a common Han character whatever
// comes before them: what norm.NFKC.NextBoundaryInString says, for every
// rune of the Basic Multilingual Plane before each of them.
func TestSegmentsEndBeforeASCIIAndHan(t *testing.T) {
	for _, next := range []string{"a", " ", "\n", "0", "一", "研", "\u9fff"} {
		require.True(t, startsSegment(next, 0), "%q", next)
		for r := rune(0); r <= 0xFFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			first := string(r)
			require.Equal(t, len(first), norm.NFKC.NextBoundaryInString(first+next, true), "%U before %q", r, next)
		}
	}
	for _, next := range []string{"\u0301", "\u3099", "\u1161", "ﾞ", "\u4dff", "\ua000", "\xe4\xb8"} {
		assert.False(t, startsSegment(next, 0), "%q", next)
	}
}

// FuzzFastPathsMatchReference: any bytes normalize as the reference does.
func FuzzFastPathsMatchReference(f *testing.F) {
	for _, s := range []string{"逆轉衰老！ＮＭＮ", "a\u0301研", "，\u0301", "ｶﾞ", "\xe4\xb8研", "嘅冇 in\r\nmice"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := Normalize(text), refNormalize(text)
		if got.Text != want.Text || !reflect.DeepEqual(got.Map, want.Map) {
			t.Fatalf("%q: %q %+v, reference %q %+v", text, got.Text, got.Map, want.Text, want.Map)
		}
	})
}
