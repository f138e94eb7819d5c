package normalize

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

// commonPunct writes, maps and counts exactly what punctSegment does for
// each mark it takes, after and before every kind of text (Han that
// folds and not, ASCII, punctuation, combining marks, cut and invalid
// UTF-8, the text's ends), and it takes ， 。 、 wherever a common Han
// character, ASCII or the end follows.
func TestCommonPunctMatchesPunctSegment(t *testing.T) {
	hanOnce.Do(markChangedHan)
	marks := []string{"，", "。", "、", "“", "：", "！", ",", "a", "研", "\u3000", "\xef\xbc", "\xe3\x80"}
	around := []string{"", "研", "發", "嘅", "a", "Z", " ", "1", "，", "。", "\u0301", "\u3099", "é", "😀", "\xe4\xb8", "\xff", "\xbf", "ｶ", "\u4dff"}
	taken := 0
	for _, before := range around {
		for _, mark := range marks {
			for _, after := range around {
				s := before + mark + after
				i := len(before)
				got := normalizer{src: s, out: []byte("x")}
				want := normalizer{src: s, out: []byte("x")}
				if !got.commonPunct(i) {
					assert.Equal(t, "x", string(got.out), "%q", s)
					assert.Zero(t, got.b.Len(), "%q", s)
					common := mark == "，" || mark == "。" || mark == "、"
					_, han := CommonHanAt(after, 0)
					assert.False(t, common && (after == "" || after[0] < 0x80 || han), "%q: not taken", s)
					continue
				}
				taken++
				if !want.punctSegment(i) {
					t.Fatalf("%q: commonPunct took what punctSegment does not", s)
				}
				if string(got.out) != string(want.out) || !reflect.DeepEqual(got.b.Map(), want.b.Map()) ||
					got.letters != want.letters || got.quotes != want.quotes || got.titles != want.titles {
					t.Fatalf("%q: commonPunct %q %+v %+v, punctSegment %q %+v %+v", s, got.out, got.b.Map(), got.letters, want.out, want.b.Map(), want.letters)
				}
			}
		}
	}
	// Three marks after anything, before the eight texts that are "", Han or ASCII.
	assert.Equal(t, 3*len(around)*8, taken, "marks taken")
}

// commonPunct is what hanRun does for ， 。 、 (and did on its own before
// hanRun took it in): punctSegment for the commonest marks of Chinese text,
// ， 。 、 (half of its marks), before a common Han character, ASCII or
// the text's end, where none of them can take a combining mark: what
// punctSegment writes for them, known without decoding the mark and
// reading its table. It reports false, having done nothing, for anything
// else, which punctSegment then takes.
func (n *normalizer) commonPunct(i int) bool {
	s := n.src
	if i+3 > len(s) {
		return false
	}
	c := s[i : i+3]
	w := uint32(c[0]) | uint32(c[1])<<8 | uint32(c[2])<<16
	if w != commaBytes && w != stopBytes && w != enumCommaBytes || !noMarkAt(s, i+3) {
		return false
	}
	if w == commaBytes { // NFKC makes it ASCII
		n.out = append(n.out, ',')
		n.b.Replace(i, 3, 1)
	} else { // unchanged
		n.out = append(n.out, c[0], c[1], c[2])
		n.b.Copy(i, 3)
	}
	return true
}
