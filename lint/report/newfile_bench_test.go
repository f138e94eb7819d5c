package report

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
)

// corpusResults lints every article of the corpus once, or of the
// directory HYPELINT_REPORT_BENCH names (an archive's part, say, whose
// articles are more like what people lint than the corpus's).
func corpusResults(b testing.TB) (paths []string, results []*lint.Result) {
	l, err := lint.Default()
	require.NoError(b, err)
	globs := []string{"../../corpus/en/*", "../../corpus/zh-Hans/*", "../../corpus/zh-Hant/*"}
	if dir := os.Getenv("HYPELINT_REPORT_BENCH"); dir != "" {
		globs = []string{filepath.Join(dir, "*")}
	}
	for _, glob := range globs {
		names, err := filepath.Glob(glob)
		require.NoError(b, err)
		for _, path := range names {
			if strings.HasSuffix(path, ".yaml") {
				continue
			}
			src, err := os.ReadFile(path)
			require.NoError(b, err)
			res, err := l.Lint(lint.Input{Path: path, Data: src, Card: true})
			require.NoError(b, err)
			paths, results = append(paths, path), append(results, res)
		}
	}
	require.NotEmpty(b, results)
	return paths, results
}

// BenchmarkCorpusReport resolves every corpus article's lint result for
// reporting (positions, messages, the evidence card, built with the
// result as the driver asks for it) and writes the JSON report: what a
// `--format json` run does after linting.
func BenchmarkCorpusReport(b *testing.B) {
	paths, results := corpusResults(b)
	size := 0
	for _, res := range results {
		size += len(res.Doc.Source)
	}
	b.Run("NewFile", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for i, res := range results {
				f := NewFile(paths[i], res, "en")
				f.Recycle()
			}
		}
	})
	b.Run("NewFile+JSON", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			w := NewJSONWriter(io.Discard, "test")
			for i, res := range results {
				f := NewFile(paths[i], res, "en")
				require.NoError(b, w.File(f))
				f.Recycle()
			}
			require.NoError(b, w.Close())
		}
	})
	b.Run("JSON", func(b *testing.B) {
		files := make([]File, len(results))
		for i, res := range results {
			files[i] = NewFile(paths[i], res, "en")
		}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			w := NewJSONWriter(io.Discard, "test")
			for _, f := range files {
				require.NoError(b, w.File(f))
			}
			require.NoError(b, w.Close())
		}
	})
}
