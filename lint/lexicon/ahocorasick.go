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
	rows *denseRows
	// startRows is how many start rows were asked for (what a snapshot
	// records); a lexicon loaded with its symbol scanner builds none.
	startRows int
	more      atomic.Pointer[denseRows]
	growAt    int64
	scanned   atomic.Int64
	grow      sync.Once
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

// packed is what a scan reads below the dense rows, derived from the
// arrays of the automaton (the snapshot holds those) so that a step reads
// one cache line where they take four or five: nodes[s] is state s's
// failure link and first edge, ends[s] is term[s] and dict[s] side by
// side. Built with the grown rows, not at start-up.
type packed struct {
	nodes []node
	ends  []ending
}

// node is a state as a scan below the dense rows reads it.
type node struct {
	fail  int32
	next  int32 // the state after the first edge (the smallest byte)
	first int32 // the edges in edgeByte/edgeNext, when more than one
	b     byte  // the first edge's byte
	edges uint8 // how many edges, 255 for 255 or more
	emits bool  // some term ends here
}

// emitting is a dense state where a term ends, with what ends there.
type emitting struct {
	state int32
	ending
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
//     (whether a term ends there is in its node);
//   - the top codes, down from the largest: emitting[top-code], a dense
//     state where a term ends, with what ends there.
type denseRows struct {
	narrow   []uint16
	wide     []uint32
	emitting []emitting
	packed   *packed     // nil: read the automaton's arrays below the rows
	han      *hanScanner // when set, scans read it and there are no rows
	n        int32
	shift    uint       // a row is 1<<shift entries (a shift is quicker than a multiply)
	class    [256]uint8 // byte → column; 0 for bytes no term holds
}

// Budgets bound the entries of the dense rows, one per class of bytes
// (rows are padded to a power of two; entries take 2 bytes, 4 where the
// codes need them), for the first states breadth first. With 52,000
// states and 127 classes of bytes the built-in lexicon's first 516 rows
// (two bytes deep) take half the landings in Chinese text, its first
// 4,100 three in four, its first 8,250 (2 MiB) 85%, 16,500 94%; all of
// them would take 13 MiB. Building the big rows (and the packed tables) added a tenth
// to linting one article, so they are built after the first MiB.
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
	a.rows = a.buildRows(n, startBudget, true)
	if a.rows.n > 1 && a.rows.entries() > startBudget { // a snapshot asking for more
		a.rows = a.buildRows(-1, startBudget, true)
	}
	a.startRows = int(a.rows.n)
	a.more.Store(nil)
	a.growAt = growAfter
}

// useScanner makes every scan read h from the first byte, without start
// rows: a scanner that comes ready-made (from a snapshot) costs nothing
// to build, and scans Chinese text in fewer steps than the rows. n is the
// start rows' count to record in a snapshot written from a.
func (a *automaton) useScanner(h *hanScanner, n int) {
	a.rows, a.startRows = nil, n
	a.more.Store(&denseRows{han: h})
	a.growAt = -1
}

// hanScanner returns the symbol scanner a scans with, or builds one (nil
// for terms that are not UTF-8).
func (a *automaton) hanScanner() *hanScanner {
	if d := a.more.Load(); d != nil && d.han != nil {
		return d.han
	}
	return buildHanScanner(a)
}

// pack builds the packed tables.
func (a *automaton) pack() *packed {
	n := len(a.term)
	p := &packed{nodes: make([]node, n), ends: make([]ending, n)}
	for s := range n {
		p.ends[s] = ending{a.term[s], a.dict[s]}
		first, end := a.first[s], a.first[s+1]
		nd := node{fail: a.fail[s], next: -1, first: first, edges: uint8(min(end-first, 255)), emits: a.emits(int32(s))}
		if end > first {
			nd.next, nd.b = a.edgeNext[first], a.edgeByte[first]
		}
		p.nodes[s] = nd
	}
	return p
}

// emitsAt and endingAt read the packed tables, or without them the
// automaton's arrays.
func (a *automaton) emitsAt(p *packed, s uint) bool {
	if p != nil {
		return p.nodes[s].emits
	}
	return a.emits(int32(s))
}

func (a *automaton) endingAt(p *packed, s uint) ending {
	if p != nil {
		return p.ends[s]
	}
	return ending{a.term[s], a.dict[s]}
}

// fillDense makes the dense rows exactly n, or as many as fullBudget
// allows when n < 0, for good (tests compare scans with any number), with
// 16-bit entries where they fit unless narrow is false, and the packed
// tables if asked.
func (a *automaton) fillDense(n int, narrow, pack bool) {
	a.rows = a.buildRows(n, fullBudget, narrow)
	if pack {
		a.rows.packed = a.pack()
	}
	a.more.Store(nil)
	a.growAt = -1
}

