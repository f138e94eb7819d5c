package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
)

// articleSet is the set of articles the rule and pass benchmarks run over:
// every file under BENCH_ARTICLES (e.g. an archive made by bench/gen), or
// the corpus. Many articles rather than two, so that rules that fire on
// few texts are weighed as the archive weighs them.
func articleSet(b *testing.B) (*lint.Linter, []*facts.Document, int) {
	b.Helper()
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	root := os.Getenv("BENCH_ARTICLES")
	if root == "" {
		root = "../corpus"
	}
	var docs []*facts.Document
	size := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".txt", ".md", ".html":
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		in := lint.Input{Path: path, Data: data}
		if lint.Sectioned(in) {
			return nil
		}
		doc, err := lint.Parse(in)
		if err != nil {
			return nil // the corpus holds files that must fail to parse
		}
		res, err := l.LintDocument(doc)
		if err != nil {
			return err
		}
		docs = append(docs, res.Facts)
		size += len(data)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return l, docs, size
}

// BenchmarkRulesSet is the rules' evaluation over every article of the
// set (lint.Linter's rule run, without suppression and sorting).
func BenchmarkRulesSet(b *testing.B) {
	l, docs, size := articleSet(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := l.Rules.Evaluate(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCompleteSet is the completion passes (claims, attribution,
// stories) over every article of the set, run again on facts already
// complete (the passes set what they find afresh).
func BenchmarkCompleteSet(b *testing.B) {
	l, docs, size := articleSet(b)
	a := facts.NewAnalyzer(l.Lexicon)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			a.Complete(d, d.Blocks)
		}
	}
}
