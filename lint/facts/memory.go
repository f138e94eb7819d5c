package facts

import (
	"sync"
	"sync/atomic"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/internal/slab"
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
	hits      slab.Slab[lexicon.Hit]
	nums      slab.Slab[numbers.Mention]
	marks     slab.Slab[quoteMarkAt]
	sentences slab.Slab[Sentence]
	sentRefs  slab.Slab[*Sentence]
	blocks    slab.Slab[Block]
	blockRefs slab.Slab[*Block]
	claims    slab.Slab[Claim]
	claimRefs slab.Slab[*Claim]
	views     normalize.Arena
	classes   []int // the document's class counts (see counts)
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
	k.sentences.Limit, k.sentRefs.Limit = 1, 1
	k.blocks.Limit, k.blockRefs.Limit = 1, 1
	k.hits.Limit, k.nums.Limit, k.marks.Limit = ownChunk, ownChunk, ownChunk
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
	k.blocks.Reserve(len(doc.Blocks))
	k.blockRefs.Reserve(len(doc.Blocks))
	k.sentences.Reserve(sentences)
	k.sentRefs.Reserve(sentences)
	// A sentence's view is about as long as its text, and has a few
	// pieces (both can be more: another chunk then follows). The
	// normalizer asks for a word of room past the rest of a text: a
	// batch of views that outgrows the room is moved whole.
	if k.pooled {
		k.views.Reserve(text+viewSlack, 4*sentences)
	}
}

// viewSlack is room for views past the text's length (see reserve).
const viewSlack = 64

// counts returns the document's n class counts, zeroed, in k: a
// document's counts are read until Release, like its blocks.
func (k *keeper) counts(n int) []int {
	if cap(k.classes) < n {
		k.classes = make([]int, n)
	}
	k.classes = k.classes[:n]
	clear(k.classes)
	return k.classes
}

// beginViews starts a batch of sentence views in k (k.views.Add when
// k is pooled, ownView otherwise, then endViews): a pooled keeper builds
// them all into one text and one row of map pieces (normalize.Arena.Begin).
func (k *keeper) beginViews() {
	if k.pooled {
		k.views.Begin()
	}
}

// ownView builds the normalized view of a sentence's text into *v, in
// memory of its own, adding the text's letters to l: what a keeper that
// is not pooled gives each view instead of a batch's (k.views.Add, whose
// letters k.views.Letters counts).
func (k *keeper) ownView(v *normalize.View, text string, l *normalize.Letters) {
	*v = normalize.NormalizeCount(text, l)
}

// endViews ends the batch beginViews started: the views k.views.Add
// built are taken from k's memory.
func (k *keeper) endViews() {
	if k.pooled {
		k.views.End()
	}
}

// claimSlabs returns the memory d's claims and their lists are taken
// from: d's keeper's when it has one (Analyze), otherwise d's own (a
// document analysed in sections), which keeps no list of its chunks, so
// that the claims a section's card keeps hold only their own chunk.
func (d *Document) claimSlabs() (*slab.Slab[Claim], *slab.Slab[*Claim]) {
	if d.mem != nil {
		return &d.mem.claims, &d.mem.claimRefs
	}
	return &d.claims, &d.claimRefs
}

// claimChunk bounds the chunks of a sectioned document's claim memory
// past what reserveClaims set aside.
const claimChunk = 512

// reserveClaims makes room for n claims and n entries of their lists in
// one chunk each (see claimsOf).
func (d *Document) reserveClaims(n int) {
	claims, refs := d.claimSlabs()
	claims.Reserve(n)
	refs.Reserve(n)
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
	if poisonReleased.Load() {
		k.poison()
		return
	}
	k.reset()
	keeperPool.Put(k)
}

// reset makes k's memory free for another document.
func (k *keeper) reset() {
	k.hits.Reset()
	k.nums.Reset()
	k.marks.Reset()
	k.sentences.Reset()
	k.sentRefs.Reset()
	k.blocks.Reset()
	k.blockRefs.Reset()
	k.claims.Reset()
	k.claimRefs.Reset()
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
	k.hits.Poison(lexicon.Hit{Class: -1, Start: -1 << 20, End: -1 << 20, Term: -1})
	k.nums.Poison(numbers.Mention{Start: -1 << 20, End: -1 << 20, Value: -1, Subject: poisonText})
	k.marks.Poison(quoteMarkAt{start: -1 << 20, end: -1 << 20, r: -1})
	k.sentences.Poison(Sentence{Text: poisonText, Kind: poisonText, Role: poisonText, Voice: poisonText,
		Index: -1 << 20, SampleSize: true, Negated: true, Question: true, Cites: true, study: -1 << 20,
		Span: spanPoison, indexed: true, classes: poisonClasses(), hasLimit: 255, has: poisonHas(), quotes: 0xFF, marked: true})
	k.sentRefs.Poison(nil)
	k.blocks.Poison(Block{Kind: poisonText, Role: poisonText, Index: -1 << 20, Span: spanPoison})
	k.blockRefs.Poison(nil)
	k.claims.Poison(Claim{Term: poisonText, Class: poisonText, Subject: poisonText, Strength: poisonText,
		Voice: poisonText, Evidence: poisonText, Span: spanPoison})
	k.claimRefs.Poison(nil)
	k.views.Poison()
	for i := range k.classes {
		k.classes[i] = -1 << 20
	}
}

// poisonHas is a released sentence's byte table: every class present, as
// its class set says, so that Has answers yes without walking its hits.
func poisonHas() (h [classSetSize]bool) {
	for i := range h {
		h[i] = true
	}
	return h
}

// poisonClasses is a class set claiming every class.
func poisonClasses() (c classSet) {
	for i := range c {
		c[i] = ^c[i]
	}
	return c
}
