// Package lexicon loads term classes (hype words, animal models, disclosure
// phrases...) and finds them in normalized text.
//
// Terms are written once (Simplified Chinese, the Taiwan and Hong Kong terms a
// character mapping does not produce, and English) and normalized the same
// way as the text, so one list matches both Chinese scripts. Han terms match
// as substrings, Latin terms on word boundaries.
//
// How a text is matched: one Aho–Corasick automaton (ahocorasick.go) finds
// every term and every literal a pattern needs; a pattern runs only when
// its literals are all there, and only on windows around them, as far
// as what a match can hold reaches (prefilter.go, reach.go,
// pattern.windows). A pattern runs as a walk of its parsed form
// (treematch.go), through package regexp only where that cannot. The
// built-in lexicon is loaded from a compiled snapshot rather than
// compiled at start-up (snapshot.go).
package lexicon

import (
	"cmp"
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/internal/utf8x"
)

// Class describes one class of terms.
type Class struct {
	Name        string
	Description string
	Source      string
	File        string // the lexicon file that defined it
	Terms       int    // number of terms after expansion
	// SlotOnly classes serve only as slots of phrases (phrase.go): their
	// hits are dropped once phrases are matched, so that common words
	// (一个, all, make) do not weigh on every sentence's facts.
	SlotOnly bool
}

// Hit is one occurrence of a class in normalized text.
type Hit struct {
	Class      int // index into Lexicon.Classes
	Start, End int // byte offsets in the normalized text
	Term       int32
}

// Lexicon is a compiled set of classes.
type Lexicon struct {
	Classes []Class
	byName  map[string]int
	terms   []term
	ac      *automaton
	regexes []pattern
	// alwaysSet and digitSet have a bit per pattern that runs on every
	// text, and per pattern gated on digits only.
	alwaysSet, digitSet []uint64
	digitOnly           bool // some pattern is gated on digits alone
	// Per pattern, what the loop over automaton matches reads, apart
	// from the large pattern structs: the bits of the clauses literals
	// must meet to make it a candidate (those a digit does not meet; a
	// candidate whose digit clauses are unmet runs only in text with an
	// ASCII digit).
	needLiterals []uint8
	// slotOnly is Classes[c].SlotOnly per class c.
	slotOnly []bool
	// hot has per term what the loop over automaton matches reads, in
	// a small record (terms are 72 bytes: their loads were a tenth of
	// Match), and more every term's further clause bits and window
	// patterns end to end.
	hot  []hotTerm
	more []hotMoreEntry
	// clauses places each pattern's clauses in a bit set (see
	// clauseBits); clauseBit is layOut's answer, which a snapshot keeps.
	clauses      clauseBits
	clauseBit    [][8]int32
	phrases      []phrase // open phrasing over hits (phrase.go)
	phraseStarts [][]int  // per class, the phrases it starts
	startsPhrase []bool   // per class, whether it starts any
	// classFlags says per class whether it starts a phrase (classStarts)
	// and whether it is slot-only (classSlot): MatchFound's resolver
	// gathers them over a sentence's hits, and MatchFound skips the
	// phrase and slot passes a sentence has no hit for.
	classFlags []uint8
}

const (
	classStarts = 1 << iota
	classSlot
)

type term struct {
	text     string    // normalized
	classes  []int     // classes it belongs to
	triggers []trigger // pattern clauses this literal satisfies (see prefilter.go)
	ignore   bool      // an ignore phrase: hits inside it are dropped
	latinL   bool      // starts with a letter or digit: needs a word boundary before
	latinR   bool
}

type pattern struct {
	re      *lazyRegexp
	class   int
	group   int    // index of the subexpression named "t", or 0 for the whole match
	always  bool   // no required literal was found: run on every sentence
	clauses uint64 // mask with one bit per required clause
	// digitClause has the bits of clauses an ASCII digit satisfies.
	digitClause uint64
	// window is the clause whose literals the pattern runs around, and
	// before/after bound the bytes a match holds around one (-1: no
	// window, or unbounded on that side).
	window        int
	before, after int
	// ahead and behind are what a match holds on either side of a
	// window literal (reach.go): walking them bounds a window where the
	// bytes do not.
	ahead, behind reach
	// walkAhead and walkBehind say the windows walk that reach rather
	// than take the byte bound (see walks).
	walkAhead, walkBehind bool
	// next is what a match holds right after a window literal
	// (reach.go): an occurrence followed by anything else is passed by.
	next next
}

// walks reports whether windows should walk a reach on a side whose
// matches hold at most bound bytes (-1: unbounded): when a match can hold
// bytes of any rune (other) for most of the bound, the walk stops near
// the bound anyway, and it costs far more per byte than the matcher's
// search over the few bytes more it would have cut.
func walks(x *reach, bound int) bool {
	return x.other >= 0 && (bound < 0 || 2*x.other < bound)
}

// hotTerm is a term as the loop over automaton matches reads it: its
// length, its first trigger (most terms have one at most: one load then
// answers all the loop asks), the others (triggers[trig:trig+ntrig]), its
// class when it has exactly one, and flags.
type hotTerm struct {
	// mask is the term's clause bits in word word of the clause bit set;
	// more[more:more+nmore] has its bits in other words. win is the
	// first pattern it is a window literal of (with hotWindow), and
	// more[more+nmore:more+nmore+nwin] the others, in the order of its
	// triggers.
	mask   uint64
	more   uint32
	win    int32
	length uint16
	class  int16 // the term's one class, or -1 (none, or several: read term.classes)
	word   uint16
	nmore  uint16
	nwin   uint16
	flags  uint8
}

