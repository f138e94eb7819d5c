package lexicon

import (
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
	// State s's transitions are edges[nodes[s].edges:nodes[s+1].edges],
	// sorted by byte; what a scan reads of a state sits together, so that a
	// step below the dense rows touches a cache line or two, not six arrays.
	nodes []node
	edges []edge
}

// node is one state. The last node only closes the previous one's edges.
type node struct {
	edges int32 // its first edge
	fail  int32
	term  int32 // the term ending at the state, or -1
	// dict is the nearest state on the failure chain (itself excluded) at
	// which a term ends, or -1: the other terms that end here as suffixes.
	dict int32
}

// edge is a transition on b to next, or to ^next when a term ends there
// (as in the dense rows).
type edge struct {
	next int32
	b    byte
}

// trie is the automaton as built (and as a snapshot stores it): one array
// per field of the states.
type trie struct {
	first    []int32 // state s's edges are first[s]:first[s+1]
	edgeByte []byte
	edgeNext []int32
	fail     []int32
	term     []int32
	dict     []int32
}

// step follows the transition on b out of s, or returns -1.
func (t *trie) step(s int32, b byte) int32 {
	lo, hi := t.first[s], t.first[s+1]
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		switch c := t.edgeByte[mid]; {
		case c == b:
			return t.edgeNext[mid]
		case c < b:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// pack lays the trie out as the automaton scans it.
func pack(t *trie) *automaton {
	n := len(t.term)
	a := &automaton{nodes: make([]node, n+1), edges: make([]edge, len(t.edgeByte))}
	for s := range n {
		a.nodes[s] = node{edges: t.first[s], fail: t.fail[s], term: t.term[s], dict: t.dict[s]}
	}
	a.nodes[n].edges = t.first[n]
	for e, next := range t.edgeNext {
		if t.term[next] >= 0 || t.dict[next] >= 0 {
			next = ^next
		}
		a.edges[e] = edge{next: next, b: t.edgeByte[e]}
	}
	return a
}

// unpack is pack's inverse.
func (a *automaton) unpack() *trie {
	n := a.states()
	t := &trie{first: make([]int32, n+1), edgeByte: make([]byte, len(a.edges)), edgeNext: make([]int32, len(a.edges)),
		fail: make([]int32, n), term: make([]int32, n), dict: make([]int32, n)}
	for s, nd := range a.nodes[:n] {
		t.first[s], t.fail[s], t.term[s], t.dict[s] = nd.edges, nd.fail, nd.term, nd.dict
	}
	t.first[n] = a.nodes[n].edges
	for e, ed := range a.edges {
		t.edgeByte[e], t.edgeNext[e] = ed.b, max(ed.next, ^ed.next)
	}
	return t
}

// states is the number of states.
func (a *automaton) states() int { return len(a.nodes) - 1 }

// step follows the transition on b out of s: the next state, or its
// complement when a term ends there; ok is false when s has none.
func (a *automaton) step(s int32, b byte) (next int32, ok bool) {
	lo, hi := a.nodes[s].edges, a.nodes[s+1].edges
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		switch e := a.edges[mid]; {
		case e.b == b:
			return e.next, true
		case e.b < b:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false
}

// denseRows holds complete transition rows (failure links already
// followed) for the shallowest states, 0 to n-1, one column per class of
// bytes: nearly every byte of text passes through them, and resolving a
// mismatch by walking failure links through sparse rows was most of a
// scan. An entry is the next state, or ^next when a term ends there, so
// that a scan reads nothing else for most bytes.
type denseRows struct {
	dense  []int32
	n      int32
	stride int32      // columns per row
	class  [256]uint8 // byte → column; 0 for bytes no term holds
}

// Budgets bound the entries of the dense rows (4 bytes each), for the first
// states breadth first. With 47,000 states and 127 classes of bytes the
// built-in lexicon's first 516 rows (256 KiB, two bytes deep) take half
// the landings in Chinese text, its first 4,100 (2 MiB, four bytes deep)
// four in five; all of them would take 24 MiB. Building the 2 MiB added a
// tenth to linting one article, so they are built after the first MiB.
const (
	startBudget = 1 << 16
	fullBudget  = 1 << 19
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

	t := &trie{
		first:    make([]int32, 1, states+1),
		edgeByte: make([]byte, 0, states),
		edgeNext: make([]int32, 0, states),
		term:     make([]int32, 1, states),
	}
	t.term[0] = -1
	// Breadth first over the sorted terms: state s stands for the terms in
	// order[span[s].lo:span[s].hi], which share their first depth bytes.
	type span struct{ lo, hi, depth int32 }
	spans := make([]span, 1, states)
	spans[0] = span{0, int32(len(order)), 0}
	for s := 0; s < len(spans); s++ {
		sp := spans[s]
		lo := sp.lo
		if lo < sp.hi && len(terms[order[lo]]) == int(sp.depth) {
			t.term[s] = order[lo] // a prefix sorts first
			lo++
		}
		for lo < sp.hi {
			b := terms[order[lo]][sp.depth]
			hi := lo + 1
			for hi < sp.hi && terms[order[hi]][sp.depth] == b {
				hi++
			}
			t.edgeByte = append(t.edgeByte, b)
			t.edgeNext = append(t.edgeNext, int32(len(spans)))
			spans = append(spans, span{lo, hi, sp.depth + 1})
			t.term = append(t.term, -1)
			lo = hi
		}
		t.first = append(t.first, int32(len(t.edgeByte)))
	}
	t.link()
	a := pack(t)
	a.prepare(-1)
	return a
}

// link sets the failure and dictionary links. States are numbered breadth
// first, so every state's links are set before its children need them.
func (a *trie) link() {
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
	a.rows = a.buildRows(n, startBudget)
	if a.rows.n > 1 && len(a.rows.dense) > startBudget { // a snapshot asking for more
		a.rows = a.buildRows(-1, startBudget)
	}
	a.more.Store(nil)
	a.growAt = growAfter
}

// fillDense makes the dense rows exactly n, or as many as fullBudget
// allows when n < 0, for good (tests compare scans with any number).
func (a *automaton) fillDense(n int) {
	a.rows = a.buildRows(n, fullBudget)
	a.more.Store(nil)
	a.growAt = -1
}

// buildRows builds the dense rows of states 0 to n-1, or of as many as
// budget entries hold when n < 0. A state's row is its failure state's row
// (numbered earlier, breadth first) with its own transitions written over
// it.
func (a *automaton) buildRows(n, budget int) *denseRows {
	d := &denseRows{stride: 1}
	for _, e := range a.edges {
		if d.class[e.b] == 0 {
			d.class[e.b] = uint8(d.stride)
			d.stride++
		}
	}
	if n < 0 {
		n = budget / int(d.stride)
	}
	n = max(min(n, a.states()), 1) // the root's row ends every walk down failure links
	d.n = int32(n)
	d.dense = make([]int32, n*int(d.stride))
	for s := 0; s < n; s++ {
		row := d.row(int32(s))
		if s > 0 {
			copy(row, d.row(a.nodes[s].fail))
		}
		for _, e := range a.edges[a.nodes[s].edges:a.nodes[s+1].edges] {
			row[d.class[e.b]] = e.next
		}
	}
	return d
}

func (d *denseRows) row(s int32) []int32 {
	return d.dense[s*d.stride : (s+1)*d.stride]
}

// denseRows returns the rows to scan text with, growing them once enough
// text has been scanned.
func (a *automaton) denseRows(text string) *denseRows {
	if d := a.more.Load(); d != nil {
		return d
	}
	if a.growAt >= 0 && a.scanned.Add(int64(len(text))) > a.growAt {
		a.grow.Do(func() { a.more.Store(a.buildRows(-1, fullBudget)) })
		return a.more.Load()
	}
	return a.rows
}

// match is a term found in text, ending at end (exclusive).
type match struct {
	term int32
	end  int32
}

// find appends every occurrence of a term in text to out.
func (a *automaton) find(text string, out []match) []match {
	d := a.denseRows(text)
	dense, class, stride, rows := d.dense, &d.class, d.stride, d.n
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
				if next, ok := a.step(s, b); ok {
					s = next
					goto moved
				}
				s = a.nodes[s].fail
			}
			s = dense[s*stride+int32(class[b])]
		moved:
			if s >= 0 {
				continue
			}
			s = ^s
		}
		if t := a.nodes[s].term; t >= 0 {
			out = append(out, match{t, int32(i + 1)})
		}
		for d := a.nodes[s].dict; d >= 0; d = a.nodes[d].dict {
			out = append(out, match{a.nodes[d].term, int32(i + 1)})
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
