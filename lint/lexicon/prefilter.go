package lexicon

import (
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Running every pattern over every sentence dominated linting time, and
// most patterns cannot match most sentences: "相当于人类\d+岁" needs
// 相当于人类. requiredClauses derives from a pattern's syntax tree the
// literals its matches must contain; the automaton scans for them along
// with the terms, and a pattern runs only on a sentence where every one of
// its clauses is satisfied. The clauses also bound how far a match reaches
// around its literal, so that the pattern runs on windows rather than the
// whole sentence. Tests hold all of this to what running every pattern on
// every whole text finds.

// clause is a set of literals at least one of which every match contains,
// with bounds on where: a match holds at most before bytes ahead of the
// literal and after bytes behind it (unbounded: -1). The bounds let a
// pattern run on a window around the literals instead of the whole
// sentence (see Lexicon.Match).
type clause struct {
	lits          []string
	before, after int
	// What a match holds before and after the literal (reach.go): a
	// tighter bound than the bytes where a side is unbounded.
	ahead, behind reach
	// next is what a match holds right after the literal (reach.go).
	next next
}

// maxClauses bounds the clauses kept per pattern (tracked in a 64-bit mask).
const maxClauses = 8

// maxClassLiterals bounds how many single-rune literals a character class
// may stand for ([降减少] gives three); larger classes give no clause.
const maxClassLiterals = 8

// requiredClauses returns clauses every match of re satisfies. No clauses
// means nothing is required and the pattern must always run.
func requiredClauses(re *syntax.Regexp) []clause {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			s = strings.ToLower(s)
		}
		if s != "" {
			return []clause{{lits: []string{s}, next: nextAnything}}
		}
	case syntax.OpCharClass:
		if digitsOnly(re) {
			return []clause{{lits: []string{digitLiteral}, next: nextAnything}}
		}
		if lits, ok := classLiterals(re); ok {
			return []clause{{lits: lits, next: nextAnything}}
		}
	case syntax.OpCapture:
		return requiredClauses(re.Sub[0])
	case syntax.OpPlus, syntax.OpRepeat:
		if re.Op == syntax.OpRepeat && re.Min < 1 {
			return nil
		}
		// Any repetition may hold the literal: the others widen the bounds.
		other := -1
		if re.Op == syntax.OpRepeat && re.Max >= 0 {
			other = mul(re.Max-1, maxLen(re.Sub[0]))
		}
		// The literal may be in the first repetition or the last: the
		// others may all be on either side, or none.
		others := repeated(reachOf(re.Sub[0]), 0, -1)
		if re.Op == syntax.OpRepeat && re.Max >= 0 {
			others = repeated(reachOf(re.Sub[0]), 0, re.Max-1)
		}
		// next stays that of the literal in the last repetition, which
		// what follows the repetition follows: the bounds hold for any.
		var out []clause
		for _, c := range requiredClauses(re.Sub[0]) {
			out = append(out, clause{lits: c.lits, before: add(c.before, other), after: add(c.after, other),
				ahead: both(c.ahead, others), behind: both(c.behind, others), next: c.next})
		}
		return out
	case syntax.OpConcat:
		var all []clause
		for i, sub := range re.Sub {
			ahead, behind := spanLen(re.Sub[:i]), spanLen(re.Sub[i+1:])
			aheadReach, behindReach := seqReach(re.Sub[:i]), seqReach(re.Sub[i+1:])
			rest := seqFirst(re.Sub[i+1:])
			for _, c := range requiredClauses(sub) {
				all = append(all, clause{lits: c.lits, before: add(c.before, ahead), after: add(c.after, behind),
					ahead: both(c.ahead, aheadReach), behind: both(c.behind, behindReach), next: c.next.then(rest)})
			}
		}
		return append(all, joinedClauses(re.Sub)...)
	case syntax.OpAlternate:
		// One clause: each branch's most selective clause, joined.
		var union clause
		for i, sub := range re.Sub {
			best, ok := mostSelective(requiredClauses(sub))
			if !ok {
				return nil
			}
			union.lits = append(union.lits, best.lits...)
			union.before = maxBound(union.before, best.before)
			union.after = maxBound(union.after, best.after)
			if i == 0 {
				union.ahead, union.behind, union.next = best.ahead, best.behind, best.next
				continue
			}
			union.ahead = either(union.ahead, best.ahead)
			union.behind = either(union.behind, best.behind)
			union.next = union.next.or(best.next)
		}
		return []clause{union}
	}
	return nil
}

