package document

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// trimSpace answers as strings.TrimSpace: every rune Unicode calls white
// space and ill-formed bytes at either end of Han, ASCII and punctuation,
// every one-, two- and three-byte ending after a Han character, and random
// strings of all of these.
func TestTrimSpaceMatchesStrings(t *testing.T) {
	var spaces []string
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			spaces = append(spaces, string(r))
		}
	}
	require.Contains(t, spaces, "\u3000")
	pieces := append([]string{"研", "究", "。", "，", "a", "Z", ".", "\xff", "\xe4", "\xe4\xb8", "\x80", "\xef\xbf\xbd", "\xed\xa0\x80", "\ufeff", "\u4000", "\uffff", "é", "😀"}, spaces...)
	rng := rand.New(rand.NewSource(9))
	for round := 0; round < 100000; round++ {
		s := randomText(rng, pieces, rng.Intn(6))
		require.Equal(t, strings.TrimSpace(s), trimSpace(s), "%q", s)
	}
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			for _, s := range []string{"研" + string([]byte{byte(a), byte(b)}), "研" + string([]byte{byte(a)}), "研x" + string([]byte{byte(a), byte(b), 0x80}),
				string([]byte{byte(a), byte(b)}) + "研", string([]byte{byte(a), 0x80, byte(b)}) + "研"} {
				require.Equal(t, strings.TrimSpace(s), trimSpace(s), "%q", s)
			}
		}
	}
}

// trimSpan trims as strings.TrimSpace does, with or without its fast path.
func TestTrimSpanMatchesTrimSpace(t *testing.T) {
	pieces := []string{"研", "。", "a", ".", " ", "\n", "\u3000", "\u00a0", "\u2029", "\u0085", "\xff", "\xe4\xb8", "\x80", "\ufeff"}
	rng := rand.New(rand.NewSource(10))
	for round := 0; round < 100000; round++ {
		text := randomText(rng, pieces, rng.Intn(8))
		start := rng.Intn(len(text) + 1)
		end := start + rng.Intn(len(text)-start+1)
		span, ok := trimSpan(text, start, end)
		want := strings.TrimSpace(text[start:end])
		require.Equal(t, want != "", ok, "%q", text[start:end])
		if ok {
			require.Equal(t, want, text[span.Start:span.End], "%q", text[start:end])
		}
	}
}

// plainEnds answers alike for a string and its bytes, and only ever for
// text strings.TrimSpace leaves as it is.
func TestPlainEndsBytesAndString(t *testing.T) {
	pieces := []string{"研", "。", "a", " ", "\u3000", "\u2000", "\xe4\xb8", "\x80", "\xef\xbf", ""}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				s := a + b + c
				require.Equal(t, plainEnds(s), plainEnds([]byte(s)), "%q", s)
				if plainEnds(s) {
					require.Equal(t, s, strings.TrimSpace(s), "%q", s)
				}
			}
		}
	}
}

// The closer switches hold exactly the marks of the sets they replace,
// every rune checked.
func TestCloserSwitchesMatchTheirSets(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if strings.ContainsRune("。！？.!?”\"」』…", r) != lineCloser(r) ||
			strings.ContainsRune("。！？.!?；;：:…,，、”\"」』)）", r) != headingCloser(r) ||
			strings.ContainsRune("”’」』）)]\"'", r) != sentenceCloser(r) {
			t.Fatalf("%U: a switch and its set disagree", r)
		}
	}
}

// trimOpeners answers as strings.TrimLeft with its cut set on random
// strings of the set's runes, their neighbours, Han, ill-formed and cut
// sequences (the first bytes of ” and ’ alone among them).
func TestTrimOpenersMatchesTrimLeft(t *testing.T) {
	const cutset = " \t\r\n\"'”’)"
	pieces := []string{" ", "\t", "\r", "\n", "\"", "'", "”", "’", ")", "“", "‘", "(", "\u3000", "\v", "a", "T", "研",
		"\xe2\x80", "\xe2", "\x9d", "\xe2\x80\x9c", "\xff", "\xe2\x80\xa6", "0", "."}
	rng := rand.New(rand.NewSource(11))
	for round := 0; round < 100000; round++ {
		s := randomText(rng, pieces, rng.Intn(7))
		require.Equal(t, strings.TrimLeft(s, cutset), trimOpeners(s), "%q", s)
	}
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			for _, s := range []string{string([]byte{byte(a), byte(b)}), string([]byte{0xe2, byte(a), byte(b)}), "”" + string([]byte{byte(a), byte(b)})} {
				require.Equal(t, strings.TrimLeft(s, cutset), trimOpeners(s), "%q", s)
			}
		}
	}
}

