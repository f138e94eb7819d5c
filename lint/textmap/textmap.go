// Package textmap maps byte offsets in a derived text (a normalized view,
// text extracted from markup) back to the bytes it was derived from.
//
// A Map is a list of pieces. A piece either copies bytes verbatim, so any
// offset inside it maps linearly, or replaces a source range atomically (a
// full-width digit became an ASCII digit, a Traditional character became a
// Simplified one): offsets inside an atomic piece map to its edges, so a
// span never ends up splitting a source character. A run is a row of
// atomic replacements of the same widths (GB18030 characters of two bytes
// decoded to three), held as one piece: decoding a legacy file costs a
// piece per run of like characters, not one per character.
package textmap

import (
	"sort"

	"github.com/hypelint/hypelint/lint/internal/slab"
)

// piece offsets are 32-bit: a map has pieces for every character that
// normalization changes, and at 20 bytes instead of 40 they were a fifth of
// what linting allocated. Inputs are limited to 2 GiB (MaxOffset).
type piece struct {
	dst, src         int32 // start offsets in the derived and the source text
	dstLen, srcLen   int32
	verbatim         bool
	dstUnit, srcUnit uint8 // a run: the widths of each of its characters (0: not a run)
}

// MaxOffset is the largest offset a map holds.
const MaxOffset = 1<<31 - 1

// Map translates derived-text offsets to source offsets. The zero value is
// an empty map.
type Map struct {
	pieces []piece
	// shift is added to every source offset of pieces: a sentence's map
	// is its view's pieces, shared, moved to the block's source (see
	// ComposeSlice). Only Start and End read it; the other methods work
	// on the map made plain first (unshifted).
	shift int32
}

// unshifted returns m with shift applied to its pieces (m itself when
// shift is zero).
func (m Map) unshifted() Map {
	if m.shift == 0 {
		return m
	}
	out := Map{pieces: make([]piece, len(m.pieces))}
	for i, p := range m.pieces {
		p.src += m.shift
		out.pieces[i] = p
	}
	return out
}

// Builder collects pieces in order of the derived text.
type Builder struct {
	m   Map
	dst int // length of the derived text so far
	// join is 1 + the source end of the last piece when that piece is
	// verbatim (0 otherwise): a Copy from there extends it. Held apart so
	// that Copy's common case, tested first, is small enough to inline.
	join int
	// room is the free room of the arena ResetIn wrote the pieces to
	// (see TakeIn).
	room []piece
}

// Copy records that the next n derived bytes are src[start:start+n] verbatim.
// Small enough to inline: a view's stretches are copied in a few places of
// the normalizer's hot loops.
func (b *Builder) Copy(srcStart, n int) {
	if srcStart+1 == b.join { // extends the last piece
		last := &b.m.pieces[len(b.m.pieces)-1]
		last.dstLen += int32(n)
		last.srcLen += int32(n)
	} else if n > 0 { // a new piece, unless there is nothing to copy
		b.m.pieces = append(b.m.pieces, piece{dst: int32(b.dst), src: int32(srcStart), dstLen: int32(n), srcLen: int32(n), verbatim: true})
	} else {
		return
	}
	b.dst += n
	b.join = srcStart + n + 1
}

// Replace records that the next dstLen derived bytes stand for the source
// range [srcStart, srcStart+srcLen) as a whole. dstLen may be zero (the source
// bytes were dropped); such pieces still anchor span ends.
func (b *Builder) Replace(srcStart, srcLen, dstLen int) {
	b.m.pieces = append(b.m.pieces, piece{dst: int32(b.dst), src: int32(srcStart), dstLen: int32(dstLen), srcLen: int32(srcLen)})
	b.dst += dstLen
	b.join = 0
}

