// Package binfmt is the small binary format of hypelint's build-time
// snapshots (the compiled lexicon and the parsed rules): integers as
// varints, strings with their length, int32 arrays as little-endian words
// starting at a multiple of four bytes from the snapshot's start.
//
// A snapshot type describes its fields once, as a walk over a Codec; the
// Writer and the Reader both run that walk, so the two directions cannot
// drift apart. The Reader reads from a string in place: strings it returns
// are slices of the snapshot, which is embedded in the binary and never
// copied. An int32 array is read in place too where the machine is
// little-endian and the snapshot aligned (the built-in ones are): the
// slices Int32s returns must never be written.
package binfmt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unsafe"
)

// Codec is one direction of the format.
type Codec interface {
	Num(*int)
	U64(*uint64)
	Flag(*bool)
	Text(*string)
	Int32s(*[]int32)
	// Count writes n, or reads and returns a count of items that follow.
	Count(n int) int
}

// Writer appends fields to Buf.
type Writer struct{ Buf []byte }

// NewWriter starts a snapshot with its magic string.
func NewWriter(magic string) *Writer { return &Writer{Buf: []byte(magic)} }

func (w *Writer) Num(v *int)      { w.Buf = binary.AppendVarint(w.Buf, int64(*v)) }
func (w *Writer) U64(v *uint64)   { w.Buf = binary.AppendUvarint(w.Buf, *v) }
func (w *Writer) Count(n int) int { w.Buf = binary.AppendUvarint(w.Buf, uint64(n)); return n }
func (w *Writer) Text(v *string)  { w.Count(len(*v)); w.Buf = append(w.Buf, *v...) }
func (w *Writer) Flag(v *bool) {
	b := byte(0)
	if *v {
		b = 1
	}
	w.Buf = append(w.Buf, b)
}

func (w *Writer) Int32s(v *[]int32) {
	w.Count(len(*v))
	for len(w.Buf)%4 != 0 {
		w.Buf = append(w.Buf, 0)
	}
	for _, x := range *v {
		w.Buf = binary.LittleEndian.AppendUint32(w.Buf, uint32(x))
	}
}

// Reader reads fields from a snapshot in place. The first error sticks and
// every later read returns zero values, so a walk needs no checks; call Done
// at the end.
type Reader struct {
	data string
	size int // of the whole snapshot: data's offset is size-len(data)
	err  error
}

var errTruncated = errors.New("truncated")

// NewReader checks the magic string (which carries the format's version)
// and reads what follows it.
func NewReader(data, magic string) (*Reader, error) {
	rest, ok := strings.CutPrefix(data, magic)
	if !ok {
		return nil, fmt.Errorf("not a snapshot of this version (want %q)", strings.TrimSpace(magic))
	}
	return &Reader{data: rest, size: len(data)}, nil
}

// Done reports the first error, or bytes left over.
func (r *Reader) Done() error {
	if r.err == nil && len(r.data) != 0 {
		r.fail(errors.New("trailing bytes"))
	}
	return r.err
}

func (r *Reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *Reader) uvarint() uint64 {
	var v uint64
	for shift := 0; shift < 64 && r.err == nil && len(r.data) > 0; shift += 7 {
		b := r.data[0]
		r.data = r.data[1:]
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.fail(errTruncated)
	return 0
}

func (r *Reader) U64(v *uint64) { *v = r.uvarint() }

func (r *Reader) Num(v *int) {
	u := r.uvarint()
	*v = int(int64(u>>1) ^ -int64(u&1)) // zig-zag, as binary.AppendVarint wrote it
}

// Count reads a length and refuses one longer than what is left (every
// counted item takes at least a byte), so a damaged snapshot cannot make
// the reader allocate without bound.
func (r *Reader) Count(int) int {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.fail(errTruncated)
		return 0
	}
	return int(n)
}

func (r *Reader) Text(v *string) {
	n := r.Count(0)
	*v, r.data = r.data[:n], r.data[n:]
}

func (r *Reader) Flag(v *bool) {
	var s string
	if len(r.data) > 0 {
		s, r.data = r.data[:1], r.data[1:]
	} else {
		r.fail(errTruncated)
	}
	*v = s == "\x01"
}

// Int32s reads an array in place when it can (see the package comment),
// and copies it otherwise.
func (r *Reader) Int32s(v *[]int32) {
	n := r.Count(0)
	if pad := (4 - (r.size-len(r.data))%4) % 4; pad <= len(r.data) {
		r.data = r.data[pad:]
	} else {
		r.fail(errTruncated)
	}
	if 4*n > len(r.data) {
		r.fail(errTruncated)
		n = 0
	}
	if n == 0 {
		*v = []int32{}
		return
	}
	words := r.data[:4*n]
	r.data = r.data[4*n:]
	if p := unsafe.StringData(words); littleEndian && uintptr(unsafe.Pointer(p))%4 == 0 {
		*v = unsafe.Slice((*int32)(unsafe.Pointer(p)), n)
		return
	}
	out := make([]int32, n)
	for i := range out {
		d := words[4*i:]
		out[i] = int32(uint32(d[0]) | uint32(d[1])<<8 | uint32(d[2])<<16 | uint32(d[3])<<24)
	}
	*v = out
}

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// Strings walks a list of strings.
func Strings(c Codec, v *[]string) { Slice(c, v, c.Text) }

// Slice walks a list: its length, then each item with walk. Reading makes
// a list of that length (of zero values for walk to fill).
func Slice[T any](c Codec, v *[]T, walk func(*T)) {
	if n := c.Count(len(*v)); n != len(*v) {
		*v = make([]T, n)
	}
	for i := range *v {
		walk(&(*v)[i])
	}
}

// StringMap walks a map of strings, keys in sorted order so that a snapshot
// is the same bytes every time.
func StringMap(c Codec, m *map[string]string) {
	keys := slices.Sorted(maps.Keys(*m))
	n := c.Count(len(keys))
	if n != len(keys) {
		keys = make([]string, n)
	}
	if *m == nil && n > 0 {
		*m = make(map[string]string, n)
	}
	for _, k := range keys {
		v := (*m)[k]
		c.Text(&k)
		c.Text(&v)
		(*m)[k] = v
	}
}
