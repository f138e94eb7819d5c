package report

import (
	"math"
	"slices"
	"strconv"

	"github.com/hypelint/hypelint/lint/document"
)

// The JSON report writes findings, claims and studies as items of a file's
// arrays (at jsonFinding) and the score's criteria as a file's field (at
// jsonFileKey), a few hundred thousand of them in an archive's run: at
// those places their layout is fixed, so each is written with a few
// appends of constant pieces (line breaks, indents and keys together)
// rather than a key at a time through a jsonBuilder. A finding's rule,
// category, severity and message, the same for every finding of a rule on
// one term, come escaped and laid out once per run (findingText). The
// builder stays the reference (appendJSONBuilt); jsonfast_test.go checks
// these layouts against it.

// Line breaks with their indents inside an item at jsonFinding: its
// members, a nested object's members, and one level further down each.
const (
	itemEnd = "\n" + jsonFinding
	itemM1  = itemEnd + "  "
	itemM2  = itemM1 + "  "
	itemM3  = itemM2 + "  "
)

// spanLayout is an object's "start" and "end" members (positions) from
// what comes before "start" (lead) to the brace that closes "end": the
// constant pieces between the six numbers joined, seven appends rather
// than ten (a report's positions are most of its members).
type spanLayout struct{ startLine, column, offset, endLine, end string }

// newSpanLayout is the layout with keys at members after lead ("," when
// "start" follows another member, "" when it opens its object).
func newSpanLayout(lead, members string) spanLayout {
	inner := members + "  "
	return spanLayout{
		startLine: lead + members + `"start": {` + inner + `"line": `,
		column:    "," + inner + `"column": `,
		offset:    "," + inner + `"offset": `,
		endLine:   members + "}," + members + `"end": {` + inner + `"line": `,
		end:       members + "}",
	}
}

var (
	itemSpan    = newSpanLayout(",", itemM1) // an item's start and end
	relatedSpan = newSpanLayout("", itemM3)  // a finding's related location's, its first members
)

func (l *spanLayout) append(b []byte, start, end document.Position) []byte {
	b = append(b, l.startLine...)
	b = appendInt(b, start.Line)
	b = append(b, l.column...)
	b = appendInt(b, start.Column)
	b = append(b, l.offset...)
	b = appendInt(b, start.Offset)
	b = append(b, l.endLine...)
	b = appendInt(b, end.Line)
	b = append(b, l.column...)
	b = appendInt(b, end.Column)
	b = append(b, l.offset...)
	b = appendInt(b, end.Offset)
	return append(b, l.end...)
}

// appendFindingHead appends a finding item's opening up to its message.
func appendFindingHead(b []byte, rule, category, severity, message string) []byte {
	b = append(b, "{"+itemM1+`"rule": `...)
	b = appendJSONString(b, rule)
	b = append(b, ","+itemM1+`"category": `...)
	b = appendJSONString(b, category)
	b = append(b, ","+itemM1+`"severity": `...)
	b = appendJSONString(b, severity)
	b = append(b, ","+itemM1+`"message": `...)
	return appendJSONString(b, message)
}

// appendFindingItem is x.appendJSON at jsonFinding, for a finding without
// fixes (the rare findings with fixes take the builder).
func appendFindingItem(b []byte, x *Finding) []byte {
	if t := x.text; t != nil && t.head != "" && t.message == x.Message && t.rule == x.Rule &&
		t.category == x.Category && t.severity == x.Severity {
		// Equal strings are most often the same string: the comparisons
		// cost a length and a pointer each.
		b = append(b, t.head...)
	} else {
		b = appendFindingHead(b, x.Rule, x.Category, x.Severity, x.Message)
	}
	b = itemSpan.append(b, x.Start, x.End)
	b = append(b, ","+itemM1+`"excerpt": `...)
	b = appendJSONString(b, x.Excerpt)
	if x.Role != "" {
		b = append(b, ","+itemM1+`"role": `...)
		b = appendJSONString(b, x.Role)
	}
	if len(x.Related) > 0 {
		b = append(b, ","+itemM1+`"related": [`...)
		for i := range x.Related {
			r := &x.Related[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, itemM2+"{"...)
			b = relatedSpan.append(b, r.Start, r.End)
			b = append(b, ","+itemM3+`"message": `...)
			if t := r.text; t != nil && t.message == r.Message {
				b = append(b, t.json...) // escaped once per study (see addEvidence)
			} else {
				b = appendJSONString(b, r.Message)
			}
			b = append(b, itemM2+"}"...)
		}
		b = append(b, itemM1+"]"...)
	}
	if x.Note != "" {
		b = append(b, ","+itemM1+`"note": `...)
		b = appendJSONString(b, x.Note)
	}
	return append(b, itemEnd+"}"...)
}

