package lint

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkZZCorpus(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../corpus/*/*.txt")
	var data [][]byte
	for _, f := range files {
		d, _ := os.ReadFile(f)
		data = append(data, d)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range data {
			if _, err := l.Lint(Input{Path: files[j], Data: d}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
