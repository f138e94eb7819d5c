package lexicon

import (
	"math/bits"
	"sort"
	"sync"
	"sync/atomic"
)

// automaton is an Aho–Corasick matcher over the bytes of normalized text. It
// reports every occurrence of every term, overlapping ones included, each at
// its own offset: a term twice on a line is two matches.
//
// States are numbered breadth first and stored in flat arrays (no per-state
// allocation): building it is part of every process's start-up, and a
// pre-commit hook starts a process per commit.
type automaton struct {
	// rows are the dense rows a scan starts with, few enough to build at
	// every start-up; more, once growAt bytes have been scanned (-1:
	// never), are rows for many more states, which pay off on an archive
	// but would cost a one-article run more to build than they save.
	rows    *denseRows
	more    atomic.Pointer[denseRows]
	growAt  int64
	scanned atomic.Int64
	grow    sync.Once
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
	// Derived at load (the snapshot holds the arrays above): what a scan
	// reads below the dense rows, packed so that a step reads one line
	// where the arrays above take four or five. emitBits has bit s set
	// where some term ends at state s; nodes[s] is state s's failure link
	// and first edge; ends[s] is term[s] and dict[s] side by side.
	emitBits []uint64
	nodes    []node
	ends     []ending
}

// node is a state as a scan below the dense rows reads it.
type node struct {
	fail  int32
	next  int32 // the state after the first edge (the smallest byte)
	first int32 // the edges in edgeByte/edgeNext, when more than one
	b     byte  // the first edge's byte
	edges uint8 // how many edges, 255 for 255 or more
}

// ending is the term that ends at a state and the next state on its
// failure chain where one does (both -1 for none).
type ending struct{ term, dict int32 }

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

// denseRows holds complete transition rows (failure links already
// followed) for the shallowest states, 0 to n-1, one column per class of
// bytes: nearly every byte of text passes through them, and resolving a
// mismatch by walking failure links through sparse rows was most of a
// scan. An entry is a code for the next state, in 16 bits when the codes
// fit (twice the rows in the same cache), else in 32:
//
//   - below n: a dense state where no term ends, so that a scan reads
//     nothing else for most bytes;
//   - from n to the number of states: that state, below the dense rows
//     (whether a term ends there is in the automaton's emit bits);
//   - the top codes, down from the largest: emitting[top-code], a dense
//     state where a term ends.
type denseRows struct {
	narrow   []uint16
	wide     []uint32
	emitting []int32
	n        int32
	shift    uint       // a row is 1<<shift entries (a shift is quicker than a multiply)
	class    [256]uint8 // byte → column; 0 for bytes no term holds
}

// Budgets bound the entries of the dense rows, one per class of bytes
// (rows are padded to a power of two; entries take 2 bytes, 4 where the
// codes need them), for the first states breadth first. With 52,000
// states and 127 classes of bytes the built-in lexicon's first 516 rows
// (two bytes deep) take half the landings in Chinese text, its first
// 4,100 three in four, its first 8,250 (2 MiB) 85%; all of them would
// take 13 MiB. Building the big rows added a tenth to linting one article,
// so they are built after the first MiB.
const (
	startBudget = 1 << 16
	fullBudget  = 1 << 20
	growAfter   = 1 << 20
)

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
	a.prepare(-1)
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

// prepare builds the starting rows (n of them, at most as many as
// startBudget allows, which n < 0 asks for) and lets the scans grow more.
func (a *automaton) prepare(n int) {
	a.derive()
	a.rows = a.buildRows(n, startBudget, true)
	if a.rows.n > 1 && a.rows.entries() > startBudget { // a snapshot asking for more
		a.rows = a.buildRows(-1, startBudget, true)
	}
	a.more.Store(nil)
	a.growAt = growAfter
}

// derive builds the packed tables a scan reads below the dense rows.
func (a *automaton) derive() {
	n := len(a.term)
	a.emitBits = make([]uint64, (n+63)/64)
	a.nodes = make([]node, n)
	a.ends = make([]ending, n)
	for s := range n {
		a.ends[s] = ending{a.term[s], a.dict[s]}
		if a.term[s] >= 0 || a.dict[s] >= 0 {
			a.emitBits[s/64] |= 1 << (s % 64)
		}
		first, end := a.first[s], a.first[s+1]
		nd := node{fail: a.fail[s], next: -1, first: first, edges: uint8(min(end-first, 255))}
		if end > first {
			nd.next, nd.b = a.edgeNext[first], a.edgeByte[first]
		}
		a.nodes[s] = nd
	}
}

// next follows the transition on b out of state s below the dense rows,
// or returns -1.
func (a *automaton) next(s uint, b byte) int32 {
	nd := &a.nodes[s]
	switch {
	case nd.b == b && nd.edges > 0:
		return nd.next
	case nd.edges <= 1 || b < nd.b:
		return -1
	}
	return a.step(int32(s), b)
}

