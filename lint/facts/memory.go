package facts

import (
	"sync"
	"sync/atomic"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/numbers"
)

// keeper is the memory the blocks of a document are built in: their
// sentences, the hits and numbers those keep, and their normalized views.
// A document analysed whole (Analyze) takes one from a pool and owns it
// until Release gives it back for the next document; a document analysed
// section by section gets one per Blocks call, collected with its blocks.
type keeper struct {
	hits      slab[lexicon.Hit]
	nums      slab[numbers.Mention]
	sentences slab[Sentence]
	sentRefs  slab[*Sentence]
	blocks    slab[Block]
	blockRefs slab[*Block]
	claims    slab[Claim]
	claimRefs slab[*Claim]
	views     normalize.Arena
	// pooled: k comes from keeperPool and goes back with Release. A
	// keeper of its own (a section of a long text) gives each view memory
	// of its own instead: a claim's term kept until its part is written
	// then holds its sentence's text, not the section's.
	pooled bool
}

var keeperPool = sync.Pool{New: func() any { return &keeper{pooled: true} }}

// keeper returns the memory d's blocks are built in: d's own when it has
// one (see Analyze), otherwise a fresh one.
func (d *Document) keeper() *keeper {
	if d.mem != nil {
		return d.mem
	}
	return ownKeeper()
}

// ownKeeper returns the keeper of one Blocks call whose memory is never
// released (a section of a long text). A few of a section's sentences and
// blocks outlive it (the evidence card's studies hold them), so nothing
// may tie the rest of the section to them: each block and each block's
// sentences get memory of their own, hits and numbers chunks of at most
// ownChunk values. Shared chunks for a whole section kept every section
// of a 10 MB file alive to the end, and the collector ran 138 times
// instead of 20 (bench/README.md, fourth session).
func ownKeeper() *keeper {
	k := new(keeper)
	k.sentences.limit, k.sentRefs.limit = 1, 1
	k.blocks.limit, k.blockRefs.limit = 1, 1
	k.hits.limit, k.nums.limit = ownChunk, ownChunk
	return k
}

// ownChunk bounds the hit and number chunks of an own keeper.
const ownChunk = 512

// reserve makes room in k for the blocks and sentences of doc, and their
// texts: in one chunk each, exactly their size in a fresh keeper.
func (k *keeper) reserve(doc *document.Document) {
	sentences, text := 0, 0
	for i := range doc.Blocks {
		sentences += len(doc.Blocks[i].Sentences)
		text += len(doc.Blocks[i].Text)
	}
	k.blocks.reserve(len(doc.Blocks))
	k.blockRefs.reserve(len(doc.Blocks))
	k.sentences.reserve(sentences)
	k.sentRefs.reserve(sentences)
	// A sentence's view is about as long as its text, and has a few
	// pieces (both can be more: another chunk then follows).
	if k.pooled {
		k.views.Reserve(text, 4*sentences)
	}
}

// normalize builds the normalized view of a sentence's text in k, adding
// the text's letters to l.
func (k *keeper) normalize(text string, l *normalize.Letters) normalize.View {
	if !k.pooled {
		return normalize.NormalizeCount(text, l)
	}
	return normalize.NormalizeCountIn(text, &k.views, l)
}

// reserveClaims makes room for n claims and n entries of their lists in
// d's claim arenas (see claimsOf), from d's memory when it has one.
func (d *Document) reserveClaims(n int) {
	if d.mem == nil {
		d.claimArena.reserve(n)
		d.claimList.reserve(n)
		return
	}
	if n > len(d.claimArena.free) {
		d.claimArena.free = d.mem.claims.take(n)
	}
	if n > len(d.claimList.free) {
		d.claimList.free = d.mem.claimRefs.take(n)
	}
}

// Release hands the memory of d's blocks (their sentences, texts, views,
// hits, numbers and claims) back for the next document analysed. Nothing of d's
// blocks, nor anything taken from them (a claim's or a hit's term, a
// sentence's text), may be read afterwards: a caller releases once what
// it reports holds copies of all it needs (see report.NewFile). A document
// analysed in sections owns no memory to release.
func (d *Document) Release() {
	k := d.mem
	if k == nil {
		return
	}
	d.mem, d.Blocks = nil, nil
	d.claimArena, d.claimList = arena[Claim]{}, arena[*Claim]{}
	if poisonReleased.Load() {
		k.poison()
		return
	}
	k.reset()
	keeperPool.Put(k)
}

