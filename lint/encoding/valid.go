package encoding

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
)

// validUTF8 is utf8.Valid, faster on the text hypelint reads. The library
// steps over ASCII eight bytes at a time only until the first other byte
// and then looks every character up in two tables; Chinese text is mostly
// three-byte characters mixed with short runs of ASCII. Here each step
// reads a word: the ASCII bytes it starts with are stepped over at once,
// and at a non-ASCII byte skipHan steps over the run of three-byte
// characters with lead bytes from 0xE1 to 0xEF other than 0xED (every Han
// character of the Basic Multilingual Plane; those beyond it take four
// bytes), which are valid exactly when their next two bytes are
// continuation bytes. Only a character of another kind is decoded as the
// library decodes it, so that a step does not try one test after another
// where ASCII and Chinese alternate. The last 24 bytes, too few for the
// word steps, are left to the library.
//
// The loop steps a slice along rather than an index into it, so that
// reading from the slice's start needs no index arithmetic or bounds
// check of its own.
func validUTF8(p []byte) bool {
	for len(p) >= 24 {
		if hi := binary.LittleEndian.Uint64(p) & swar.Highs; hi != 0 {
			// Step over the ASCII bytes that the word starts with.
			if n := bits.TrailingZeros64(hi) >> 3; n != 0 {
				p = p[n:]
				continue
			}
		} else {
			// Long ASCII runs: thirty-two bytes a step while they last.
			for p = p[8:]; len(p) >= 32; p = p[32:] {
				q := (*[32]byte)(p)
				if (binary.LittleEndian.Uint64(q[:8])|binary.LittleEndian.Uint64(q[8:16])|binary.LittleEndian.Uint64(q[16:24])|binary.LittleEndian.Uint64(q[24:]))&swar.Highs != 0 {
					break
				}
			}
			continue
		}
		if rest := skipHan(p); len(rest) != len(p) {
			p = rest
			continue
		}
		r, size := utf8.DecodeRune(p)
		if r == utf8.RuneError && size == 1 {
			return false
		}
		p = p[size:]
	}
	return utf8.Valid(p)
}

// The places of the lead bytes of eight three-byte characters in the three
// words that hold them, and the top bits that each byte must have.
const (
	leadA = 0x00FF0000FF0000FF // lead at bytes 0, 3, 6
	leadB = 0xFF0000FF0000FF00 // 1, 4, 7
	leadC = 0x0000FF0000FF0000 // 2, 5
	maskA = 0xC0F0C0C0F0C0C0F0
	bitsA = 0x80E08080E08080E0
	maskB = 0xF0C0C0F0C0C0F0C0
	bitsB = 0xE08080E08080E080
	maskC = 0xC0C0F0C0C0F0C0C0
	bitsC = 0x8080E08080E08080
)

// hanBytes[k] is the number of bytes in the whole three-byte characters
// before byte k.
var hanBytes = [32]uint8{0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 12, 12, 12, 15, 15, 15, 18, 18, 18, 21, 21, 21, 24}

// skipHan steps over the run of three-byte characters with lead bytes
// from 0xE1 to 0xEF other than 0xED, each followed by two continuation
// bytes, that p starts with: all valid whatever their continuation bytes
// are. It stops at the first other character or within the last 24 bytes.
//
// Eight characters are tested a step, read as three little-endian words
// a, b, c: the lead bytes sit at bytes 0, 3, 6 of a, 1, 4, 7 of b and 2, 5
// of c. Each word's bytes are compared with the top bits they must have;
// the lead nibbles, at a different place in each word, are gathered into
// one word and tested together, each to be neither 0 (lead 0xE0) nor 0xD
// (0xED), and a failure is put back at its lead byte. The first byte that
// fails ends the run.
func skipHan(p []byte) []byte {
	for len(p) >= 24 {
		q := (*[24]byte)(p)
		a, b, c := binary.LittleEndian.Uint64(q[:8]), binary.LittleEndian.Uint64(q[8:16]), binary.LittleEndian.Uint64(q[16:])
		// Adding 0x0F to a byte of x sets its bit 4 unless the byte is 0
		// (and never carries into the next byte); the same on x^0x0D
		// finds 0xD.
		x := a&(leadA&0x0F0F0F0F0F0F0F0F) | b&(leadB&0x0F0F0F0F0F0F0F0F) | c&(leadC&0x0F0F0F0F0F0F0F0F)
		bad := ^((x + 0x0F*swar.Ones) & ((x ^ 0x0D*swar.Ones) + 0x0F*swar.Ones)) & (0x10 * swar.Ones)
		ea := a&maskA ^ bitsA | bad&leadA
		eb := b&maskB ^ bitsB | bad&leadB
		ec := c&maskC ^ bitsC | bad&leadC
		if ea|eb|ec == 0 {
			p = p[24:]
			continue
		}
		// The first failing byte.
		k := bits.TrailingZeros64(ea) >> 3
		if ea == 0 {
			k = 8 + bits.TrailingZeros64(eb)>>3
			if eb == 0 {
				k = 16 + bits.TrailingZeros64(ec)>>3
			}
		}
		return p[hanBytes[k&31]:]
	}
	return p
}