// hotMoreEntry is a term's clause bits in one more word, or a pattern it
// is a window literal of.
type hotMoreEntry struct {
	mask    uint64
	word    uint32
	pattern int32
}

const (
	hotHit    = 1 << iota // has a class or is an ignore phrase: a match may be a hit
	hotIgnore             // an ignore phrase
	hotLatinL             // needs a word boundary before
	hotLatinR             // and after
	hotWindow             // is a window literal (of win)
	hotMore               // has clause bits in more than one word, or is a window literal of more than win
)

// noTriggerNeed is needLiterals' entry past the patterns, never met (it
// was the slot of terms without a trigger; the clause bits need none).
const noTriggerNeed = 0xff

// maxHot is the most a hot record's uint16 fields hold: patterns, a
// term's bytes, its words of clause bits and its window patterns, and the
// words of the clause bit set.
const maxHot = 1<<16 - 1

// clauseBits places the clauses of the patterns in one bit set, which
// the match loop sets a term's bits in with one OR a word: a pattern's
// required clauses (those literals must meet) side by side in one word,
// from a bit of low to a bit below one of gap, and then a bit per other
// clause some literal meets (one an ASCII digit also meets). A pattern's
// literals have met its clauses when its bits are all set: adding low
// then carries into its gap bit (gap bits are never set themselves, so a
// carry stops there).
type clauseBits struct {
	words int // of the whole set
	// candFrom and candWords place the candidates' bits in the set:
	// those that always run, those gated on digits alone, those whose
	// required clauses are met.
	candFrom, candWords int
	// segs has per word of the required clauses' bits the low and gap
	// bits: those words hold no other bits.
	segs []segmentWord
	// gapPattern is the pattern of each gap bit.
	gapPattern []uint32
	// extra is, per pattern, its other clauses' bits.
	extra [][]extraClause
}

type segmentWord struct{ low, gap uint64 }

type extraClause struct {
	bit    int32
	clause uint8
}

// layOut places l's patterns' clauses, and returns each pattern's
// clause's bit (-1 for none).
func (cb *clauseBits) layOut(l *Lexicon) [][8]int32 {
	bitOf := make([][8]int32, len(l.regexes))
	for i := range bitOf {
		for c := range bitOf[i] {
			bitOf[i][c] = -1
		}
	}
	pos := 0
	for _, i := range layoutOrder(l) {
		p := &l.regexes[i]
		need := uint8(p.clauses &^ p.digitClause) // as needLiterals
		if p.always || need == 0 {
			continue
		}
		width := bits.OnesCount8(need)
		if width == 1 {
			continue // its bit is its candidate bit (below)
		}
		if pos%64+width+1 > 64 {
			pos = (pos/64 + 1) * 64
		}
		for c := range 8 {
			if need&(1<<c) != 0 {
				bitOf[i][c] = int32(pos)
				pos++
			}
		}
		pos++ // the gap bit
	}
	// The candidates' bits follow, one per pattern: a pattern with one
	// required clause has its bit there, which its literals set.
	candFrom := (pos + 63) / 64
	for i := range l.regexes {
		p := &l.regexes[i]
		if need := uint8(p.clauses &^ p.digitClause); !p.always && bits.OnesCount8(need) == 1 {
			bitOf[i][bits.TrailingZeros8(need)] = int32(candFrom*64 + i)
		}
	}
	pos = (candFrom + len(l.regexes)/64 + 1) * 64
	for _, t := range l.terms {
		for _, tr := range t.triggers {
			if bitOf[tr.pattern][tr.clause&7] < 0 {
				bitOf[tr.pattern][tr.clause&7] = int32(pos)
				pos++
			}
		}
	}
	cb.fromBits(l, bitOf)
	return bitOf
}

// fromBits sets the bit set's words, segments and extra clauses from
// bitOf, the bits layOut gave each pattern's clauses (a snapshot stores
// them: laying them out visits every term). Only the patterns are read.
func (cb *clauseBits) fromBits(l *Lexicon, bitOf [][8]int32) {
	*cb = clauseBits{}
	type seg struct{ pattern, low, gap int }
	var segs []seg
	for i := range l.regexes {
		p := &l.regexes[i]
		need := uint8(p.clauses &^ p.digitClause)
		if p.always || bits.OnesCount8(need) < 2 {
			continue
		}
		low := int(bitOf[i][bits.TrailingZeros8(need)])
		gap := int(bitOf[i][7-bits.LeadingZeros8(need)]) + 1
		segs = append(segs, seg{i, low, gap})
		cb.candFrom = max(cb.candFrom, low/64+1)
	}
	cb.segs = make([]segmentWord, cb.candFrom)
	cb.gapPattern = make([]uint32, 64*cb.candFrom)
	for _, s := range segs {
		cb.segs[s.low/64].low |= 1 << (s.low % 64)
		cb.segs[s.gap/64].gap |= 1 << (s.gap % 64)
		cb.gapPattern[s.gap] = uint32(s.pattern)
	}
	cb.candWords = len(l.regexes)/64 + 1 // as alwaysSet
	extraFrom := (cb.candFrom + cb.candWords) * 64
	cb.words = cb.candFrom + cb.candWords
	cb.extra = make([][]extraClause, len(l.regexes))
	for i := range bitOf {
		for c, b := range bitOf[i] {
			if int(b) >= extraFrom {
				cb.extra[i] = append(cb.extra[i], extraClause{b, uint8(c)})
				cb.words = max(cb.words, int(b)/64+1)
			}
		}
	}
}