// maxExact bounds the strings a run of adjacent pieces may spell out to be
// gated on as a whole.
const maxExact = 16

// joinedClauses gates on runs of adjacent pieces that match few exact
// strings: " (in|out of) " gives " in " and " out of ", which a sentence
// holds far less often than "in".
func joinedClauses(subs []*syntax.Regexp) []clause {
	var out []clause
	for i := 0; i < len(subs); {
		strs, ok := exact(subs[i])
		j := i + 1
		for ok && j < len(subs) {
			next, ok2 := exact(subs[j])
			if !ok2 || len(strs)*len(next) > maxExact {
				break
			}
			strs = product(strs, next)
			j++
		}
		if ok && j-i > 1 && !slices.Contains(strs, "") {
			out = append(out, clause{lits: strs, before: spanLen(subs[:i]), after: spanLen(subs[j:]),
				ahead: seqReach(subs[:i]), behind: seqReach(subs[j:]), next: seqFirst(subs[j:])})
		}
		i = j
	}
	return out
}

// exact returns the strings re matches when they are at most maxExact.
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			s = strings.ToLower(s)
		}
		return []string{s}, true
	case syntax.OpCharClass:
		return classLiterals(re)
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		strs, ok := exact(re.Sub[0])
		return append(strs, ""), ok && len(strs) < maxExact
	case syntax.OpAlternate, syntax.OpConcat:
		strs := []string{""}
		if re.Op == syntax.OpAlternate {
			strs = nil
		}
		for _, sub := range re.Sub {
			next, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if re.Op == syntax.OpAlternate {
				strs = append(strs, next...)
			} else {
				strs = product(strs, next)
			}
			if len(strs) > maxExact {
				return nil, false
			}
		}
		return strs, true
	}
	return nil, false
}

func product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// spanLen is the most bytes a sequence of pieces can take (-1: unbounded).
func spanLen(subs []*syntax.Regexp) int {
	n := 0
	for _, sub := range subs {
		n = add(n, maxLen(sub))
	}
	return n
}

// maxLen is the most bytes a match of re can take, or -1 if unbounded.
func maxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += runeBytes(r, re.Flags&syntax.FoldCase != 0)
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return utf8.RuneLen(min(re.Rune[len(re.Rune)-1], utf8.MaxRune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return -1
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		return mul(re.Max, maxLen(re.Sub[0]))
	case syntax.OpConcat:
		return spanLen(re.Sub)
	case syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			n = maxBound(n, maxLen(sub))
		}
		return n
	}
	return 0 // empty matches and assertions (^, $, \b)
}

// runeBytes is the UTF-8 length of r, or of the longest rune that matches
// it case-insensitively (K matches the three-byte Kelvin sign).
func runeBytes(r rune, fold bool) int {
	n := utf8.RuneLen(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			n = max(n, utf8.RuneLen(f))
		}
	}
	return max(n, 1)
}

// add, mul and maxBound combine byte bounds, -1 standing for unbounded.
func add(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	return a + b
}

func mul(k, n int) int {
	if n < 0 {
		return -1
	}
	return k * n
}

func maxBound(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	return max(a, b)
}

// requiredLiterals is requiredClauses reduced to its most selective clause.
func requiredLiterals(re *syntax.Regexp) ([]string, bool) {
	best, ok := mostSelective(requiredClauses(re))
	return best.lits, ok
}

// mostSelective picks the clause whose shortest literal is longest.
func mostSelective(cs []clause) (clause, bool) {
	var best clause
	bestLen := 0
	for _, c := range cs {
		if n := shortest(c.lits); n > bestLen {
			best, bestLen = c, n
		}
	}
	return best, bestLen > 0
}

