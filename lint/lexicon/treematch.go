package lexicon

import (
	"encoding/binary"
	"math"
	"math/bits"
	"regexp/syntax"
	"slices"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/internal/utf8x"
)

// treeMatcher runs a pattern by walking a graph built from its parsed form
// (regexp/syntax) instead of through package regexp, for the patterns the
// lexicon writes: literal alternations, repeats of a character class,
// optional groups, ^, $, \b and a named group. Go's regexp spends most of
// its time per instruction (one per rune of every literal, a visited bit
// for each, a sync.Pool machine and result slices per call); here a
// literal is one byte comparison, a class repeat one loop, and positions
// where no match can start are skipped on their first byte.
//
// It finds what regexp.FindAllStringSubmatchIndex finds: it backtracks in
// the regexp's order of preference (alternatives in order, greedy repeats
// longest first), which is what leftmost-first means, steps start
// positions rune by rune as the regexp does, and keeps its rule for empty
// matches. Backtracking can take longer than the regexp's linear bound, so
// a run that takes too many steps gives up and the regexp runs instead.
// Tests hold it to the regexp on every built-in pattern.
type treeMatcher struct {
	start *tmNode
	group int // the capture reported as the hit, or 0
	// first has the bits of the bytes a match can start with; anyStart
	// is set when a match can start with no byte (an empty match).
	first    byteSet
	anyStart bool
	// starts is first as a byte per byte value: search's skip loop
	// tests it with one load instead of a shift and a mask.
	starts [256]bool
	// Past the text's first byte, a match also needs a byte of second
	// right after its first rune, when hasSecond (see afterFirst).
	second    byteSet
	hasSecond bool
	seconds   [256]bool // second as a byte per byte value, as starts
}

type tmOp uint8

const (
	tmMatch   tmOp = iota
	tmLit          // the bytes of lit
	tmClass        // one rune of cls
	tmRepeat       // min to max runes of cls (max < 0: no bound)
	tmAlt          // the first of alts that leads to a match
	tmSave         // records the position in slot
	tmBegin        // ^: the start of the text
	tmEnd          // $: the end of the text
	tmWord         // \b
	tmNotWord      // \B
)

type tmNode struct {
	op       tmOp
	nonGreed bool // a repeat that tries fewer runes first
	// clsTakesError is set when cls has U+FFFD, which a stray byte
	// decodes to: giving such runes back needs their ends kept.
	clsTakesError bool
	slot          int // tmSave: 0 for the group's start, 1 for its end
	min, max      int
	lit           string
	// litWord holds lit's first eight bytes (fewer: zeros) and litMask
	// a 0xff for each: the literal is tested with one load and compare
	// instead of a call to compare strings.
	litWord, litMask uint64
	cls              *runeClass
	alts             []*tmNode
	next             *tmNode
	// first and empty say what the graph from this node can start with:
	// a match through it starts with a byte of first, or with none when
	// empty is set. tmAlt skips the alternatives that cannot start here.
	first byteSet
	empty bool
	// lead is a tmAlt's alternatives by the byte they can start with.
	lead *leadTable
	// noGiveBack is set on a greedy repeat whose next cannot start with
	// a byte its class's runes start with (nor match nothing): giving a
	// rune back leaves such a byte at the place, so only the longest
	// take can go on.
	noGiveBack bool
}

// byteSet has a bit per byte value.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }
func (s *byteSet) union(o *byteSet) {
	s[0], s[1], s[2], s[3] = s[0]|o[0], s[1]|o[1], s[2]|o[2], s[3]|o[3]
}
func (s *byteSet) addRange(lo, hi int) {
	for b := lo; b <= hi; b++ {
		s.add(byte(b))
	}
}

// runeClass is a set of runes: a bit per ASCII rune, sorted ranges above.
type runeClass struct {
	ascii  [2]uint64
	ranges []rune // lo, hi pairs of the runes from 0x80 on
	// kind says, per byte, what a rune starting with it is to the class
	// (a kind below): an ASCII rune in or out, or a three-byte lead whose
	// every rune is in or out, so that step decodes and searches ranges
	// only at the other bytes.
	kind [256]uint8
	// mixed has, for a three-byte lead of kindMix3, a bit per rune of its
	// 0x1000 (word: second byte & 0x3f, bit: third byte & 0x3f), so that
	// such a rune is one load instead of a decoding and a range search.
	mixed [16]*[64]uint64 // by the lead's low four bits
}

