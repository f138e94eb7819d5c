package encoding

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
)

// validUTF8 is utf8.Valid, faster on the text hypelint reads. The library
// steps over ASCII eight bytes at a time only until the first other byte
// and then looks every character up in two tables; Chinese text is mostly
// three-byte characters between runs of ASCII. Here ASCII runs are stepped
// a word at a time wherever they start, and a three-byte character with a
// lead byte from 0xE1 to 0xEF other than 0xED (every Han character of the
// Basic Multilingual Plane; those beyond it take four bytes) is valid
// exactly when its next two bytes are continuation bytes; anything else is
// decoded as the library decodes it.
//
// The loops step a slice along rather than an index into it, so that
// reading from the slice's start needs no index arithmetic or bounds
// check of its own.
func validUTF8(p []byte) bool {
	for len(p) > 0 {
		c := p[0]
		if c < utf8.RuneSelf {
			for p = p[1:]; len(p) >= 16 && (binary.LittleEndian.Uint64(p)|binary.LittleEndian.Uint64(p[8:]))&swar.Highs == 0; p = p[16:] {
			}
			if len(p) >= 8 && binary.LittleEndian.Uint64(p)&swar.Highs == 0 {
				p = p[8:]
			}
			continue
		}
		if len(p) >= 24 && hanOctet(p) {
			// Long Chinese runs: eight characters a step while they
			// last, then two.
			for p = p[24:]; len(p) >= 24 && hanOctet(p); p = p[24:] {
			}
			for len(p) >= 8 && hanPair(binary.LittleEndian.Uint64(p)) {
				p = p[6:]
			}
			continue
		}
		if len(p) >= 8 && hanPair(binary.LittleEndian.Uint64(p)) {
			// Chinese text: two characters a step while they last.
			for p = p[6:]; len(p) >= 8 && hanPair(binary.LittleEndian.Uint64(p)); p = p[6:] {
			}
			continue
		}
		if len(p) >= 3 && c >= 0xE1 && c != 0xED && c <= 0xEF && (uint16(p[1])|uint16(p[2])<<8)&0xC0C0 == 0x8080 {
			p = p[3:]
			continue
		}
		r, size := utf8.DecodeRune(p)
		if r == utf8.RuneError && size == 1 {
			return false
		}
		p = p[size:]
	}
	return true
}

// hanPair reports whether the first six bytes of w (read little-endian)
// are two three-byte characters with lead bytes from 0xE1 to 0xEF other
// than 0xED, each followed by two continuation bytes: valid whatever the
// continuation bytes are.
func hanPair(w uint64) bool {
	const (
		mask = 0x0000C0C0F0C0C0F0 // the top bits of lead, continuation, continuation, twice
		bits = 0x00008080E08080E0
		// okLow has bit k set for a lead byte 0xE0+k that passes: not
		// 0xE0 (its second byte must be 0xA0 or more) nor 0xED (the
		// surrogates).
		okLow = 0xFFFF &^ (1<<0 | 1<<0xD)
	)
	return w&mask == bits && okLow>>(w&0xF)&(okLow>>(w>>24&0xF))&1 != 0
}

// hanOctet reports whether the first 24 bytes of p are eight three-byte
// characters as hanPair accepts them. Read as three little-endian words
// a, b, c, the lead bytes sit at bytes 0, 3, 6 of a, 1, 4, 7 of b and 2, 5
// of c: no two at the same place in a word, so their low nibbles are
// gathered into one word and tested together, each to be neither 0 (lead
// 0xE0) nor 0xD (0xED).
func hanOctet(p []byte) bool {
	a, b, c := binary.LittleEndian.Uint64(p), binary.LittleEndian.Uint64(p[8:]), binary.LittleEndian.Uint64(p[16:])
	const (
		maskA = 0xC0F0C0C0F0C0C0F0 // the top bits of each byte, lead at 0, 3, 6
		bitsA = 0x80E08080E08080E0
		maskB = 0xF0C0C0F0C0C0F0C0 // lead at 1, 4, 7
		bitsB = 0xE08080E08080E080
		maskC = 0xC0C0F0C0C0F0C0C0 // lead at 2, 5
		bitsC = 0x8080E08080E08080
	)
	if (a&maskA^bitsA)|(b&maskB^bitsB)|(c&maskC^bitsC) != 0 {
		return false
	}
	// Adding 0x0F to a byte of x sets its bit 4 unless the byte is 0 (and
	// never carries into the next byte); the same on x^0x0D finds 0xD.
	x := a&0x000F00000F00000F | b&0x0F00000F00000F00 | c&0x00000F00000F0000
	return (x+0x0F*swar.Ones)&((x^0x0D*swar.Ones)+0x0F*swar.Ones)&(0x10*swar.Ones) == 0x10*swar.Ones
}
