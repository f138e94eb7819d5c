// Package benchdocs reads the articles that benchmarks run on: every n-th
// file under the directory HYPELINT_BENCH_DIR names (the benchmark archive,
// say), parsed as the linter parses it.
package benchdocs

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
)

// Parsed parses every n-th file under HYPELINT_BENCH_DIR and returns the
// documents with their total size in bytes; without the variable it skips
// the benchmark.
func Parsed(tb testing.TB, every int) ([]*document.Document, int) {
	dir := os.Getenv("HYPELINT_BENCH_DIR")
	if dir == "" {
		tb.Skip("HYPELINT_BENCH_DIR names no directory of articles")
	}
	docs, size, err := ParsedFrom(dir, every)
	if err != nil {
		tb.Fatal(err)
	}
	return docs, size
}

// ParsedFrom is Parsed on dir. A file the linter refuses is left out: it is
// no matter to a benchmark.
func ParsedFrom(dir string, every int) (docs []*document.Document, size int, err error) {
	n := 0
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if n++; n%every != 0 {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := lint.Parse(lint.Input{Path: path, Data: data})
		if err != nil {
			return nil
		}
		docs = append(docs, doc)
		size += len(data)
		return nil
	})
	return docs, size, err
}