// The kinds of runeClass.kind.
const (
	kindOut  = iota // an ASCII rune not in the class
	kindIn1         // an ASCII rune of the class
	kindIn3         // a lead 0xE1-0xEF but 0xED: its runes are all in the class
	kindOut3        // the same lead: none of its runes are in the class
	kindMix3        // the same lead, some of its runes in: a bit in mixed
	kindSlow        // decode and search the ranges
)

func newRuneClass(pairs []rune) *runeClass {
	c := &runeClass{}
	for i := 0; i+1 < len(pairs); i += 2 {
		lo, hi := pairs[i], pairs[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			c.ascii[r>>6] |= 1 << (r & 63)
		}
		if hi >= utf8.RuneSelf {
			c.ranges = append(c.ranges, max(lo, utf8.RuneSelf), hi)
		}
	}
	// ASCII: a byte of kindOut (0) or kindIn1 (1) per bit, eight at a
	// time; above, kindSlow but at the three-byte leads decided below.
	for i := 0; i < utf8.RuneSelf; i += 8 {
		binary.LittleEndian.PutUint64(c.kind[i:], bitBytes[uint8(c.ascii[i>>6]>>(i&63))])
	}
	copy(c.kind[utf8.RuneSelf:], slowKinds[:])
	// The runes of each lead 0xE1-0xEF's valid three-byte sequences
	// (0x1000 of them) that c has, from its ranges.
	var in [16]int
	for i := 0; i+1 < len(c.ranges); i += 2 {
		lo, hi := max(c.ranges[i], 0x1000), min(c.ranges[i+1], 0xffff)
		for ; lo <= hi; lo = lo&^0xfff + 0x1000 {
			in[lo>>12] += int(min(hi, lo|0xfff) - lo + 1)
		}
	}
	for b := 0xe1; b <= 0xef; b++ {
		if b == 0xed {
			continue // its valid runes stop short of the surrogates
		}
		switch in[b&0x0f] {
		case 0x1000:
			c.kind[b] = kindIn3
		case 0:
			c.kind[b] = kindOut3
		default:
			c.kind[b] = kindMix3
			c.mixed[b&0x0f] = c.leadBits(rune(b&0x0f) << 12)
		}
	}
	return c
}

// leadBits returns the bits of c's runes of base to base+0xfff, a word
// per 64 runes.
func (c *runeClass) leadBits(base rune) *[64]uint64 {
	bs := new([64]uint64)
	for i := 0; i+1 < len(c.ranges); i += 2 {
		lo, hi := max(c.ranges[i], base)-base, min(c.ranges[i+1], base+0xfff)-base
		for w := lo >> 6; w <= hi>>6 && lo <= hi; w++ {
			// The bits of lo to hi in word w.
			m := ^uint64(0)
			if w == lo>>6 {
				m <<= lo & 63
			}
			if w == hi>>6 {
				m &= ^uint64(0) >> (63 - hi&63)
			}
			bs[w] |= m
		}
	}
	return bs
}

// bitBytes spreads a byte's bits to the bytes of a word, the low bit to
// the first byte; slowKinds is the kind of every byte from 0x80 on but
// the three-byte leads.
var (
	bitBytes  = spreadBits()
	slowKinds = func() (k [256 - utf8.RuneSelf]uint8) {
		for i := range k {
			k[i] = kindSlow
		}
		return k
	}()
)

func spreadBits() (t [256]uint64) {
	for b := range t {
		for i := range 8 {
			t[b] |= uint64(b>>i&1) << (8 * i)
		}
	}
	return t
}

func (c *runeClass) has(r rune) bool {
	if r < utf8.RuneSelf {
		return c.ascii[r>>6]&(1<<(r&63)) != 0
	}
	return c.hasAbove(r)
}

// hasAbove is has for a rune from 0x80 on.
func (c *runeClass) hasAbove(r rune) bool {
	// Binary search for the first range whose end is at least r.
	lo, hi := 0, len(c.ranges)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.ranges[2*m+1] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(c.ranges)/2 && c.ranges[2*lo] <= r
}

