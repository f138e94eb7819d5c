package facts

import "strings"

// markSet is strings.ContainsAny for a fixed set of ASCII bytes and a few
// multi-byte runes (the clause breaks of Chinese and English text),
// without decoding: a byte loop with one table look-up, and the runes
// compared only at their lead bytes. ContainsAny with a set holding
// non-ASCII runes decodes every rune of the text and searches the set for
// it, and the stance and negation checks ask it for every pair of hits.
//
// The answer is ContainsAny's, valid UTF-8 or not: a rune's lead byte is
// never a continuation byte, so the bytes of a valid multi-byte rune in
// the text are always decoded as that rune, and an ASCII byte always as
// itself.
type markSet struct {
	kind [256]uint8 // by byte: 1 an ASCII member, 2 the lead byte of a wide member, 0 neither
	wide []string   // the members of more than one byte
}

func newMarkSet(marks string) *markSet {
	m := &markSet{}
	for _, r := range marks {
		s := string(r)
		if len(s) == 1 {
			m.kind[s[0]] = 1
			continue
		}
		m.kind[s[0]] = 2
		m.wide = append(m.wide, s)
	}
	return m
}

// in reports whether s holds a member of m.
func (m *markSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		switch m.kind[s[i]] {
		case 0:
			continue
		case 1:
			return true
		}
		for _, w := range m.wide {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// The clause breaks the stance and negation checks look for.
var (
	breaksBefore   = newMarkSet(",;:，；：、()")                                 // precededBy
	breaksAfter    = newMarkSet(",;:，；：、()。!?！？")                            // followedBy
	breaksOrWords  = newMarkSet(" abcdefghijklmnopqrstuvwxyz,;:，；：、()。!?！？") // hedgeAfter
	breaksQuestion = newMarkSet(",;:，；：。")                                   // the clause a question asks
)
