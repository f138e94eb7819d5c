package lexicon

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Running every pattern over every sentence dominated linting time, and
// most patterns cannot match most sentences: "相当于人类\d+岁" needs
// 相当于. requiredLiterals finds, for a pattern, a set of literal strings
// at least one of which every match contains; the automaton then scans for
// those literals along with the terms, and a pattern runs only on a
// sentence where one of its literals occurs.

// maxClassLiterals bounds how many single-rune literals a character class
// may stand for ([降减少] gives three); larger classes give no literal.
const maxClassLiterals = 8

// requiredLiterals returns literals at least one of which every match of re
// contains, or ok=false when no such set was found (the pattern always runs).
func requiredLiterals(re *syntax.Regexp) (lits []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			s = strings.ToLower(s)
		}
		return []string{s}, s != ""
	case syntax.OpCharClass:
		return classLiterals(re)
	case syntax.OpCapture:
		return requiredLiterals(re.Sub[0])
	case syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
		return nil, false
	case syntax.OpConcat:
		return concatLiterals(re)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := requiredLiterals(sub)
			if !ok {
				return nil, false
			}
			lits = append(lits, l...)
		}
		return lits, true
	}
	return nil, false
}

// concatLiterals picks, among the parts every match must contain, the one
// whose literals are most selective (longest shortest literal).
func concatLiterals(re *syntax.Regexp) ([]string, bool) {
	var best []string
	bestLen := 0
	for _, sub := range re.Sub {
		l, ok := requiredLiterals(sub)
		if !ok {
			continue
		}
		if n := shortest(l); n > bestLen {
			best, bestLen = l, n
		}
	}
	return best, best != nil
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

// shortest returns the byte length of the shortest literal; a set of short
// literals (one ASCII letter) selects little.
func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}

// selective reports whether literals are worth prefiltering on: single
// ASCII characters occur in nearly every English sentence.
func selective(lits []string) bool {
	for _, l := range lits {
		if len(l) < 2 && utf8.RuneCountInString(l) < 2 {
			if l == "" || l[0] < utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}
