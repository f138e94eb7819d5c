package facts

import (
	"strings"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// Hit is the environment of one reported term: rules with `report: CLASS`
// are evaluated once per hit of that class.
type Hit struct {
	Term      string `expr:"term"`      // the matched text, normalized
	Class     string `expr:"class"`     // the class reported
	Negated   bool   `expr:"negated"`   // a negation shortly before, in the same clause
	Distanced bool   `expr:"distanced"` // introduced as a claim of others: 所谓, so-called
	Hedged    bool   `expr:"hedged"`    // a hedge shortly before, in the same clause: 可能, may

	lexicon.Hit `expr:"-"`
}

// negationWindow and distanceWindow are in bytes of normalized text: about
// ten Han characters or five English words.
const (
	negationWindow = 30
	distanceWindow = 12
)

// HitFacts describes hit h of sentence s.
func (d *Document) HitFacts(s *Sentence, h lexicon.Hit) Hit {
	return Hit{
		Term:      s.Text[h.Start:h.End],
		Class:     d.Lex.Classes[h.Class].Name,
		Negated:   d.ids.precededBy(s, h, d.ids.negation, negationWindow),
		Distanced: d.ids.precededBy(s, h, d.ids.distancing, distanceWindow),
		Hedged:    d.ids.precededBy(s, h, d.ids.hedge, negationWindow),
		Hit:       h,
	}
}

// precededBy reports a hit of class ending at most window bytes before h,
// with no clause break between them. A cue that is part of a longer claim
// term (不 in 不老神药) is not a cue; one inside a caveat (不能 in 不能证明因果)
// still is.
func (ids *classIDs) precededBy(s *Sentence, h lexicon.Hit, class, window int) bool {
	for _, c := range s.Hits {
		if c.Class != class || c.End > h.Start || h.Start-c.End > window || ids.insideClaim(s, c) {
			continue
		}
		if !strings.ContainsAny(s.Text[c.End:h.Start], ",;:，；：、()") {
			return true
		}
	}
	return false
}

// insideClaim reports whether a longer hit that is not itself a modifier
// (negation, hedge, caveat...) covers c.
func (ids *classIDs) insideClaim(s *Sentence, c lexicon.Hit) bool {
	for _, o := range s.Hits {
		if o.Class != c.Class && !ids.modifier(o.Class) && o.Start <= c.Start && c.End <= o.End && o.End-o.Start > c.End-c.Start {
			return true
		}
	}
	return false
}

// negatesClaim reports whether a negation applies to some claim term of the
// sentence ("并非神药", "does not reverse aging"); a negation that qualifies
// nothing the lexicon knows ("a cure, not a hearing aid") does not count.
func (ids *classIDs) negatesClaim(s *Sentence) bool {
	for _, h := range s.Hits {
		if !ids.modifier(h.Class) && ids.precededBy(s, h, ids.negation, negationWindow) {
			return true
		}
	}
	return false
}