// Run records that the next dstLen derived bytes stand for the source
// character [srcStart, srcStart+srcLen) as a whole, like Replace; a
// character right after one of the same widths extends its run instead of
// adding a piece. Both lengths are at least 1 and at most 255.
func (b *Builder) Run(srcStart, srcLen, dstLen int) {
	if k := len(b.m.pieces); k > 0 {
		last := &b.m.pieces[k-1]
		if int(last.dstUnit) == dstLen && int(last.srcUnit) == srcLen &&
			int(last.dst+last.dstLen) == b.dst && int(last.src+last.srcLen) == srcStart {
			last.dstLen += int32(dstLen)
			last.srcLen += int32(srcLen)
			b.dst += dstLen
			return
		}
	}
	b.m.pieces = append(b.m.pieces, piece{dst: int32(b.dst), src: int32(srcStart), dstLen: int32(dstLen),
		srcLen: int32(srcLen), dstUnit: uint8(dstLen), srcUnit: uint8(srcLen)})
	b.dst += dstLen
	b.join = 0
}

// Pieces is the number of pieces in the map (what it costs in memory: 20
// bytes each).
func (m Map) Pieces() int { return len(m.pieces) }

// Len is the length of the derived text recorded so far.
func (b *Builder) Len() int { return b.dst }

// Map returns the finished map. The builder must not be used afterwards.
func (b *Builder) Map() Map { return b.m }

// Clone returns the map built so far in memory of its own, exactly its
// size: a builder kept between maps (Reset) grows its buffer once instead
// of every map growing its own piece by piece.
func (b *Builder) Clone() Map {
	if len(b.m.pieces) == 0 {
		return Map{}
	}
	return Map{pieces: append(make([]piece, 0, len(b.m.pieces)), b.m.pieces...)}
}

// CloneIn is Clone with the map's pieces carved out of a's memory: the
// maps of one document's sentences then cost an allocation per chunk, and
// none at all once a is reset and reused (see Arena).
func (b *Builder) CloneIn(a *Arena) Map {
	if len(b.m.pieces) == 0 {
		return Map{}
	}
	if out, ok := a.pieces.Commit(b.m.pieces); ok { // written in place (ResetIn)
		b.m.pieces, b.join = nil, 0 // the builder's next pieces must not overwrite these
		return Map{pieces: out}
	}
	return Map{pieces: a.pieces.Keep(b.m.pieces)}
}

// ResetIn is Reset with the builder's pieces written straight into a's
// free room, so that CloneIn then takes them there without a copy (a map
// that outgrows the room is copied as by Clone). Nothing may be taken
// from a until CloneIn.
func (b *Builder) ResetIn(a *Arena) {
	b.m.pieces = a.pieces.Spare()
	b.room = b.m.pieces
	b.dst, b.join = 0, 0
}

// Restart begins another map after the pieces recorded so far, which
// stay: its derived text starts at offset 0 again, and no piece of the
// maps before is extended (their last pieces end past offset 0). It
// returns where the new map's pieces start (see Map.Window). Many small
// maps (a block's sentences) are then built into one row of pieces,
// taken whole (CloneIn) and cut by Window, with no set-up or copy per
// map.
func (b *Builder) Restart() int {
	b.dst, b.join = 0, 0
	return len(b.m.pieces)
}

// Since is the map of the pieces recorded from first on (where Restart
// began it), where they lie: the empty map when there are none. After
// ResetIn it may be read once TakeIn has taken its pieces.
func (b *Builder) Since(first int) Map {
	k := len(b.m.pieces)
	if first == k {
		return Map{}
	}
	return Map{pieces: b.m.pieces[first:k:k]}
}

// TakeIn takes from a the pieces recorded since ResetIn(a), leaving
// them where they lie, so that the maps Since returned stay valid until
// a.Reset: as much of a's free room as they fill, or, when they outgrew
// it, all of it (the first maps are there; the rest are in memory of
// their own, which no later map overwrites). The builder starts afresh.
func (b *Builder) TakeIn(a *Arena) {
	room := b.room[:cap(b.room)]
	if cap(b.m.pieces) == cap(room) && (cap(room) == 0 || &b.m.pieces[:1][0] == &room[0]) {
		a.pieces.Commit(b.m.pieces) // in the room: succeeds
	} else {
		a.pieces.Commit(room)             // the whole room: succeeds
		a.pieces.Reserve(len(b.m.pieces)) // room again for the next maps
	}
	b.m.pieces, b.room, b.dst, b.join = nil, nil, 0, 0
}

