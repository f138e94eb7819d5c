package lexicon

import "sort"

// automaton is an Aho–Corasick matcher over the bytes of normalized text. It
// reports every occurrence of every term, overlapping ones included, each at
// its own offset: a term twice on a line is two matches.
//
// States are numbered breadth first and stored in flat arrays (no per-state
// allocation): building it is part of every process's start-up, and a
// pre-commit hook starts a process per commit.
type automaton struct {
	// dense holds complete transition rows (failure links already
	// followed) for the shallowest states, 0 to rows-1, one column per
	// class of bytes: nearly every byte of text passes through them, and
	// resolving a mismatch by walking failure links through sparse rows
	// was most of a scan. An entry is the next state, or ^next when a term
	// ends there, so that a scan reads nothing else for most bytes.
	dense  []int32
	rows   int32
	stride int32      // columns per row
	class  [256]uint8 // byte → column; 0 for bytes no term holds
	// State s's transitions are edgeByte/edgeNext[first[s]:first[s+1]],
	// sorted by byte.
	first    []int32
	edgeByte []byte
	edgeNext []int32
	fail     []int32
	term     []int32 // the term ending at the state, or -1
	// dict is the nearest state on the failure chain (itself excluded) at
	// which a term ends, or -1: the other terms that end here as suffixes.
	dict []int32
}

// step follows the transition on b out of s, or returns -1.
func (a *automaton) step(s int32, b byte) int32 {
	lo, hi := a.first[s], a.first[s+1]
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		switch c := a.edgeByte[mid]; {
		case c == b:
			return a.edgeNext[mid]
		case c < b:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// denseBudget bounds the entries of the dense rows (4 bytes each): rows
// for the first states breadth first, up to 2 MiB. With 47,000 states and
// 127 classes of bytes the built-in lexicon's first 4,100 (four bytes deep)
// take four landings in five of Chinese text; all of them would take 24
// MiB, and building them is part of every process's start-up.
const denseBudget = 1 << 19

// buildAutomaton builds the automaton of distinct, non-empty terms.
func buildAutomaton(terms []string) *automaton {
	order := make([]int32, len(terms))
	states := 1
	for i, t := range terms {
		order[i] = int32(i)
		states += len(t) // an upper bound
	}
	sort.Slice(order, func(i, j int) bool { return terms[order[i]] < terms[order[j]] })

	a := &automaton{
		first:    make([]int32, 1, states+1),
		edgeByte: make([]byte, 0, states),
		edgeNext: make([]int32, 0, states),
		term:     make([]int32, 1, states),
	}
	a.term[0] = -1
	// Breadth first over the sorted terms: state s stands for the terms in
	// order[span[s].lo:span[s].hi], which share their first depth bytes.
	type span struct{ lo, hi, depth int32 }
	spans := make([]span, 1, states)
	spans[0] = span{0, int32(len(order)), 0}
	for s := 0; s < len(spans); s++ {
		sp := spans[s]
		lo := sp.lo
		if lo < sp.hi && len(terms[order[lo]]) == int(sp.depth) {
			a.term[s] = order[lo] // a prefix sorts first
			lo++
		}
		for lo < sp.hi {
			b := terms[order[lo]][sp.depth]
			hi := lo + 1
			for hi < sp.hi && terms[order[hi]][sp.depth] == b {
				hi++
			}
			a.edgeByte = append(a.edgeByte, b)
			a.edgeNext = append(a.edgeNext, int32(len(spans)))
			spans = append(spans, span{lo, hi, sp.depth + 1})
			a.term = append(a.term, -1)
			lo = hi
		}
		a.first = append(a.first, int32(len(a.edgeByte)))
	}
	a.link()
	a.fillDense(-1)
	return a
}

// link sets the failure and dictionary links. States are numbered breadth
// first, so every state's links are set before its children need them.
func (a *automaton) link() {
	n := int32(len(a.term))
	a.fail = make([]int32, n)
	a.dict = make([]int32, n)
	a.dict[0] = -1
	for s := int32(0); s < n; s++ {
		for e := a.first[s]; e < a.first[s+1]; e++ {
			b, child := a.edgeByte[e], a.edgeNext[e]
			f := int32(0)
			if s != 0 {
				for f = a.fail[s]; ; f = a.fail[f] {
					if next := a.step(f, b); next >= 0 {
						f = next
						break
					}
					if f == 0 {
						break
					}
				}
			}
			a.fail[child] = f
			if a.term[f] >= 0 {
				a.dict[child] = f
			} else {
				a.dict[child] = a.dict[f]
			}
		}
	}
}

// fillDense builds the dense rows of states 0 to n-1, or of as many as
// denseBudget allows when n < 0. A state's row is its failure state's row
// (numbered earlier, breadth first) with its own transitions written over
// it.
func (a *automaton) fillDense(n int) {
	a.classes()
	if n < 0 {
		n = min(len(a.term), denseBudget/int(a.stride))
	}
	n = max(n, 1) // the root's row ends every walk down failure links
	a.rows = int32(n)
	a.dense = make([]int32, n*int(a.stride))
	for s := 0; s < n; s++ {
		row := a.row(int32(s))
		if s > 0 {
			copy(row, a.row(a.fail[s]))
		}
		for e := a.first[s]; e < a.first[s+1]; e++ {
			next := a.edgeNext[e]
			if a.emits(next) {
				next = ^next
			}
			row[a.class[a.edgeByte[e]]] = next
		}
	}
}

// classes numbers the bytes the terms hold from 1; the others share 0.
func (a *automaton) classes() {
	a.class = [256]uint8{}
	a.stride = 1
	for _, b := range a.edgeByte {
		if a.class[b] == 0 {
			a.class[b] = uint8(a.stride)
			a.stride++
		}
	}
}

func (a *automaton) row(s int32) []int32 {
	return a.dense[s*a.stride : (s+1)*a.stride]
}

// emits reports a state where some term ends.
func (a *automaton) emits(s int32) bool { return a.term[s] >= 0 || a.dict[s] >= 0 }

// match is a term found in text, ending at end (exclusive).
type match struct {
	term int32
	end  int32
}

// find appends every occurrence of a term in text to out.
func (a *automaton) find(text string, out []match) []match {
	dense, class, stride, rows := a.dense, &a.class, a.stride, a.rows
	s := int32(0)
	for i := 0; i < len(text); i++ {
		b := text[i]
		if s < rows {
			if s = dense[s*stride+int32(class[b])]; s >= 0 {
				continue
			}
			s = ^s
		} else {
			// Deeper than the dense rows: follow the sparse edges and
			// failure links back to a dense state.
			for s >= rows {
				if next := a.step(s, b); next >= 0 {
					s = next
					goto moved
				}
				s = a.fail[s]
			}
			if s = dense[s*stride+int32(class[b])]; s >= 0 {
				continue
			}
			s = ^s
			goto emit
		moved:
			if !a.emits(s) {
				continue
			}
		}
	emit:
		if t := a.term[s]; t >= 0 {
			out = append(out, match{t, int32(i + 1)})
		}
		for d := a.dict[s]; d >= 0; d = a.dict[d] {
			out = append(out, match{a.term[d], int32(i + 1)})
		}
	}
	return out
}

// scan calls found(term, end) for every occurrence, end exclusive.
func (a *automaton) scan(text string, found func(term int32, end int)) {
	var buf [64]match
	for _, m := range a.find(text, buf[:0]) {
		found(m.term, int(m.end))
	}
}
