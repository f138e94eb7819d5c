package lexicon

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// titleSeq matches one shape of pattern by hand, the one that names the
// journal a study appeared in:
//
//	(发表|刊登)(于|在)(国际)?(期刊|杂志)?《[^》]{1,40}》
//
// groups of literal alternatives, each required or optional, then a title
// in 《》 of a bounded number of runes. Its regexp walked every start of a
// window through a program with a copy of [^》] for each rune of the
// title; it was the heaviest pattern of Chinese text. The hand matcher
// tries the alternatives in the regexp's order of preference (leftmost
// start, alternatives in order, an optional group taken first), so it
// reports the same matches; tests hold it to the regexp.
type titleSeq struct {
	groups []titleGroup
	most   int // runes the title may hold, at least one
	// starts has the bytes a match can start with: most of a text is
	// skipped a byte at a time.
	starts [256]bool
}

type titleGroup struct {
	alts     []string
	optional bool
}

// titleSeqShape recognizes the shape in a pattern's source: the groups,
// then the title. A group's alternatives are plain text, no operators.
var (
	titleSeqShape = regexp.MustCompile(`^((?:\([^()\\\[\]{}.?*+^$|]+(?:\|[^()\\\[\]{}.?*+^$|]+)*\)\??)+)《\[\^》\]\{1,([0-9]+)\}》$`)
	titleSeqGroup = regexp.MustCompile(`\(([^()]+)\)(\??)`)
)

// parseTitleSeq returns the hand matcher of a source of the shape, or nil.
func parseTitleSeq(src string) *titleSeq {
	if !strings.HasSuffix(src, `}》`) {
		return nil // the cheap test start-up runs for every pattern
	}
	m := titleSeqShape.FindStringSubmatch(src)
	if m == nil {
		return nil
	}
	most, err := strconv.Atoi(m[2])
	if err != nil || most < 1 || most > 1000 {
		return nil
	}
	s := &titleSeq{most: most}
	for _, g := range titleSeqGroup.FindAllStringSubmatch(m[1], -1) {
		s.groups = append(s.groups, titleGroup{alts: strings.Split(g[1], "|"), optional: g[2] == "?"})
	}
	// A match starts in the first group, or in the next when that one
	// may be left out, or at 《 when every one may.
	for _, g := range s.groups {
		for _, a := range g.alts {
			s.starts[a[0]] = true
		}
		if !g.optional {
			return s
		}
	}
	s.starts["《"[0]] = true
	return s
}

// findAll calls found(start, end) for each match in t, as the regexp's
// FindAll would: leftmost first, not overlapping.
func (s *titleSeq) findAll(t string, found func(start, end int)) {
	for p := 0; p < len(t); {
		if !s.starts[t[p]] {
			p++ // no match starts here, nor inside the rune (alternatives are UTF-8)
			continue
		}
		if e, ok := s.groupsAt(t, p, 0); ok {
			found(p, e)
			p = e
			continue
		}
		_, n := utf8.DecodeRuneInString(t[p:])
		p += n
	}
}

// groupsAt matches groups[g:] and the title at p.
func (s *titleSeq) groupsAt(t string, p, g int) (int, bool) {
	if g == len(s.groups) {
		return s.title(t, p)
	}
	for _, a := range s.groups[g].alts {
		if strings.HasPrefix(t[p:], a) {
			if e, ok := s.groupsAt(t, p+len(a), g+1); ok {
				return e, true
			}
		}
	}
	if s.groups[g].optional {
		return s.groupsAt(t, p, g+1)
	}
	return 0, false
}

// title matches 《[^》]{1,most}》 at p: the title ends at its first 》,
// since [^》] cannot take one.
func (s *titleSeq) title(t string, p int) (int, bool) {
	if !strings.HasPrefix(t[p:], "《") {
		return 0, false
	}
	q := p + len("《")
	for n := 0; n <= s.most && q < len(t); n++ {
		r, w := utf8.DecodeRuneInString(t[q:])
		if r == '》' && w == len("》") {
			return q + w, n > 0
		}
		q += w
	}
	return 0, false
}
