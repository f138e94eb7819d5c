package lexicon

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/utf8x"
)

// A pattern whose match can run any length ahead of its literal
// ("\d+(\.\d+)?%的(女性|人)", "\b[a-z]+, [1-9][0-9],") used to run on
// everything before the literal: with 人 in most Chinese sentences that
// was most of the regex time. What a match can hold on that side is
// usually a few runes (digits, %, 的), and the text next to a literal
// rarely is one of them. A reach says what a match may hold on one side of
// its literal: any number of the runes in its set, plus at most other
// bytes of any rune. Walking outwards from a literal while the text stays
// within its reach bounds the window to where a match can be.

// reach is what a match may hold on one side of a literal. It also says
// the fewest bytes a match holds there: a walk that stops short of them
// (人 after 很多, where \d+% must come) leaves no window at all.
type reach struct {
	runes []rune // sorted, disjoint ranges lo, hi (as syntax.Regexp.Rune)
	other int    // bytes of runes outside runes; -1: unbounded (no walk)
	least int    // bytes a match holds at the least
	// spaces is the most spaces a match holds (-1: any number): a walk
	// through English words stops after that many, where the set of
	// runes ([a-z -]) would let it run to the end of the clause.
	spaces int
	// ascii has a bit per ASCII rune of runes (see indexed): most of
	// a walk through English text is bytes below 0x80, tested without a
	// search.
	ascii [2]uint64
	// above has bit r&63 set for every rune r from 0x80 on in runes: a
	// rune whose bit is clear (most Han characters next to a literal) is
	// out of the set without a search.
	above uint64
}

// indexed returns x with ascii and above set from runes; back and forth
// read them.
func (x reach) indexed() reach {
	x.ascii, x.above = [2]uint64{}, 0
	for i := 0; i+1 < len(x.runes); i += 2 {
		for r := max(x.runes[i], 0); r <= x.runes[i+1] && r < utf8.RuneSelf; r++ { // max: a damaged snapshot may hold anything
			x.ascii[r>>6] |= 1 << (r & 63)
		}
		lo, hi := max(x.runes[i], utf8.RuneSelf), x.runes[i+1]
		switch {
		case hi < lo:
		case hi-lo >= 63:
			x.above = ^uint64(0)
		default:
			for r := lo; r <= hi; r++ {
				x.above |= 1 << (r & 63)
			}
		}
	}
	return x
}

// maxReachRunes bounds the runes a character class may add to a reach's
// set; a larger class ([^,。]) counts towards other instead.
const maxReachRunes = 256

// reachOf is the reach of everything a match of re may hold.
func reachOf(re *syntax.Regexp) reach {
	switch re.Op {
	case syntax.OpLiteral:
		var runes []rune
		least := 0
		for _, r := range re.Rune {
			runes = append(runes, r, r)
			n := utf8.RuneLen(r)
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					runes = append(runes, f, f)
					n = min(n, utf8.RuneLen(f))
				}
			}
			if r == utf8.RuneError {
				n = 1 // a byte that is not UTF-8 matches it
			}
			least += max(n, 1)
		}
		return reach{runes: normRanges(runes), least: least, spaces: strings.Count(string(re.Rune), " ")}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return reach{} // matches nothing
		}
		least := max(utf8.RuneLen(re.Rune[0]), 1)
		if (&reach{runes: re.Rune}).inRanges(utf8.RuneError) {
			least = 1 // a byte that is not UTF-8 matches U+FFFD
		}
		spaces := 0
		if (&reach{runes: re.Rune}).inRanges(' ') {
			spaces = 1
		}
		if classSize(re.Rune) <= maxReachRunes {
			return reach{runes: normRanges(slices.Clone(re.Rune)), least: least, spaces: spaces}
		}
		return reach{other: maxLen(re), least: least, spaces: spaces}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return reach{other: utf8.UTFMax, least: 1, spaces: 1}
	case syntax.OpCapture:
		return reachOf(re.Sub[0])
	case syntax.OpQuest:
		return repeated(reachOf(re.Sub[0]), 0, 1)
	case syntax.OpStar:
		return repeated(reachOf(re.Sub[0]), 0, -1)
	case syntax.OpPlus:
		return repeated(reachOf(re.Sub[0]), 1, -1)
	case syntax.OpRepeat:
		return repeated(reachOf(re.Sub[0]), re.Min, re.Max)
	case syntax.OpConcat:
		return seqReach(re.Sub)
	case syntax.OpAlternate:
		out := reachOf(re.Sub[0])
		for _, sub := range re.Sub[1:] {
			out = either(out, reachOf(sub))
		}
		return out
	}
	return reach{} // empty matches and assertions hold nothing
}

