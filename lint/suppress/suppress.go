// Package suppress applies the suppression comments writers put in their
// articles:
//
//	<!-- hypelint-disable-next-line RULE[, RULE] -- reason -->
//	<!-- hypelint-disable RULE --> … <!-- hypelint-enable RULE -->
//	<!-- hypelint-disable-file RULE -->
//
// (in plain text the same words on a line of their own after "#" or "//").
// A category name works in place of a rule id; no name means every rule. A
// suppression that suppresses nothing is itself reported, so stale ones get
// cleaned up.
package suppress

import (
	"fmt"
	"strings"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/rule"
)

// Unused is the finding reported for a suppression that suppressed nothing
// or names no known rule or category.
var Unused = &rule.Rule{
	ID:       "unused-suppression",
	Category: "suppression",
	Severity: rule.Info,
	Scope:    rule.SentenceScope,
	Messages: map[string]string{
		"en":      "This suppression comment suppresses nothing ({term}); remove it or fix the rule name.",
		"zh-Hans": "这条抑制注释没有抑制任何结果（{term}）；请删除或改正规则名。",
		"zh-Hant": "這條抑制註解沒有抑制任何結果（{term}）；請刪除或改正規則名稱。",
	},
	Explanation: map[string]string{
		"en":      "A hypelint-disable comment that no longer matches a finding hides nothing today but would hide a real problem tomorrow. Remove it, or correct the rule id or category it names.",
		"zh-Hans": "不再对应任何结果的 hypelint-disable 注释今天什么也没隐藏，却可能在将来掩盖真正的问题。请删除它，或改正其中的规则名或类别。",
		"zh-Hant": "不再對應任何結果的 hypelint-disable 註解今天什麼也沒隱藏，卻可能在將來掩蓋真正的問題。請刪除它，或改正其中的規則名稱或類別。",
	},
	Source: "hypelint",
}

// Kind is what a directive does.
type Kind int

// Directive kinds.
const (
	NextLine Kind = iota
	Disable
	Enable
	File
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
	used    bool
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
	return nil
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

// Apply removes suppressed findings and appends an Unused finding for every
// directive that suppressed nothing or names something unknown. known
// reports whether a name is a rule id or category of the loaded rule set.
func Apply(doc *document.Document, findings []rule.Finding, known func(string) bool) []rule.Finding {
	dirs := Parse(doc)
	if len(dirs) == 0 {
		return findings
	}
	kept := findings[:0:0]
	for _, f := range findings {
		if !suppressed(doc, dirs, f) {
			kept = append(kept, f)
		}
	}
	for _, d := range dirs {
		if d.Kind == Enable {
			continue
		}
		if reason := unusedReason(d, known); reason != "" {
			kept = append(kept, rule.Finding{Rule: Unused, Span: d.Span, Term: reason})
		}
	}
	return kept
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

// suppressed reports whether a directive covers the finding, marking the
// directives that did.
func suppressed(doc *document.Document, dirs []*Directive, f rule.Finding) bool {
	line := doc.Position(f.Span.Start).Line
	hit := false
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
			d.used, hit = true, true
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
