package lexicon

import (
	"regexp/syntax"
	"strings"
)

// needBytes is the ASCII bytes every match of a pattern holds more than
// once, each as many times as it holds it at least: from the literals of
// its top-level sequence. A text with fewer of one cannot match, and counting a byte
// costs far less than running the regexp (a baseline pattern with two %
// ran on every sentence with a digit, mostly sentences with one % or
// none). Literal gating (prefilter.go) only knows that a literal is there,
// not how often.
type needBytes struct {
	bytes  []byte
	counts []int
}

// needBytesOf returns what a match of src holds for sure; nothing when
// src does not parse.
func needBytesOf(src string) needBytes {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return needBytes{}
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	var count [128]int
	for _, sub := range subs {
		for sub.Op == syntax.OpCapture {
			sub = sub.Sub[0]
		}
		if sub.Op != syntax.OpLiteral || sub.Flags&syntax.FoldCase != 0 {
			continue
		}
		for _, r := range sub.Rune {
			if r < 128 {
				count[r]++
			}
		}
	}
	var n needBytes
	for b, c := range count {
		// A byte needed once is left to literal gating, and spaces to
		// English text, which always has enough of them.
		if c > 1 && b != ' ' {
			n.bytes = append(n.bytes, byte(b))
			n.counts = append(n.counts, c)
		}
	}
	return n
}

// met reports whether text holds the bytes: whether a match is possible.
func (n *needBytes) met(text string) bool {
	for i, b := range n.bytes {
		if strings.Count(text, string(b)) < n.counts[i] {
			return false
		}
	}
	return true
}
