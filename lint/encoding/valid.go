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
func validUTF8(p []byte) bool {
	n := len(p)
	for i := 0; i < n; {
		c := p[i]
		if c < utf8.RuneSelf {
			i++
			for i+8 <= n && binary.LittleEndian.Uint64(p[i:])&swar.Highs == 0 {
				i += 8
			}
			continue
		}
		if i+8 <= n && hanPair(binary.LittleEndian.Uint64(p[i:])) {
			// Chinese text: two characters a step while they last.
			for i += 6; i+8 <= n && hanPair(binary.LittleEndian.Uint64(p[i:])); i += 6 {
			}
			continue
		}
		if i+3 <= n && c >= 0xE1 && c != 0xED && c <= 0xEF && (uint16(p[i+1])|uint16(p[i+2])<<8)&0xC0C0 == 0x8080 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
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
