package lexicon

import "unicode/utf8"

// runeAt is utf8.DecodeRuneInString(text[i:]) for a non-ASCII byte at i,
// with the three-byte runes of Han and CJK punctuation (most of the
// non-ASCII text) decoded inline: the general decoder is a call, and
// pattern windows and runs decode every rune they step over.
func runeAt(text string, i int) (rune, int) {
	if i+2 < len(text) {
		if r, ok := rune3(text[i], text[i+1], text[i+2]); ok {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// runeBefore is utf8.DecodeLastRuneInString(text[:i]) for a non-ASCII byte
// at i-1, three-byte runes inline as in runeAt.
func runeBefore(text string, i int) (rune, int) {
	if i >= 3 && i <= len(text) {
		if r, ok := rune3(text[i-3], text[i-2], text[i-1]); ok {
			return r, 3
		}
	}
	return utf8.DecodeLastRuneInString(text[:i])
}

// rune3 decodes a well-formed three-byte rune (a lead byte 0xE0-0xEF, two
// continuation bytes, neither overlong nor a surrogate).
func rune3(b0, b1, b2 byte) (rune, bool) {
	if b0&0xf0 != 0xe0 || b1&0xc0 != 0x80 || b2&0xc0 != 0x80 {
		return 0, false
	}
	r := rune(b0&0x0f)<<12 | rune(b1&0x3f)<<6 | rune(b2&0x3f)
	return r, r >= 0x800 && (r < 0xd800 || r > 0xdfff)
}
