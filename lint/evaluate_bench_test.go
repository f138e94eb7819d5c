package lint_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
)

// BenchmarkEvaluate runs the built-in rules over the facts of every 25th
// file under HYPELINT_BENCH_DIR (the benchmark archive, say): parsing and
// the facts are done before the clock starts. (Few enough files for their
// facts to stay in cache, as a document's do when the driver lints it.)
func BenchmarkEvaluate(b *testing.B) {
	dir := os.Getenv("HYPELINT_BENCH_DIR")
	if dir == "" {
		b.Skip("HYPELINT_BENCH_DIR names no directory of articles")
	}
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	a := facts.NewAnalyzer(l.Lexicon)
	var docs []*facts.Document
	size, n := 0, 0
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if n++; n%25 != 0 {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := lint.Parse(lint.Input{Path: path, Data: data})
		if err != nil {
			return nil // a file the linter refuses is no matter here
		}
		docs = append(docs, a.Analyze(doc))
		size += len(data)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			// In batches of 64 blocks, as Linter.evaluate runs them.
			run := l.Rules.Start(d)
			for blocks := d.Blocks; len(blocks) > 0; blocks = blocks[min(64, len(blocks)):] {
				if err := run.Blocks(blocks[:min(64, len(blocks))]); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := run.Finish(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
