// Package suppress applies the suppression comments writers put in their
// articles:
//
//	<!-- hypelint-disable-next-line RULE[, RULE] -- reason -->
//	<!-- hypelint-disable RULE --> … <!-- hypelint-enable RULE -->
//	<!-- hypelint-disable-file RULE -->
//
// (in plain text the same words on a line of their own after "#" or "//").
// A category name works in place of a rule id; no name means every rule. A
// suppression that suppresses nothing is itself reported (rule
// unused-suppression), so stale ones get cleaned up, and so is a comment
// that looks like a directive but is not one (unknown-suppression), with
// the nearest real directive. Both are ordinary rules of the set
// (rules/suppression.yaml): disabling them in the configuration turns the
// reports off.
package suppress

import (
	"fmt"
	"strings"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/editdist"
	"github.com/hypelint/hypelint/lint/rule"
)

// Kind is what a directive does.
type Kind int

// Directive kinds.
const (
	NextLine Kind = iota
	Disable
	Enable
	File
	Unknown // looks like a directive, is not one (see Directive.Word)
)

var keywords = []struct {
	word string
	kind Kind
}{
	// Longest first: "hypelint-disable" is a prefix of the others.
	{"hypelint-disable-next-line", NextLine},
	{"hypelint-disable-file", File},
	{"hypelint-disable", Disable},
	{"hypelint-enable", Enable},
}

// Directive is one parsed suppression comment.
type Directive struct {
	Kind    Kind
	Targets []string // rule ids or categories; empty means all
	Reason  string
	Span    document.Span
	// Word is the directive as written and Suggestion the nearest real
	// one, for an Unknown directive.
	Word, Suggestion string
	used             bool
}

// Parse reads the directives among a document's comments, in order.
func Parse(doc *document.Document) []*Directive {
	var out []*Directive
	for _, c := range doc.Comments {
		if d := parseComment(c); d != nil {
			out = append(out, d)
		}
	}
	return out
}

func parseComment(c document.Comment) *Directive {
	text := strings.TrimSpace(c.Text)
	for _, k := range keywords {
		rest, ok := strings.CutPrefix(text, k.word)
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		d := &Directive{Kind: k.kind, Span: c.Span}
		names, reason, _ := strings.Cut(rest, "--")
		d.Reason = strings.TrimSpace(reason)
		d.Targets = strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		return d
	}
	word, _, _ := strings.Cut(text, " ")
	word, _, _ = strings.Cut(word, "\t")
	if suggestion, ok := nearDirective(word); ok {
		return &Directive{Kind: Unknown, Span: c.Span, Word: word, Suggestion: suggestion}
	}
	return nil
}

// nearDirective reports whether a comment's first word is meant as a
// directive: it starts with "hypelint-" or "hypelint:" in any case, or is
// within two edits of one (hypelnt-disable). It returns the nearest
// directive (on a tie the longer one); a word ending in "line", such as
// ESLint's same-line form hypelint-disable-line, gets
// hypelint-disable-next-line, the only directive about one line.
func nearDirective(word string) (string, bool) {
	lower := strings.ToLower(word)
	best, bestDist := "", -1
	for _, k := range keywords { // longest first
		if d := editdist.Levenshtein(lower, k.word); bestDist < 0 || d < bestDist {
			best, bestDist = k.word, d
		}
	}
	if strings.HasSuffix(lower, "line") {
		best = keywords[0].word
	}
	meant := strings.HasPrefix(lower, "hypelint-") || strings.HasPrefix(lower, "hypelint:") || bestDist <= 2
	return best, meant
}

// matches reports whether the directive names the finding's rule or
// category (or names nothing, which means every rule).
func (d *Directive) matches(r *rule.Rule) bool {
	if len(d.Targets) == 0 {
		return true
	}
	for _, t := range d.Targets {
		if t == r.ID || t == r.Category {
			return true
		}
	}
	return false
}

// Hidden is a finding a directive suppressed, kept for formats that carry
// suppressed results (SARIF).
type Hidden struct {
	Finding rule.Finding
	Reason  string // the directive's "-- reason", if it gave one
}