// layoutOrder orders the patterns so that those one term gates sit side
// by side, and its bits take few words: first the patterns of the terms
// with many triggers (人, %, 研究: the common literals), then of those
// with a few, then the rest. (Passes over the terms, not a sort: this
// runs at every start.)
func layoutOrder(l *Lexicon) []int {
	var many, few, two []int // terms with 8 triggers or more, 4 or more, 2 or more
	for i := range l.terms {
		switch n := len(l.terms[i].triggers); {
		case n >= 8:
			many = append(many, i)
		case n >= 4:
			few = append(few, i)
		case n >= 2:
			two = append(two, i)
		}
	}
	placed := make([]bool, len(l.regexes))
	order := make([]int, 0, len(l.regexes))
	for _, terms := range [][]int{many, few, two} {
		for _, t := range terms {
			for _, tr := range l.terms[t].triggers {
				if !placed[tr.pattern] {
					placed[tr.pattern] = true
					order = append(order, int(tr.pattern))
				}
			}
		}
	}
	for i := range l.regexes {
		if !placed[i] {
			order = append(order, i)
		}
	}
	return order
}

// candidates sets the candidate bits in met of the patterns whose
// required clauses (two or more) are all in met, and returns the
// candidates' bits. Out of line: in matchFound's frame its loop reloaded
// its values.
//
//go:noinline
func (cb *clauseBits) candidates(met []uint64) []uint64 {
	cand := cb.cand(met)
	gapPattern := cb.gapPattern
	met = met[:len(cb.segs)]
	for w, seg := range cb.segs {
		for x := (met[w] + seg.low) & seg.gap; x != 0; x &= x - 1 {
			p := gapPattern[w*64+bits.TrailingZeros64(x)]
			cand[p/64] |= 1 << (p % 64)
		}
	}
	return cand
}

// cand is the candidates' bits in met.
func (cb *clauseBits) cand(met []uint64) []uint64 {
	return met[cb.candFrom : cb.candFrom+cb.candWords]
}

// metClauses is the clauses of pattern i, a candidate, that met holds.
func (cb *clauseBits) metClauses(i int, need uint8, met []uint64) uint64 {
	out := uint64(need)
	for _, e := range cb.extra[i] {
		if met[e.bit/64]&(1<<(e.bit%64)) != 0 {
			out |= 1 << e.clause
		}
	}
	return out
}

// indexTerms lays out the clause bits and builds the hot records and
// their further entries. A user's lexicon or snapshot too large for the
// records is an error (the built-in one has a few hundred patterns).
//
// bitOf is the clause bits layOut gives (a snapshot's), or nil to lay
// them out.
func (l *Lexicon) indexTerms(bitOf [][8]int32) error {
	if len(l.regexes) >= maxHot {
		return fmt.Errorf("lexicon: %d patterns, more than the %d a lexicon holds", len(l.regexes), maxHot-1)
	}
	for _, t := range l.terms {
		if len(t.text) > maxHot {
			return fmt.Errorf("lexicon: term %.40q… is %d bytes long, more than %d", t.text, len(t.text), maxHot)
		}
		if len(t.triggers) > maxHot {
			return fmt.Errorf("lexicon: term %.40q gates %d patterns, more than %d", t.text, len(t.triggers), maxHot)
		}
	}
	if bitOf == nil {
		bitOf = l.clauses.layOut(l)
	} else {
		l.clauses.fromBits(l, bitOf)
	}
	l.clauseBit = bitOf
	if l.clauses.words > maxHot {
		return fmt.Errorf("lexicon: %d words of clause bits, more than %d", l.clauses.words, maxHot)
	}
	l.hot = make([]hotTerm, len(l.terms))
	l.more = l.more[:0]
	var words []hotMoreEntry
	for i, t := range l.terms {
		h := hotTerm{more: uint32(len(l.more)), length: uint16(len(t.text)), class: -1}
		// The term's bits by word, in the order of its triggers.
		words = words[:0]
		for _, tr := range t.triggers {
			b := bitOf[tr.pattern][tr.clause&7]
			k := slices.IndexFunc(words, func(e hotMoreEntry) bool { return e.word == uint32(b/64) })
			if k < 0 {
				k = len(words)
				words = append(words, hotMoreEntry{word: uint32(b / 64), pattern: -1})
			}
			words[k].mask |= 1 << (b % 64)
		}
		if len(words) > 0 {
			h.word, h.mask = uint16(words[0].word), words[0].mask
			if len(words) > 1 {
				l.more = append(l.more, words[1:]...)
				h.nmore = uint16(len(words) - 1)
			}
		}
		for _, tr := range t.triggers {
			switch {
			case !tr.window:
			case h.flags&hotWindow == 0:
				h.win, h.flags = tr.pattern, h.flags|hotWindow
			default:
				l.more = append(l.more, hotMoreEntry{pattern: tr.pattern})
				h.nwin++
			}
		}
		if len(t.classes) == 1 && t.classes[0] < 1<<15 {
			h.class = int16(t.classes[0])
		}
		// Plain tests, not a loop over a table of flags: this runs for
		// every term at start-up.
		if len(t.classes) > 0 || t.ignore {
			h.flags |= hotHit
		}
		if t.ignore {
			h.flags |= hotIgnore
		}
		if t.latinL {
			h.flags |= hotLatinL
		}
		if t.latinR {
			h.flags |= hotLatinR
		}
		if h.nmore > 0 || h.nwin > 0 {
			h.flags |= hotMore
		}
		l.hot[i] = h
	}
	return nil
}

