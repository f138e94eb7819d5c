package report

import (
	"fmt"
	"strings"

	"github.com/hypelint/hypelint/lint/rule"
)

// Rule documentation in Markdown: one section per rule, in the manner of
// ruff's rule pages (what it does, why it matters, an example, what to
// write instead, the source). docs/rules.md is made of these sections, and
// SARIF's help.markdown carries one.

// explanationLabels are the paragraphs every built-in explanation has, in
// order (a house rule's explanation may have none of them).
var explanationLabels = []struct{ label, heading string }{
	{"What it does:", "What it does"},
	{"Why it matters:", "Why it matters"},
	{"Use instead:", "Use instead"},
}

// explanationParts splits an English explanation at its labels and joins
// each part's hard-wrapped lines into one paragraph. It reports false when
// the text does not have the three labels in order.
func explanationParts(text string) ([]string, bool) {
	var parts []string
	rest := text
	for i, l := range explanationLabels {
		at := strings.Index(rest, l.label)
		if at < 0 || i == 0 && strings.TrimSpace(rest[:at]) != "" {
			return nil, false
		}
		if i > 0 {
			parts = append(parts, paragraph(rest[:at]))
		}
		rest = rest[at+len(l.label):]
	}
	return append(parts, paragraph(rest)), true
}

// paragraph joins hard-wrapped lines with spaces and starts the sentence
// with a capital ("What it does: flags …" becomes "Flags …").
func paragraph(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// RuleMarkdown documents one rule, without a heading of its own.
func RuleMarkdown(r *rule.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Category `%s` · severity `%s` · scope `%s`\n\n", r.Category, r.Severity, r.Scope)
	fmt.Fprintf(&b, "Message: %s\n\n", neutralMessage(r, "en"))
	parts, ok := explanationParts(r.ExplanationIn("en"))
	if !ok {
		b.WriteString(paragraph(r.ExplanationIn("en")) + "\n\n")
	} else {
		for i, l := range explanationLabels[:2] {
			fmt.Fprintf(&b, "**%s.** %s\n\n", l.heading, parts[i])
		}
	}
	writeExamples(&b, "Flagged", r.Examples.Bad)
	writeExamples(&b, "Not flagged", r.Examples.Good)
	if ok {
		fmt.Fprintf(&b, "**Use instead.** %s\n\n", parts[2])
	}
	if zh := strings.TrimSpace(r.ExplanationIn("zh-Hans")); zh != "" && zh != strings.TrimSpace(r.ExplanationIn("en")) {
		var lines []string
		for line := range strings.Lines(zh) {
			if line = strings.TrimSpace(line); line != "" {
				lines = append(lines, "> "+line)
			}
		}
		b.WriteString("**说明（简体中文）**\n\n" + strings.Join(lines, "\n>\n") + "\n\n")
	}
	fmt.Fprintf(&b, "**Source.** %s\n", r.Source)
	return b.String()
}

func writeExamples(b *strings.Builder, label string, examples []string) {
	if len(examples) == 0 {
		return
	}
	fmt.Fprintf(b, "**%s:**\n\n", label)
	for _, ex := range examples {
		fence := "```"
		for strings.Contains(ex, fence) {
			fence += "`"
		}
		fmt.Fprintf(b, "%stext\n%s\n%s\n\n", fence, strings.TrimRight(ex, "\n"), fence)
	}
}

// RulesMarkdown is the whole rule documentation (docs/rules.md): an index,
// then one section per rule whose heading is its id, so that the anchor
// #<id> the reporters link to is stable.
func RulesMarkdown(rules []*rule.Rule) []byte {
	var b strings.Builder
	b.WriteString("<!-- Generated from rules/*.yaml by `go test ./lint/report -run RulesDoc -update`; do not edit. -->\n\n")
	b.WriteString("# hypelint rules\n\n")
	b.WriteString("Every built-in rule: what it flags, why, examples that are and are not flagged, and the\n")
	b.WriteString("source behind it. `hypelint explain RULE` prints the same in a terminal, in English, Simplified\n")
	b.WriteString("or Traditional Chinese.\n\n")
	b.WriteString("| rule | category | severity |\n|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s |\n", r.ID, r.ID, r.Category, r.Severity)
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		b.WriteString(RuleMarkdown(r))
	}
	return []byte(b.String())
}
