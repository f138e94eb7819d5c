package utf8x

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// check compares the decoders with package utf8 at every position of
// text; it returns how many runes Rune3Before decoded inline.
func check(t *testing.T, text string) int {
	inline := 0
	for i := range len(text) + 1 {
		if i < len(text) {
			wr, wn := utf8.DecodeRuneInString(text[i:])
			if r, n := RuneAt(text, i); r != wr || n != wn {
				t.Fatalf("RuneAt(%q, %d) = %U %d, want %U %d", text, i, r, n, wr, wn)
			}
			if r, n := Rune3At(text, i); n != 0 && (r != wr || n != wn) || n == 0 && r != 0 {
				t.Fatalf("Rune3At(%q, %d) = %U %d, want %U %d", text, i, r, n, wr, wn)
			}
		}
		wr, wn := utf8.DecodeLastRuneInString(text[:i])
		if r, n := RuneBefore(text, i); r != wr || n != wn {
			t.Fatalf("RuneBefore(%q, %d) = %U %d, want %U %d", text, i, r, n, wr, wn)
		}
		if r, n := Rune3Before(text, i); n != 0 && (r != wr || n != wn) || n == 0 && r != 0 {
			t.Fatalf("Rune3Before(%q, %d) = %U %d, want %U %d", text, i, r, n, wr, wn)
		} else if n != 0 {
			inline++
		}
	}
	return inline
}

// Every three bytes from a lead byte ≥ 0x80 (2^23 sequences: overlong
// forms, surrogates, stray and cut runes included) decode as package utf8
// decodes them, and Rune3At decodes exactly the well-formed ones of lead
// bytes other than 0xE0 and 0xED.
func TestEveryThreeBytes(t *testing.T) {
	inline := 0
	for b0 := 0x80; b0 < 0x100; b0++ {
		for b1 := range 0x100 {
			for b2 := range 0x100 {
				text := string([]byte{byte(b0), byte(b1), byte(b2)})
				inline += check(t, text)
				_, wn := utf8.DecodeRuneInString(text)
				want := wn == 3 && b0 != 0xe0 && b0 != 0xed
				if _, n := Rune3At(text, 0); (n == 3) != want {
					t.Fatalf("Rune3At(%q, 0) decodes inline: %v, want %v", text, n == 3, want)
				}
			}
		}
	}
	// 14 lead bytes of 64×64 runes each.
	require.Equal(t, 14*64*64, inline, "the well-formed three-byte runes of E1-EF but ED decoded inline")
}

// Inside other text (the bytes around a sequence neither start nor end a
// rune with it) and on random strings of whole, cut and ill-formed runes
// the decoders agree with package utf8 too.
func TestInTextAndRandom(t *testing.T) {
	for b0 := 0x80; b0 < 0x100; b0++ {
		for b1 := range 0x100 {
			for _, b2 := range []byte{0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xe4, 0xff} {
				check(t, string([]byte{'a', byte(b0), byte(b1), b2, 'z'}))
				check(t, string([]byte{0xe4, byte(b0), byte(b1), b2, 0xb8}))
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", " ", "中", "，", "é", "😀", "\xe4\xb8", "\xb8", "\xff", "\xed\xa0\x80", "\xe0\x80\x80", "\xf0\x9f\x98"}
	inline := 0
	for range 5000 {
		var s []byte
		for range rng.IntN(12) {
			s = append(s, pieces[rng.IntN(len(pieces))]...)
		}
		inline += check(t, string(s))
	}
	require.Greater(t, inline, 3000, "the random texts hold three-byte runes")
	r, n := Rune3At("中", 0)
	require.Equal(t, '中', r)
	require.Equal(t, 3, n)
	r, n = Rune3Before("x中", 4)
	require.Equal(t, '中', r)
	require.Equal(t, 3, n)
}
