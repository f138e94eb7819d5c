package lexicon

import (
	"math/rand"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// The automaton's scan alone on an archive's sentences, one find per
// sentence as Match calls it, with the grown rows a long run scans with:
//
//	HYPELINT_BENCH_DIR=DIR go test -run X -bench AutomatonArchive ./lint/lexicon
//
// (DIR: e.g. one folder of the synthetic archive; skipped without it). It
// also reports what the scan meets per KiB of text: matches, places where
// some term ends (each leaves the dense loop) and bytes stepped below the
// dense rows.
func BenchmarkAutomatonArchive(b *testing.B) {
	dir := os.Getenv("HYPELINT_BENCH_DIR")
	if dir == "" {
		b.Skip("set HYPELINT_BENCH_DIR to a directory of articles")
	}
	l, sentences := builtinLexicon(b), archiveSentences(b, dir)
	l.ac.fillDense(-1, true, true)
	var size int
	var total scanCounts
	for _, s := range sentences {
		size += len(s)
		total.add(l.ac.counts(s, int32(l.ac.rows.n)))
	}
	if total.matches == 0 {
		b.Fatalf("no term found in %d bytes of sentences under %s: not an archive of articles", size, dir)
	}
	b.SetBytes(int64(size))
	buf := make([]match, 0, 256)
	for b.Loop() {
		for _, s := range sentences {
			buf = l.ac.find(s, buf[:0])
		}
	}
	perKiB := func(n int) float64 { return float64(n) * 1024 / float64(size) }
	b.ReportMetric(perKiB(total.matches), "matches/KiB")
	b.ReportMetric(perKiB(total.ends), "ends/KiB")
	b.ReportMetric(perKiB(total.below), "below/KiB")
}

// scanCounts is what a scan of some text meets.
type scanCounts struct {
	matches int // terms found
	ends    int // places where at least one term ends
	below   int // bytes after which the state is below the dense rows
}

func (c *scanCounts) add(o scanCounts) {
	c.matches, c.ends, c.below = c.matches+o.matches, c.ends+o.ends, c.below+o.below
}

// counts walks text by the automaton's sparse edges and failure links
// alone (no dense rows), counting as if the first rows states were dense.
func (a *automaton) counts(text string, rows int32) scanCounts {
	var c scanCounts
	s := int32(0)
	for i := 0; i < len(text); i++ {
		for {
			if next := a.step(s, text[i]); next >= 0 {
				s = next
				break
			}
			if s == 0 {
				break
			}
			s = a.fail[s]
		}
		if s >= rows {
			c.below++
		}
		if a.emits(s) {
			c.ends++
			for e := s; e >= 0; e = a.dict[e] {
				if a.term[e] >= 0 {
					c.matches++
				}
			}
		}
	}
	return c
}

// The matches and ends the archive benchmark reports agree with what find
// finds (with every state dense, none is below; TestScanCountsBelow checks
// that count).
func TestScanCountsAgreeWithFind(t *testing.T) {
	l := builtinLexicon(t)
	for _, line := range corpusLines(t) {
		found := l.ac.find(line, nil)
		ends := 0
		for i, m := range found {
			if i == 0 || found[i-1].end != m.end {
				ends++
			}
		}
		c := l.ac.counts(line, int32(len(l.ac.term)))
		require.Equal(t, scanCounts{len(found), ends, 0}, c, "%q", line)
	}
}

// counts' below is the number of bytes after which the longest suffix of
// the text read that begins some term (the state, numbered breadth first)
// is longer than the dense rows reach: rows of all the states of depth up
// to d. Random terms and texts over a small alphabet, for d from 0 (the
// root alone) to past the longest term.
func TestScanCountsBelow(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alphabet := "abc"
	word := func(max int) string {
		b := make([]byte, 1+rng.Intn(max))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		return string(b)
	}
	checked := 0
	for range 100 {
		prefixes, seen := map[string]bool{}, map[string]bool{}
		var terms []string
		for len(terms) < 1+rng.Intn(8) {
			if w := word(5); !seen[w] {
				seen[w] = true
				terms = append(terms, w)
				for k := 1; k <= len(w); k++ {
					prefixes[w[:k]] = true
				}
			}
		}
		a := buildAutomaton(terms)
		text := word(60)
		for d := 0; d <= 6; d++ {
			rows := 1 // the root
			for p := range prefixes {
				if len(p) <= d {
					rows++
				}
			}
			want := 0
			for i := range len(text) {
				longest := 0
				for k := 1; k <= i+1 && k <= 5; k++ {
					if prefixes[text[i+1-k:i+1]] {
						longest = k
					}
				}
				if longest > d {
					want++
				}
			}
			require.Equal(t, want, a.counts(text, int32(rows)).below, "terms %q, text %q, depth %d", terms, text, d)
			if want > 0 {
				checked++
			}
		}
	}
	require.Greater(t, checked, 100, "below counted something")
}
