package lexicon

import (
	"regexp/syntax"
	"sort"
	"strings"
	"unicode/utf8"
)

// Running every pattern over every sentence dominated linting time, and
// most patterns cannot match most sentences: "相当于人类\d+岁" needs
// 相当于人类. requiredClauses derives from a pattern's syntax tree the
// literals its matches must contain; the automaton scans for them along
// with the terms, and a pattern runs only on a sentence where every one of
// its clauses is satisfied.

// clause is a set of literals at least one of which every match contains.
type clause []string

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
			return []clause{{s}}
		}
	case syntax.OpCharClass:
		if digitsOnly(re) {
			return []clause{{digitLiteral}}
		}
		if lits, ok := classLiterals(re); ok {
			return []clause{lits}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredClauses(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredClauses(re.Sub[0])
		}
	case syntax.OpConcat:
		var all []clause
		for _, sub := range re.Sub {
			all = append(all, requiredClauses(sub)...)
		}
		return all
	case syntax.OpAlternate:
		// One clause: each branch's most selective clause, joined.
		var union clause
		for _, sub := range re.Sub {
			best := mostSelective(requiredClauses(sub))
			if best == nil {
				return nil
			}
			union = append(union, best...)
		}
		return []clause{union}
	}
	return nil
}

// requiredLiterals is requiredClauses reduced to its most selective clause.
func requiredLiterals(re *syntax.Regexp) ([]string, bool) {
	best := mostSelective(requiredClauses(re))
	return best, best != nil
}

// mostSelective picks the clause whose shortest literal is longest.
func mostSelective(cs []clause) clause {
	var best clause
	bestLen := 0
	for _, c := range cs {
		if n := shortest(c); n > bestLen {
			best, bestLen = c, n
		}
	}
	return best
}

// gate keeps the selective clauses of a pattern, most selective first, at
// most maxClauses of them.
func gate(cs []clause) []clause {
	var kept []clause
	for _, c := range cs {
		if selective(c) {
			kept = append(kept, c)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return shortest(kept[i]) > shortest(kept[j]) })
	if len(kept) > maxClauses {
		kept = kept[:maxClauses]
	}
	return kept
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
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}

// selective reports whether a clause is worth gating on: a single ASCII
// letter, digit or space occurs in nearly every sentence (a "%" or "#" does
// not).
func selective(lits []string) bool {
	for _, l := range lits {
		if l == digitLiteral {
			continue
		}
		if l == "" || len(l) == 1 && l[0] < utf8.RuneSelf && (isWordRune(rune(l[0])) || l[0] == ' ') {
			return false
		}
	}
	return true
}