// Apply splits findings into those kept and those a directive hides, and
// adds a finding for every directive that suppressed nothing or names
// something unknown (unused-suppression) and every comment that is not a
// real directive (unknown-suppression), when set has those rules. known
// reports whether a name is a rule id or category of the whole rule set
// (a rule disabled in the configuration is still a name a directive may
// use).
func Apply(doc *document.Document, findings []rule.Finding, set *rule.Set, known func(string) bool) ([]rule.Finding, []Hidden) {
	dirs := Parse(doc)
	if len(dirs) == 0 {
		return findings, nil
	}
	kept := findings[:0:0]
	var hidden []Hidden
	for _, f := range findings {
		if d := suppressed(doc, dirs, f); d != nil {
			hidden = append(hidden, Hidden{f, d.Reason})
		} else {
			kept = append(kept, f)
		}
	}
	var own []rule.Finding // findings about the directives themselves
	unused, unknown := set.Get(rule.UnusedSuppression), set.Get(rule.UnknownSuppression)
	for _, d := range dirs {
		switch {
		case d.Kind == Unknown && unknown != nil:
			own = append(own, rule.Finding{Rule: unknown, Span: d.Span, Term: d.Word, Suggestion: d.Suggestion})
		case d.Kind == Enable || d.Kind == Unknown || unused == nil || d.meta():
		default:
			if reason := unusedReason(d, known); reason != "" {
				own = append(own, rule.Finding{Rule: unused, Span: d.Span, Term: reason})
			}
		}
	}
	// Directives may name these rules too (hypelint-disable-file
	// unused-suppression).
	for _, f := range own {
		if d := suppressed(doc, dirs, f); d != nil {
			hidden = append(hidden, Hidden{f, d.Reason})
		} else {
			kept = append(kept, f)
		}
	}
	return kept, hidden
}

// meta reports whether a directive names the suppression rules: whether
// it is used can only be known after its own check, so it is not checked.
func (d *Directive) meta() bool {
	for _, t := range d.Targets {
		if t == rule.UnusedSuppression || t == rule.UnknownSuppression || t == "suppression" {
			return true
		}
	}
	return false
}

func unusedReason(d *Directive, known func(string) bool) string {
	for _, t := range d.Targets {
		if !known(t) {
			return fmt.Sprintf("%q is not a rule or category", t)
		}
	}
	if !d.used {
		return "no finding matched"
	}
	return ""
}

// suppressed returns the first directive that covers the finding, or nil,
// marking every directive that covers it as used.
func suppressed(doc *document.Document, dirs []*Directive, f rule.Finding) *Directive {
	line := doc.Position(f.Span.Start).Line
	var hit *Directive
	active := map[*Directive]bool{} // open disable ranges before the finding
	for _, d := range dirs {
		if d.Span.Start > f.Span.Start {
			break
		}
		switch d.Kind {
		case Disable:
			active[d] = true
		case Enable:
			for open := range active {
				if sameTargets(open, d) {
					delete(active, open)
				}
			}
		}
	}
	for _, d := range dirs {
		covers := false
		switch d.Kind {
		case File:
			covers = true
		case NextLine:
			covers = nextContentLine(doc, d.Span.End) == line
		case Disable:
			covers = active[d]
		}
		if covers && d.matches(f.Rule) {
			d.used = true
			if hit == nil {
				hit = d
			}
		}
	}
	return hit
}

// sameTargets reports whether an enable closes a disable: same names, or
// an enable without names closes every disable.
func sameTargets(disable, enable *Directive) bool {
	if len(enable.Targets) == 0 {
		return true
	}
	return strings.Join(disable.Targets, ",") == strings.Join(enable.Targets, ",")
}

// nextContentLine returns the first line after offset that is not blank.
func nextContentLine(doc *document.Document, offset int) int {
	for line := doc.Position(offset).Line + 1; line <= doc.LineCount(); line++ {
		span := doc.LineSpan(doc.LineStart(line))
		if strings.TrimSpace(string(doc.Source[span.Start:span.End])) != "" {
			return line
		}
	}
	return -1
}