// lazyRegexp compiles a pattern the first time a sentence needs it: most
// patterns are gated by literals most texts lack, and compiling all of them
// was a tenth of a small file's run. The source was parsed (and so
// checked) when the lexicon was loaded.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
	// need is the bytes a match holds (needbytes.go), found on first use.
	needOnce sync.Once
	need     needBytes
	// tree runs the pattern without package regexp (treematch.go), or is
	// nil when it cannot; built on first use.
	treeOnce sync.Once
	tree     *treeMatcher
}

func newLazyRegexp(src string) *lazyRegexp {
	return &lazyRegexp{src: src}
}

func (l *lazyRegexp) needs() *needBytes {
	l.needOnce.Do(func() { l.need = needBytesOf(l.src) })
	return &l.need
}

// treeFor returns the tree matcher of the pattern reporting group, or nil.
func (l *lazyRegexp) treeFor(group int) *treeMatcher {
	l.treeOnce.Do(func() { l.tree = compileTree(l.src, group) })
	return l.tree
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// trigger says a literal satisfies one clause of one pattern; window says
// that clause is the pattern's window clause.
type trigger struct {
	pattern int32
	clause  uint8
	window  bool
}

// ClassID returns the index of a class, or -1.
func (l *Lexicon) ClassID(name string) int {
	if id, ok := l.byName[name]; ok {
		return id
	}
	return -1
}

// Term returns the normalized text of the term behind a hit (empty for a
// pattern hit).
func (l *Lexicon) Term(h Hit) string {
	if h.Term < 0 {
		return ""
	}
	return l.terms[h.Term].text
}

// Match appends the hits in text to dst, in start order (facts relies on
// it). Overlapping hits of one class keep the longest; hits inside an
// ignore phrase are dropped.
func (l *Lexicon) Match(text string, dst []Hit) []Hit {
	var foundBuf [64]match // a sentence in 250 has more (1 KiB zeroed per call cost more than their growing)
	var found []match
	if l.ac != nil {
		found = l.ac.find(text, foundBuf[:0])
	}
	var occBuf [32]occurrence // 32 hold all but a few sentences' window literals; 16 left one in twelve to the heap
	first := len(dst)
	dst, _, ignored := l.matchFound(text, digitsUnknown, found, occBuf[:0], dst)
	return l.finish(text, dst, first, ignored)
}

// Found holds the automaton's matches in several texts, found back to back
// by Find, for MatchFound to take text by text. Scanning a batch of
// sentences in one go keeps the automaton's rows in the cache from one
// sentence to the next; between two Match calls the rest of the analysis
// evicts them, and each scan started cold.
type Found struct {
	matches []match
	ends    []int        // where the matches of each text end in matches
	occ     []occurrence // MatchFound's window literals, reused rather than a stack buffer zeroed per call
	res     resolver     // MatchFound's table of each class's last hit
}

// Find scans texts and keeps their matches in f (reused), for
// MatchFound(texts[i], f, i, …).
func (l *Lexicon) Find(f *Found, texts []string) {
	f.matches, f.ends = f.matches[:0], f.ends[:0]
	for _, text := range texts {
		if l.ac != nil {
			f.matches = l.ac.find(text, f.matches)
		}
		f.ends = append(f.ends, len(f.matches))
	}
}

// MatchFound is Match(text, dst) for text, the i-th text f was found in.
// digits says whether text holds an ASCII digit, as the normalizer knows
// (normalize.View.Digits), so that the patterns gated on digits need not
// scan text for one.
func (l *Lexicon) MatchFound(text string, digits bool, f *Found, i int, dst []Hit) []Hit {
	from := 0
	if i > 0 {
		from = f.ends[i-1]
	}
	d := digitsNone
	if digits {
		d = digitsFound
	}
	first := len(dst)
	var ignored []Hit
	dst, f.occ, ignored = l.matchFound(text, d, f.matches[from:f.ends[i]], f.occ[:0], dst)
	// finish, with the resolver's table, which also tells which passes
	// the hits need: most sentences have no hit that starts a phrase, and
	// a third no slot-only hit.
	res := &f.res
	if res.lex != l {
		res.reset(l)
	}
	n, met := res.resolve(dst[first:], ignored)
	dst = dst[:first+n]
	if met&classStarts != 0 {
		end := len(dst)
		if dst = l.matchPhrases(text, dst[first:end], dst); len(dst) > end {
			var more uint8
			n, more = res.resolve(dst[first:], nil)
			dst, met = dst[:first+n], met|more
		}
	}
	if met&classSlot != 0 && len(l.phrases) > 0 {
		dst = l.dropSlots(dst, first)
	}
	return dst
}

// matchFound is Match given what the automaton found in text and, unless
// it is digitsUnknown, whether text holds an ASCII digit, up to finish:
// the hits it appends to dst are not resolved yet, and ignored has the
// ignore phrases. occ (empty) is the buffer for the window literals'
// occurrences, returned grown.
func (l *Lexicon) matchFound(text string, digits int, found []match, occ []occurrence, dst []Hit) (_ []Hit, _ []occurrence, ignored []Hit) {
	var metBuf [16]uint64 // on the stack for the usual number of clauses
	met := words(metBuf[:], l.clauses.words)
	cand := l.clauses.cand(met)
	// The patterns to run: those that always run, those whose clauses the
	// literals (and digits) all met and, in text with a digit, those gated
	// on digits only; a bit each, so the loop below visits those patterns
	// rather than all of them.
	copy(cand, l.alwaysSet)
	// Whether the text holds an ASCII digit, when the caller does not
	// know, is looked for only when a pattern needs the answer, not for
	// every sentence: candidates are made as if it did, and a candidate
	// whose literals left a digit clause unmet asks below. Patterns gated
	// on digits alone (none built in) make every sentence ask.
	if l.digitOnly {
		if digits == digitsUnknown {
			digits = digitsOf(text)
		}
		if digits == digitsFound {
			for w := range cand {
				cand[w] |= l.digitSet[w]
			}
		}
	}
	if len(found) > 0 {
		// Locals, so that the loop does not reload the lexicon's fields
		// after each store.
		hot, more := l.hot, l.more
		// The window literals and the hits go into records that stay in
		// the frame (see matchAcc), loaded and stored only where a turn
		// appends to them.
		acc := matchAcc{occ: occ, text: text}
		out := hitsAcc{dst: dst}
		for k := range found {
			h := &hot[found[k].term]
			met[h.word] |= h.mask
			if h.flags&(hotMore|hotWindow|hotHit) == 0 {
				continue // a literal that only gates patterns, as most are
			}
			// The match is read again, not kept from above, so that the
			// common turn (which needs none of it) keeps nothing live
			// across it.
			m := found[k]
			id, end := m.term, int(m.end)
			start := end - int(h.length)
			if h.flags&hotWindow != 0 {
				acc.occ = append(acc.occ, occurrence{h.win, int32(start), int32(end)})
			}
			if h.flags&hotMore != 0 {
				if h.nmore > 0 {
					for _, e := range more[h.more : h.more+uint32(h.nmore)] {
						met[e.word] |= e.mask
					}
				}
				if h.nwin > 0 {
					from := h.more + uint32(h.nmore)
					for _, e := range more[from : from+uint32(h.nwin)] {
						acc.occ = append(acc.occ, occurrence{e.pattern, int32(start), int32(end)})
					}
				}
			}
			if h.flags&hotHit == 0 || h.flags&(hotLatinL|hotLatinR) != 0 && !boundaryOK(acc.text, start, end, h.flags) {
				continue
			}
			if h.flags&hotIgnore != 0 {
				out.ignored = append(out.ignored, Hit{Class: -1, Start: start, End: end, Term: id})
			}
			if h.class >= 0 {
				out.dst = append(out.dst, Hit{Class: int(h.class), Start: start, End: end, Term: id})
				continue
			}
			for _, c := range l.terms[id].classes {
				out.dst = append(out.dst, Hit{Class: c, Start: start, End: end, Term: id})
			}
		}
		occ, dst, ignored = acc.occ, out.dst, out.ignored
		cand = l.clauses.candidates(met)
	}
	for w, bitsLeft := range cand {
		for ; bitsLeft != 0; bitsLeft &= bitsLeft - 1 {
			i := w*64 + bits.TrailingZeros64(bitsLeft)
			if p := &l.regexes[i]; !p.always {
				if met := l.clauses.metClauses(i, l.needLiterals[i], met); met != p.clauses {
					if digits == digitsUnknown {
						digits = digitsOf(text)
					}
					if digits == digitsNone || met|p.digitClause != p.clauses {
						continue
					}
				}
			}
			dst = l.runPattern(i, text, occ, dst)
		}
	}
	return dst, occ, ignored
}

// finish resolves the hits matchFound appended to dst from first on, adds
// the phrases' hits and drops the slot-only ones.
func (l *Lexicon) finish(text string, dst []Hit, first int, ignored []Hit) []Hit {
	dst = dst[:first+resolve(dst[first:], ignored)]
	if len(l.phrases) > 0 {
		n := len(dst)
		if dst = l.matchPhrases(text, dst[first:n], dst); len(dst) > n {
			dst = dst[:first+resolve(dst[first:], nil)]
		}
		dst = l.dropSlots(dst, first)
	}
	return dst
}

// matchAcc and hitsAcc hold what matchFound's loop appends to, and the
// text it reads only for word boundaries. Five or six words are more than
// the compiler keeps in registers, so the records stay in the frame and
// the loop loads and stores a slice only where it appends to it, not on
// every turn (every match, most of which appends nothing) as it would
// spill and reload locals carried in registers.
// Two records: escape analysis does not tell fields apart, and a record
// holding occ's buffer that reached the result (as hitsAcc does) would
// move the buffer to the heap (TestMatchAllocatesNothing).
type matchAcc struct {
	occ  []occurrence
	text string
}

type hitsAcc struct {
	dst, ignored []Hit
}

// Whether a text holds an ASCII digit, once looked for.
const (
	digitsUnknown = iota
	digitsNone
	digitsFound
)

func digitsOf(text string) int {
	if hasASCIIDigit(text) {
		return digitsFound
	}
	return digitsNone
}

// hasASCIIDigit is strings.ContainsAny(text, "0123456789") without its
// set building and lookups: eight bytes at a time, a byte is a digit when
// it differs from '0' by less than 10 (hasLess, from Sean Anderson's "Bit
// Twiddling Hacks": a word has a byte below n, n <= 128).
func hasASCIIDigit(text string) bool {
	const ones = swar.Ones
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := swar.Load8(text[i:i+8]) ^ '0'*ones
		if (x-10*ones)&^x&swar.Highs != 0 {
			return true
		}
	}
	for ; i < len(text); i++ {
		if text[i]-'0' <= 9 {
			return true
		}
	}
	return false
}

