package evidence

import (
	"cmp"
	"slices"

	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
)

// Described returns the studies of d's card as describeStudies leaves
// them, and byWalk as the walk over every hit of every sentence of a study
// (describeStudies before it skipped the sentences with none of the
// classes it reads) leaves them.
func Described(d *facts.Document) (got, byWalk []Study) {
	c := New(d)
	c.describeStudies(d, d.Blocks)
	ref := New(d)
	describeStudiesByWalk(ref, d, d.Blocks)
	for i := range c.Studies {
		got, byWalk = append(got, *c.Studies[i]), append(byWalk, *ref.Studies[i])
	}
	return got, byWalk
}

func describeStudiesByWalk(c *Card, d *facts.Document, blocks []*facts.Block) {
	lex := d.Lex
	animal, invitro := lex.ClassID("animal"), lex.ClassID("invitro")
	journal, doi := lex.ClassID("journal"), lex.ClassID("doi")
	src := d.Doc.Source
	for _, b := range blocks {
		for _, s := range b.Sentences {
			st := c.entry(s.Study)
			if st == nil {
				continue
			}
			for _, h := range s.Hits {
				text := func() string {
					span := s.SourceSpan(h.Start, h.End)
					return string(src[span.Start:span.End])
				}
				switch {
				case (h.Class == animal || h.Class == invitro) && h.Class >= 0 && st.Model == "":
					st.Model = text()
				case h.Class == journal && h.Class >= 0:
					if span := s.SourceSpan(h.Start, h.End); span.End-span.Start > len(st.Venue) {
						st.Venue = longer(st.Venue, venueName(text()))
					}
				case h.Class == doi && h.Class >= 0:
					st.Link = longer(st.Link, text())
				}
			}
		}
	}
}

// BuildByAppend is Build with the findings appended one by one to their
// claim's or study's list, as Attach did before it carved the lists out of
// one, and every claim's excerpt made, as addClaims did before Attach made
// only the flagged claims'.
func BuildByAppend(d *facts.Document, findings []rule.Finding) *Card {
	c := New(d)
	c.Add(d, d.Blocks)
	for _, cl := range c.Claims {
		cl.Excerpt = oneLine(d.Doc, cl.Span)
	}
	slices.SortStableFunc(c.Claims, func(a, b *Claim) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	for _, f := range findings {
		if i := c.claimIndex(f); i >= 0 {
			c.Claims[i].Findings = append(c.Claims[i].Findings, f)
		} else if s := c.entry(f.Study); s != nil {
			s.Findings = append(s.Findings, f)
		}
	}
	return c
}

// WhyWithEveryValue is Why as it was made before each reason was given
// only the values its texts name: every value worked out for every reason.
func (c *Card) WhyWithEveryValue(cl *Claim, locale string) string {
	return c.why(cl, locale, nil, true)
}

// FilledByName is the reason filled as a template is (fillSegments): each
// placeholder looked up by its name among the values given, the
// reference for the values Reason keeps by slot.
func (r *Reason) FilledByName() string {
	var pairs []string
	for slot, name := range slotNames {
		if r.has(slot) {
			pairs = append(pairs, name, r.values[slot])
		}
	}
	if r.first == nil {
		return ""
	}
	return fillSegments(r.first, r.second, pairs)
}

// ReasonTexts are the card's own texts a reason writes as they are (see
// Reason.Append) in locale: its templates' texts and placeholders, the
// places, the designs and study labels.
func ReasonTexts(locale string) []string {
	var out []string
	for _, t := range []*template{claimsForPeople, claimsForNobody, claims, claimsCause, claimsCertain,
		restsOnModel, restsOnUnstated, restsOnNothing, restsOnNothingCausal, restsOnAssociation,
		restsOnWeak, restsOnUnsized, whyOther, whyOtherNoStudy} {
		for _, s := range t.segments(locale) {
			out = append(out, s.text, s.placeholder)
		}
	}
	for _, m := range []map[string]phrase{places, designIs} {
		for _, p := range m {
			out = append(out, p.in(locale))
		}
	}
	for _, n := range []int{0, 1, 12, 1234567} {
		out = append(out, Label(&Study{Study: &facts.Study{Index: n}}, locale))
	}
	return out
}
