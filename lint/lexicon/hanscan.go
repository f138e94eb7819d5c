package lexicon

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"unsafe"
)

// hanScanner is the automaton re-read over symbols instead of bytes: one
// symbol per character of U+4000–U+9FFF (lead bytes E4 to E9: the Han
// characters of U+4E00–U+9FFF and the end of Extension A) that some term
// holds, one per other byte that some term holds. Chinese text then takes
// one step a character where the byte automaton takes three.
//
// Its states are the byte automaton's states whose strings end between
// two symbols; it keeps their failure links (the nearest such state on the
// byte chain) and reports what the byte automaton reports at them, in the
// same order, so that it finds exactly what find finds. A term begins and
// ends on character boundaries (terms are UTF-8), so every occurrence
// begins where the scan's reading of the text into symbols begins one and
// is read into the same symbols as the term: a valid character of the
// range is always one symbol, anything else (invalid bytes included) is
// read byte by byte, and a character or byte that no term holds sends the
// scan back to the root.
//
// The transitions are a double array: state s goes on symbol c to
// slots[slots[s].base+c] if that slot's check is s. It takes 16 bytes a
// state, against the dense rows' 2 MiB and packed tables: a scan of
// Chinese text touches far less memory.
//
// The scan is bound by the latency of reading the next slot, so the
// layout keeps that read off the common paths: the root's children are
// slots 1 to rootKids, numbered by their symbols (the symbols that begin
// some term come first), so a move from the root is the symbol itself and
// the shallow states a scan mostly visits sit together; and each slot
// holds a filter of its children's symbols, so most transitions that do
// not exist are refused without reading the slot they would go to.
type hanScanner struct {
	wide     [1 << 15]uint16 // (rune-0x4000) → symbol, 0 for none; 0x6000 used
	byteSym  [256]int32      // byte → symbol, 0 for none
	rootKids int32           // symbols 1 to rootKids lead from the root to the slot of that number
	slots    []hanSlot
	// ends[s], for a slot whose base has emitsFlag, is the term that
	// ends there (-1 for none) and the next such slot down the failure
	// chain (-1 for none), side by side so that an emission reads one
	// place; indexed by slot, so that it reads no index first.
	ends []ending
}

// hanSlot is a state of the double array (or a free slot, check -1).
type hanSlot struct {
	base  int32 // with emitsFlag when some term ends here (masked off by walk's index mask)
	check int32 // the state whose transition this slot is
	fail  int32
	kids  uint32 // bit c&31 for each symbol c with a transition here
}

// emitsFlag is set in the base of a slot at which some term ends.
const emitsFlag = -1 << 31

// kidBit is symbol c's bit in a slot's kids.
func kidBit(c int32) uint32 { return 1 << (uint32(c) & 31) }