// Lines indented and ended with ideographic spaces (and other white
// space) trim as strings.TrimSpace trims them.
func TestTrimSpaceIdeographicIndent(t *testing.T) {
	pieces := []string{"\u3000", " ", "\t", "\u00a0", "\u0085", "\u2028", "\u205f", "\u1680", "研究", "。", "a", "\xe3\x80", "\xe3", "\xff", "\u3001", "\u3000\u3000研究发现"}
	rng := rand.New(rand.NewSource(12))
	for round := 0; round < 100000; round++ {
		s := randomText(rng, pieces, rng.Intn(8))
		require.Equal(t, strings.TrimSpace(s), trimSpace(s), "%q", s)
	}
}

// wideSpace, through spaceAt and spaceBefore, tells white space as
// decoding and unicode.IsSpace do, for every three-byte sequence with a
// lead byte from E0 to EF, ill-formed ones included.
func TestWideSpaceMatchesIsSpace(t *testing.T) {
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0x80; b1 < 0xC0; b1++ {
			for b2 := 0x80; b2 < 0xC0; b2++ {
				seq := string([]byte{byte(b0), byte(b1), byte(b2)})
				want := 0
				if r, n := utf8.DecodeRuneInString(seq); unicode.IsSpace(r) {
					want = n
				}
				require.Equal(t, want, spaceAt(seq+"x"), "%q", seq)
				require.Equal(t, want, spaceBefore("x"+seq), "%q", seq)
			}
		}
	}
}

// plainEnds says yes only where strings.TrimSpace trims nothing, for every
// three-byte sequence with a lead byte from E0 to EF at either end, and
// says it for Chinese punctuation and quotes at both ends.
func TestPlainEndsWideCharacters(t *testing.T) {
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0x80; b1 < 0xC0; b1++ {
			for b2 := 0x80; b2 < 0xC0; b2++ {
				seq := string([]byte{byte(b0), byte(b1), byte(b2)})
				for _, s := range []string{seq + "x", "x" + seq, seq, seq + "研" + seq} {
					if plainEnds(s) {
						require.Equal(t, s, strings.TrimSpace(s), "%q", s)
					}
				}
			}
		}
	}
	for _, s := range []string{"。", "“研究”", "《书》", "、x", "x…", "——", "「引」"} {
		require.True(t, plainEnds(s), "%q", s)
	}
	require.False(t, plainEnds("\u3000研究"))
	require.False(t, plainEnds("研究\u2028"))
}

// quietEnds says yes only where strings.TrimSpace trims nothing: every
// byte, then every pair of bytes, after a Han character or an ASCII letter
// and before a Han character, every three-byte sequence with a lead from
// E0 to EF at the end (ill-formed and cut ones too) and random strings;
// and it says yes for Chinese and English sentences as they end.
func TestQuietEndsOnlyWhereNothingIsTrimmed(t *testing.T) {
	check := func(s string) {
		if quietEnds(s) {
			require.Equal(t, s, strings.TrimSpace(s), "%q", s)
			require.True(t, plainEnds(s), "%q", s)
		}
	}
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			ab := string([]byte{byte(a), byte(b)})
			for _, s := range []string{"研" + ab, "ab" + ab, ab + "研", "研" + ab[:1], ab[:1] + "研", ab[:1] + "x" + ab[1:]} {
				check(s)
			}
		}
	}
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0x70; b2 < 0xC8; b2++ {
				seq := string([]byte{byte(b0), byte(b1), byte(b2)})
				check("研" + seq)
				check("a" + seq)
			}
		}
	}
	pieces := []string{"研", "。", "，", "a", ".", " ", "\t", "\u3000", "\u3001", "\u3fff", "\u2000", "\u2028", "\u00a0",
		"\xe3\x80", "\xe3", "\x80", "\xff", "\u4e00", "\uffff", "”"}
	rng := rand.New(rand.NewSource(47))
	for round := 0; round < 100000; round++ {
		check(randomText(rng, pieces, rng.Intn(6)))
	}
	for _, s := range []string{"研究发现。", "研究发现！", "研究发现（图）", "The trial ended.", "Why?", "研究发现\u3001", "a\u3001"} {
		require.True(t, quietEnds(s), "%q", s)
	}
	for _, s := range []string{"研究发现\u3000", " 研究", "研究 ", "ab", "“研究”"} {
		require.False(t, quietEnds(s), "%q", s)
	}
}

// trimSpan steps over leading ASCII white space byte by byte before it
// looks at the ends: every mix of the six ASCII spaces, U+0085, U+00A0 and
// U+3000 before and after a sentence trims as strings.TrimSpace does.
func TestTrimSpanLeadingASCIISpaces(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u3000", "\x1c", "研究。", "The end.", "\xff", "\xe3\x80"}
	rng := rand.New(rand.NewSource(48))
	for round := 0; round < 100000; round++ {
		text := randomText(rng, pieces, rng.Intn(8))
		span, ok := trimSpan(text, 0, len(text))
		want := strings.TrimSpace(text)
		require.Equal(t, want != "", ok, "%q", text)
		if ok {
			require.Equal(t, want, text[span.Start:span.End], "%q", text)
			require.Equal(t, len(strings.TrimRight(text, " \t\n\v\f\r\u0085\u00a0\u3000")), span.End, "%q", text)
		}
	}
}
