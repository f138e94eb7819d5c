package lint_test

import (
	"testing"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/internal/benchdocs"
)

// BenchmarkEvaluate runs the built-in rules over the facts of every 25th
// file under HYPELINT_BENCH_DIR (the benchmark archive, say): parsing and
// the facts are done before the clock starts. (Few enough files for their
// facts to stay in cache, as a document's do when the driver lints it.)
func BenchmarkEvaluate(b *testing.B) {
	parsed, size := benchdocs.Parsed(b, 25)
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	a := facts.NewAnalyzer(l.Lexicon)
	docs := make([]*facts.Document, len(parsed))
	for i, doc := range parsed {
		docs[i] = a.Analyze(doc)
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