// buildRows builds the dense rows of states 0 to n-1, or of as many as
// budget entries hold when n < 0, with 16-bit entries if narrow allows and
// the codes fit. A state's row is its failure state's row (numbered
// earlier, breadth first) with its own transitions written over it.
func (a *automaton) buildRows(n, budget int, narrow bool) *denseRows {
	d := &denseRows{}
	var used [256]bool
	for _, b := range a.edgeByte {
		used[b] = true
	}
	// Columns in the order ASCII, lead bytes, continuation bytes: a row
	// is read at the first two after a whole character and at the third
	// within one, so each kind of read stays within fewer cache lines.
	columns := 1
	for _, kind := range [][2]int{{0, 0x80}, {0xc0, 0x100}, {0x80, 0xc0}} {
		for b := kind[0]; b < kind[1]; b++ {
			if used[b] {
				d.class[b] = uint8(columns)
				columns++
			}
		}
	}
	d.shift = uint(bits.Len(uint(columns - 1)))
	stride := 1 << d.shift
	if n < 0 {
		n = budget / columns // not stride: the snapshot records the start rows by this count
	}
	n = max(min(n, len(a.term)), 1) // the root's row ends every walk down failure links
	d.n = int32(n)
	code := make([]uint32, n) // dense state → its code; a state below the rows is its number
	top := uint32(1<<32 - 1)
	if narrow {
		top = 1<<16 - 1
	}
	for s := range code {
		code[s] = uint32(s)
		if a.emits(int32(s)) {
			code[s] = top - uint32(len(d.emitting))
			d.emitting = append(d.emitting, emitting{int32(s), ending{a.term[s], a.dict[s]}})
		}
	}
	if len(a.term)+len(d.emitting) > int(top)+1 {
		return a.buildRows(n, budget, false) // the codes need 32 bits
	}
	if narrow {
		d.narrow = make([]uint16, n*stride)
		fillRows(a, d.narrow, &d.class, code, stride)
	} else {
		d.wide = make([]uint32, n*stride)
		fillRows(a, d.wide, &d.class, code, stride)
	}
	return d
}

// fillRows writes the rows of the first len(code) states.
func fillRows[T uint16 | uint32](a *automaton, rows []T, class *[256]uint8, code []uint32, stride int) {
	for s := range code {
		row := rows[s*stride : (s+1)*stride]
		if s > 0 {
			f := int(a.fail[s])
			copy(row, rows[f*stride:(f+1)*stride])
		}
		for e := a.first[s]; e < a.first[s+1]; e++ {
			c := uint32(a.edgeNext[e])
			if int(c) < len(code) {
				c = code[c]
			}
			row[class[a.edgeByte[e]]] = T(c)
		}
	}
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
		a.grow.Do(func() {
			// The symbol automaton takes one step per Han character
			// where the rows take three, and reads far less memory.
			if h := buildHanScanner(a); h != nil {
				a.more.Store(&denseRows{han: h})
				return
			}
			d := a.buildRows(-1, fullBudget, true)
			d.packed = a.pack()
			a.more.Store(d)
		})
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
	if d.han != nil {
		return d.han.find(text, out)
	}
	if d.narrow != nil {
		return findIn(a, d, d.narrow, text, out)
	}
	return findIn(a, d, d.wide, text, out)
}

// findIn is find over dense rows with entries of type T.
func findIn[T uint16 | uint32](a *automaton, d *denseRows, dense []T, text string, out []match) []match {
	class, shift, rows := &d.class, d.shift&63, uint(d.n) // &63: a plain shift
	emittingFrom := ^T(0) - T(len(d.emitting))            // codes above it are emitting dense states
	p := d.packed
	s, i := uint(0), 0
	var e ending // what ends at s
scan:
	for i < len(text) {
		if s < rows {
			// Within the dense rows: one lookup a byte until a term
			// ends or the scan goes below them.
			c := dense[s<<shift|uint(class[text[i]])]
			for uint(c) < rows {
				s = uint(c)
				if i++; i >= len(text) {
					return out
				}
				c = dense[s<<shift|uint(class[text[i]])]
			}
			if c > emittingFrom {
				em := &d.emitting[^T(0)-c]
				s, e = uint(em.state), em.ending
			} else if s = uint(c); !a.emitsAt(p, s) {
				i++
				continue
			} else {
				e = a.endingAt(p, s)
			}
		} else {
			// Below the dense rows: follow the sparse edges, or the
			// failure links back to a dense state.
			b := text[i]
			for p == nil {
				if next := a.step(int32(s), b); next >= 0 {
					s = uint(next)
					goto landed
				}
				if s = uint(a.fail[s]); s < rows {
					continue scan
				}
			}
			for {
				nd := &p.nodes[s]
				if nd.b == b && nd.edges > 0 { // most have one edge
					s = uint(nd.next)
					break
				}
				if nd.edges > 1 && b > nd.b {
					if next := a.step(int32(s), b); next >= 0 {
						s = uint(next)
						break
					}
				}
				if s = uint(nd.fail); s < rows {
					continue scan
				}
			}
		landed:
			if !a.emitsAt(p, s) {
				i++
				continue
			}
			e = a.endingAt(p, s)
		}
		if e.term >= 0 {
			out = append(out, match{e.term, int32(i + 1)})
		}
		for e.dict >= 0 {
			e = a.endingAt(p, uint(e.dict))
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