// buildHanScanner builds the symbol automaton over a's states, or returns
// nil if some term is not UTF-8 in its structure (lead bytes, continuation
// bytes, ending on a whole character): it would not start and end on
// character boundaries.
func buildHanScanner(a *automaton) *hanScanner {
	n := int32(len(a.term))
	// The bytes still to come in the character state s ends within.
	pending := make([]int8, n)
	for s := range n {
		if a.term[s] >= 0 && pending[s] != 0 {
			return nil
		}
		for e := a.first[s]; e < a.first[s+1]; e++ {
			b, c := a.edgeByte[e], a.edgeNext[e]
			switch {
			case pending[s] > 0 && b&0xc0 == 0x80:
				pending[c] = pending[s] - 1
			case pending[s] > 0 || b&0xc0 == 0x80 || b >= 0xf8:
				return nil
			case b < 0x80:
				pending[c] = 0
			default:
				pending[c] = int8(bitsLeading(b) - 1)
			}
		}
	}
	// The symbol edges out of every state, found on the byte trie: a
	// byte edge E4 to E9 out of a state between characters starts a
	// character of U+4000–U+9FFF and is followed to the state after its
	// third byte, as walk reads it; any other byte edge is a byte symbol.
	type edge struct {
		sym  int32 // a byte, or -1-(index in wide) for a wide character
		next int32
	}
	states := make([]int32, 1, n) // breadth first
	from := make([]int32, 1, n+1) // state states[k]'s edges are edges[from[k]:from[k+1]]
	edges := make([]edge, 0, n)   // one per state but the root
	for k := 0; k < len(states); k++ {
		s := states[k]
		for e := a.first[s]; e < a.first[s+1]; e++ {
			b, c := a.edgeByte[e], a.edgeNext[e]
			if pending[s] != 0 || b < 0xe4 || b > 0xe9 {
				edges = append(edges, edge{int32(b), c})
				continue
			}
			for e2 := a.first[c]; e2 < a.first[c+1]; e2++ {
				b2, c2 := a.edgeByte[e2], a.edgeNext[e2]
				for e3 := a.first[c2]; e3 < a.first[c2+1]; e3++ {
					w := int32(b-0xe4)<<12 | int32(b2&0x3f)<<6 | int32(a.edgeByte[e3]&0x3f)
					edges = append(edges, edge{-1 - w, a.edgeNext[e3]})
				}
			}
		}
		for _, e := range edges[from[k]:] {
			states = append(states, e.next)
		}
		from = append(from, int32(len(edges)))
	}
	// The alphabet: the symbols of the root's edges first, so that
	// they are 1 to rootKids, then the others; bytes before Han
	// characters in each.
	h := &hanScanner{}
	symbols := int32(0)
	number := func(edges []edge) {
		wideUsed := make([]bool, 0x6000)
		for _, e := range edges {
			if e.sym >= 0 && h.byteSym[e.sym] == 0 {
				symbols++
				h.byteSym[e.sym] = symbols
			} else if e.sym < 0 && h.wide[-1-e.sym] == 0 {
				wideUsed[-1-e.sym] = true
			}
		}
		for i, used := range wideUsed {
			if used {
				symbols++
				h.wide[i] = uint16(symbols)
			}
		}
	}
	number(edges[:from[1]])
	h.rootKids = symbols
	number(edges[from[1]:])
	syms := make([]int32, len(edges)) // edges[j]'s symbol
	for j, e := range edges {
		if e.sym >= 0 {
			syms[j] = h.byteSym[e.sym]
		} else {
			syms[j] = int32(h.wide[-1-e.sym])
		}
	}
	// The double array, breadth first, each state's children at the
	// first base where they all find free slots.
	slotOf := make([]int32, n) // byte state → slot, -1 for none
	for s := range slotOf {
		slotOf[s] = -1
	}
	slotOf[0] = 0
	h.slots = make([]hanSlot, 0, len(states)+2*int(symbols))
	grow := func(n int) {
		for len(h.slots) < n {
			h.slots = append(h.slots, hanSlot{check: -1})
		}
	}
	grow(len(states) + int(symbols))
	free := 1 // below it, every slot is taken
	// States of several edges search on from where the last one's
	// search ended, which keeps the search linear (the slots skipped
	// stay for states of one edge, which take the first free one).
	several := 1
	for k, s := range states {
		out := syms[from[k]:from[k+1]]
		if len(out) == 0 {
			continue
		}
		first := out[0]
		var base int32 // the root's is 0: its symbols are 1 to rootKids, all free yet
		t := max(free, int(first))
		if len(out) > 1 {
			t = max(t, several)
		}
		for ; k > 0; t++ {
			if t >= len(h.slots) {
				grow(t + 1)
			}
			if h.slots[t].check != -1 {
				continue
			}
			base = int32(t) - first // ≥ 0, so every slot it gives is past the root's
			ok := true
			for _, c := range out[1:] {
				u := int(base + c)
				if u >= len(h.slots) {
					grow(u + 1)
				}
				if h.slots[u].check != -1 {
					ok = false
					break
				}
			}
			if ok {
				break
			}
		}
		if len(out) > 1 && k > 0 {
			several = t
		}
		p := slotOf[s]
		h.slots[p].base = base
		for j, c := range out {
			u := base + c
			h.slots[u].check = p
			h.slots[p].kids |= kidBit(c)
			slotOf[edges[int(from[k])+j].next] = u
		}
		for free < len(h.slots) && h.slots[free].check != -1 {
			free++
		}
	}
	// base+symbol is always a slot; a power-of-two count lets walk
	// mask its indices instead of checking them.
	grow(1 << bits.Len(uint(len(h.slots)+int(symbols))))
	h.ends = make([]ending, len(h.slots))
	// Failure links: the nearest state on the byte chain that is a
	// state here too. Outputs: what ends at the byte state; a state's
	// dictionary link is a state here too (a term's state).
	for _, s := range states {
		f := s
		for f != 0 {
			if f = a.fail[f]; slotOf[f] >= 0 {
				break
			}
		}
		u := slotOf[s]
		h.slots[u].fail = slotOf[f]
		if a.emits(s) {
			h.slots[u].base |= emitsFlag
			h.ends[u] = ending{a.term[s], -1}
			if d := a.dict[s]; d >= 0 {
				h.ends[u].dict = slotOf[d]
			}
		}
	}
	return h
}

