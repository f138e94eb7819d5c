// Package reuse keeps slices given back after use for the next user that
// needs one as large: the read buffer of a file whose report is written,
// a written report's lists.
package reuse

import "sync"

// Slices holds slices of T given back by Put, each with a capacity of at
// most Max: one large input's slice goes to the collector rather than to
// every small one after it. The zero value keeps nothing (Max 0).
type Slices[T any] struct {
	Max  int
	pool sync.Pool // of *[]T
}

// Get returns an empty, non-nil slice with room for n values: one given
// back when it is large enough (a smaller one goes back for a smaller
// request), else a new one.
func (s *Slices[T]) Get(n int) []T {
	if p, ok := s.pool.Get().(*[]T); ok {
		if cap(*p) >= n {
			return (*p)[:0]
		}
		s.pool.Put(p)
	}
	return make([]T, 0, n)
}

// Put gives list back for Get, unless its capacity is 0 or above Max. It
// does not clear the values: a caller whose values hold pointers clears
// them first, so that the pool ties nothing they point to.
func (s *Slices[T]) Put(list []T) {
	if cap(list) == 0 || cap(list) > s.Max {
		return
	}
	list = list[:0]
	s.pool.Put(&list)
}
