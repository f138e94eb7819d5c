package lexicon

import (
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