// appendClaimItem is c.appendJSON at jsonFinding.
func appendClaimItem(b []byte, c *Claim) []byte {
	b = append(b, "{"+itemM1+`"term": `...)
	termAt := len(b)
	b = appendJSONString(b, c.Term)
	term := b[termAt:len(b):len(b)] // quoted
	b = append(b, ","+itemM1+`"class": `...)
	b = appendJSONString(b, c.Class)
	b = append(b, ","+itemM1+`"subject": `...)
	b = appendJSONString(b, c.Subject)
	b = append(b, ","+itemM1+`"strength": `...)
	b = appendJSONString(b, c.Strength)
	b = append(b, ","+itemM1+`"voice": `...)
	b = appendJSONString(b, c.Voice)
	b = append(b, ","+itemM1+`"evidence": `...)
	b = appendJSONString(b, c.Evidence)
	b = append(b, ","+itemM1+`"where": `...)
	b = appendJSONString(b, c.Where)
	b = append(b, ","+itemM1+`"study": `...)
	b = appendInt(b, c.Study)
	b = itemSpan.append(b, c.Start, c.End)
	b = append(b, ","+itemM1+`"excerpt": `...)
	excerptAt := len(b)
	if c.Excerpt == c.Term { // three claims in four: escaped above
		b = append(b, term...)
	} else {
		b = appendJSONString(b, c.Excerpt)
	}
	excerpt := b[excerptAt+1 : len(b)-1 : len(b)-1] // escaped, without quotes
	b = append(b, ","+itemM1+`"rules": `...)
	switch {
	case c.Rules == nil:
		b = append(b, "null"...)
	case len(c.Rules) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i, r := range c.Rules {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, itemM2...)
			b = appendJSONString(b, r)
		}
		b = append(b, itemM1+"]"...)
	}
	switch {
	case c.Why != "":
		b = append(b, ","+itemM1+`"why": `...)
		b = appendJSONString(b, c.Why)
	case c.reason != nil && !c.reason.Empty():
		b = append(b, ","+itemM1+`"why": "`...)
		// The card's own texts need no escaping; the message the reason
		// quotes was escaped once, for the finding's head, and the term
		// it quotes (the excerpt) just above.
		b = c.reason.Append(b, func(b []byte, v string) []byte {
			switch {
			case v == c.Excerpt:
				return append(b, excerpt...)
			case c.said != nil && v == c.said.message:
				return append(b, c.said.escapedMessage()...)
			}
			return appendJSONPiece(b, v)
		})
		b = append(b, '"')
	}
	return append(b, itemEnd+"}"...)
}

// appendStudyItem is s.appendJSON at jsonFinding.
func appendStudyItem(b []byte, s *Study) []byte {
	b = append(b, "{"+itemM1+`"index": `...)
	b = appendInt(b, s.Index)
	b = append(b, ","+itemM1+`"population": `...)
	b = appendJSONString(b, s.Population)
	if s.Model != "" {
		b = append(b, ","+itemM1+`"model": `...)
		b = appendJSONString(b, s.Model)
	}
	b = append(b, ","+itemM1+`"design": `...)
	b = appendJSONString(b, s.Design)
	b = append(b, ","+itemM1+`"size": `...)
	b = appendInt(b, s.Size)
	if s.Studies != 0 {
		b = append(b, ","+itemM1+`"studies": `...)
		b = appendInt(b, s.Studies)
	}
	if s.Venue != "" {
		b = append(b, ","+itemM1+`"venue": `...)
		b = appendJSONString(b, s.Venue)
	}
	if s.Link != "" {
		b = append(b, ","+itemM1+`"link": `...)
		b = appendJSONString(b, s.Link)
	}
	b = append(b, ","+itemM1+`"sentences": `...)
	b = appendInt(b, s.Sentences)
	b = append(b, ","+itemM1+`"description": `...)
	b = appendJSONString(b, s.Description)
	b = itemSpan.append(b, s.Start, s.End)
	b = append(b, ","+itemM1+`"notes": `...)
	switch {
	case s.Notes == nil:
		b = append(b, "null"...)
	case len(s.Notes) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i, n := range s.Notes {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, itemM2+"{"+itemM3+`"rule": `...)
			b = appendJSONString(b, n.Rule)
			b = append(b, ","+itemM3+`"message": `...)
			b = appendJSONString(b, n.Message)
			b = append(b, itemM2+"}"...)
		}
		b = append(b, itemM1+"]"...)
	}
	return append(b, itemEnd+"}"...)
}

