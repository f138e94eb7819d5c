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

// corpusResults lints every article of the corpus once.
func corpusResults(b testing.TB) (paths []string, results []*lint.Result) {
	l, err := lint.Default()
	require.NoError(b, err)
	for _, dir := range []string{"en", "zh-Hans", "zh-Hant"} {
		names, err := filepath.Glob(filepath.Join("../../corpus", dir, "*"))
		require.NoError(b, err)
		for _, path := range names {
			if strings.HasSuffix(path, ".yaml") {
				continue
			}
			src, err := os.ReadFile(path)
			require.NoError(b, err)
			res, err := l.LintText(path, src)
			require.NoError(b, err)
			paths, results = append(paths, path), append(results, res)
		}
	}
	require.NotEmpty(b, results)
	return paths, results
}

// BenchmarkCorpusReport resolves every corpus article's lint result for
// reporting (positions, messages, the evidence card) and writes the JSON
// report: what a `--format json` run does after linting.
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
				NewFile(paths[i], res, "en")
			}
		}
	})
	b.Run("NewFile+JSON", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			w := NewJSONWriter(io.Discard, "test")
			for i, res := range results {
				require.NoError(b, w.File(NewFile(paths[i], res, "en")))
			}
			require.NoError(b, w.Close())
		}
	})
}
