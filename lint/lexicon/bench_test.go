package lexicon

import (
	"strings"
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

// The journal pattern by its regexp and by its hand matcher (titleseq.go),
// on the corpus lines that hold 《.
func BenchmarkTitleSeq(b *testing.B) {
	re := builtinWith(b, func(re *lazyRegexp) bool { return re.title != nil })[0]
	benchHandMatcher(b, re, re.title.findAll, "《")
}

// The funder pattern by its regexp and by its hand matcher (byseq.go), on
// the corpus lines that hold " by ".
func BenchmarkBySeq(b *testing.B) {
	re := builtinWith(b, func(re *lazyRegexp) bool { return re.by != nil })[0]
	benchHandMatcher(b, re, re.by.findAll, " by ")
}

// benchHandMatcher times re's regexp and its hand matcher findAll on the
// corpus lines that hold literal.
func benchHandMatcher(b *testing.B, re *lazyRegexp, findAll func(string, func(int, int)), literal string) {
	var lines []string
	size := 0
	for _, line := range corpusLines(b) {
		if strings.Contains(line, literal) {
			lines = append(lines, line)
			size += len(line)
		}
	}
	b.Run("regexp", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, line := range lines {
				re.get().FindAllStringIndex(line, -1)
			}
		}
	})
	b.Run("hand", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, line := range lines {
				findAll(line, func(int, int) {})
			}
		}
	})
}