// bitsLeading is the number of leading one bits of a lead byte: the
// length of the character it starts.
func bitsLeading(b byte) int { return bits.LeadingZeros8(^b) }

// find is the automaton's find, reading text by symbols.
func (h *hanScanner) find(text string, out []match) []match {
	var at landings
	for i, s := uint(0), int32(0); i < uint(len(text)); {
		var n uint
		i, s, n = h.walk(text, i, s, &at)
		for k := range n {
			out = h.emit(int32(at.slot[k]), int32(at.end[k]), out)
		}
	}
	return out
}

// landings are the slots at which some term ends that walk lands on, in
// order, and where their symbols end.
type landings struct{ slot, end [landingsLen]uint32 }

const landingsLen = 32

// walk reads text from i in state s until it has noted landingsLen landings
// at which some term ends, or to the end of the text, and returns where
// it stopped, the state and how many it noted. It notes every landing
// and counts only those, so that whether a term ends is no branch, and
// leaves emitting to find so that this loop has few enough variables to
// keep them all in registers.
func (h *hanScanner) walk(text string, i uint, s int32, at *landings) (uint, int32, uint) {
	// Every index the scan forms is a slot (checkSlots) and len(slots)
	// is a power of two, so masking an index leaves it as it is and lets
	// the compiler drop the bounds checks: a bug would read a wrong
	// slot, never memory outside slots.
	slots := h.slots
	n := uint(0)
	if len(slots) == 0 {
		return uint(len(text)), s, n // never: the root is a slot
	}
	mask := uint(len(slots) - 1)
	rootKids := h.rootKids
	for i < uint(len(text)) {
		// A byte's symbol, unless it starts a valid character of
		// U+4000–U+9FFF (c1|c2 < 0x40: both continuation bytes).
		b := uint(text[i])
		sym := h.byteSym[b]
		if b-0xe4 <= 0xe9-0xe4 && i+2 < uint(len(text)) {
			if c1, c2 := uint(text[i+1])^0x80, uint(text[i+2])^0x80; c1|c2 < 0x40 {
				sym = int32(h.wide[((b-0xe4)<<12|c1<<6|c2)&(1<<15-1)])
				i += 2
			}
		}
		i++
		if sym == 0 {
			s = 0 // no term holds it
			continue
		}
		// next is slots[s] once s has moved, read where the move reads it.
		var next *hanSlot
		bit := kidBit(sym)
		for s != 0 {
			cur := &slots[uint(uint32(s))&mask]
			if cur.kids&bit != 0 {
				t := uint(uint32(cur.base+sym)) & mask // the mask also drops emitsFlag
				if next = &slots[t]; next.check == s {
					s = int32(t)
					goto landed
				}
			}
			s = cur.fail
		}
		if s = sym; s > rootKids {
			s = 0
			continue
		}
		next = &slots[uint(uint32(s))&mask]
	landed:
		at.slot[n%landingsLen], at.end[n%landingsLen] = uint32(s), uint32(i)
		if n += uint(uint32(next.base) >> 31); n == landingsLen {
			return i, s, n
		}
	}
	return i, s, n
}