// gate keeps the selective clauses of a pattern, most selective first, at
// most maxClauses of them.
func gate(cs []clause) []clause {
	var kept []clause
	for _, c := range cs {
		// The same literals twice (\d{8} is eight digit clauses) gate no
		// better than once, and would crowd out the rest.
		if selective(c.lits) && !slices.ContainsFunc(kept, func(k clause) bool { return slices.Equal(k.lits, c.lits) }) {
			kept = append(kept, c)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return shortest(kept[i].lits) > shortest(kept[j].lits) })
	// The least selective first: of two clauses that imply each other
	// (年轻|减龄 and 年轻了?|减龄了?), one stays.
	for i := len(kept) - 1; i >= 0; i-- {
		if impliedByAnother(kept[i], kept) {
			kept = slices.Delete(kept, i, i+1)
		}
	}
	if len(kept) > maxClauses {
		kept = kept[:maxClauses]
	}
	return kept
}

// impliedByAnother reports a clause that another one makes redundant: each
// literal of the other contains one of its literals (" in " beside "in"),
// so a text that meets the other meets it too, and gating on it would only
// cost the automaton a report at every "in".
func impliedByAnother(c clause, all []clause) bool {
	if slices.Contains(c.lits, digitLiteral) {
		return false // checked without the automaton
	}
	for _, other := range all {
		if slices.Equal(other.lits, c.lits) || slices.Contains(other.lits, digitLiteral) {
			continue // itself (clauses are kept once), or a digit
		}
		implied := true
		for _, o := range other.lits {
			if !slices.ContainsFunc(c.lits, func(l string) bool { return strings.Contains(o, l) }) {
				implied = false
				break
			}
		}
		if implied {
			return true
		}
	}
	return false
}

// window picks the clause to cut a pattern's windows around: one with a
// bound on both sides if any, else on one side; -1 when none is bounded
// (the pattern then runs on the whole sentence). A side is bounded in
// bytes or by its reach. A digit clause has no positions.
func window(cs []clause) int {
	best, score := -1, 0
	for i, c := range cs {
		if slices.Contains(c.lits, digitLiteral) {
			continue
		}
		s := 0
		if c.before >= 0 || c.ahead.other >= 0 {
			s++
		}
		if c.after >= 0 || c.behind.other >= 0 {
			s++
		}
		if s > score {
			best, score = i, s
		}
	}
	return best
}

// digitLiteral stands for "an ASCII digit": numbers are too varied for
// literals, but a sentence without any digit cannot match \d.
const digitLiteral = "\x00digit"

// digitsOnly reports a character class of ASCII digits only (\d, [1-9]).
func digitsOnly(re *syntax.Regexp) bool {
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i] < '0' || re.Rune[i+1] > '9' {
			return false
		}
	}
	return len(re.Rune) > 0
}

func classLiterals(re *syntax.Regexp) ([]string, bool) {
	var lits []string
	for i := 0; i+1 < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		if hi-lo >= maxClassLiterals || len(lits)+int(hi-lo)+1 > maxClassLiterals {
			return nil, false
		}
		for r := lo; r <= hi; r++ {
			lits = append(lits, string(r))
		}
	}
	return lits, len(lits) > 0
}

// shortest returns the byte length of the shortest literal.
func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		size := len(l)
		if l == digitLiteral {
			size = 1 // one byte of text
		}
		if n < 0 || size < n {
			n = size
		}
	}
	return n
}

// Common literals (的, "the ", 人, "%") stay in the automaton as
// gates although they are most of its reports: both ways of leaving them
// out cost more than they saved (issue 17, fourth session, instructions of
// a whole run on 500 archive files). Checking a pattern's weak clauses by
// searching the sentence once its strong ones are met, with the weak
// literals out of the automaton, saved 56M in the match loop and 9M in
// the scan but cost 66M in searches even with a per-sentence rune filter.
// Walking the triggers of each pattern's rarest clause only, the others
// setting a bit checked when the pattern is a candidate, cost 8M more
// than walking them all, with no fewer cache misses. What paid was making
// a pattern a candidate only once its clauses are all met (Match).

// selective reports whether a clause is worth gating on: a single ASCII
// letter, digit, space, comma or full stop occurs in nearly every sentence
// (a "%" or "#" does not). The comma (， once normalized) was 7% of the
// automaton's reports, each a turn of the match loop over its triggers,
// for two patterns whose other clauses gate them anyway.
func selective(lits []string) bool {
	for _, l := range lits {
		if l == digitLiteral {
			continue
		}
		if l == "" || len(l) == 1 && l[0] < utf8.RuneSelf && (isWordRune(rune(l[0])) || strings.IndexByte(" ,.", l[0]) >= 0) {
			return false
		}
	}
	return true
}