// step returns the end of a rune of c at p in text, or -1: from the
// byte's kind alone for ASCII and for the three-byte leads whose runes
// are all in or all out (decoding only to tell a valid rune from a
// stray byte).
func (c *runeClass) step(text string, p int) int {
	if p >= len(text) {
		return -1
	}
	switch c.kind[text[p]] {
	case kindIn1:
		return p + 1
	case kindOut:
		return -1
	case kindIn3:
		if p+2 < len(text) && (text[p+1]^0x80)|(text[p+2]^0x80) < 0x40 {
			return p + 3
		}
	case kindOut3:
		if p+2 < len(text) && (text[p+1]^0x80)|(text[p+2]^0x80) < 0x40 {
			return -1
		}
	case kindMix3:
		if p+2 < len(text) {
			if s, t := text[p+1]^0x80, text[p+2]^0x80; s|t < 0x40 {
				if c.mixed[text[p]&0x0f][s]>>t&1 != 0 {
					return p + 3
				}
				return -1
			}
		}
	}
	return c.stepSlow(text, p)
}

// stepSlow is step by decoding the rune and searching the ranges, for
// a byte from 0x80 on (its rune, or the U+FFFD of a stray byte, is too).
func (c *runeClass) stepSlow(text string, p int) int {
	r, w := utf8x.RuneAt(text, p)
	if c.hasAbove(r) {
		return p + w
	}
	return -1
}

// firstBytes returns the bytes a rune of c can start with in text:
// the ASCII runes, the lead bytes of the others, and every byte from
// 0x80 when c takes U+FFFD (what an invalid byte decodes to).
func (c *runeClass) firstBytes() byteSet {
	var s byteSet
	s[0], s[1] = c.ascii[0], c.ascii[1]
	for i := 0; i < len(c.ranges); i += 2 {
		lo, hi := c.ranges[i], c.ranges[i+1]
		var a, b [utf8.UTFMax]byte
		utf8.EncodeRune(a[:], lo)
		utf8.EncodeRune(b[:], min(hi, utf8.MaxRune))
		s.addRange(int(a[0]), int(b[0]))
	}
	if c.has(utf8.RuneError) {
		s.addRange(0x80, 0xff)
	}
	return s
}

// compileTree builds the matcher of src, reporting capture group (0: the
// whole match), or returns nil when src holds something it does not
// handle.
func compileTree(src string, group int) *treeMatcher {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	c := treeCompiler{group: group, ok: true}
	start := c.compile(re, &tmNode{op: tmMatch})
	if !c.ok {
		return nil
	}
	t := &treeMatcher{start: start, group: group}
	c.firsts(start)
	for n := range c.done {
		if n.op == tmAlt {
			if n.lead = newLeadTable(n.alts); n.lead == nil {
				return nil
			}
		}
		if n.op == tmRepeat && !n.nonGreed && !n.next.empty {
			f := n.cls.firstBytes()
			n.noGiveBack = f[0]&n.next.first[0]|f[1]&n.next.first[1]|f[2]&n.next.first[2]|f[3]&n.next.first[3] == 0
		}
	}
	t.first, t.anyStart = start.first, start.empty
	for b := range t.starts {
		t.starts[b] = t.first.has(byte(b))
	}
	if !t.anyStart {
		var a afterFirst
		a.walk(start, 0)
		t.second, t.hasSecond = a.set, a.ok && !a.any
		for b := range t.seconds {
			t.seconds[b] = t.second.has(byte(b))
		}
	}
	return t
}

type treeCompiler struct {
	group int
	ok    bool
	done  map[*tmNode]bool // nodes whose first is known (or being found)
}

