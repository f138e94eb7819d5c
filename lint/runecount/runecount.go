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
	for i := 0; i < len(text); i++ {
		if i%Step == 0 {
			x.runes[i/Step], x.wide[i/Step] = runes, wide
		}
		runes += starts(text[i])
		wide += startsWide(text[i])
	}
	if len(text)%Step == 0 {
		x.runes[n-1], x.wide[n-1] = runes, wide
	}
	return x
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
	n := x.runes[k]
	for i := k * Step; i < offset; i++ {
		n += starts(x.text[i])
	}
	return int(n)
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
