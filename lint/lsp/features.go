package lsp

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/suppress"
)

// diagnostics lints a document version and converts its findings.
func (s *server) diagnostics(d *document) []Diagnostic {
	res, _, err := s.lint(d)
	if err != nil {
		s.logf("%s: %v", d.uri, err)
		return []Diagnostic{{Severity: SeverityError, Source: "hypelint", Message: err.Error()}}
	}
	out := make([]Diagnostic, 0, len(res.Findings))
	card := evidence.Build(res.Facts, res.Findings)
	for _, f := range res.Findings {
		diag := s.diagnostic(d, f)
		diag.RelatedInformation = s.related(d, f, card)
		out = append(out, diag)
	}
	return out
}

func (s *server) diagnostic(d *document, f rule.Finding) Diagnostic {
	diag := Diagnostic{
		Range:    d.lines.rangeOf(f.Span.Start, f.Span.End, s.encoding),
		Severity: severity(f.Rule.Severity),
		Code:     f.Rule.ID,
		Source:   "hypelint",
		Message:  f.Message(s.locale),
	}
	if f.Rule.ID == rule.UnusedSuppression {
		diag.Tags = []int{TagUnnecessary}
	}
	if f.Rule.DocURL != "" {
		diag.CodeDescription = &CodeDescription{Href: f.Rule.DocURL}
	}
	return diag
}

func severity(s rule.Severity) int {
	switch s {
	case rule.Error:
		return SeverityError
	case rule.Warning:
		return SeverityWarning
	}
	return SeverityInformation
}

