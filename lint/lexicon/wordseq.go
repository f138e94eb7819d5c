package lexicon

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// wordSeq matches one shape of pattern by hand, the one that introduces a
// study in English:
//
//	(?:^|[^a-z])(a|one|the first)( [a-z-]+){0,3} (study|trial)([,.;:]|$| (found|of)\b)
//
// Its regexp walks every start in a window through a program of some 350
// instructions; it was a fifth of all pattern time. The hand matcher
// follows the regexp's own order of preference (leftmost start, then the
// alternatives in order, most words first) so that it reports the same
// matches; tests hold it to the regexp on random and corpus text.
type wordSeq struct {
	leads []string
	words int
	nouns []string
	tails []string
}

// wordSeqShape recognizes the shape in a pattern's source.
var wordSeqShape = regexp.MustCompile(`^\(\?:\^\|\[\^a-z\]\)\(([a-z |-]+)\)\( \[a-z-\]\+\)\{0,([0-9])\} \(([a-z |-]+)\)\(\[,\.;:\]\|\$\| \(([a-z |-]+)\)\\b\)$`)

// wordSeqPrefix is how every source of the shape starts: a cheap test
// before the regexp, which start-up runs for every pattern.
const wordSeqPrefix = `(?:^|[^a-z])(`

// parseWordSeq returns the hand matcher of a source of the shape, or nil.
func parseWordSeq(src string) *wordSeq {
	if !strings.HasPrefix(src, wordSeqPrefix) {
		return nil
	}
	m := wordSeqShape.FindStringSubmatch(src)
	if m == nil {
		return nil
	}
	k, _ := strconv.Atoi(m[2])
	w := &wordSeq{leads: strings.Split(m[1], "|"), words: k, nouns: strings.Split(m[3], "|"), tails: strings.Split(m[4], "|")}
	for _, alts := range [][]string{w.leads, w.nouns, w.tails} {
		for _, a := range alts {
			if a == "" {
				return nil
			}
		}
	}
	return w
}

// findAll calls found(start, end) for each match in t, as the regexp's
// FindAll would: leftmost first, not overlapping.
func (w *wordSeq) findAll(t string, found func(start, end int)) {
	for s := 0; s < len(t); {
		if e, ok := w.matchAt(t, s); ok {
			found(s, e)
			s = e
			continue
		}
		_, n := utf8.DecodeRuneInString(t[s:])
		s += n
	}
}

// matchAt returns the end of the match starting at s, if any: ^ is
// preferred to [^a-z].
func (w *wordSeq) matchAt(t string, s int) (int, bool) {
	if s == 0 {
		if e, ok := w.lead(t, 0); ok {
			return e, true
		}
	}
	if s < len(t) {
		if r, n := utf8.DecodeRuneInString(t[s:]); r < 'a' || r > 'z' {
			return w.lead(t, s+n)
		}
	}
	return 0, false
}

func (w *wordSeq) lead(t string, p int) (int, bool) {
	for _, a := range w.leads {
		if strings.HasPrefix(t[p:], a) {
			if e, ok := w.rest(t, p+len(a), 0); ok {
				return e, true
			}
		}
	}
	return 0, false
}

// rest matches ( [a-z-]+){k,words} (noun)(tail) at q, greedily: another
// word first. A word is the whole run of [a-z-] after its space, since
// what follows it starts with a space.
func (w *wordSeq) rest(t string, q, k int) (int, bool) {
	if q >= len(t) || t[q] != ' ' {
		return 0, false
	}
	if k < w.words {
		run := q + 1
		for run < len(t) && (t[run] >= 'a' && t[run] <= 'z' || t[run] == '-') {
			run++
		}
		if run > q+1 {
			if e, ok := w.rest(t, run, k+1); ok {
				return e, true
			}
		}
	}
	for _, n := range w.nouns {
		if strings.HasPrefix(t[q+1:], n) {
			if e, ok := w.tail(t, q+1+len(n)); ok {
				return e, true
			}
		}
	}
	return 0, false
}

// tail matches ([,.;:]|$| (tails)\b) at e.
func (w *wordSeq) tail(t string, e int) (int, bool) {
	if e == len(t) {
		return e, true
	}
	if strings.IndexByte(",.;:", t[e]) >= 0 {
		return e + 1, true
	}
	if t[e] != ' ' {
		return 0, false
	}
	for _, x := range w.tails {
		if end := e + 1 + len(x); strings.HasPrefix(t[e+1:], x) && (end == len(t) || !isWordByte(t[end])) {
			return end, true
		}
	}
	return 0, false
}

// isWordByte reports the bytes \b counts as word characters.
func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_'
}
