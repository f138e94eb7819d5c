package swar

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// Load8 reads the bytes little-endian: the first byte is the low one.
func TestLoad8(t *testing.T) {
	if got := Load8("\x01\x02\x03\x04\x05\x06\x07\x08tail"); got != 0x0807060504030201 {
		t.Fatalf("Load8 = %#x", got)
	}
}

// LowerLetters agrees with a byte-by-byte count for every ASCII byte at
// every position, folded to lower case, among random ASCII neighbours.
func TestLowerLettersMatchesBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for c := range 128 {
		for pos := range 8 {
			var w uint64
			want := 0
			for k := range 8 {
				b := byte(rng.IntN(128))
				if k == pos {
					b = byte(c)
				}
				if 'A' <= b && b <= 'Z' {
					b |= 0x20
				}
				w |= uint64(b) << (8 * k)
				if 'a' <= b && b <= 'z' {
					want++
				}
			}
			if got := LowerLetters(w); got != want {
				t.Fatalf("LowerLetters(%#x) = %d, want %d", w, got, want)
			}
		}
	}
}

// NonLetters marks exactly the bytes that are no ASCII letter, for every
// byte value at every position among random neighbours of any value.
func TestNonLettersMatchesBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for c := range 256 {
		for pos := range 8 {
			for range 4 {
				var w, want uint64
				for k := range 8 {
					b := byte(rng.IntN(256))
					if k == pos {
						b = byte(c)
					}
					w |= uint64(b) << (8 * k)
					if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z') {
						want |= 0x80 << (8 * k)
					}
				}
				if got := NonLetters(w); got != want {
					t.Fatalf("NonLetters(%#x) = %#x, want %#x", w, got, want)
				}
			}
		}
	}
}

// DigitMask finds the first ASCII digit (its lowest set bit), and no
// digit in a word without one, for every byte value at every
// position among random neighbours of all 256 values (digits among them,
// before and after).
func TestDigitMaskFindsFirstDigit(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for c := range 256 {
		for pos := range 8 {
			var w uint64
			want := 8
			for k := range 8 {
				b := byte(rng.IntN(256))
				if k == pos {
					b = byte(c)
				} else if rng.IntN(4) == 0 {
					b = '0' + byte(rng.IntN(10))
				}
				w |= uint64(b) << (8 * k)
				if want == 8 && '0' <= b && b <= '9' {
					want = k
				}
			}
			m := DigitMask(w)
			got := bits.TrailingZeros64(m) / 8
			if got != want || m != 0 && m&(0x80<<(8*got)) == 0 {
				t.Fatalf("DigitMask(%#x) = %#x: first digit %d, want %d", w, m, got, want)
			}
		}
	}
}

// FirstNonLetter finds the same first non-letter as NonLetters (its
// lowest set bit; the bits above it mean nothing) in words of letters
// mixed with the bytes next to them in ASCII, bytes from 0x80 up and 0.
func TestFirstNonLetterMatchesNonLetters(t *testing.T) {
	const near = "@[`{AZaz09 -.,\x00\x7f\x80\xc1\xda\xe4\xff"
	rng := rand.New(rand.NewPCG(61, 62))
	for range 200000 {
		var b [8]byte
		for k := range b {
			if rng.IntN(3) == 0 {
				b[k] = near[rng.IntN(len(near))]
			} else {
				b[k] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[rng.IntN(52)]
			}
		}
		w := Load8(string(b[:]))
		got, want := FirstNonLetter(w), NonLetters(w)
		if (got == 0) != (want == 0) || got != 0 && bits.TrailingZeros64(got) != bits.TrailingZeros64(want) {
			t.Fatalf("%q: FirstNonLetter = %#x, NonLetters = %#x", b, got, want)
		}
	}
}
