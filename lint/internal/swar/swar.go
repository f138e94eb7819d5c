// Package swar holds the word-at-a-time tricks the text scanners share:
// eight bytes read as one word and tested together, where English text
// would otherwise be walked byte by byte.
package swar

import "math/bits"

const (
	Ones  = 0x0101010101010101 // 0x01 in every byte
	Highs = 0x8080808080808080 // the top bit of every byte: no ASCII byte has it
)

// Load8 reads the first eight bytes of s as a little-endian word (one load).
func Load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// LowerLetters counts the letters among the eight ASCII bytes of w, of
// which none is an upper-case letter (lower-cased, or folded with |0x20):
// a byte is a letter when it is at least 'a' (adding 0x1F sets its top
// bit) and below '{' (adding 0x05 does not); no byte below 0x80 carries
// into the next.
func LowerLetters(w uint64) int {
	return bits.OnesCount64(lowerLetterBits(w))
}

// NonLetters returns the top bit of each byte of w that is not an ASCII
// letter of either case. The bytes are folded with |0x20 after their top
// bits are cleared, so that none carries into the next (see LowerLetters),
// and a byte that had its top bit set is no letter.
func NonLetters(w uint64) uint64 {
	return (^lowerLetterBits(w&^Highs|0x20*Ones) | w) & Highs
}

// FirstNonLetter returns a word whose lowest set bit is NonLetters(w)'s
// (0 when every byte is a letter), in fewer steps, for a caller that
// wants only the first non-letter: the bytes are folded with |0x20 (which
// keeps letters letters and other bytes other bytes) without clearing
// their top bits, so a byte at or above 0x80 may carry into the bytes
// after it, which the lowest set bit does not depend on; the bits above
// it mean nothing.
func FirstNonLetter(w uint64) uint64 {
	y := w | 0x20*Ones
	return ^((y+0x1F*Ones)&^(y+0x05*Ones) | 0x7F*Ones)
}

// lowerLetterBits returns the top bit of each byte of w that lies in a-z,
// for w of ASCII bytes: at least 'a' (adding 0x1F sets the top bit) and
// below '{' (adding 0x05 does not).
func lowerLetterBits(w uint64) uint64 {
	return (w + 0x1F*Ones) &^ (w + 0x05*Ones) & Highs
}

// DigitMask returns 0 when w has no ASCII digit, and otherwise a word
// whose lowest set bit is the top bit of its first digit (in the order
// Load8 reads the bytes): xor with '0' leaves a digit below 10, and
// subtracting 10 from each byte sets the top bit of a byte below 10 that
// had it clear. A borrow only runs from such a byte into the ones above
// it, so bits above the lowest may be set wrongly.
func DigitMask(w uint64) uint64 {
	x := w ^ '0'*Ones
	return (x - 10*Ones) &^ x & Highs
}