// compile returns the entry of a graph that matches re and goes on to
// next.
func (c *treeCompiler) compile(re *syntax.Regexp, next *tmNode) *tmNode {
	if !c.ok {
		return next
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
		return next
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || slices.Contains(re.Rune, utf8.RuneError) {
			break
		}
		if len(re.Rune) == 0 {
			return next
		}
		return newLitNode(string(re.Rune), next)
	case syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		if cls := classOf(re); cls != nil {
			return &tmNode{op: tmClass, cls: cls, next: next}
		}
	case syntax.OpBeginText:
		return &tmNode{op: tmBegin, next: next}
	case syntax.OpEndText:
		return &tmNode{op: tmEnd, next: next}
	case syntax.OpWordBoundary:
		return &tmNode{op: tmWord, next: next}
	case syntax.OpNoWordBoundary:
		return &tmNode{op: tmNotWord, next: next}
	case syntax.OpCapture:
		if re.Cap != c.group || c.group == 0 {
			return c.compile(re.Sub[0], next)
		}
		end := &tmNode{op: tmSave, slot: 1, next: next}
		return &tmNode{op: tmSave, slot: 0, next: c.compile(re.Sub[0], end)}
	case syntax.OpConcat:
		for i := len(re.Sub) - 1; i >= 0; i-- {
			next = c.compile(re.Sub[i], next)
		}
		return next
	case syntax.OpAlternate:
		alt := &tmNode{op: tmAlt}
		for _, sub := range re.Sub {
			alt.alts = append(alt.alts, c.compile(sub, next))
		}
		return alt
	case syntax.OpQuest:
		return c.optional(re.Sub[0], re.Flags&syntax.NonGreedy != 0, next)
	case syntax.OpStar:
		return c.repeat(re.Sub[0], 0, -1, re.Flags&syntax.NonGreedy != 0, next)
	case syntax.OpPlus:
		return c.repeat(re.Sub[0], 1, -1, re.Flags&syntax.NonGreedy != 0, next)
	case syntax.OpRepeat:
		return c.repeat(re.Sub[0], re.Min, re.Max, re.Flags&syntax.NonGreedy != 0, next)
	}
	c.ok = false
	return next
}

// newLitNode returns a tmLit node of lit going on to next.
func newLitNode(lit string, next *tmNode) *tmNode {
	n := &tmNode{op: tmLit, lit: lit, next: next}
	for i := 0; i < len(lit) && i < 8; i++ {
		n.litWord |= uint64(lit[i]) << (8 * i)
		n.litMask |= 0xff << (8 * i)
	}
	return n
}

// optional matches sub or nothing, in the order the flag says.
func (c *treeCompiler) optional(sub *syntax.Regexp, nonGreedy bool, next *tmNode) *tmNode {
	alt := &tmNode{op: tmAlt, alts: []*tmNode{c.compile(sub, next), next}}
	if nonGreedy {
		alt.alts[0], alt.alts[1] = alt.alts[1], alt.alts[0]
	}
	return alt
}

// repeat matches sub min to max times (max < 0: no bound). One rune
// repeated becomes a tmRepeat; anything else is unrolled as
// regexp/syntax's Simplify does (x{2,4} is xx(x(x)?)?), with a loop for
// no bound.
func (c *treeCompiler) repeat(sub *syntax.Regexp, min, max int, nonGreedy bool, next *tmNode) *tmNode {
	if cls := classOf(sub); cls != nil {
		return &tmNode{op: tmRepeat, cls: cls, min: min, max: max, nonGreed: nonGreedy, next: next,
			clsTakesError: cls.has(utf8.RuneError)}
	}
	if max > 1000 || min > 1000 {
		c.ok = false
		return next
	}
	var tail *tmNode
	if max < 0 {
		// A loop: an alternative between another sub and what follows.
		// A sub that can match nothing could loop without moving; the
		// regexp has its own rules for that, so such patterns are left
		// to it.
		if canBeEmpty(sub) {
			c.ok = false
			return next
		}
		loop := &tmNode{op: tmAlt}
		loop.alts = []*tmNode{c.compile(sub, loop), next}
		if nonGreedy {
			loop.alts[0], loop.alts[1] = loop.alts[1], loop.alts[0]
		}
		tail = loop
	} else {
		tail = next
		for i := min; i < max; i++ {
			tail = c.optional(sub, nonGreedy, tail)
		}
	}
	for i := 0; i < min; i++ {
		tail = c.compile(sub, tail)
	}
	return tail
}

// classOf returns the runes re matches when it matches exactly one
// rune, or nil.
func classOf(re *syntax.Regexp) *runeClass {
	switch re.Op {
	case syntax.OpCharClass:
		return newRuneClass(re.Rune)
	case syntax.OpAnyCharNotNL:
		return newRuneClass([]rune{0, '\n' - 1, '\n' + 1, utf8.MaxRune})
	case syntax.OpAnyChar:
		return newRuneClass([]rune{0, utf8.MaxRune})
	case syntax.OpLiteral:
		if len(re.Rune) == 1 && re.Flags&syntax.FoldCase == 0 && re.Rune[0] != utf8.RuneError {
			return newRuneClass([]rune{re.Rune[0], re.Rune[0]})
		}
	}
	return nil
}