// Arena is memory for maps (CloneIn). Its owner decides when every map
// taken from it is no longer read, and only then calls Reset: the maps'
// pieces are then overwritten by the next ones.
type Arena struct {
	pieces slab.Slab[piece]
}

// Reserve makes room for n pieces in one chunk, when there is less
// (exactly n in a fresh arena).
func (a *Arena) Reserve(n int) { a.pieces.Reserve(n) }

// Reset makes the arena's memory free for new maps: every map taken from
// it since the last Reset must no longer be read. The last chunk is kept
// (the largest: each is at least twice the one before).
func (a *Arena) Reset() { a.pieces.Reset() }

// Poison overwrites every piece maps were taken from since the last Reset
// with pieces that map offsets far outside any text, and forgets them: a
// test's way of making a map read after its owner let it go show up.
func (a *Arena) Poison() {
	a.pieces.Poison(piece{dst: -1 << 30, src: -1 << 30, dstLen: 1, srcLen: 1})
}

// Reset empties the builder for a new map, keeping its buffer (maps
// returned by Map share it: take them with Clone).
func (b *Builder) Reset() {
	b.m.pieces = b.m.pieces[:0]
	b.dst, b.join = 0, 0
}

// Identity returns a map for a derived text that is src[base:base+n] verbatim.
func Identity(base, n int) Map {
	var b Builder
	b.Copy(base, n)
	return b.Map()
}

// Maps is memory for the maps of one document's blocks, which live as long
// as the document: never reset. A plain block's one-piece map was an
// allocation of its own, a tenth of the objects an archive run allocated.
// Chunks grow to at most mapsChunk pieces, so a short document wastes
// little and a map keeps no more than its own chunk alive. The zero value
// is ready to use.
type Maps struct {
	pieces slab.Slab[piece]
}

const mapsChunk = 16

func (s *Maps) take(n int) []piece {
	if s.pieces.Limit == 0 { // the zero value's first take
		s.pieces.Limit = mapsChunk
	}
	return s.pieces.Take(n)
}

// Identity is Identity(base, n) with its piece cut out of s.
func (s *Maps) Identity(base, n int) Map {
	if n == 0 {
		return Map{}
	}
	p := s.take(1)
	p[0] = piece{src: int32(base), dstLen: int32(n), srcLen: int32(n), verbatim: true}
	return Map{pieces: p}
}

// Clone is b.Clone with the pieces cut out of s.
func (s *Maps) Clone(b *Builder) Map {
	if len(b.m.pieces) == 0 {
		return Map{}
	}
	out := s.take(len(b.m.pieces))
	copy(out, b.m.pieces)
	return Map{pieces: out}
}

// Start maps the derived offset of a span's first byte to a source offset.
func (m Map) Start(d int) int {
	ps := m.pieces
	if len(ps) == 0 {
		return 0
	}
	// First piece whose derived range ends after d: the first piece
	// itself for offset 0 and every offset of a one-piece map, asked
	// without a search.
	i := 0
	if int(ps[0].dst+ps[0].dstLen) <= d {
		lo, hi := 1, len(ps) // the piece is in [lo, hi]
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if int(ps[h].dst+ps[h].dstLen) > d {
				hi = h
			} else {
				lo = h + 1
			}
		}
		i = lo
	}
	if i == len(ps) {
		p := &ps[len(ps)-1]
		return int(m.shift + p.src + p.srcLen)
	}
	p := &ps[i] // not copied: a few of its fields are read
	src := int(m.shift + p.src)
	if d < int(p.dst) {
		return src
	}
	if p.verbatim {
		return src + (d - int(p.dst))
	}
	if p.dstUnit > 0 { // the start of the run's character holding d
		return src + (d-int(p.dst))/int(p.dstUnit)*int(p.srcUnit)
	}
	return src
}

