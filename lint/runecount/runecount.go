// Package runecount counts code points and UTF-16 code units between byte
// offsets of a UTF-8 text in constant time, after one linear pass.
//
// Columns were counted from the start of each line for every finding, which
// made a long line cost its length once per finding: quadratic on a
// one-line file. An Index keeps running totals every Step bytes instead, so
// a count is a difference of two totals, each the checkpoint before it plus
// at most Step bytes.
//
// Counting works at any byte offset, even inside a character: a code point
// is counted at its first byte (any byte that is not a continuation byte
// 10xxxxxx), and a code point of four UTF-8 bytes, which UTF-16 writes as a
// surrogate pair, counts one unit more at its first byte (0xF0–0xF4). On
// valid UTF-8 this is exactly utf8.RuneCount; on invalid bytes, each byte
// that is not a continuation byte counts as one.
package runecount

import "math/bits"

// Step is the number of bytes between checkpoints: the most a count scans.
const Step = 256

// Index holds the running totals of a text.
type Index[T ~string | ~[]byte] struct {
	text  T
	runes []int32 // runes[k]: code points starting in text[:k*Step]
	wide  []int32 // wide[k]: four-byte code points starting in text[:k*Step]
}

// New indexes text in one pass. Texts are at most 2 GiB (int32 totals).
func New[T ~string | ~[]byte](text T) *Index[T] {
	n := len(text)/Step + 1
	x := &Index[T]{text: text, runes: make([]int32, n), wide: make([]int32, n)}
	var runes, wide int32
	for k := 0; k < n; k++ {
		x.runes[k], x.wide[k] = runes, wide
		block := text[k*Step : min(len(text), (k+1)*Step)]
		runes += int32(Count(block))
		wide += int32(countWide(block))
	}
	return x
}

// countWide is the number of bytes of text that start a four-byte code
// point, skipping eight bytes at a time where none has its top four bits
// set (0xF0 and above).
func countWide[T ~string | ~[]byte](text T) int {
	n, i := 0, 0
	for ; i+8 <= len(text); i += 8 {
		if w := word(text[i : i+8]); w&(w<<1)&(w<<2)&(w<<3)&0x8080808080808080 == 0 {
			continue
		}
		for _, c := range []byte(text[i : i+8]) {
			n += int(startsWide(c))
		}
	}
	for ; i < len(text); i++ {
		n += int(startsWide(text[i]))
	}
	return n
}

// Count is the number of bytes of text that start a code point (that are
// not continuation bytes 10xxxxxx), as Runes counts them: eight bytes at a
// time, so a position needs no index for a line of a few hundred bytes.
func Count[T ~string | ~[]byte](text T) int {
	n, rest := len(text), text
	// The loops step a slice along, so that reading a word needs no
	// index arithmetic or bounds check of its own.
	for ; len(rest) >= 32; rest = rest[32:] {
		// Four words' continuation bits moved to bits 7, 6, 5 and 4 of
		// their bytes: one count for 32 bytes.
		n -= bits.OnesCount64(continuations(word(rest)) | continuations(word(rest[8:]))>>1 |
			continuations(word(rest[16:]))>>2 | continuations(word(rest[24:]))>>3)
	}
	for ; len(rest) >= 8; rest = rest[8:] {
		n -= bits.OnesCount64(continuations(word(rest)))
	}
	if len(rest) > 0 && len(text) >= 8 {
		// The last 1-7 bytes: the text's last word, its bytes counted
		// already masked off (each byte's test reads only that byte).
		w := word(text[len(text)-8:])
		return n - bits.OnesCount64(continuations(w)&^(1<<(64-8*len(rest))-1))
	}
	for i := 0; i < len(rest); i++ {
		n -= int(1 - starts(rest[i]))
	}
	return n
}

// continuations has the top bit of each byte of w that is a continuation
// byte: its top bit set and the next one clear (shifting the word left by
// one moves each byte's bit 6 to its bit 7; bit 7 of one byte lands on bit
// 0 of the next, masked off).
func continuations(w uint64) uint64 { return w &^ (w << 1) & 0x8080808080808080 }

// word reads eight bytes as one machine word (the order does not matter
// for counting).
func word[T ~string | ~[]byte](b T) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// starts is 1 for a byte that starts a code point.
func starts(c byte) int32 {
	if c&0xC0 != 0x80 {
		return 1
	}
	return 0
}

// startsWide is 1 for a byte that starts a four-byte code point.
func startsWide(c byte) int32 {
	if 0xF0 <= c && c <= 0xF4 {
		return 1
	}
	return 0
}

// Runes is the number of code points in text[:offset] (offset is clamped
// to the text).
func (x *Index[T]) Runes(offset int) int {
	offset = max(0, min(offset, len(x.text)))
	k := offset / Step
	return int(x.runes[k]) + Count(x.text[k*Step:offset])
}

// UTF16 is the number of UTF-16 code units in text[:offset].
func (x *Index[T]) UTF16(offset int) int {
	offset = max(0, min(offset, len(x.text)))
	k := offset / Step
	n := x.runes[k] + x.wide[k]
	for i := k * Step; i < offset; i++ {
		n += starts(x.text[i]) + startsWide(x.text[i])
	}
	return int(n)
}
