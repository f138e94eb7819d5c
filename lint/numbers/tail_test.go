package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// approxSuffixDecoding and zhTailDecoding are approxSuffix and zhTail as
// they were, decoding the next rune whatever its first byte and whether or
// not a time is read: the references for the byte gate and the early
// return.
func (s *scanner) approxSuffixDecoding(tok *token) {
	t := s.text
	j := tok.end
	if r, size := runeAt(t, j); r == '多' || r == '余' || r == '来' {
		if _, ok := s.zhUnitStart(t, j+size); ok {
			tok.end, tok.approx = j+size, true
		}
		return
	}
	if j < len(t) && t[j] == '+' && (j+1 == len(t) || !isDigit(t[j+1])) {
		tok.end, tok.approx = j+1, true
		return
	}
	if j >= len(t) || t[j] != '-' && t[j] != ' ' {
		return
	}
	for _, suf := range []string{"-plus", "-odd", " or more", " or so"} {
		if wordAt(t, j, suf) {
			tok.end, tok.approx = j+len(suf), true
			return
		}
	}
}

func (s *scanner) zhTailDecoding(h unitHit, timeLike bool) unitHit {
	t := s.text
	if h.end < len(t) && zhTailFirst.has(t[h.end]) {
		for _, w := range zhTailWords {
			if strings.HasPrefix(t[h.end:], w) {
				h.end, h.approx = h.end+len(w), true
				return h
			}
		}
	}
	if r, size := runeAt(t, h.end); timeLike && (r == '多' || r == '余') {
		h.end, h.approx = h.end+size, true
	}
	return h
}

// At every position of random text around 多, 余, 来 (and runes sharing
// their first bytes, cut runes, the units after them) and of the corpus,
// approxSuffix and zhTail answer as the decoding references.
func TestTailsMatchDecodingEveryRune(t *testing.T) {
	pieces := []string{"多", "余", "来", "名", "人", "岁", "年", "天", "以上", "左右", "夕", "佘", "杨", "\xe5\xa4", "\xe4", "+", "1",
		"-plus", "-odd", " or more", " or so", "-PLUS", " OR So", "-Odd", " ", "x", "研究"}
	pieces = append(pieces, zhTailWords...) // a word in the list the switch lacks fails the test
	rng := rand.New(rand.NewPCG(61, 62))
	texts := gateTexts(t)
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	changed := 0
	for _, text := range texts {
		s := scanner{text: text}
		for j := 0; j <= len(text); j++ {
			want, got := token{end: j}, token{end: j}
			s.approxSuffixDecoding(&want)
			s.approxSuffix(&got)
			if want != got {
				t.Fatalf("approxSuffix(%q at %d) = %+v, want %+v", text, j, got, want)
			}
			for _, timeLike := range []bool{false, true} {
				w, g := s.zhTailDecoding(unitHit{end: j}, timeLike), unitHit{end: j}
				s.zhTail(&g, timeLike) // in place
				if w != g {
					t.Fatalf("zhTail(%q at %d, %v) = %+v, want %+v", text, j, timeLike, g, w)
				}
				if w.end != j {
					changed++
				}
			}
			if want.end != j {
				changed++
			}
		}
	}
	require.Greater(t, changed, 10000, "the texts hold tails")
}

// zhMultiplierDecoding is zhMultiplier as it was, decoding the rune at
// each step and the one after it: the reference for the byte comparison.
func zhMultiplierDecoding(t string, j int) (float64, int) {
	m := 1.0
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		next, _ := runeAt(t, j+size)
		switch {
		case r == '百' && next != '分':
			m *= 100
		case r == '千' && !strings.ContainsRune("克米卡瓦焦帕伏", next):
			m *= 1000
		case r == '万':
			m *= 1e4
		case r == '亿':
			m *= 1e8
		default:
			return m, j
		}
		j += size
	}
	return m, j
}

// At every position of random text around 百千万亿 (with the units that
// stop them, runes sharing their first bytes, cut runes) and of the corpus,
// zhMultiplier answers as the decoding reference.
func TestZhMultiplierMatchesDecoding(t *testing.T) {
	pieces := []string{"百", "千", "万", "亿", "分", "克", "米", "伏", "名", "人", "1", " ", "x", "佰", "仟", "\xe7\x99", "\xe5", "\xe4\xb8"}
	rng := rand.New(rand.NewPCG(101, 102))
	texts := gateTexts(t)
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	scaled := 0
	for _, text := range texts {
		for j := 0; j <= len(text); j++ {
			wm, wj := zhMultiplierDecoding(text, j)
			gm, gj := zhMultiplier(text, j)
			if wm != gm || wj != gj {
				t.Fatalf("zhMultiplier(%q, %d) = %v, %d; want %v, %d", text, j, gm, gj, wm, wj)
			}
			if wm > 1 {
				scaled++
			}
		}
	}
	require.Greater(t, scaled, 10000, "the texts hold multipliers")
}