// End maps the derived offset just past a span's last byte to a source offset.
func (m Map) End(d int) int {
	ps := m.pieces
	if len(ps) == 0 {
		return 0
	}
	// Last piece whose derived range starts before d: the last piece
	// itself for the text's end and every offset of a one-piece map,
	// asked without a search.
	i := len(ps) - 1
	if int(ps[i].dst) >= d {
		lo, hi := 0, i // the first piece starting at d or after is in [lo, hi]
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if int(ps[h].dst) >= d {
				hi = h
			} else {
				lo = h + 1
			}
		}
		i = lo - 1
	}
	if i < 0 {
		return int(m.shift + ps[0].src)
	}
	p := &ps[i] // not copied: a few of its fields are read
	src := int(m.shift + p.src)
	if d >= int(p.dst+p.dstLen) {
		return src + int(p.srcLen)
	}
	if p.verbatim {
		return src + (d - int(p.dst))
	}
	if p.dstUnit > 0 { // the end of the run's character holding d-1
		u := int(p.dstUnit)
		return src + (d-int(p.dst)+u-1)/u*int(p.srcUnit)
	}
	return src + int(p.srcLen)
}

// Compose returns a map from this map's derived text to outer's source (a
// run in either map is taken as one atomic piece there: runs are for maps
// back to a file's bytes, which are not composed):
// m maps C→B and outer maps B→A, the result maps C→A. A verbatim piece of m
// is split where outer's pieces split, so offsets stay exact across text
// that outer dropped (Markdown emphasis markers, HTML tags).
func (m Map) Compose(outer Map) Map {
	m, outer = m.unshifted(), outer.unshifted()
	if len(outer.pieces) == 1 && outer.pieces[0].verbatim {
		if out, ok := m.shifted(outer.pieces[0]); ok {
			return out
		}
	}
	return m.composeGeneral(outer)
}

// ComposeSlice is m.Compose(Identity(base, n).Compose(outer)): m maps a
// derived text to the n bytes of outer's derived text from base (a
// sentence's view to its block's text), and the result maps it to outer's
// source. When outer is one verbatim piece that holds the slice, as a
// paragraph's map is, the result is m shifted, made without the two maps
// in between.
func (m Map) ComposeSlice(base, n int, outer Map) Map {
	if n > 0 && len(outer.pieces) == 1 {
		o := outer.pieces[0]
		if o.verbatim && int(o.dst) <= base && base+n <= int(o.dst+o.dstLen) {
			delta := int32(base) + o.src - o.dst + outer.shift
			if m.movable(n) { // no copy: m's pieces, shared, moved by delta
				return Map{pieces: m.pieces, shift: m.shift + delta}
			}
			m = m.unshifted()
			slice := piece{src: delta, dstLen: int32(n), srcLen: int32(n), verbatim: true}
			if out, ok := m.shifted(slice); ok {
				return out
			}
		}
	}
	return m.Compose(Identity(base, n).Compose(outer))
}

// ComposeSliceMovable is ComposeSlice for m that is Movable(n), as every
// normalized view's map is for its text: m's pieces are not walked again
// to know it, which every sentence's view would pay for.
func (m Map) ComposeSliceMovable(base, n int, outer Map) Map {
	if n > 0 && len(outer.pieces) == 1 && len(m.pieces) > 0 {
		o := outer.pieces[0]
		if o.verbatim && int(o.dst) <= base && base+n <= int(o.dst+o.dstLen) {
			return Map{pieces: m.pieces, shift: m.shift + int32(base) + o.src - o.dst + outer.shift}
		}
	}
	return m.ComposeSlice(base, n, outer)
}

// Verbatim reports whether m is one verbatim piece, as a plain block's map
// is, and if so the derived range [lo, hi] it holds and delta: Start and
// End of any offset d in [lo, hi] are both d+delta, and ComposeSliceMovable
// of a slice inside it is Moved by base+delta. A block's sentences are
// then mapped with an addition each, no search.
func (m Map) Verbatim() (lo, hi, delta int, ok bool) {
	if len(m.pieces) != 1 {
		return 0, 0, 0, false
	}
	p := m.pieces[0]
	if !p.verbatim || p.dstLen == 0 || p.srcLen != p.dstLen {
		return 0, 0, 0, false
	}
	return int(p.dst), int(p.dst + p.dstLen), int(m.shift + p.src - p.dst), true
}

