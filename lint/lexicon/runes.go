package lexicon

import "unicode/utf8"

// The lexicon's walks over text (reach, windows, the tree matcher) decode
// every non-ASCII rune they step over, most of them three-byte runes of Han
// and CJK punctuation. han3At and han3Before decode those inline (they are
// small enough to be inlined) and give 0 bytes for the rest, which
// runeAt and runeBefore hand to package utf8:
//
//	r, n := han3At(text, i)
//	if n == 0 {
//		r, n = runeAt(text, i)
//	}
//
// Only lead bytes 0xE1-0xEF but 0xED are decoded inline: after them any two
// continuation bytes make a rune (after 0xE0 they may be an overlong form,
// after 0xED a surrogate).

// han3At returns the rune at text[i] and 3 when three bytes from i make a
// rune of a lead byte 0xE1-0xEF but 0xED, or 0, 0.
func han3At(text string, i int) (rune, int) {
	if i+2 < len(text) {
		b0, b1, b2 := text[i], text[i+1], text[i+2]
		if b0-0xe1 < 0x0f && b0 != 0xed && (b1^0x80)|(b2^0x80) < 0x40 {
			return rune(b0&0x0f)<<12 | rune(b1&0x3f)<<6 | rune(b2&0x3f), 3
		}
	}
	return 0, 0
}

// han3Before is han3At for the three bytes before i.
func han3Before(text string, i int) (rune, int) {
	if i >= 3 && i <= len(text) {
		b0, b1, b2 := text[i-3], text[i-2], text[i-1]
		if b0-0xe1 < 0x0f && b0 != 0xed && (b1^0x80)|(b2^0x80) < 0x40 {
			return rune(b0&0x0f)<<12 | rune(b1&0x3f)<<6 | rune(b2&0x3f), 3
		}
	}
	return 0, 0
}

// runeAt is utf8.DecodeRuneInString(text[i:]), three-byte runes first.
func runeAt(text string, i int) (rune, int) {
	if r, n := han3At(text, i); n > 0 {
		return r, n
	}
	return utf8.DecodeRuneInString(text[i:])
}

// runeBefore is utf8.DecodeLastRuneInString(text[:i]), three-byte runes first.
func runeBefore(text string, i int) (rune, int) {
	if r, n := han3Before(text, i); n > 0 {
		return r, n
	}
	return utf8.DecodeLastRuneInString(text[:i])
}