// dropSlots removes the hits of slot-only classes from dst[first:]. Hits
// are moved only from the first slot hit on, and the classes' flags are
// read from a table of their own (a Class is over a hundred bytes).
func (l *Lexicon) dropSlots(dst []Hit, first int) []Hit {
	slot := l.slotOnly
	for i := first; i < len(dst); i++ {
		if c := dst[i].Class; c >= 0 && slot[c] {
			kept := dst[:i]
			for _, h := range dst[i+1:] {
				if h.Class < 0 || !slot[h.Class] {
					kept = append(kept, h)
				}
			}
			return kept
		}
	}
	return dst
}

// words returns n zeroed words: buf when it is long enough.
func words(buf []uint64, n int) []uint64 {
	if n <= len(buf) {
		return buf[:n]
	}
	return make([]uint64, n)
}

// runPattern appends the matches of pattern i, whose clauses are all met.
func (l *Lexicon) runPattern(i int, text string, occ []occurrence, dst []Hit) []Hit {
	p := &l.regexes[i]
	if !p.re.needs().met(text) {
		return dst // too few of a byte every match holds
	}
	if p.always || p.window < 0 {
		return p.find(text, 0, len(text), dst)
	}
	if p.before >= 0 || p.walkAhead {
		// Matches start a bounded way before a window literal: the
		// matcher tries those places alone, without walking where the
		// matches may end or searching the bytes after the literals.
		if tree := p.re.treeFor(p.group); tree != nil {
			var startBuf [8]span
			starts := p.starts(text, int32(i), occ, startBuf[:0])
			if out, ok := tree.appendNear(text, starts, p.class, dst); ok {
				return out
			}
		}
	}
	var winBuf [8]span
	for _, w := range p.windows(text, int32(i), occ, winBuf[:0]) {
		dst = p.find(text, w.start, w.end, dst)
	}
	return dst
}