// emit appends what ends at slot o (and down its chain), at end.
func (h *hanScanner) emit(o, end int32, out []match) []match {
	for o >= 0 {
		e := h.ends[o]
		if e.term >= 0 {
			out = append(out, match{e.term, end})
		}
		o = e.dict
	}
	return out
}

// storedScanner is a hanScanner as a snapshot holds it: its slots and ends
// as int32 words (four and two a slot, in field order), which loading
// reinterprets in place, and its wide table as little-endian uint16s.
type storedScanner struct {
	RootKids int
	ByteSym  []int32
	Wide     string
	Slots    []int32
	Ends     []int32
}

// store writes h out; a nil h gives the empty storedScanner (no scanner).
func (h *hanScanner) store() storedScanner {
	if h == nil {
		return storedScanner{ByteSym: []int32{}, Slots: []int32{}, Ends: []int32{}}
	}
	st := storedScanner{RootKids: int(h.rootKids), ByteSym: h.byteSym[:],
		Slots: make([]int32, 0, 4*len(h.slots)), Ends: make([]int32, 0, 2*len(h.ends))}
	wide := make([]byte, 0, 2*len(h.wide))
	for _, sym := range h.wide {
		wide = binary.LittleEndian.AppendUint16(wide, sym)
	}
	st.Wide = string(wide)
	for _, sl := range h.slots {
		st.Slots = append(st.Slots, sl.base, sl.check, sl.fail, int32(sl.kids))
	}
	for _, e := range h.ends {
		st.Ends = append(st.Ends, e.term, e.dict)
	}
	return st
}

// load returns the scanner st holds (nil for none), its slots and ends
// reinterpreted from st's words, not copied: they must never be written.
// It checks the sizes walk and emit rely on, not the links: a snapshot
// that is not trusted is compared with the scanner built from its
// automaton instead (see snapshot.check).
func (st *storedScanner) load() (*hanScanner, error) {
	if len(st.Slots) == 0 && len(st.Ends) == 0 && len(st.ByteSym) == 0 && st.Wide == "" {
		return nil, nil
	}
	h := &hanScanner{}
	n := len(st.Slots) / 4
	if n == 0 || n&(n-1) != 0 || len(st.Slots) != 4*n || len(st.Ends) != 2*n ||
		len(st.ByteSym) != len(h.byteSym) || len(st.Wide) != 2*len(h.wide) || st.RootKids < 0 || st.RootKids >= n {
		return nil, fmt.Errorf("symbol scanner of %d slot words, %d end words, %d byte symbols, %d wide bytes, %d root symbols",
			len(st.Slots), len(st.Ends), len(st.ByteSym), len(st.Wide), st.RootKids)
	}
	h.rootKids = int32(st.RootKids)
	copy(h.byteSym[:], st.ByteSym)
	if littleEndian {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&h.wide[0])), 2*len(h.wide)), st.Wide)
	} else {
		for i := range h.wide {
			h.wide[i] = binary.LittleEndian.Uint16([]byte(st.Wide[2*i : 2*i+2]))
		}
	}
	// hanSlot is four int32-sized fields and ending two, without padding
	// (TestStoredScannerLayout), so the words are the slots as they lie.
	h.slots = unsafe.Slice((*hanSlot)(unsafe.Pointer(&st.Slots[0])), n)
	h.ends = unsafe.Slice((*ending)(unsafe.Pointer(&st.Ends[0])), n)
	return h, nil
}

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// equal reports whether h and o are the same scanner (both nil counts).
func (h *hanScanner) equal(o *hanScanner) bool {
	if h == nil || o == nil {
		return h == o
	}
	return h.wide == o.wide && h.byteSym == o.byteSym && h.rootKids == o.rootKids &&
		slices.Equal(h.slots, o.slots) && slices.Equal(h.ends, o.ends)
}
