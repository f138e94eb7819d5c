package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// tailTexts are random texts of the words scale, approxSuffix and rangeTo
// read, runes sharing their lead bytes, cut and malformed runes, digits and
// units, and the corpus.
func tailTexts(t *testing.T, seed uint64) []string {
	pieces := []string{"1", "2,013", "3.5", "一", "十", "two", " ", "k", "K", "bn", "BN", "b", "t", "to", "TO", "+", "-",
		"-plus", "-odd", " or more", " or so", " million", " thousand", "名", "人", "岁", "%", "‰", "克", "米", "分",
		"佘", "夕", "杨", "\xe5\xa4", "\xe4", "\xe2\x80", "\xe3", "\xe8\x87", "\xff", "\xed\xa0\x80", "x", "研究"}
	pieces = append(pieces, tailWords...)
	pieces = append(pieces, rangeSeps...)
	rng := rand.New(rand.NewPCG(seed, seed+1))
	texts := gateTexts(t)
	texts = joinPieces(texts, rng, pieces, 30000)
	return texts
}

// Where quietAfter says nothing starts, scale, approxSuffix and rangeTo
// leave a number of any script ending there as it is; where it does not,
// the texts reach each of them.
func TestQuietAfterPassesOnlyWhatTheTailReadersPass(t *testing.T) {
	moved := 0
	for _, text := range tailTexts(t, 151) {
		s := scanner{text: text}
		for j := 0; j <= len(text); j++ {
			quiet := quietAfter(text, j)
			for _, script := range []byte{'a', 'c', 'w'} {
				tok := token{start: max(j-1, 0), end: j, val: 5, script: script, digits: 1, plain: true}
				got := tok
				s.scale(&got)
				s.approxSuffix(&got)
				s.rangeTo(&got)
				if got != tok {
					require.False(t, quiet, "quietAfter(%q, %d) passes a tail that moves a number (%c) to %+v", text, j, script, got)
					moved++
				}
			}
		}
	}
	require.Greater(t, moved, 20000, "the texts hold tails")
}

// Each of the three-byte words the tail readers start with is one
// quietAfter stops at, on its own and before more text.
func TestQuietAfterStopsAtEveryTailWord(t *testing.T) {
	words := append([]string{"多", "余", "来", "百", "千", "万", "亿"}, rangeSeps...)
	for _, w := range words {
		require.False(t, quietAfter(w, 0), w)
		require.False(t, quietAfter("1"+w+"名", 1), w)
	}
	require.True(t, quietAfter("1名", 1))
	require.True(t, quietAfter("1%", 1))
	require.True(t, quietAfter("1", 1))
}

// arabicAskingPhone is arabic as it was, reading the digit chain for a
// phone number at every number: the reference for the gate.
func (s *scanner) arabicAskingPhone(i int) (tok token, skip int, ok bool) {
	t := s.text
	if identBefore(t, i) {
		return tok, asciiRunEnd(t, i), false
	}
	if end, phone := phoneEnd(t, i); phone {
		return tok, end, false
	}
	tok = readArabic(t, i)
	if identAfter(t, &tok) {
		return tok, asciiRunEnd(t, i), false
	}
	return tok, 0, true
}

// At every digit of random digit chains (phone numbers among them) and of
// the corpus, arabic, which asks phoneEnd only where a chain goes on,
// answers as the reference that always asks.
func TestArabicPhoneGateMatchesAlwaysAsking(t *testing.T) {
	pieces := []string{"1", "0", "138", "0013", "8000", "400", "820", "8820", "555", "0142", "-", " ", ")", "(", "+",
		"+86 ", "(400) ", "(010) ", "(480) 555-0142", "(010) 1388-", ",", ".", "名", "x", "\xe4"}
	rng := rand.New(rand.NewPCG(171, 172))
	texts := gateTexts(t)
	for range 30000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	phones := 0
	for _, text := range texts {
		s := scanner{text: text}
		for i := 0; i < len(text); i++ {
			if !isDigit(text[i]) {
				continue
			}
			wtok, wskip, wok := s.arabicAskingPhone(i)
			// arabic fills a stale token in place; it is read only when
			// ok, and must then keep nothing of the stale one.
			gtok := staleToken
			gskip, gok := s.arabic(i, &gtok)
			if wskip != gskip || wok != gok || gok && wtok != gtok {
				t.Fatalf("arabic(%q, %d) = %+v, %d, %v; want %+v, %d, %v", text, i, gtok, gskip, gok, wtok, wskip, wok)
			}
			if _, phone := phoneEnd(text, i); phone && !identBefore(text, i) {
				phones++
			}
		}
	}
	require.Greater(t, phones, 1000, "the texts hold phone numbers")
}