// occurrence is where a literal of a pattern's window clause is (a
// sentence's offsets fit in 32 bits: twice the occurrences in Match's
// buffer on the stack).
type occurrence struct {
	pattern, start, end int32
}

type span struct{ start, end int }

// windows returns the stretches of text pattern number i can match in:
// around each occurrence of its window literals, as far as its bounds
// reach and one rune more, merged where they meet. Every match lies in one
// (it holds a window literal, at most before bytes after its start and
// after bytes before its end), and none can start or end at a window's
// cut edge (that would take a literal further away), so ^, $, \b and
// context classes see the same neighbours as in the whole text.
func (p *pattern) windows(text string, i int32, occ []occurrence, out []span) []span {
	for k := range occ {
		if occ[k].pattern != i {
			continue
		}
		o := span{int(occ[k].start), int(occ[k].end)}
		w := span{0, len(text)}
		switch {
		case p.walkAhead:
			w.start = p.ahead.back(text, o.start, p.before)
			if o.start-w.start < p.ahead.least {
				continue // no match holds this literal
			}
			// A rune more than the match can take: what ^ and \b see.
			if w.start > 0 {
				_, n := utf8x.RuneBefore(text, w.start)
				w.start -= n
			}
		case p.before >= 0:
			w.start = max(0, o.start-p.before-utf8.UTFMax)
			for w.start > 0 && !utf8.RuneStart(text[w.start]) {
				w.start--
			}
		}
		switch {
		case p.walkBehind:
			w.end = p.behind.forth(text, o.end, p.after)
			if w.end-o.end < p.behind.least {
				continue
			}
			if w.end < len(text) {
				_, n := utf8x.RuneAt(text, w.end)
				w.end += n
			}
		case p.after >= 0:
			w.end = min(len(text), o.end+p.after+utf8.UTFMax)
			for w.end < len(text) && !utf8.RuneStart(text[w.end]) {
				w.end++
			}
		}
		out = append(out, w)
	}
	return mergeSpans(out)
}

