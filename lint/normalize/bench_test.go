package normalize

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkNormalizeSentences normalizes the sentences of a file named by
// HYPELINT_BENCH_SENTENCES (sentence source texts separated by NUL bytes),
// so that a change is measured on real text.
func BenchmarkNormalizeSentences(b *testing.B) {
	name := os.Getenv("HYPELINT_BENCH_SENTENCES")
	if name == "" {
		b.Skip("HYPELINT_BENCH_SENTENCES names no file of sentences")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	sentences := strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00")
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, s := range sentences {
			benchView = Normalize(s)
		}
	}
}

var benchView View