// reset makes k's memory free for another document.
func (k *keeper) reset() {
	k.hits.reset()
	k.nums.reset()
	k.sentences.reset()
	k.sentRefs.reset()
	k.blocks.reset()
	k.blockRefs.reset()
	k.claims.reset()
	k.claimRefs.reset()
	k.views.Reset()
}

// poisonReleased makes Release overwrite what it is given with values no
// analysis produces, and drop it, instead of keeping it for reuse (see
// PoisonReleased).
var poisonReleased atomic.Bool

// PoisonReleased is for tests: while on, Release overwrites a document's
// sentences, blocks, texts, views, hits and numbers with nonsense (and
// never reuses them), so that anything still reading them after Release
// fails or changes its output instead of reading the next document's.
func PoisonReleased(on bool) { poisonReleased.Store(on) }

// spanPoison is the span a released sentence or block is left with.
var spanPoison = document.Span{Start: -1 << 20, End: -1 << 20}

// poisonText is the text a released sentence is left with.
const poisonText = "\xff released \xff"

func (k *keeper) poison() {
	k.hits.poison(lexicon.Hit{Class: -1, Start: -1 << 20, End: -1 << 20, Term: -1})
	k.nums.poison(numbers.Mention{Start: -1 << 20, End: -1 << 20, Value: -1, Subject: poisonText})
	k.sentences.poison(Sentence{Text: poisonText, Kind: poisonText, Role: poisonText, Voice: poisonText,
		Index: -1 << 20, SampleSize: true, Negated: true, Question: true, Cites: true, study: -1 << 20,
		Span: spanPoison, indexed: true, classes: poisonClasses(), quotes: 0xFF})
	k.sentRefs.poison(nil)
	k.blocks.poison(Block{Kind: poisonText, Role: poisonText, Index: -1 << 20, Span: spanPoison})
	k.blockRefs.poison(nil)
	k.claims.poison(Claim{Term: poisonText, Class: poisonText, Subject: poisonText, Strength: poisonText,
		Voice: poisonText, Evidence: poisonText, Span: spanPoison})
	k.claimRefs.poison(nil)
	k.views.Poison()
}

// poisonClasses is a class set claiming every class.
func poisonClasses() (c classSet) {
	for i := range c {
		c[i] = ^c[i]
	}
	return c
}

// slab hands out slices of values cut from shared chunks: a document's
// thousands of sentences and hit lists cost a few allocations, and none
// once the memory is reused (reset). A slice's capacity is its length:
// appending to one never writes into another.
type slab[T any] struct {
	chunk, free []T
	inUse       [][]T // the chunks values were taken from since the last reset
	// limit, when above 0, bounds the chunks of a slab that is never
	// reset (see ownKeeper) and turns reserve off; 1 gives every take a
	// chunk of its own.
	limit int
}

// slabChunk is the size of a slab's first chunk, in values; each next is
// twice the last (or the size asked, when larger).
const slabChunk = 64

// take returns n zero values (nil for none), their capacity n.
func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	if n > len(s.free) {
		if s.limit > 0 {
			s.chunk = make([]T, max(n, min(2*len(s.chunk), s.limit)))
			s.free = s.chunk
		} else {
			s.chunk = make([]T, max(n, 2*len(s.chunk), slabChunk))
			s.free = s.chunk
			s.inUse = append(s.inUse, s.chunk)
		}
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// reserve makes room for n values in one chunk, when there is less: a
// chunk of exactly n in a fresh slab, at least twice the last in one in
// use.
func (s *slab[T]) reserve(n int) {
	if s.limit == 0 && n > len(s.free) {
		s.chunk = make([]T, max(n, 2*len(s.chunk)))
		s.free = s.chunk
		s.inUse = append(s.inUse, s.chunk)
	}
}

// keep returns a copy of v (nil when v is empty).
func (s *slab[T]) keep(v []T) []T {
	out := s.take(len(v))
	copy(out, v)
	return out
}

// reset makes the last chunk free again, zeroed (so that it holds on to
// nothing of the document before); the earlier ones are left to the
// collector.
func (s *slab[T]) reset() {
	clear(s.chunk[:len(s.chunk)-len(s.free)])
	clear(s.inUse)
	s.inUse = s.inUse[:0]
	if s.chunk != nil {
		s.inUse = append(s.inUse, s.chunk)
	}
	s.free = s.chunk
}

// poison overwrites every value handed out since the last reset with v and
// forgets the chunks (see PoisonReleased).
func (s *slab[T]) poison(v T) {
	for _, c := range s.inUse {
		for i := range c {
			c[i] = v
		}
	}
	*s = slab[T]{}
}