// starts returns where pattern number i's matches can start, when before
// or a walk of its reach bounds that: from the furthest a match holding a
// window literal reaches ahead of it, as windows bounds it, back to a
// rune's first byte, to the literal's start (both included), merged where
// they meet.
func (p *pattern) starts(text string, i int32, occ []occurrence, out []span) []span {
	for k := range occ {
		if occ[k].pattern != i {
			continue
		}
		if p.next.null != nextAny && !p.next.allows(text, int(occ[k].end)) {
			// No match holds this literal. (Windows keep such
			// literals: a window cut just after one would let $ or \b
			// see an edge that is not the text's.)
			continue
		}
		o := int(occ[k].start)
		var lo int
		if p.walkAhead {
			lo = p.ahead.back(text, o, p.before)
			if o-lo < p.ahead.least {
				continue // no match holds this literal
			}
		} else {
			lo = max(0, o-p.before)
		}
		if p.walkBehind && p.behind.least > 0 {
			// No match holds this literal when too little can follow
			// it. The walk needs to go no further than the least a
			// match holds there and a rune more.
			limit := p.behind.least + utf8.UTFMax
			if p.after >= 0 {
				limit = min(limit, p.after)
			}
			if end := int(occ[k].end); p.behind.forth(text, end, limit)-end < p.behind.least {
				continue
			}
		}
		// From a rune's first byte, stepping rune by rune stops where
		// the search over the whole text would.
		for lo > 0 && !utf8.RuneStart(text[lo]) {
			lo--
		}
		out = append(out, span{lo, o})
	}
	return mergeSpans(out)
}

// mergeSpans sorts spans by start and merges those that meet.
func mergeSpans(out []span) []span {
	// Nearly always in order already (the automaton reports literals by
	// end), and an insertion sort of a few spans costs less than the
	// generic sort's calls.
	if len(out) > smallSort {
		slices.SortFunc(out, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	} else {
		for i := 1; i < len(out); i++ {
			w, j := out[i], i
			for ; j > 0 && w.start < out[j-1].start; j-- {
				out[j] = out[j-1]
			}
			out[j] = w
		}
	}
	n := 0
	for _, w := range out {
		if n > 0 && w.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, w.end)
			continue
		}
		out[n] = w
		n++
	}
	return out[:n]
}

// find appends the pattern's matches in text[from:to].
func (p *pattern) find(text string, from, to int, dst []Hit) []Hit {
	if tree := p.re.treeFor(p.group); tree != nil {
		if out, ok := tree.appendHits(text, from, to, p.class, dst); ok {
			return out
		}
	}
	return p.findRegexp(text, from, to, dst)
}

// findRegexp is find by the regexp alone.
func (p *pattern) findRegexp(text string, from, to int, dst []Hit) []Hit {
	for _, m := range p.re.get().FindAllStringSubmatchIndex(text[from:to], -1) {
		start, end := m[0], m[1]
		if p.group > 0 && m[2*p.group] >= 0 {
			// (?P<t>…) marks the part to report; the rest is context.
			start, end = m[2*p.group], m[2*p.group+1]
		}
		if end > start {
			dst = append(dst, Hit{Class: p.class, Start: from + start, End: from + end, Term: -1})
		}
	}
	return dst
}

