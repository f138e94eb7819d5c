package lexicon

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// bySeq matches one shape of pattern by hand, the one that names a
// study's funder in English:
//
//	\b(supported|funded) by [^.;]{0,60}\b(university|fund|inc)\b
//
// Its regexp walked every start of a window (some 250 bytes after each
// verb) through a program with a copy of [^.;] per rune of the gap; it
// was the heaviest pattern of English text. The hand matcher tries what
// the regexp prefers (leftmost start, alternatives in order, the longest
// gap first), so it reports the same matches; tests hold it to the regexp.
type bySeq struct {
	leads []string
	link  string // the literal after the lead, " by "
	stops string // the runes the gap may not hold
	most  int    // runes the gap may hold
	tails []string
	// starts has the first bytes of the leads: most of a text is skipped
	// a byte at a time.
	starts [256]bool
}

var bySeqShape = regexp.MustCompile(`^\\b\(([a-z|-]+)\)( [a-z ]+ )\[\^([.;,:!?]+)\]\{0,([0-9]+)\}\\b\(([a-z|-]+)\)\\b$`)

// parseBySeq returns the hand matcher of a source of the shape, or nil.
func parseBySeq(src string) *bySeq {
	if !strings.HasPrefix(src, `\b(`) {
		return nil // the cheap test start-up runs for every pattern
	}
	m := bySeqShape.FindStringSubmatch(src)
	if m == nil {
		return nil
	}
	most, err := strconv.Atoi(m[4])
	if err != nil || most > maxByGap {
		return nil
	}
	s := &bySeq{leads: strings.Split(m[1], "|"), link: m[2], stops: m[3], most: most, tails: strings.Split(m[5], "|")}
	for _, alts := range [][]string{s.leads, s.tails} {
		for _, a := range alts {
			if a == "" {
				return nil
			}
		}
	}
	for _, a := range s.leads {
		s.starts[a[0]] = true
	}
	return s
}

// maxByGap bounds the gap so that its rune ends fit on the stack.
const maxByGap = 127

// findAll calls found(start, end) for each match in t, as the regexp's
// FindAll would: leftmost first, not overlapping.
func (s *bySeq) findAll(t string, found func(start, end int)) {
	for p := 0; p < len(t); {
		if !s.starts[t[p]] {
			p++ // no match starts here, nor inside a rune (leads are ASCII)
			continue
		}
		if e, ok := s.matchAt(t, p); ok {
			found(p, e)
			p = e
			continue
		}
		_, n := utf8.DecodeRuneInString(t[p:])
		p += n
	}
}

func (s *bySeq) matchAt(t string, p int) (int, bool) {
	if !wordBoundary(t, p) {
		return 0, false
	}
	for _, a := range s.leads {
		if q := p + len(a) + len(s.link); strings.HasPrefix(t[p:], a) && strings.HasPrefix(t[p+len(a):], s.link) {
			if e, ok := s.gap(t, q); ok {
				return e, true
			}
		}
	}
	return 0, false
}

// gap matches [^stops]{0,most}\b(tails)\b at q, the longest gap first.
func (s *bySeq) gap(t string, q int) (int, bool) {
	var ends [maxByGap + 1]int
	ends[0] = q
	k := 0
	for k < s.most && q < len(t) {
		r, n := utf8.DecodeRuneInString(t[q:])
		if strings.ContainsRune(s.stops, r) {
			break
		}
		q += n
		k++
		ends[k] = q
	}
	for ; k >= 0; k-- {
		q := ends[k]
		if !wordBoundary(t, q) {
			continue
		}
		for _, c := range s.tails {
			if e := q + len(c); strings.HasPrefix(t[q:], c) && wordBoundary(t, e) {
				return e, true
			}
		}
	}
	return 0, false
}

// wordBoundary is \b at i: a word byte on one side only (bytes of other
// runes are not word bytes, as \b counts them).
func wordBoundary(t string, i int) bool {
	before := i > 0 && isWordByte(t[i-1])
	after := i < len(t) && isWordByte(t[i])
	return before != after
}
