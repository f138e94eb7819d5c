package lexicon

import (
	"math/rand"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// runeAt and runeBefore decode as package utf8 does, and han3At and
// han3Before decode what they decode alike, or nothing: every three bytes
// from a byte ≥ 0x80 (overlong forms, surrogates, stray and cut runes
// included), at the text's edges and inside it, and random byte strings.
func TestRunesAsUTF8(t *testing.T) {
	inline := 0
	check := func(text string) {
		for i := range len(text) + 1 {
			if i < len(text) {
				r, n := runeAt(text, i)
				wr, wn := utf8.DecodeRuneInString(text[i:])
				if r != wr || n != wn {
					t.Fatalf("runeAt(%q, %d) = %U %d, want %U %d", text, i, r, n, wr, wn)
				}
				if r, n := han3At(text, i); n != 0 && (r != wr || n != wn) || n == 0 && r != 0 {
					t.Fatalf("han3At(%q, %d) = %U %d, want %U %d", text, i, r, n, wr, wn)
				}
			}
			r, n := runeBefore(text, i)
			wr, wn := utf8.DecodeLastRuneInString(text[:i])
			if r != wr || n != wn {
				t.Fatalf("runeBefore(%q, %d) = %U %d, want %U %d", text, i, r, n, wr, wn)
			}
			if r, n := han3Before(text, i); n != 0 && (r != wr || n != wn) || n == 0 && r != 0 {
				t.Fatalf("han3Before(%q, %d) = %U %d, want %U %d", text, i, r, n, wr, wn)
			} else if n != 0 {
				inline++
			}
		}
	}
	var b [5]byte
	for b0 := 0x80; b0 < 0x100; b0++ {
		for b1 := range 0x100 {
			for _, b2 := range []int{0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xe4, 0xff} {
				b = [5]byte{'a', byte(b0), byte(b1), byte(b2), 'z'}
				check(string(b[1:4]))
				check(string(b[:]))
			}
		}
	}
	for b1 := 0x80; b1 < 0xc0; b1++ { // every well-formed three-byte rune, and its neighbours
		for b2 := range 0x100 {
			for _, b0 := range []int{0xe0, 0xe4, 0xed, 0xef} {
				check(string([]byte{byte(b0), byte(b1), byte(b2)}))
			}
		}
	}
	rng := rand.New(rand.NewSource(5))
	pieces := []string{"a", " ", "中", "，", "é", "😀", "\xe4\xb8", "\xb8", "\xff", "\xed\xa0\x80", "\xe0\x80\x80"}
	for range 3000 {
		var s []byte
		for range rng.Intn(12) {
			s = append(s, pieces[rng.Intn(len(pieces))]...)
		}
		check(string(s))
	}
	r, n := han3At("中", 0)
	require.Equal(t, '中', r)
	require.Equal(t, 3, n)
	require.Greater(t, inline, 10000, "most well-formed three-byte runes decoded inline")
}