// fillDense makes the dense rows exactly n, or as many as fullBudget
// allows when n < 0, for good (tests compare scans with any number), with
// 16-bit entries where they fit unless narrow is false.
func (a *automaton) fillDense(n int, narrow bool) {
	a.rows = a.buildRows(n, fullBudget, narrow)
	a.more.Store(nil)
	a.growAt = -1
}

// buildRows builds the dense rows of states 0 to n-1, or of as many as
// budget entries hold when n < 0, with 16-bit entries if narrow allows and
// the codes fit. A state's row is its failure state's row (numbered
// earlier, breadth first) with its own transitions written over it.
func (a *automaton) buildRows(n, budget int, narrow bool) *denseRows {
	d := &denseRows{}
	columns := 1
	for _, b := range a.edgeByte {
		if d.class[b] == 0 {
			d.class[b] = uint8(columns)
			columns++
		}
	}
	d.shift = uint(bits.Len(uint(columns - 1)))
	stride := 1 << d.shift
	if n < 0 {
		n = budget / columns // not stride: the snapshot records the start rows by this count
	}
	n = max(min(n, len(a.term)), 1) // the root's row ends every walk down failure links
	d.n = int32(n)
	code := make([]uint32, len(a.term)) // state → its code
	top := uint32(1<<32 - 1)
	if narrow {
		top = 1<<16 - 1
	}
	for s := range code {
		code[s] = uint32(s)
		if s < n && a.emits(int32(s)) {
			code[s] = top - uint32(len(d.emitting))
			d.emitting = append(d.emitting, int32(s))
		}
	}
	if len(a.term)+len(d.emitting) > int(top)+1 {
		return a.buildRows(n, budget, false) // the codes need 32 bits
	}
	wide := make([]uint32, n*stride)
	for s := 0; s < n; s++ {
		row := wide[s*stride : (s+1)*stride]
		if s > 0 {
			f := int(a.fail[s])
			copy(row, wide[f*stride:(f+1)*stride])
		}
		for e := a.first[s]; e < a.first[s+1]; e++ {
			row[d.class[a.edgeByte[e]]] = code[a.edgeNext[e]]
		}
	}
	if !narrow {
		d.wide = wide
		return d
	}
	d.narrow = make([]uint16, len(wide))
	for i, c := range wide {
		d.narrow[i] = uint16(c)
	}
	return d
}

// entries is how many entries the rows would hold unpadded (the budgets
// count these).
func (d *denseRows) entries() int {
	columns := 0
	for _, c := range d.class {
		columns = max(columns, int(c)+1)
	}
	return int(d.n) * columns
}

// denseRows returns the rows to scan text with, growing them once enough
// text has been scanned.
func (a *automaton) denseRows(text string) *denseRows {
	if d := a.more.Load(); d != nil {
		return d
	}
	if a.growAt >= 0 && a.scanned.Add(int64(len(text))) > a.growAt {
		a.grow.Do(func() { a.more.Store(a.buildRows(-1, fullBudget, true)) })
		return a.more.Load()
	}
	return a.rows
}

// emits reports a state where some term ends.
func (a *automaton) emits(s int32) bool { return a.term[s] >= 0 || a.dict[s] >= 0 }

// match is a term found in text, ending at end (exclusive).
type match struct {
	term int32
	end  int32
}

// find appends every occurrence of a term in text to out, by end, the
// longest first at the same end.
func (a *automaton) find(text string, out []match) []match {
	d := a.denseRows(text)
	if d.narrow != nil {
		return findIn(a, d, d.narrow, text, out)
	}
	return findIn(a, d, d.wide, text, out)
}

// findIn is find over dense rows with entries of type T.
func findIn[T uint16 | uint32](a *automaton, d *denseRows, dense []T, text string, out []match) []match {
	class, shift, rows := &d.class, d.shift, uint(d.n)
	emittingFrom := ^T(0) - T(len(d.emitting)) // codes above it are emitting dense states
	s, i := uint(0), 0
scan:
	for i < len(text) {
		if s < rows {
			// Within the dense rows: one lookup a byte until a term
			// ends or the scan goes below them.
			c := dense[s<<shift|uint(class[text[i]])]
			for uint(c) < rows {
				if i++; i == len(text) {
					return out
				}
				s = uint(c)
				c = dense[s<<shift|uint(class[text[i]])]
			}
			if c > emittingFrom {
				s = uint(d.emitting[^T(0)-c])
			} else if s = uint(c); a.emitBits[s/64]&(1<<(s%64)) == 0 {
				i++
				continue
			}
		} else {
			// Below the dense rows: follow the sparse edges, or the
			// failure links back to a dense state.
			b := text[i]
			for {
				if next := a.next(s, b); next >= 0 {
					s = uint(next)
					break
				}
				if s = uint(a.nodes[s].fail); s < rows {
					continue scan
				}
			}
			if a.emitBits[s/64]&(1<<(s%64)) == 0 {
				i++
				continue
			}
		}
		e := a.ends[s]
		if e.term >= 0 {
			out = append(out, match{e.term, int32(i + 1)})
		}
		for e.dict >= 0 {
			e = a.ends[e.dict]
			out = append(out, match{e.term, int32(i + 1)})
		}
		i++
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
