// Package slab hands out slices cut from shared chunks of memory: a
// document's thousands of sentences, hit lists, normalized texts and
// offset maps cost a few allocations, and none once the memory is reset
// and reused for the next document.
package slab

import "unsafe"

// Slab is memory for values of type T. Its zero value is ready to use.
// A slice taken from it has its capacity equal to its length: appending
// to one never writes into another. Its owner decides when nothing taken
// from it is read any more, and only then calls Reset (or Poison).
type Slab[T any] struct {
	chunk, free []T
	inUse       [][]T // the chunks values were taken from since the last Reset
	// Limit, when above 0, bounds the chunks of a slab that is never
	// reset: chunks then hold no more than Limit values (unless one take
	// asks for more, or ReserveExact), and 1 gives every take a chunk of
	// its own. Such a slab keeps no list of its chunks, so that a slice
	// taken from it keeps only its own chunk alive, and its Reserve sets
	// nothing aside unless ReserveExact.
	Limit int
	// ReserveExact makes Reserve in a slab with a Limit set aside a chunk
	// of exactly the size asked (still on no list): one allocation for a
	// count known in advance, such as the claims of one section.
	ReserveExact bool
}

// firstBytes is about the size of a slab's first chunk (at least
// firstValues values); each next chunk is twice the last, or the size
// asked when larger.
const (
	firstBytes  = 4 << 10
	firstValues = 64
)

// first is the least size in values of s's first chunk.
func (s *Slab[T]) first() int {
	var v T
	size := int(unsafe.Sizeof(v))
	if size == 0 {
		return firstValues
	}
	return max(firstBytes/size, firstValues)
}

// Take returns n zero values (nil for none), their capacity n.
func (s *Slab[T]) Take(n int) []T {
	if n == 0 {
		return nil
	}
	if n > len(s.free) {
		if s.Limit > 0 {
			s.chunk = make([]T, max(n, min(2*len(s.chunk), s.Limit)))
			s.free = s.chunk
		} else {
			s.newChunk(max(n, 2*len(s.chunk), s.first()))
		}
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// Keep returns a copy of v in s's memory (nil when v is empty).
func (s *Slab[T]) Keep(v []T) []T {
	out := s.Take(len(v))
	copy(out, v)
	return out
}

// KeepString is Keep for bytes, returned as a string: the bytes are not
// written again until Reset or Poison, after which the string may not be
// read (the slab's rule).
func KeepString(s *Slab[byte], b []byte) string {
	out := s.Keep(b)
	if len(out) == 0 {
		return ""
	}
	return unsafe.String(&out[0], len(out))
}

// Spare returns the free rest of the chunk values are taken from, as an
// empty slice, for a writer to append to in place; Commit then takes what
// it wrote without a copy.
func (s *Slab[T]) Spare() []T { return s.free[:0] }

// Commit takes w, a slice Spare returned and appended to, as Take(len(w))
// would have, when its appends stayed in s's memory, and reports whether
// it did: a writer that outgrew the spare room keeps its values with Keep
// instead. Nothing may be taken from s between Spare and Commit.
func (s *Slab[T]) Commit(w []T) ([]T, bool) {
	if len(w) == 0 {
		return nil, true
	}
	if cap(w) != cap(s.free) || &w[0] != &s.free[:1][0] {
		clear(s.free) // what the writer wrote before it outgrew the room: Take hands out zeros
		return nil, false
	}
	out := s.free[:len(w):len(w)]
	s.free = s.free[len(w):]
	return out, true
}

// Reserve makes room for n values in one chunk, when there is less: a
// chunk of exactly n in a fresh slab, at least twice the last in one in
// use. A slab with a Limit sets nothing aside, unless ReserveExact: then
// a chunk of exactly n.
func (s *Slab[T]) Reserve(n int) {
	switch {
	case n <= len(s.free):
	case s.Limit == 0:
		s.newChunk(max(n, 2*len(s.chunk)))
	case s.ReserveExact:
		s.chunk = make([]T, n)
		s.free = s.chunk
	}
}

func (s *Slab[T]) newChunk(n int) {
	s.chunk = make([]T, n)
	s.free = s.chunk
	s.inUse = append(s.inUse, s.chunk)
}

// Reset makes s's memory free for new values: nothing taken since the
// last Reset may be read any more. The last chunk (the largest) is kept,
// its used part zeroed so that it holds on to nothing taken before; the
// earlier ones are left to the collector.
func (s *Slab[T]) Reset() {
	clear(s.chunk[:len(s.chunk)-len(s.free)])
	clear(s.inUse)
	s.inUse = s.inUse[:0]
	if s.chunk != nil {
		s.inUse = append(s.inUse, s.chunk)
	}
	s.free = s.chunk
}

// Poison overwrites every value handed out since the last Reset with v
// and forgets the chunks, so they are never handed out again: a test's
// way of making a value read after its owner let it go show up.
func (s *Slab[T]) Poison(v T) {
	for _, c := range s.inUse {
		for i := range c {
			c[i] = v
		}
	}
	*s = Slab[T]{Limit: s.Limit, ReserveExact: s.ReserveExact}
}

// Chunk is the chunk values are being taken from (nil before the first):
// how tests see what a take or a reservation set aside.
func (s *Slab[T]) Chunk() []T { return s.chunk }
