package document

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// benchArticles reads the articles a parse benchmark runs on: the tree
// named by HYPELINT_BENCH_DIR (the synthetic archive, say), else the corpus.
func benchArticles(b *testing.B, ext string) (paths []string, data [][]byte, size int64) {
	dir := os.Getenv("HYPELINT_BENCH_DIR")
	if dir == "" {
		dir = "../../corpus"
	}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ext) {
			return err
		}
		src, err := os.ReadFile(p)
		paths, data, size = append(paths, p), append(data, src), size+int64(len(src))
		return err
	})
	if err != nil || len(data) == 0 {
		b.Fatalf("no %s articles under %s: %v", ext, dir, err)
	}
	return paths, data, size
}

func benchParse(b *testing.B, ext string, parse func(string, []byte) (*Document, error)) {
	paths, data, size := benchArticles(b, ext)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for n := 0; n < b.N; n++ {
		for i := range data {
			if _, err := parse(paths[i], data[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	// CPU time is steadier than wall time on a shared machine.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the process's user and system CPU time in nanoseconds.
func cpuTime() int64 {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return u.Utime.Nano() + u.Stime.Nano()
}

// BenchmarkParseMarkdown parses every Markdown article once per round.
func BenchmarkParseMarkdown(b *testing.B) { benchParse(b, ".md", ParseMarkdown) }

// BenchmarkParseText parses every plain-text article once per round.
func BenchmarkParseText(b *testing.B) { benchParse(b, ".txt", ParseText) }

// BenchmarkParseValidMarkdown is BenchmarkParseMarkdown for sources known
// to be valid UTF-8 (what auto-detection passes on).
func BenchmarkParseValidMarkdown(b *testing.B) { benchParse(b, ".md", ParseValidMarkdown) }

// BenchmarkParseValidText is BenchmarkParseText for sources known to be
// valid UTF-8.
func BenchmarkParseValidText(b *testing.B) { benchParse(b, ".txt", ParseValidText) }