// Line breaks with their indents in a file's criteria (at jsonFileKey):
// a criterion, and its members.
const (
	criteriaEnd = "\n" + jsonFileKey
	criterionAt = criteriaEnd + "  "
	criterionM1 = criterionAt + "  "
)

// appendCriteriaField is cs.appendJSON at jsonFileKey.
func appendCriteriaField(b []byte, cs criteria) ([]byte, bool) {
	return appendCriteria(b, cs, nil)
}

// criterionHeads are the openings of a run's criteria up to their
// question's value, in the order a file gives them, escaped and laid out
// once: every file has the same few criteria with the same texts, a
// tenth of the strings the JSON report escaped.
type criterionHeads []criterionHead

type criterionHead struct{ id, question, json string }

// appendCriteria is appendCriteriaField taking each criterion's opening
// from heads when that holds it (nil: none), and keeping it there.
func appendCriteria(b []byte, cs criteria, heads *criterionHeads) ([]byte, bool) {
	if cs == nil {
		return append(b, "null"...), true
	}
	in := b
	b = append(b, '[')
	for i, c := range cs {
		if math.IsNaN(c.Earned) || math.IsInf(c.Earned, 0) {
			return in, false
		}
		if i > 0 {
			b = append(b, ',')
		}
		if heads != nil && i < len(*heads) && (*heads)[i].id == c.ID && (*heads)[i].question == c.Question {
			// The same strings as the last file's: a length and a
			// pointer compared.
			b = append(b, (*heads)[i].json...)
		} else {
			mark := len(b)
			b = append(b, criterionAt+"{"+criterionM1+`"id": `...)
			b = appendJSONString(b, c.ID)
			b = append(b, ","+criterionM1+`"question": `...)
			b = appendJSONString(b, c.Question)
			if heads != nil && i <= len(*heads) {
				h := criterionHead{c.ID, c.Question, string(b[mark:])}
				if i == len(*heads) {
					*heads = append(*heads, h)
				} else {
					(*heads)[i] = h
				}
			}
		}
		b = append(b, ","+criterionM1+`"applicable": `...)
		b = strconv.AppendBool(b, c.Applicable)
		b = append(b, ","+criterionM1+`"satisfied": `...)
		b = strconv.AppendBool(b, c.Satisfied)
		b = append(b, ","+criterionM1+`"findings": `...)
		b = appendInt(b, c.Findings)
		b = append(b, ","+criterionM1+`"earned": `...)
		b = appendJSONFloat(b, c.Earned)
		b = append(b, criterionAt+"}"...)
	}
	if len(cs) > 0 {
		b = append(b, criteriaEnd...)
	}
	return append(b, ']'), true
}

// appendInt is strconv.AppendInt(b, int64(n), 10), two digits a step with
// no layers between: the report's positions are most of its numbers, and
// nearly all have four digits or fewer, appended at once. Longer numbers
// have their digits counted first and written in place, from the last:
// copying them from a buffer of their own cost as much as working them
// out.
func appendInt(b []byte, n int) []byte {
	switch {
	case n < 0:
		return strconv.AppendInt(b, int64(n), 10)
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, decimalPairs[2*n], decimalPairs[2*n+1])
	case n < 1000:
		q := n / 100
		r := 2 * (n - q*100)
		return append(b, byte('0'+q), decimalPairs[r], decimalPairs[r+1])
	case n < 10000:
		q := n / 100
		r := 2 * (n - q*100)
		return append(b, decimalPairs[2*q], decimalPairs[2*q+1], decimalPairs[r], decimalPairs[r+1])
	}
	k := 5
	for k < len(powersOf10) && uint64(n) >= powersOf10[k] {
		k++
	}
	b = slices.Grow(b, k)
	i := len(b) + k
	b = b[:i]
	for n >= 100 {
		q := n / 100
		r := 2 * (n - q*100)
		i -= 2
		b[i], b[i+1] = decimalPairs[r], decimalPairs[r+1]
		n = q
	}
	if n >= 10 {
		b[i-2], b[i-1] = decimalPairs[2*n], decimalPairs[2*n+1]
	} else {
		b[i-1] = byte('0' + n)
	}
	return b
}

// powersOf10 are 10⁰ to 10¹⁸: n ≥ 10 has k digits for the first k with
// n < powersOf10[k], or 19 beyond them.
var powersOf10 = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

const decimalPairs = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" + "30313233343536373839" +
	"40414243444546474849" + "50515253545556575859" + "60616263646566676869" + "70717273747576777879" +
	"80818283848586878889" + "90919293949596979899"
