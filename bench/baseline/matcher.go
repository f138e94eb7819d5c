package main

// matcher is an Aho–Corasick automaton compiled to a dense table: one
// lookup per input byte, no failure links to follow at scan time. Bytes that
// no term uses share one column, and states are numbered breadth first, so
// the states text visits most (near the root) sit together in memory.
type matcher struct {
	class  [256]int32 // byte → column; upper-case ASCII as its lower case
	stride int32      // columns per state
	next   []int32    // next[s*stride+class[b]]: the state after byte b in s
	hits   []int32    // hits[s]: how many terms end in state s (suffixes included)
}

func newMatcher(terms []string) *matcher {
	m := &matcher{stride: 1}
	for _, t := range terms {
		for i := 0; i < len(t); i++ {
			if m.class[t[i]] == 0 {
				m.class[t[i]] = m.stride
				m.stride++
			}
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		m.class[b] = m.class[b+'a'-'A']
	}
	// The trie, in insertion order: 0 means "no edge" (none leads to the root).
	next := make([]int32, m.stride)
	hits := []int32{0}
	for _, t := range terms {
		s := int32(0)
		for i := 0; i < len(t); i++ {
			e := s*m.stride + m.class[t[i]]
			if next[e] == 0 {
				next[e] = int32(len(hits))
				next = append(next, make([]int32, m.stride)...)
				hits = append(hits, 0)
			}
			s = next[e]
		}
		hits[s]++
	}
	// Breadth first: number the states in this order and turn each missing
	// edge into the failure state's edge.
	order := []int32{0}
	id := make([]int32, len(hits)) // old number → breadth-first number
	fail := make([]int32, len(hits))
	for i := 0; i < len(order); i++ {
		s := order[i]
		if s != 0 {
			hits[s] += hits[fail[s]]
		}
		for c := range m.stride {
			e := s*m.stride + c
			switch child := next[e]; {
			case child != 0:
				if s != 0 {
					fail[child] = next[fail[s]*m.stride+c]
				}
				id[child] = int32(len(order))
				order = append(order, child)
			case s != 0:
				next[e] = next[fail[s]*m.stride+c]
			}
		}
	}
	m.next = make([]int32, len(next))
	m.hits = make([]int32, len(hits))
	for newS, s := range order {
		m.hits[newS] = hits[s]
		for c := range m.stride {
			m.next[int32(newS)*m.stride+c] = id[next[s*m.stride+c]]
		}
	}
	return m
}

// count returns the number of term occurrences in data, overlapping ones
// included.
func (m *matcher) count(data []byte) int {
	s, n := int32(0), 0
	for _, b := range data {
		s = m.next[s*m.stride+m.class[b]]
		n += int(m.hits[s])
	}
	return n
}
