package normalize

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeFoldsWidthScriptAndCase(t *testing.T) {
	v := Normalize("逆轉衰老！ＮＭＮ試驗納入１２０名受試者，P<0.05")
	assert.Equal(t, "逆转衰老!nmn试验纳入120名受试者,p<0.05", v.Text)
}

func TestNormalizeCollapsesSpaceAndJoinsChineseLineBreaks(t *testing.T) {
	v := Normalize("  逆转\n衰老 in\r\n  mice  ")
	assert.Equal(t, "逆转衰老 in mice", v.Text)
	v = Normalize("14\u2009585名")
	assert.Equal(t, "14 585名", v.Text)
}

func TestNormalizeSpanMapsBackToSource(t *testing.T) {
	src := "研究發現\n逆轉衰老的「青春分子」"
	v := Normalize(src)
	i := strings.Index(v.Text, "逆转衰老")
	require.GreaterOrEqual(t, i, 0)
	s, e := v.Map.Start(i), v.Map.End(i+len("逆转衰老"))
	assert.Equal(t, "逆轉衰老", src[s:e])

	i = strings.Index(v.Text, "现逆")
	s, e = v.Map.Start(i), v.Map.End(i+len("现逆"))
	assert.Equal(t, "現\n逆", src[s:e], "a term across a dropped line break covers the break")
}

// Property: any span of whole runes in the view maps to a source span that
// starts and ends on rune boundaries, in order, inside the source; and the
// source span of one rune normalizes back to that rune.
func TestNormalizeMapProperty(t *testing.T) {
	alphabet := []rune("aZ 1２\n\r\t。，逆轉衰老發現ＮＭＮé\u0301ﬁ\u3000\u2009名隻萬😀")
	rng := rand.New(rand.NewSource(1))
	for iter := 0; iter < 2000; iter++ {
		var sb strings.Builder
		for n := rng.Intn(30); n > 0; n-- {
			sb.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		src := sb.String()
		v := Normalize(src)
		require.True(t, utf8.ValidString(v.Text))
		var bounds []int
		for i := range v.Text {
			bounds = append(bounds, i)
		}
		bounds = append(bounds, len(v.Text))
		for a := 0; a < len(bounds); a++ {
			for b := a + 1; b < len(bounds); b++ {
				s, e := v.Map.Start(bounds[a]), v.Map.End(bounds[b])
				require.True(t, 0 <= s && s <= e && e <= len(src), "src %q view %q span %d-%d → %d-%d", src, v.Text, bounds[a], bounds[b], s, e)
				require.True(t, utf8.ValidString(src[s:e]), "src %q → %q", src, src[s:e])
			}
		}
	}
}

func TestNormalizeFoldsCantoneseFunctionCharacters(t *testing.T) {
	src := "長期食紅蔘嘅人，風險低咗一半，冇副作用"
	v := Normalize(src)
	assert.Equal(t, "长期食红参的人,风险低了一半,没有副作用", v.Text)
	i := strings.Index(v.Text, "没有副作用")
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, "冇副作用", src[v.Map.Start(i):v.Map.End(i+len("没有副作用"))])
	assert.Equal(t, "风险低了一半", Normalize("风险低了一半").Text, "Mandarin text is unchanged")
}

// Every view of a text that is not empty has a map textmap calls Movable
// for the text (what facts' ComposeSliceMovable relies on): random rows of
// every kind of character, white space at the ends, cut and invalid bytes,
// in an arena and not.
func TestNormalizeMapIsMovable(t *testing.T) {
	pieces := []string{"a", "Z", " ", "  ", "\n", "\r\n", "\t", "\u3000", "研究", "發現", "嘅", "，", "。", "“", "《",
		"１２", "ＮＭＮ", "…", "℃", "e\u0301", "，\u0301", "\u0301", "ﬁ", "ｶﾞ", "가", "😀", "\xff", "\xe4\xb8", "\xbf", "THE mice"}
	rng := rand.New(rand.NewSource(16))
	var a Arena
	for round := 0; round < 20000; round++ {
		var sb strings.Builder
		for n := 1 + rng.Intn(12); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		var l Letters
		for _, v := range []View{Normalize(text), NormalizeCountIn(text, &a, &l)} {
			require.True(t, v.Map.Movable(len(text)), "%q: %d pieces", text, v.Map.Pieces())
		}
		a.Reset()
	}
}
