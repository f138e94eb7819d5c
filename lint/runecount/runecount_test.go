package runecount

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// The index agrees with counting from the start at every character
// boundary, across checkpoints.
func TestAgreesWithCountingFromTheStart(t *testing.T) {
	texts := []string{
		"",
		"a",
		strings.Repeat("神药。", 300),
		strings.Repeat("x😀é\u0301漢\r\n", 200),
		strings.Repeat("ab", Step/2) + "€", // a character starting right at a checkpoint
	}
	for _, text := range texts {
		x := New(text)
		b := New([]byte(text))
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			want := utf8.RuneCountInString(text[:off])
			if !assert.Equal(t, want, x.Runes(off), "runes at %d", off) {
				return
			}
			assert.Equal(t, want, b.Runes(off))
			assert.Equal(t, len(utf16.Encode([]rune(text[:off]))), x.UTF16(off), "UTF-16 units at %d", off)
		}
		assert.Equal(t, x.Runes(len(text)), x.Runes(len(text)+5), "offsets past the end are clamped")
		assert.Equal(t, 0, x.Runes(-1))
	}
}

// Inside a character and on invalid bytes, each byte that starts a code
// point or is not UTF-8 at all counts once; stray continuation bytes not.
func TestCountsBytesThatStartCharacters(t *testing.T) {
	x := New("神\xffa\x80b")
	assert.Equal(t, 1, x.Runes(1), "a character counts at its first byte")
	assert.Equal(t, 1, x.Runes(3))
	assert.Equal(t, 2, x.Runes(4), "0xFF counts once")
	assert.Equal(t, 3, x.Runes(6), "a stray continuation byte does not count")
	assert.Equal(t, 4, x.Runes(7))
}

// Count agrees with counting byte by byte on random bytes, valid UTF-8 or
// not, at every length and alignment.
func TestCountAgreesWithBytewiseCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("a\x80\xbf\xc3\xa9\xe7\xa5\x9e\xf0\x9f\x98\x80\xff\n")
	for range 5000 {
		b := make([]byte, rng.IntN(150)) // the 32-byte steps, the 8-byte steps and the tail
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = byte(rng.IntN(256))
			} else {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		want := 0
		for _, c := range b {
			if c&0xC0 != 0x80 {
				want++
			}
		}
		if !assert.Equal(t, want, Count(b), "%q", b) || !assert.Equal(t, want, Count(string(b)), "%q", b) {
			return
		}
		// A piece cut anywhere, as Position counts from a line start or a
		// mark: characters cut at either end.
		i := rng.IntN(len(b) + 1)
		j := i + rng.IntN(len(b)-i+1)
		want = 0
		for _, c := range b[i:j] {
			if c&0xC0 != 0x80 {
				want++
			}
		}
		if !assert.Equal(t, want, Count(b[i:j]), "%q", b[i:j]) {
			return
		}
	}
}
