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
	for _, b := range a.edgeByte {
		if d.class[b] == 0 {
			d.class[b] = uint8(d.stride)
			d.stride++
		}
	}
	if n < 0 {
		n = budget / int(d.stride)
	}
	n = max(min(n, len(a.term)), 1) // the root's row ends every walk down failure links
	d.n = int32(n)
	d.dense = make([]int32, n*int(d.stride))
	for s := 0; s < n; s++ {
		row := d.row(int32(s))
		if s > 0 {
			copy(row, d.row(a.fail[s]))
		}
		for e := a.first[s]; e < a.first[s+1]; e++ {
			next := a.edgeNext[e]
			if a.emits(next) {
				next = ^next
			}
			row[d.class[a.edgeByte[e]]] = next
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

// emits reports a state where some term ends.
func (a *automaton) emits(s int32) bool { return a.term[s] >= 0 || a.dict[s] >= 0 }

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