// seqReach is the reach of a sequence of pieces.
func seqReach(subs []*syntax.Regexp) reach {
	var out reach
	for _, sub := range subs {
		out = both(out, reachOf(sub))
	}
	return out
}

// repeated is the reach of lo to hi repetitions of r (hi -1: unbounded).
func repeated(r reach, lo, hi int) reach {
	r.least *= lo
	if hi < 0 {
		if r.other != 0 {
			r.other = -1
		}
		if r.spaces != 0 {
			r.spaces = -1
		}
		return r
	}
	r.other = mul(hi, r.other)
	r.spaces = mul(hi, r.spaces)
	return r
}

// both is the reach of a and b in sequence; either that of one or the other.
func both(a, b reach) reach {
	return reach{runes: unionRanges(a.runes, b.runes), other: add(a.other, b.other), least: a.least + b.least,
		spaces: add(a.spaces, b.spaces)}
}

func either(a, b reach) reach {
	return reach{runes: unionRanges(a.runes, b.runes), other: maxBound(a.other, b.other), least: min(a.least, b.least),
		spaces: maxBound(a.spaces, b.spaces)}
}

func classSize(ranges []rune) int {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
	}
	return n
}

func unionRanges(a, b []rune) []rune {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	return normRanges(append(slices.Clone(a), b...))
}

// normRanges sorts pairs lo, hi and merges those that overlap or touch.
func normRanges(r []rune) []rune {
	type pair struct{ lo, hi rune }
	ps := make([]pair, 0, len(r)/2)
	for i := 0; i+1 < len(r); i += 2 {
		ps = append(ps, pair{r[i], r[i+1]})
	}
	slices.SortFunc(ps, func(a, b pair) int { return int(a.lo - b.lo) })
	out := r[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && p.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], p.hi)
			continue
		}
		out = append(out, p.lo, p.hi)
	}
	return out
}

// inRanges reports whether r is in the reach's set, by a search of runes
// alone. back and forth test a rune by its bits first (ascii, above) and
// search only when above has its bit: that test is written out in both,
// as a function it does not inline (cost 91 over 80; kept out of line it
// cost 0.27% more instructions in a whole run), and TestWalksTestRunesAsRanges
// checks both against inRanges.
func (x *reach) inRanges(r rune) bool {
	lo, hi := 0, len(x.runes)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < x.runes[2*m]:
			hi = m
		case r > x.runes[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// back returns the furthest offset before from that a match holding the
// literal at from can start at: text[start:from] is within the reach
// (its runes, other bytes and spaces) and, when limit ≥ 0, at most limit
// bytes long.
func (x *reach) back(text string, from, limit int) int {
	i, other, spaces := from, 0, 0
	for i > 0 {
		r, n := rune(text[i-1]), 1
		if r >= utf8.RuneSelf {
			if r, n = utf8x.Rune3Before(text, i); n == 0 {
				r, n = utf8x.RuneBefore(text, i)
			}
		}
		if limit >= 0 && from-(i-n) > limit {
			break
		}
		if r == ' ' {
			if spaces == x.spaces {
				break
			}
			spaces++
		}
		if r >= utf8.RuneSelf && (x.above&(1<<(r&63)) == 0 || !x.inRanges(r)) || r < utf8.RuneSelf && x.ascii[r>>6]&(1<<(r&63)) == 0 { // r is not in the set
			if other+n > x.other {
				break
			}
			other += n
		}
		i -= n
	}
	return i
}

// forth is back's mirror: the furthest offset after from that a match
// holding the literal ending at from can end at.
func (x *reach) forth(text string, from, limit int) int {
	i, other, spaces := from, 0, 0
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if r, n = utf8x.Rune3At(text, i); n == 0 {
				r, n = utf8x.RuneAt(text, i)
			}
		}
		if limit >= 0 && i+n-from > limit {
			break
		}
		if r == ' ' {
			if spaces == x.spaces {
				break
			}
			spaces++
		}
		if r >= utf8.RuneSelf && (x.above&(1<<(r&63)) == 0 || !x.inRanges(r)) || r < utf8.RuneSelf && x.ascii[r>>6]&(1<<(r&63)) == 0 { // r is not in the set
			if other+n > x.other {
				break
			}
			other += n
		}
		i += n
	}
	return i
}

