// Package ruletest runs rules' examples, as `hypelint test` and the test
// suite do: each bad example must produce the rule's finding (exactly on
// the spans it marks, when it marks any) and no good example may produce
// one.
package ruletest

import (
	"fmt"
	"strings"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/rule"
)

// Failure is one example that does not behave as its rule says.
type Failure struct {
	Rule    *rule.Rule
	Example rule.Example
	Problem string // what went wrong, e.g. `not flagged` or `flagged "x" at 3:5`
}

func (f Failure) Error() string {
	kind := "good"
	if f.Example.Bad {
		kind = "bad"
	}
	return fmt.Sprintf("%s:%d: %s: %s example %s: %s", f.Rule.File, f.Example.Line, f.Rule.ID, kind, f.Problem, firstLine(f.Example.Text))
}

func firstLine(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return fmt.Sprintf("%q", line)
}

// Result is the outcome of running the examples of some rules.
type Result struct {
	Rules, Examples int
	Failures        []Failure
}

// Run lints every example of rules with l (which must have loaded them)
// and checks each against its rule. An example that cannot be linted is an
// error.
func Run(l *lint.Linter, rules []*rule.Rule) (Result, error) {
	var res Result
	for _, r := range rules {
		if r.Scope == rule.SuppressionScope && len(r.Examples.Bad)+len(r.Examples.Good) == 0 {
			continue
		}
		res.Rules++
		for _, ex := range r.Examples.Cases() {
			res.Examples++
			problem, err := Check(l, r, ex)
			if err != nil {
				return res, fmt.Errorf("%s:%d: %s: %v", r.File, ex.Line, r.ID, err)
			}
			if problem != "" {
				res.Failures = append(res.Failures, Failure{Rule: r, Example: ex, Problem: problem})
			}
		}
	}
	return res, nil
}

// Check lints one example (as plain text) and says what is wrong with it,
// or "".
func Check(l *lint.Linter, r *rule.Rule, ex rule.Example) (string, error) {
	res, err := l.LintText("example.txt", []byte(ex.Text))
	if err != nil {
		return "", err
	}
	var found []document.Span
	for _, f := range res.Findings {
		if f.Rule.ID == r.ID {
			found = append(found, f.Span)
		}
	}
	at := func(s document.Span) string {
		p := res.Doc.Lines().Position(s.Start)
		return fmt.Sprintf("%q at %d:%d", ex.Text[s.Start:s.End], p.Line, p.Column)
	}
	switch {
	case !ex.Bad && len(found) > 0:
		return "flagged " + list(found, at), nil
	case ex.Bad && len(found) == 0:
		return "not flagged", nil
	case !ex.Bad || len(ex.Spans) == 0:
		return "", nil
	}
	missing := without(ex.Spans, found)
	extra := without(found, ex.Spans)
	var problems []string
	if len(missing) > 0 {
		problems = append(problems, "not flagged on the marked "+list(missing, at))
	}
	if len(extra) > 0 {
		problems = append(problems, "flagged "+list(extra, at)+", which is not marked")
	}
	return strings.Join(problems, "; "), nil
}

// without returns the spans of a that are not in b.
func without(a, b []document.Span) []document.Span {
	var out []document.Span
	for _, s := range a {
		found := false
		for _, t := range b {
			found = found || s == t
		}
		if !found {
			out = append(out, s)
		}
	}
	return out
}

func list(spans []document.Span, at func(document.Span) string) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = at(s)
	}
	return strings.Join(parts, ", ")
}