// canBeEmpty reports whether re can match without taking a rune
// (erring towards yes).
func canBeEmpty(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return canBeEmpty(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || canBeEmpty(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !canBeEmpty(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		return slices.ContainsFunc(re.Sub, canBeEmpty)
	}
	return true
}

// firsts fills in first and empty for n and every node it reaches.
func (c *treeCompiler) firsts(n *tmNode) {
	if c.done == nil {
		c.done = map[*tmNode]bool{}
	}
	if c.done[n] {
		return
	}
	c.done[n] = true
	// Meanwhile a loop back to n (through a sub that takes a rune before
	// it gets back) sees every byte: never too few.
	n.empty = true
	n.first = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	var first byteSet
	empty := false
	through := func(m *tmNode) {
		c.firsts(m)
		first.union(&m.first)
		empty = empty || m.empty
	}
	switch n.op {
	case tmMatch:
		empty = true
	case tmLit:
		c.firsts(n.next)
		first.add(n.lit[0])
	case tmClass:
		c.firsts(n.next)
		first = n.cls.firstBytes()
	case tmRepeat:
		first = n.cls.firstBytes()
		if n.min == 0 {
			through(n.next)
		} else {
			c.firsts(n.next)
		}
	case tmAlt:
		for _, a := range n.alts {
			through(a)
		}
	default: // tmSave and the assertions take no byte
		through(n.next)
	}
	n.first, n.empty = first, empty
}

// leadTable lists a tmAlt's alternatives by the byte at hand: those
// for byte b (256: the end of the text) are list[at[b]:at[b+1]], in
// order. run picks them by the byte instead of testing every
// alternative's first.
type leadTable struct {
	at   [258]uint16
	list []*tmNode
}

// newLeadTable lists each alternative for the bytes it can start with,
// and for every byte and the end of the text when it can match nothing.
// It returns nil when the list could outgrow its uint16 offsets.
func newLeadTable(alts []*tmNode) *leadTable {
	if len(alts)*257 > math.MaxUint16 {
		return nil
	}
	// Count each byte's alternatives in the next byte's offset, then sum.
	lt := &leadTable{}
	for _, a := range alts {
		a.eachLead(func(b int) { lt.at[b+1]++ })
	}
	for b := 1; b < len(lt.at); b++ {
		lt.at[b] += lt.at[b-1]
	}
	n := lt.at[len(lt.at)-1]
	lt.list = make([]*tmNode, n)
	fill := lt.at
	for _, a := range alts {
		a.eachLead(func(b int) {
			lt.list[fill[b]] = a
			fill[b]++
		})
	}
	return lt
}

// eachLead calls f with each byte a match from n can start with, or
// with every byte and 256 when it can match nothing.
func (n *tmNode) eachLead(f func(b int)) {
	if n.empty {
		for b := 0; b <= 256; b++ {
			f(b)
		}
		return
	}
	for w, word := range n.first {
		for ; word != 0; word &= word - 1 {
			f(w*64 + bits.TrailingZeros64(word))
		}
	}
}

// afterFirst finds the bytes a match can hold right after its first rune
// when it does not start at the start of the text (where ^ holds): for
// (?:^|[^a-z])(a|one), a, o. Each node's first is known.
type afterFirst struct {
	set byteSet
	any bool // anything may follow the first rune (or nothing)
	ok  bool // set when walk met nothing it cannot follow
}

// after adds what can follow a rune that leaves the match at next.
func (a *afterFirst) after(next *tmNode) {
	a.set.union(&next.first)
	a.any = a.any || next.empty
}

func (a *afterFirst) walk(n *tmNode, depth int) {
	if depth == 0 {
		a.ok = true
	}
	if depth > 64 {
		a.ok = false
		return
	}
	switch n.op {
	case tmMatch:
		a.ok = false // an empty match: nothing to check
	case tmLit:
		if _, w := utf8.DecodeRuneInString(n.lit); w < len(n.lit) {
			a.set.add(n.lit[w])
		} else {
			a.after(n.next)
		}
	case tmClass:
		a.after(n.next)
	case tmRepeat:
		if n.min == 0 {
			a.walk(n.next, depth+1) // no rune of the class
		}
		if n.max != 1 {
			s := n.cls.firstBytes()
			a.set.union(&s)
		}
		if n.min <= 1 {
			a.after(n.next)
		}
	case tmAlt:
		for _, alt := range n.alts {
			a.walk(alt, depth+1)
		}
	case tmBegin:
		// Holds only at the text's start, which is always tried.
	default: // tmSave, tmEnd and \b, \B take no rune
		a.walk(n.next, depth+1)
	}
}

// tmRun is the state of one findAll.
type tmRun struct {
	text  string
	group [2]int // where the reported group starts and ends
	steps int    // nodes left to visit before giving up
}

// appendHits appends the hits of class in text[from:to] to dst as
// pattern.find does with the regexp's matches. It returns false, and dst
// unchanged, when the walk gave up: the regexp must run instead.
func (t *treeMatcher) appendHits(text string, from, to, class int, dst []Hit) ([]Hit, bool) {
	r := tmRun{text: text[from:to], steps: 64*(to-from) + 4096}
	first := len(dst)
	// The loop of regexp's allMatches: after an empty match, the next
	// search starts a rune further on. (It also drops an empty match
	// right after another match; an empty match makes no hit anyway.)
	for pos := 0; pos <= len(r.text); {
		s, e := t.search(&r, pos)
		if r.steps < 0 {
			return dst[:first], false
		}
		if s < 0 {
			break
		}
		if e == pos {
			if pos < len(r.text) {
				_, w := utf8x.RuneAt(r.text, pos)
				pos += w
			} else {
				pos++
			}
		} else {
			pos = e
		}
		if t.group > 0 && r.group[0] >= 0 {
			s, e = r.group[0], r.group[1]
		}
		if e > s {
			dst = append(dst, Hit{Class: class, Start: from + s, End: from + e, Term: -1})
		}
	}
	return dst, true
}

// appendNear is appendHits over the whole text for a pattern whose every
// match starts in one of spans (sorted and apart, each from a rune's first
// byte to its end included): it tries the places in them alone, rune by
// rune as search steps, instead of searching the text between them. From
// a rune's first byte, the steps stop where the search's would.
func (t *treeMatcher) appendNear(text string, spans []span, class int, dst []Hit) ([]Hit, bool) {
	r := tmRun{text: text, steps: 64*len(text) + 4096}
	first := len(dst)
	// pos is where appendHits's search would start: the rules for empty
	// matches compare with it.
	pos := 0
	for _, sp := range spans {
		for p := max(sp.start, pos); p <= sp.end && p < len(text); {
			try := t.anyStart
			if !try {
				// Bytes skipped one by one, as search skips them.
				for p < sp.end && !t.starts[text[p]] {
					p++
				}
				c := text[p]
				try = t.starts[c]
				if try && t.hasSecond && p > 0 {
					if c < utf8.RuneSelf && p+1 < len(text) {
						try = t.seconds[text[p+1]]
					} else {
						try = t.secondOK(text, p)
					}
				}
			}
			if try {
				r.group = [2]int{-1, -1}
				e := t.run(&r, t.start, p)
				if r.steps < 0 {
					return dst[:first], false
				}
				if e >= 0 {
					s := p
					if e == pos {
						_, w := utf8x.RuneAt(text, pos)
						pos += w
					} else {
						pos = e
					}
					if t.group > 0 && r.group[0] >= 0 {
						s, e = r.group[0], r.group[1]
					}
					if e > s {
						dst = append(dst, Hit{Class: class, Start: s, End: e, Term: -1})
					}
					p = pos
					continue
				}
			}
			if c := text[p]; c < utf8.RuneSelf {
				p++
			} else {
				_, w := utf8x.Rune3At(text, p)
				if w == 0 {
					_, w = utf8x.RuneAt(text, p)
				}
				p += w
			}
		}
	}
	return dst, true
}

// search returns the leftmost match starting at pos or after, or -1.
func (t *treeMatcher) search(r *tmRun, pos int) (int, int) {
	text := r.text
	for pos <= len(text) {
		if !t.anyStart {
			// Skipping bytes one by one stops only where the regexp's
			// rune steps stop too: an ASCII byte is a rune, and from a
			// lead byte the skip goes on over its continuation bytes,
			// which are not in first unless every byte from 0x80 is
			// (a class that takes the U+FFFD of a stray byte).
			for pos < len(text) && !t.starts[text[pos]] {
				pos++
			}
			if pos == len(text) {
				return -1, -1
			}
		}
		try := t.anyStart
		if !try {
			c := text[pos] // pos < len(text): the skip returned otherwise
			try = t.starts[c]
			if try && t.hasSecond && pos > 0 {
				if c < utf8.RuneSelf && pos+1 < len(text) {
					try = t.seconds[text[pos+1]]
				} else {
					try = t.secondOK(text, pos)
				}
			}
		}
		if try {
			r.group = [2]int{-1, -1}
			if e := t.run(r, t.start, pos); e >= 0 {
				return pos, e
			}
			if r.steps < 0 {
				return -1, -1
			}
		}
		if pos == len(text) {
			break
		}
		if c := text[pos]; c < utf8.RuneSelf {
			pos++
		} else {
			_, w := utf8x.Rune3At(text, pos)
			if w == 0 {
				_, w = utf8x.RuneAt(text, pos)
			}
			pos += w
		}
	}
	return -1, -1
}

// secondOK reports whether the byte after the rune at pos can follow a
// match's first rune, when hasSecond and pos > 0 (at the text's start
// it always can). search tests an ASCII rune's next byte itself.
func (t *treeMatcher) secondOK(text string, pos int) bool {
	w := 1
	if text[pos] >= utf8.RuneSelf {
		if _, w = utf8x.Rune3At(text, pos); w == 0 {
			_, w = utf8x.RuneAt(text, pos)
		}
	}
	return pos+w < len(text) && t.seconds[text[pos+w]]
}

// run returns the end of the first match of the graph from n at pos in
// the order of preference, or -1.
func (t *treeMatcher) run(r *tmRun, n *tmNode, pos int) int {
	text := r.text
	for {
		if r.steps--; r.steps < 0 {
			return -1
		}
		switch n.op {
		case tmMatch:
			return pos
		case tmLit:
			if len(text)-pos >= 8 && len(n.lit) <= 8 {
				if (swar.Load8(text[pos:])^n.litWord)&n.litMask != 0 {
					return -1
				}
			} else if len(text)-pos < len(n.lit) || text[pos:pos+len(n.lit)] != n.lit {
				return -1
			}
			pos += len(n.lit)
		case tmClass:
			if pos = n.cls.step(text, pos); pos < 0 {
				return -1
			}
		case tmRepeat:
			return t.repeat(r, n, pos)
		case tmAlt:
			// The last alternative that can start here goes on in this
			// loop; the others are tried in calls that can fail.
			b := 256
			if pos < len(text) {
				b = int(text[pos])
			}
			alts := n.lead.list[n.lead.at[b]:n.lead.at[b+1]]
			if len(alts) == 0 {
				return -1
			}
			for _, a := range alts[:len(alts)-1] {
				if a.op == tmLit && len(text)-pos >= 8 && len(a.lit) <= 8 {
					// A short literal is tested here, and the call
					// made only when it holds: most do not. The
					// steps are counted as run counts them.
					if r.steps--; r.steps < 0 {
						return -1
					}
					if (swar.Load8(text[pos:])^a.litWord)&a.litMask != 0 {
						continue
					}
					if e := t.run(r, a.next, pos+len(a.lit)); e >= 0 || r.steps < 0 {
						return e
					}
					continue
				}
				if e := t.run(r, a, pos); e >= 0 || r.steps < 0 {
					return e
				}
			}
			n = alts[len(alts)-1]
			continue
		case tmSave:
			old := r.group[n.slot]
			r.group[n.slot] = pos
			if e := t.run(r, n.next, pos); e >= 0 {
				return e
			}
			r.group[n.slot] = old
			return -1
		case tmBegin:
			if pos != 0 {
				return -1
			}
		case tmEnd:
			if pos != len(text) {
				return -1
			}
		case tmWord, tmNotWord:
			before := pos > 0 && isWordByte(text[pos-1])
			after := pos < len(text) && isWordByte(text[pos])
			if (before != after) != (n.op == tmWord) {
				return -1
			}
		}
		n = n.next
	}
}

// repeat runs a tmRepeat node at pos: the most runes first, or the
// fewest when it is not greedy.
func (t *treeMatcher) repeat(r *tmRun, n *tmNode, pos int) int {
	text, cls := r.text, n.cls
	if n.nonGreed {
		count := 0
		for ; count < n.min; count++ {
			if pos = cls.step(text, pos); pos < 0 {
				return -1
			}
		}
		for {
			if e := t.run(r, n.next, pos); e >= 0 || r.steps < 0 {
				return e
			}
			if n.max >= 0 && count == n.max {
				return -1
			}
			if pos = cls.step(text, pos); pos < 0 {
				return -1
			}
			count++
			r.steps--
		}
	}
	// Greedy: take as many runes as there are, then give them back one by
	// one. Valid runes are given back by stepping back over continuation
	// bytes; a stray byte taken as U+FFFD cannot be, so a run that took
	// one goes again with a list of ends.
	start, count := pos, 0
	if len(cls.ranges) == 0 {
		// An ASCII class: a byte at a time, to a known end.
		end := len(text)
		if n.max >= 0 && n.max < end-pos {
			end = pos + n.max
		}
		for pos < end && cls.kind[text[pos]] == kindIn1 {
			pos++
		}
		count = pos - start
	} else {
	runes:
		for ; (n.max < 0 || count < n.max) && pos < len(text); count++ {
			switch cls.kind[text[pos]] {
			case kindIn1:
				pos++
				continue
			case kindIn3:
				if pos+2 < len(text) && (text[pos+1]^0x80)|(text[pos+2]^0x80) < 0x40 {
					pos += 3
					continue
				}
			case kindMix3: // step's test, here to save its call
				if pos+2 < len(text) {
					if c1, c2 := text[pos+1]^0x80, text[pos+2]^0x80; c1|c2 < 0x40 {
						if cls.mixed[text[pos]&0x0f][c1]>>c2&1 == 0 {
							break runes
						}
						pos += 3
						continue
					}
				}
			}
			p := cls.step(text, pos)
			if p < 0 {
				break
			}
			if p == pos+1 && text[pos] >= utf8.RuneSelf {
				return t.repeatEnds(r, n, start)
			}
			pos = p
		}
	}
	next := n.next
	if n.noGiveBack {
		if count >= n.min && pos < len(text) && next.first.has(text[pos]) {
			return t.run(r, next, pos)
		}
		return -1
	}
	for ; count >= n.min; count-- {
		if next.empty || pos < len(text) && next.first.has(text[pos]) {
			if e := t.run(r, next, pos); e >= 0 || r.steps < 0 {
				return e
			}
		}
		r.steps--
		if pos > start {
			// The runes taken are valid: a byte below 0x80 is one, and a
			// three-byte lead three bytes back is its rune's (the bytes
			// after it are continuation bytes, which no rune ends on).
			switch {
			case text[pos-1] < utf8.RuneSelf:
				pos--
			case pos-3 >= start && text[pos-3]&0xf0 == 0xe0:
				pos -= 3
			default:
				pos--
				for pos > start && !utf8.RuneStart(text[pos]) {
					pos--
				}
			}
		}
	}
	return -1
}

// repeatEnds is the greedy repeat of a class that took a stray byte as
// U+FFFD: it keeps the end of every rune to give them back from the last.
func (t *treeMatcher) repeatEnds(r *tmRun, n *tmNode, pos int) int {
	text, cls := r.text, n.cls
	var buf [32]int
	ends := append(buf[:0], pos)
	for count := 0; n.max < 0 || count < n.max; count++ {
		p := cls.step(text, pos)
		if p < 0 {
			break
		}
		pos = p
		ends = append(ends, pos)
	}
	next := n.next
	for k := len(ends) - 1; k >= n.min; k-- {
		if p := ends[k]; next.empty || p < len(text) && next.first.has(text[p]) {
			if e := t.run(r, next, p); e >= 0 || r.steps < 0 {
				return e
			}
		}
		r.steps--
	}
	return -1
}

// isWordByte reports the bytes \b counts as word characters.
func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_'
}