// next is what a match can hold right after a window literal: one of the
// runes of set, or nothing, where null allows (" study" in "a … study" is
// followed by ",", ".", ";", ":" or " ", or ends the text, never "trials"
// or "studying"). An occurrence the text follows otherwise is no match's,
// and no run is made around it.
type next struct {
	set  reach // runes alone, indexed (ascii, above)
	null int   // nextNone, nextAtEnd or nextAny
}

// Where a match may hold nothing after the literal: nowhere; at the end
// of the text alone ($); anywhere (the match may end there, or an
// assertion such as \b comes next, which next does not follow).
const (
	nextNone = iota
	nextAtEnd
	nextAny
)

// allows reports whether a match can hold the literal ending at end.
// Only an ASCII byte is tested against the set: a rune from 0x80 on is
// allowed when the set holds any, as decoding and searching it would
// cost more than the walks of the reach it spares.
func (x *next) allows(text string, end int) bool {
	switch {
	case x.null == nextAny:
		return true
	case end >= len(text):
		return x.null == nextAtEnd
	case text[end] < utf8.RuneSelf:
		c := text[end]
		return x.set.ascii[c>>6]&(1<<(c&63)) != 0
	}
	return x.set.above != 0 // U+FFFD, which a byte that is not UTF-8 matches, is from 0x80 too
}

// nextAnything is next for a literal anything may follow.
var nextAnything = next{null: nextAny}

// then is what follows in a, then b.
func (a next) then(b next) next {
	switch a.null {
	case nextNone:
		return a
	case nextAtEnd:
		if b.null == nextNone {
			return next{set: a.set} // b cannot be empty at the end
		}
		return a
	}
	return next{set: reach{runes: unionRanges(a.set.runes, b.set.runes)}, null: b.null}
}

// or is what follows in a or in b.
func (a next) or(b next) next {
	return next{set: reach{runes: unionRanges(a.set.runes, b.set.runes)}, null: max(a.null, b.null)}
}

// firstOf is what a match of re starts with.
func firstOf(re *syntax.Regexp) next {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nextAnything
		}
		r := re.Rune[0]
		runes := []rune{r, r}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				runes = append(runes, f, f)
			}
		}
		return next{set: reach{runes: normRanges(runes)}}
	case syntax.OpCharClass:
		return next{set: reach{runes: slices.Clone(re.Rune)}}
	case syntax.OpAnyCharNotNL:
		return next{set: reach{runes: []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}}}
	case syntax.OpCapture, syntax.OpPlus:
		return firstOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return firstOf(re.Sub[0])
		}
		return next{set: firstOf(re.Sub[0]).set, null: nextAny}
	case syntax.OpStar, syntax.OpQuest:
		return next{set: firstOf(re.Sub[0]).set, null: nextAny}
	case syntax.OpConcat:
		return seqFirst(re.Sub)
	case syntax.OpAlternate:
		out := firstOf(re.Sub[0])
		for _, sub := range re.Sub[1:] {
			out = out.or(firstOf(sub))
		}
		return out
	case syntax.OpNoMatch:
		return next{}
	case syntax.OpEndText:
		return next{null: nextAtEnd}
	case syntax.OpEndLine:
		return next{set: reach{runes: []rune{'\n', '\n'}}, null: nextAtEnd}
	}
	return nextAnything // empty matches, other assertions, anything else
}

// seqFirst is what a match of the pieces in sequence starts with.
func seqFirst(subs []*syntax.Regexp) next {
	out := nextAnything
	for _, sub := range subs {
		out = out.then(firstOf(sub))
	}
	return out
}