// Moved returns m with delta added to its source offsets, sharing its
// pieces: ComposeSliceMovable(base, n, outer) for a Movable(n) m and an
// outer that is Verbatim with [base, base+n] in [lo, hi] is
// m.Moved(base+delta).
func (m Map) Moved(delta int) Map {
	return Map{pieces: m.pieces, shift: m.shift + int32(delta)}
}

// Movable reports whether m is not empty, maps into [0, n), and has no
// run and no empty verbatim piece: what ComposeSliceMovable asks of it.
func (m Map) Movable(n int) bool { return m.movable(n) }

// movable reports whether shifted would change m's pieces only by moving
// their source offsets: m is not empty, maps into [0, n), and has no run
// and no empty verbatim piece (shifted makes those atomic). Normalized
// views' maps are movable.
func (m Map) movable(n int) bool {
	if len(m.pieces) == 0 {
		return false
	}
	for _, p := range m.pieces {
		if p.dstUnit != 0 || p.verbatim && p.srcLen == 0 || m.shift+p.src < 0 || int(m.shift+p.src+p.srcLen) > n {
			return false
		}
	}
	return true
}

// shifted is Compose through one verbatim piece o that holds every source
// range of m: m with its source offsets moved. Nearly every sentence's
// map is composed this way (a paragraph's text is its bytes verbatim).
func (m Map) shifted(o piece) (Map, bool) {
	for _, p := range m.pieces {
		if p.src < o.dst || p.src+p.srcLen > o.dst+o.dstLen {
			return Map{}, false
		}
	}
	out := Map{pieces: make([]piece, len(m.pieces))}
	for i, p := range m.pieces {
		p.src += o.src - o.dst
		if !p.verbatim || p.srcLen == 0 { // atomic, as composeGeneral makes it
			p.verbatim, p.dstUnit, p.srcUnit = false, 0, 0
		}
		out.pieces[i] = p
	}
	return out, true
}

func (m Map) composeGeneral(outer Map) Map {
	// Both maps are in order, so each piece of outer splits at most one of
	// m's pieces in two: one allocation of the most pieces there can be.
	out := Map{pieces: make([]piece, 0, len(m.pieces)+len(outer.pieces))}
	for _, p := range m.pieces {
		if !p.verbatim || p.srcLen == 0 {
			s, e := outer.Start(int(p.src)), outer.End(int(p.src+p.srcLen))
			if p.srcLen == 0 {
				e = s
			}
			out.pieces = append(out.pieces, piece{dst: p.dst, src: int32(s), dstLen: p.dstLen, srcLen: int32(e - s)})
			continue
		}
		out.pieces = outer.appendThrough(out.pieces, p)
	}
	return out
}

// appendThrough maps verbatim piece p (whose source range is in outer's
// derived text) through outer, one sub-piece per outer piece it crosses.
func (m Map) appendThrough(dst []piece, p piece) []piece {
	a, b := p.src, p.src+p.srcLen
	i := sort.Search(len(m.pieces), func(i int) bool { return m.pieces[i].dst+m.pieces[i].dstLen > a })
	for ; i < len(m.pieces) && m.pieces[i].dst < b; i++ {
		o := m.pieces[i]
		lo, hi := max(a, o.dst), min(b, o.dst+o.dstLen)
		if lo >= hi {
			continue
		}
		sub := piece{dst: p.dst + (lo - a), dstLen: hi - lo}
		if o.verbatim {
			sub.src, sub.srcLen, sub.verbatim = o.src+(lo-o.dst), hi-lo, true
		} else {
			sub.src, sub.srcLen = o.src, o.srcLen
		}
		dst = append(dst, sub)
	}
	return dst
}