// hover explains the findings under the cursor: message, the rule's
// explanation and its source.
func (s *server) hover(raw json.RawMessage) (any, *rpcError) {
	var p textDocumentPositionParams
	if rerr := unmarshalParams(raw, &p); rerr != nil {
		return nil, rerr
	}
	d := s.doc(p.TextDocument.URI)
	if d == nil {
		return nil, nil
	}
	res, _, err := s.lint(d)
	if err != nil {
		return nil, nil
	}
	at := d.lines.offset(p.Position, s.encoding)
	var parts []string
	start, end := -1, -1
	for _, f := range res.Findings {
		if at < f.Span.Start || at >= f.Span.End && at != f.Span.Start { // an empty span answers at its start
			continue
		}
		parts = append(parts, s.explain(f))
		if start < 0 || f.Span.Start < start {
			start = f.Span.Start
		}
		end = max(end, f.Span.End)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	r := d.lines.rangeOf(start, end, s.encoding)
	sep := "\n\n---\n\n"
	if s.hoverKind != "markdown" {
		sep = "\n\n"
	}
	return hover{Contents: markupContent{Kind: s.hoverKind, Value: strings.Join(parts, sep)}, Range: &r}, nil
}

func (s *server) explain(f rule.Finding) string {
	r := f.Rule
	head, source := fmt.Sprintf("**%s** · %s · %s", r.ID, r.Category, r.Severity), "*Source:* "+r.Source
	if s.hoverKind != "markdown" {
		head, source = fmt.Sprintf("%s (%s, %s)", r.ID, r.Category, r.Severity), "Source: "+r.Source
	}
	parts := []string{head, f.Message(s.locale)}
	if n := r.NoteIn(s.locale); n != "" {
		parts = append(parts, n)
	}
	if e := strings.TrimSpace(r.ExplanationIn(s.locale)); e != "" {
		if s.hoverKind == "markdown" {
			e = labelParagraphs(e)
		}
		parts = append(parts, e)
	}
	if r.Source != "" {
		parts = append(parts, source)
	}
	return strings.Join(parts, "\n\n")
}

// label is the start of an explanation line that opens a part of it
// ("What it does:", "Why it matters:", "作用：").
var label = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\p{Lu}[\p{L} ]{0,15}|\p{Han}{1,6})[:：]`) })

// labelParagraphs starts a Markdown paragraph, with the label in bold, at
// each labelled line of a hard-wrapped explanation.
func labelParagraphs(e string) string {
	var b strings.Builder
	for i, line := range strings.Split(e, "\n") {
		m := label().FindStringIndex(line)
		switch {
		case m != nil && i > 0:
			b.WriteString("\n\n")
		case i > 0:
			b.WriteString("\n")
		}
		if m != nil {
			line = "**" + line[:m[1]] + "**" + line[m[1]:]
		}
		b.WriteString(line)
	}
	return b.String()
}

// codeAction offers, for each finding in the range, a quick fix that
// suppresses its rule on that line with a disable-next-line comment, its
// suggested replacements, and for a misspelt directive one that corrects
// it.
func (s *server) codeAction(raw json.RawMessage) (any, *rpcError) {
	var p codeActionParams
	if rerr := unmarshalParams(raw, &p); rerr != nil {
		return nil, rerr
	}
	actions := []CodeAction{}
	d := s.doc(p.TextDocument.URI)
	if d == nil || !wantsQuickFix(p.Context.Only) {
		return actions, nil
	}
	res, l, err := s.lint(d)
	if err != nil {
		return actions, nil
	}
	from, to := d.lines.offset(p.Range.Start, s.encoding), d.lines.offset(p.Range.End, s.encoding)
	seen := map[string]bool{}
	for _, f := range res.Findings {
		if f.Span.End < from || f.Span.Start > to {
			continue
		}
		if f.Rule.ID == rule.UnknownSuppression {
			if a, ok := s.respellDirective(d, f); ok {
				actions = append(actions, a)
			}
		}
		if f.Rule.Scope == rule.SuppressionScope {
			continue
		}
		key := fmt.Sprint(f.Rule.ID, d.lines.line(f.Span.Start))
		if !seen[key] {
			seen[key] = true
			if edit, ok := s.disableEdit(d, res, l, f); ok {
				actions = append(actions, CodeAction{
					Title:       fmt.Sprintf("Disable %s for this line (hypelint)", f.Rule.ID),
					Kind:        "quickfix",
					Diagnostics: []Diagnostic{s.diagnostic(d, f)},
					Edit:        WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {edit}}},
				})
			}
		}
		actions = append(actions, s.replacements(d, f)...)
	}
	return actions, nil
}

// replacements are the finding's suggested edits as code actions; a safe
// one (a house rule's term swap) is the preferred action.
func (s *server) replacements(d *document, f rule.Finding) []CodeAction {
	var out []CodeAction
	for _, fix := range f.Fixes {
		if fix.Span.Start < 0 || fix.Span.End > len(d.text) || fix.Span.Start > fix.Span.End {
			continue
		}
		title := fmt.Sprintf("Replace %q with %q (hypelint)", d.text[fix.Span.Start:fix.Span.End], fix.Replacement)
		if fix.Span.Start == fix.Span.End {
			title = fmt.Sprintf("Insert %q (hypelint)", fix.Replacement)
		}
		out = append(out, CodeAction{
			Title:       title,
			Kind:        "quickfix",
			Diagnostics: []Diagnostic{s.diagnostic(d, f)},
			IsPreferred: fix.Safe,
			Edit: WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {{
				Range:   Range{d.lines.position(fix.Span.Start, s.encoding), d.lines.position(fix.Span.End, s.encoding)},
				NewText: fix.Replacement,
			}}}},
		})
	}
	return out
}

// respellDirective is the quick fix for a misspelt directive: the
// nearest real one in its place.
func (s *server) respellDirective(d *document, f rule.Finding) (CodeAction, bool) {
	i := strings.Index(d.text[f.Span.Start:f.Span.End], f.Term)
	if i < 0 || f.Suggestion == "" {
		return CodeAction{}, false
	}
	start := f.Span.Start + i
	edit := TextEdit{
		Range:   Range{d.lines.position(start, s.encoding), d.lines.position(start+len(f.Term), s.encoding)},
		NewText: f.Suggestion,
	}
	return CodeAction{
		Title:       fmt.Sprintf("Write %s (hypelint)", f.Suggestion),
		Kind:        "quickfix",
		Diagnostics: []Diagnostic{s.diagnostic(d, f)},
		Edit:        WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {edit}}},
	}, true
}

// wantsQuickFix reports whether a context.only filter admits "quickfix".
func wantsQuickFix(only []string) bool {
	if len(only) == 0 {
		return true
	}
	for _, k := range only {
		if k == "" || k == "quickfix" {
			return true
		}
	}
	return false
}

// disableEdit builds the edit that suppresses f's rule on f's line: the
// rule is added to a disable-next-line comment that already covers the
// line, or a new comment line goes above it with the line's indentation.
// The edit is offered only if re-linting the edited text shows the
// finding gone (not so inside front matter or an HTML <title>, say).
func (s *server) disableEdit(d *document, res *lint.Result, l *lint.Linter, f rule.Finding) (TextEdit, bool) {
	line := d.lines.line(f.Span.Start)
	at, text, newLine := -1, "", line
	for _, dir := range suppress.Parse(res.Doc) {
		if dir.Kind == suppress.NextLine && len(dir.Targets) > 0 && d.nextContentLine(dir.Span.End) == line {
			at, text = appendTarget(d.text, dir, f.Rule.ID)
			break
		}
	}
	if at < 0 {
		at, text = d.lines.starts[line], d.comment(line, f.Rule.ID)
		if at == 0 && strings.HasPrefix(d.text, "\ufeff") {
			at = len("\ufeff")
		}
		newLine++
	}
	edited := d.text[:at] + text + d.text[at:]
	after, err := l.Lint(lint.Input{Path: d.name(), Data: []byte(edited), Format: d.format})
	if err != nil {
		return TextEdit{}, false
	}
	el := newLines(edited)
	for _, g := range after.Findings {
		if g.Rule.ID == f.Rule.ID && el.line(g.Span.Start) == newLine {
			return TextEdit{}, false
		}
	}
	pos := d.lines.position(at, s.encoding)
	return TextEdit{Range: Range{pos, pos}, NewText: text}, true
}

// comment returns the directive line to insert above a line: its
// indentation (and, in Markdown, its block-quote markers), the comment and
// a line break like the document's.
func (d *document) comment(line int, ruleID string) string {
	content := d.text[d.lines.starts[line]:d.lines.end(line)]
	keep := " \t"
	if d.format == "markdown" {
		keep = " \t>"
	}
	prefix := content[:len(content)-len(strings.TrimLeft(content, keep))]
	c := "<!-- hypelint-disable-next-line " + ruleID + " -- reason -->"
	if d.format == "text" {
		c = "# hypelint-disable-next-line " + ruleID
	}
	eol := "\n"
	if strings.Contains(d.text, "\r\n") {
		eol = "\r\n"
	}
	return prefix + c + eol
}

// appendTarget returns where to insert ", RULE" after the names of an
// existing disable-next-line directive, or -1.
func appendTarget(text string, dir *suppress.Directive, ruleID string) (int, string) {
	const word = "hypelint-disable-next-line"
	src := text[dir.Span.Start:dir.Span.End]
	i := strings.Index(src, word)
	if i < 0 {
		return -1, ""
	}
	rest := src[i+len(word):]
	if j := strings.Index(rest, "--"); j >= 0 { // the reason, or the end of "-->"
		rest = rest[:j]
	}
	names := strings.TrimRight(rest, " \t\r\n")
	return dir.Span.Start + i + len(word) + len(names), ", " + ruleID
}

// nextContentLine is the first non-blank line after the one holding
// offset, as suppress counts it; -1 if there is none.
func (d *document) nextContentLine(offset int) int {
	for line := d.lines.line(offset) + 1; line < len(d.lines.starts); line++ {
		if strings.TrimSpace(d.text[d.lines.starts[line]:d.lines.end(line)]) != "" {
			return line
		}
	}
	return -1
}
