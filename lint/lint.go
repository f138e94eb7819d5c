// Package lint is hypelint's engine: it parses an article, computes its
// facts, evaluates the rules and returns findings with source spans. It does
// no I/O of its own beyond what the caller hands it; the command-line driver
// owns files, flags and output.
package lint

import (
	"io/fs"
	"sort"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/rules"
)

// Linter holds a compiled lexicon and rule set. It is safe for concurrent use.
type Linter struct {
	Lexicon  *lexicon.Lexicon
	Rules    *rule.Set
	analyzer *facts.Analyzer
}

// New compiles the lexicons and rules found in fsys: lexicons under
// lexiconDir, rule files under ruleDir.
func New(fsys fs.FS, lexiconDir, ruleDir string) (*Linter, error) {
	lex, err := lexicon.Load(fsys, lexiconDir)
	if err != nil {
		return nil, err
	}
	set, err := rule.Load(fsys, lex, ruleDir)
	if err != nil {
		return nil, err
	}
	return &Linter{Lexicon: lex, Rules: set, analyzer: facts.NewAnalyzer(lex)}, nil
}

// Default returns a linter with the built-in rules and lexicons.
func Default() (*Linter, error) {
	return New(rules.FS, "lexicon", ".")
}

// Result is the outcome of linting one article.
type Result struct {
	Doc      *document.Document
	Facts    *facts.Document
	Findings []rule.Finding // sorted by position, then rule id
}

// LintText lints a plain-text article. The error is an *document.InputError
// for bad input (invalid UTF-8 and the like).
func (l *Linter) LintText(path string, src []byte) (*Result, error) {
	doc, err := document.ParseText(path, src)
	if err != nil {
		return nil, err
	}
	return l.lintDocument(doc)
}

func (l *Linter) lintDocument(doc *document.Document) (*Result, error) {
	f := l.analyzer.Analyze(doc)
	findings, err := l.Rules.Evaluate(f)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Rule.ID < b.Rule.ID
	})
	return &Result{Doc: doc, Facts: f, Findings: findings}, nil
}
