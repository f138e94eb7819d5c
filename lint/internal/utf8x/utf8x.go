// Package utf8x decodes the three-byte runes of Chinese text (Han, CJK
// punctuation) inline, for the scanners that decode every non-ASCII rune
// they step over; package utf8 decodes the rest.
//
//	r, n := utf8x.Rune3At(text, i)
//	if n == 0 {
//		r, n = utf8x.RuneAt(text, i)
//	}
//
// Only lead bytes 0xE1-0xEF but 0xED are decoded inline: after them any
// two continuation bytes make a rune (after 0xE0 they may be an overlong
// form, after 0xED a surrogate), so one range test and one test of both
// continuation bytes suffice. Rune3At and Rune3Before are small enough to
// be inlined.
package utf8x

import "unicode/utf8"

// Rune3At returns the rune at text[i] and 3 when three bytes from i make a
// rune of a lead byte 0xE1-0xEF but 0xED, or 0, 0.
func Rune3At(text string, i int) (rune, int) {
	if i+2 < len(text) {
		b0, b1, b2 := text[i], text[i+1], text[i+2]
		if b0-0xe1 < 0x0f && b0 != 0xed && (b1^0x80)|(b2^0x80) < 0x40 {
			return rune(b0&0x0f)<<12 | rune(b1&0x3f)<<6 | rune(b2&0x3f), 3
		}
	}
	return 0, 0
}

// Rune3Before is Rune3At for the three bytes before i.
func Rune3Before(text string, i int) (rune, int) {
	if i >= 3 && i <= len(text) {
		b0, b1, b2 := text[i-3], text[i-2], text[i-1]
		if b0-0xe1 < 0x0f && b0 != 0xed && (b1^0x80)|(b2^0x80) < 0x40 {
			return rune(b0&0x0f)<<12 | rune(b1&0x3f)<<6 | rune(b2&0x3f), 3
		}
	}
	return 0, 0
}

// RuneAt is utf8.DecodeRuneInString(text[i:]), three-byte runes first.
func RuneAt(text string, i int) (rune, int) {
	if r, n := Rune3At(text, i); n > 0 {
		return r, n
	}
	return utf8.DecodeRuneInString(text[i:])
}

// RuneBefore is utf8.DecodeLastRuneInString(text[:i]), three-byte runes
// first.
func RuneBefore(text string, i int) (rune, int) {
	if r, n := Rune3Before(text, i); n > 0 {
		return r, n
	}
	return utf8.DecodeLastRuneInString(text[:i])
}
