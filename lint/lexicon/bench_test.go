package lexicon

import (
	"os"
	"testing"
)

// The corpus's lines through the built-in lexicon: Match as a whole, and
// the automaton's scan alone (the floor of Match's cost). The archive-size
// figures are taken with bench/run; these compare two builds of this
// package quickly (go test -bench . -benchmem ./lint/lexicon).

func BenchmarkMatchCorpus(b *testing.B) {
	l, lines, size := benchInput(b)
	b.SetBytes(size)
	b.ReportAllocs()
	var hits []Hit
	for b.Loop() {
		for _, line := range lines {
			hits = l.Match(line, hits[:0])
		}
	}
}

func BenchmarkAutomatonCorpus(b *testing.B) {
	l, lines, size := benchInput(b)
	b.SetBytes(size)
	b.ReportAllocs()
	buf := make([]match, 0, 256)
	for b.Loop() {
		for _, line := range lines {
			buf = l.ac.find(line, buf[:0])
		}
	}
}

func benchInput(b *testing.B) (*Lexicon, []string, int64) {
	l, lines := builtinLexicon(b), corpusLines(b)
	size := 0
	for _, line := range lines {
		size += len(line)
	}
	return l, lines, int64(size)
}

// Match on the sentences of an archive as the facts analyzer hands them
// over (HYPELINT_BENCH_DIR=DIR go test -bench MatchArchive ./lint/lexicon):
// the corpus lines trigger patterns far more often than articles do.
func BenchmarkMatchArchive(b *testing.B) {
	dir := os.Getenv("HYPELINT_BENCH_DIR")
	if dir == "" {
		b.Skip("set HYPELINT_BENCH_DIR to a directory of articles")
	}
	l, sentences := builtinLexicon(b), archiveSentences(b, dir)
	size := 0
	for _, s := range sentences {
		size += len(s)
	}
	var hits []Hit
	for _, s := range sentences {
		hits = l.Match(s, hits[:0]) // grow the automaton's rows before timing
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sentences {
			hits = l.Match(s, hits[:0])
		}
	}
}
