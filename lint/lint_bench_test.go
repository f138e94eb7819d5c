package lint_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hypelint/hypelint/lint"
)

// BenchmarkLintDir lints every file under HYPELINT_BENCH_DIR (one archive
// directory, say /work/notes/bench/files-5000/archive/000) one after the
// other, releasing each result as the driver does: with -benchmem its
// bytes and objects per run are what a one-job run allocates per article
// set, loading aside.
func BenchmarkLintDir(b *testing.B) {
	dir := os.Getenv("HYPELINT_BENCH_DIR")
	if dir == "" {
		b.Skip("HYPELINT_BENCH_DIR names no directory of articles")
	}
	var inputs []lint.Input
	size := 0
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		inputs = append(inputs, lint.Input{Path: path, Data: data})
		size += len(data)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	l, err := lint.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			res, err := l.Lint(in)
			if err != nil {
				continue // a file the linter refuses is no matter here
			}
			res.Release()
		}
	}
}