// boundaryOK reports a match with the word boundaries its term's flags ask for.
// An ASCII neighbour (most of them, next to a Latin term) is tested as a
// byte, without decoding.
func boundaryOK(text string, start, end int, flags uint8) bool {
	if flags&hotLatinL != 0 && start > 0 {
		if c := text[start-1]; c < utf8.RuneSelf {
			if isWordByteASCII(c) {
				return false
			}
		} else if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(r) {
			return false
		}
	}
	if flags&hotLatinR != 0 && end < len(text) {
		if c := text[end]; c < utf8.RuneSelf {
			if isWordByteASCII(c) {
				return false
			}
		} else if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// isWordByteASCII is isWordRune for an ASCII byte.
func isWordByteASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isWordRune reports letters and digits of alphabetic scripts: the runes
// that glue Latin words together. Han characters do not.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByteASCII(byte(r))
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.Is(unicode.Han, r) &&
		!unicode.Is(unicode.Hiragana, r) && !unicode.Is(unicode.Katakana, r)
}

// resolve sorts hits, drops those inside an ignored phrase and keeps the
// longest of overlapping hits of one class; pattern hits of one class that
// touch are merged (two patterns often describe one phrase: 换算到人体，相当于…).
// It returns the new length. The hits end in start order.
//
// One sort by start then class (not by class, resolving, then by start
// again): each class's hits still come by start, longest first, and the
// last kept hit of each class is remembered on the side.
func resolve(hits []Hit, ignored []Hit) int {
	// slices.SortFunc, not sort.Slice: that one allocates through
	// reflection on every call, and this runs for every sentence. The order
	// is total (pattern hits, Term -1, before term hits) so that which of
	// two equal hits stays never depends on the sort.
	sortHits(hits)
	var lastBuf [16]lastOfClass                         // a sentence's hits are of a few classes
	r := resolving{last: lastBuf[:0], ignored: ignored} // in the frame, as matchAcc
	// seen has bit c%128 set once a hit of class c is on the list: a hit
	// of a class not seen yet, most of them, skips the search.
	var seen [2]uint64
	n := 0
	for i := range hits {
		// Read in place, and moved only once a hit has been dropped
		// before it: most hits stay where they are.
		h := &hits[i]
		if covered(h, r.ignored) {
			continue
		}
		c := uint(h.Class) & 127
		k := len(r.last)
		if seen[c>>6]&(1<<(c&63)) != 0 {
			k = 0
			for k < len(r.last) && int(r.last[k].class) != h.Class {
				k++
			}
		}
		if k < len(r.last) {
			e := &r.last[k]
			prev := &hits[e.index]
			if h.Term < 0 && prev.Term < 0 && h.Start <= int(e.end) {
				prev.End = max(int(e.end), h.End)
				e.end = int32(prev.End)
				continue
			}
			if h.Start < int(e.end) {
				continue
			}
			*e = lastOfClass{int32(h.Class), int32(n), int32(h.End)}
		} else {
			r.last = append(r.last, lastOfClass{int32(h.Class), int32(n), int32(h.End)})
			seen[c>>6] |= 1 << (c & 63)
		}
		if n != i {
			hits[n] = *h
		}
		n++
	}
	return n
}

// resolver is resolve with a table that lasts from one text to the next
// (in Found): per class, where the last hit kept of it is and its end,
// stamped with the call that kept it. A call neither clears the table nor
// searches a list of the classes it has met.
type resolver struct {
	stamp uint32
	last  []stampedLast // by class
	lex   *Lexicon      // whose classes last is for
}

// reset makes the table for l's classes, with their flags.
func (rs *resolver) reset(l *Lexicon) {
	rs.last = make([]stampedLast, len(l.classFlags))
	for c, f := range l.classFlags {
		rs.last[c].flags = f
	}
	rs.lex, rs.stamp = l, 0
}

// stampedLast also holds its class's flags, which resolve gathers from
// the entry it reads anyway.
type stampedLast struct {
	stamp      uint32
	index, end int32 // a sentence's offsets fit in 32 bits, as occurrence's
	flags      uint8
}

// resolve is resolve(hits, ignored) for hits of the classes of the
// lexicon the table was reset for, which also returns the flags of the
// classes of the hits it keeps, ORed.
func (rs *resolver) resolve(hits []Hit, ignored []Hit) (int, uint8) {
	sortHits(hits)
	rs.stamp++
	if rs.stamp == 0 { // wrapped: entries of old calls would look current
		for c := range rs.last {
			rs.last[c].stamp = 0
		}
		rs.stamp = 1
	}
	stamp, last := rs.stamp, rs.last
	var met uint8
	n := 0
	for i := range hits {
		h := &hits[i]
		if len(ignored) > 0 && covered(h, ignored) {
			continue
		}
		e := &last[h.Class]
		if e.stamp == stamp {
			prev := &hits[e.index]
			if h.Term < 0 && prev.Term < 0 && h.Start <= int(e.end) {
				prev.End = max(int(e.end), h.End)
				e.end = int32(prev.End)
				continue
			}
			if h.Start < int(e.end) {
				continue
			}
		}
		e.stamp, e.index, e.end = stamp, int32(n), int32(h.End)
		met |= e.flags
		if n != i {
			hits[n] = *h
		}
		n++
	}
	return n, met
}

// resolving holds resolve's list of last hits and the ignore phrases:
// like matchAcc, a record too large for registers, which the loop reads
// where it needs it instead of carrying the list in registers and storing
// and reloading it on every hit.
type resolving struct {
	last    []lastOfClass
	ignored []Hit
}

// lastOfClass is where the last hit resolve kept of a class is, and its end.
type lastOfClass struct {
	class, index, end int32 // a sentence's offsets fit in 32 bits, as occurrence's
}

// smallSort is the most hits sorted by insertion: a sentence has a few,
// nearly in order already (the automaton reports them by end, each
// pattern by start), and the generic sorts' calls through a comparison
// function cost more than the moves.
const smallSort = 32

// sortHits sorts hits in compareHits order.
func sortHits(hits []Hit) {
	if len(hits) > smallSort {
		slices.SortFunc(hits, compareHits)
		return
	}
	for i := 1; i < len(hits); i++ {
		if !hitLess(&hits[i], &hits[i-1]) {
			continue // in place already, as most are: no copy out and back
		}
		h, j := hits[i], i
		for ; j > 0 && hitLess(&h, &hits[j-1]); j-- {
			hits[j] = hits[j-1]
		}
		hits[j] = h
	}
}

// hitLess is compareHits(*a, *b) < 0.
func hitLess(a, b *Hit) bool {
	switch {
	case a.Start != b.Start:
		return a.Start < b.Start
	case a.Class != b.Class:
		return a.Class < b.Class
	case a.End != b.End:
		return a.End > b.End
	}
	return a.Term < b.Term
}

// compareHits orders hits by start, class, longest first, then term. It
// returns at the first field that differs (cmp.Or would compare all four
// for every pair, and this runs for every sentence).
func compareHits(a, b Hit) int {
	switch {
	case a.Start != b.Start:
		return cmp.Compare(a.Start, b.Start)
	case a.Class != b.Class:
		return cmp.Compare(a.Class, b.Class)
	case a.End != b.End:
		return cmp.Compare(b.End, a.End)
	}
	return cmp.Compare(a.Term, b.Term)
}

// covered reports whether an ignore phrase contains h. A term that is both
// an ignore phrase and a class term (未来 hides the 未 of negation but is
// itself a future cue) keeps its own class hits.
func covered(h *Hit, ignored []Hit) bool {
	for _, g := range ignored {
		if g.Start <= h.Start && h.End <= g.End && g.Term != h.Term {
			return true
		}
	}
	return false
}
