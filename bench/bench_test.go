package bench

import (
	"io"
	"os"
	"testing"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/report"
)

// articles are the realistic single articles each stage is measured on.
var articles = []struct{ name, path string }{
	{"zh-Hans", "../corpus/zh-Hans/hypertension-diet-trial.txt"},
	{"en", "../corpus/en/glp1-mash-phase3.txt"},
}

// fixture is one article with every stage's input precomputed.
type fixture struct {
	in     lint.Input
	doc    *document.Document
	texts  []string // the normalized sentences
	facts  *facts.Document
	result *lint.Result
}

func setup(b *testing.B, path string) (*lint.Linter, fixture) {
	b.Helper()
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	in := lint.Input{Path: path, Data: data}
	doc, err := lint.Parse(in)
	if err != nil {
		b.Fatal(err)
	}
	res, err := l.LintDocument(doc)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, s := range sentences(doc) {
		texts = append(texts, normalize.Normalize(s).Text)
	}
	return l, fixture{in: in, doc: doc, texts: texts, facts: res.Facts, result: res}
}

// sentences returns the text of every sentence of a document.
func sentences(doc *document.Document) []string {
	var out []string
	for _, blk := range doc.Blocks {
		for _, s := range blk.Sentences {
			out = append(out, blk.Text[s.Start:s.End])
		}
	}
	return out
}

// each runs fn as a sub-benchmark per article, reporting MB/s of the
// article's source bytes and allocations.
func each(b *testing.B, fn func(b *testing.B, l *lint.Linter, f fixture)) {
	for _, a := range articles {
		b.Run(a.name, func(b *testing.B) {
			l, f := setup(b, a.path)
			b.SetBytes(int64(len(f.in.Data)))
			b.ReportAllocs()
			fn(b, l, f)
		})
	}
}

func BenchmarkParse(b *testing.B) {
	each(b, func(b *testing.B, _ *lint.Linter, f fixture) {
		for b.Loop() {
			if _, err := lint.Parse(f.in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	each(b, func(b *testing.B, _ *lint.Linter, f fixture) {
		texts := sentences(f.doc)
		for b.Loop() {
			for _, s := range texts {
				normalize.Normalize(s)
			}
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	each(b, func(b *testing.B, l *lint.Linter, f fixture) {
		var hits []lexicon.Hit
		for b.Loop() {
			for _, s := range f.texts {
				hits = l.Lexicon.Match(s, hits[:0])
			}
		}
	})
}

// BenchmarkFacts is normalize, match, numbers and the document facts
// together (facts.Analyzer.Analyze).
func BenchmarkFacts(b *testing.B) {
	each(b, func(b *testing.B, l *lint.Linter, f fixture) {
		a := facts.NewAnalyzer(l.Lexicon)
		for b.Loop() {
			a.Analyze(f.doc)
		}
	})
}

func BenchmarkRules(b *testing.B) {
	each(b, func(b *testing.B, l *lint.Linter, f fixture) {
		for b.Loop() {
			if _, err := l.Rules.Evaluate(f.facts); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkRender(b *testing.B) {
	each(b, func(b *testing.B, _ *lint.Linter, f fixture) {
		for b.Loop() {
			files := []report.File{report.NewFile(f.in.Path, f.result, "en")}
			if err := report.WriteJSON(io.Discard, files, "bench"); err != nil {
				b.Fatal(err)
			}
			if err := report.WriteText(io.Discard, files, report.TextOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPipeline is one article end to end, as the command lints it:
// parse, facts, rules, suppressions, report and JSON.
func BenchmarkPipeline(b *testing.B) {
	each(b, func(b *testing.B, l *lint.Linter, f fixture) {
		for b.Loop() {
			res, err := l.Lint(f.in)
			if err != nil {
				b.Fatal(err)
			}
			files := []report.File{report.NewFile(f.in.Path, res, "en")}
			if err := report.WriteJSON(io.Discard, files, "bench"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLoad is the start-up cost every process pays once: compiling the
// embedded lexicons and rules.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.Default(); err != nil {
			b.Fatal(err)
		}
	}
}
