package facts_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/internal/benchdocs"
)

// BenchmarkAnalyze computes the facts of every fifth file under the
// directory HYPELINT_BENCH_DIR (the benchmark archive, say): parsing is
// done before the clock starts.
func BenchmarkAnalyze(b *testing.B) {
	docs, size := benchdocs.Parsed(b, 5)
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	a := facts.NewAnalyzer(l.Lexicon)
	// kept: each document's facts left to the collector; released: handed
	// back once done with, as the driver does (Document.Release).
	for _, release := range []bool{false, true} {
		name := "kept"
		if release {
			name = "released"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, doc := range docs {
					d := a.Analyze(doc)
					if release {
						d.Release()
					}
				}
			}
		})
	}
}

// BenchmarkVoice reads the voice of every hit of the corpus's documents,
// with the plain-sentence shortcut and (full) without it.
func BenchmarkVoice(b *testing.B) {
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	a := facts.NewAnalyzer(l.Lexicon)
	var docs []*facts.Document
	err = filepath.WalkDir("../../corpus", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(path) == ".yaml" || filepath.Ext(path) == ".go" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if doc, err := lint.Parse(lint.Input{Path: path, Data: data}); err == nil {
			docs = append(docs, a.Analyze(doc))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, full := range []bool{false, true} {
		name := "shortcut"
		if full {
			name = "full"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, d := range docs {
					facts.VoiceAll(d, full)
				}
			}
		})
	}
}
