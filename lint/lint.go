// Package lint is hypelint's engine: it parses an article, computes its
// facts, evaluates the rules and returns findings with source spans. It does
// no I/O of its own beyond what the caller hands it; the command-line driver
// owns files, flags and output.
package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/yamlfile"
	"github.com/hypelint/hypelint/rules"
)

// Linter holds a compiled lexicon and rule set. It is safe for concurrent use.
type Linter struct {
	Lexicon  *lexicon.Lexicon
	Rules    *rule.Set
	analyzer *facts.Analyzer
}

// Source is a place rules and lexicons come from: rule files directly in
// Rules, lexicon files in Lexicons (either may be empty). Prefix is how
// errors name its files.
type Source struct {
	FS       fs.FS
	Prefix   string
	Rules    string
	Lexicons string
}

// Builtin is the rule set embedded in the binary.
var Builtin = Source{FS: rules.FS, Prefix: "rules", Rules: ".", Lexicons: "lexicon"}

// New compiles the lexicons of every source into one lexicon, then the rules
// of every source against it.
func New(sources ...Source) (*Linter, error) {
	var lexFiles, ruleFiles []yamlfile.File
	for _, src := range sources {
		if src.Lexicons != "" {
			files, err := yamlfile.ReadDir(src.FS, src.Lexicons, src.Prefix)
			if err != nil {
				return nil, err
			}
			lexFiles = append(lexFiles, files...)
		}
		if src.Rules != "" {
			files, err := yamlfile.ReadDir(src.FS, src.Rules, src.Prefix)
			if err != nil {
				return nil, err
			}
			ruleFiles = append(ruleFiles, files...)
		}
	}
	lex, err := lexicon.Compile(lexFiles)
	if err != nil {
		return nil, err
	}
	set, err := rule.Compile(lex, ruleFiles)
	if err != nil {
		return nil, err
	}
	return &Linter{Lexicon: lex, Rules: set, analyzer: facts.NewAnalyzer(lex)}, nil
}

// Default returns a linter with the built-in rules and lexicons.
func Default() (*Linter, error) { return New(Builtin) }

// Dir is a source for a user's directory: rule files in dir, lexicon files
// in dir/lexicon.
func Dir(dir string) Source {
	return Source{FS: os.DirFS(dir), Prefix: dir, Rules: ".", Lexicons: lexiconSubdir(dir)}
}

func lexiconSubdir(dir string) string {
	if info, err := os.Stat(filepath.Join(dir, "lexicon")); err == nil && info.IsDir() {
		return "lexicon"
	}
	return ""
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
