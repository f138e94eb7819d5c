package lexicon

import (
	"math/rand"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAutomatonFindsWhatASearchFinds compares the automaton with a naive
// search for every term at every offset, on random terms and texts over a
// small alphabet (so terms overlap, nest and share prefixes and suffixes)
// that includes multi-byte runes.
func TestAutomatonFindsWhatASearchFinds(t *testing.T) {
	alphabet := []string{"a", "b", "c", "鼠", "老"}
	rng := rand.New(rand.NewSource(1))
	word := func(max int) string {
		var sb strings.Builder
		for n := 1 + rng.Intn(max); n > 0; n-- {
			sb.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		return sb.String()
	}
	for round := 0; round < 200; round++ {
		seen := map[string]bool{}
		var terms []string
		for len(terms) < 1+rng.Intn(12) {
			if w := word(4); !seen[w] {
				seen[w] = true
				terms = append(terms, w)
			}
		}
		text := word(40)
		var want, got []string
		for _, term := range terms {
			for i := 0; i+len(term) <= len(text); i++ {
				if text[i:i+len(term)] == term {
					want = append(want, term+"@"+strconv.Itoa(i+len(term)))
				}
			}
		}
		buildAutomaton(terms).scan(text, func(id int32, end int) {
			got = append(got, terms[id]+"@"+strconv.Itoa(end))
		})
		sort.Strings(want)
		sort.Strings(got)
		require.Equal(t, want, got, "terms %q in %q", terms, text)
	}
}

// How many states get dense rows changes nothing but speed: the sparse
// edges and failure links below them find the same occurrences. Random
// terms over a small alphabet, and the built-in lexicon over the corpus,
// with dense rows for every state, for the root only and for a few.
func TestDenseRowsFindWhatSparseEdgesFind(t *testing.T) {
	alphabet := []string{"a", "b", "鼠", "老", "c"}
	rng := rand.New(rand.NewSource(4))
	word := func(max int) string {
		var sb strings.Builder
		for n := 1 + rng.Intn(max); n > 0; n-- {
			sb.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		return sb.String()
	}
	for round := 0; round < 300; round++ {
		var terms []string
		seen := map[string]bool{}
		for len(terms) < 1+rng.Intn(10) {
			if w := word(5); !seen[w] {
				seen[w] = true
				terms = append(terms, w)
			}
		}
		a := buildAutomaton(terms)
		text := word(60)
		want := a.find(text, nil)
		for _, rows := range []int{1, 1 + rng.Intn(len(a.term))} {
			a.fillDense(rows)
			require.Equal(t, want, a.find(text, nil), "terms %q in %q with %d dense rows", terms, text, rows)
		}
	}
	l := builtinLexicon(t)
	require.Less(t, int(l.ac.rows.n), len(l.ac.term), "the built-in lexicon has states below the dense rows")
	lines := corpusLines(t)
	var want [][]match
	for _, line := range lines {
		want = append(want, l.ac.find(line, nil))
	}
	for _, rows := range []int{1, len(l.ac.term)} {
		l.ac.fillDense(rows)
		for i, line := range lines {
			require.Equal(t, want[i], l.ac.find(line, nil), "%q with %d dense rows", line, rows)
		}
	}
}

// A lexicon starts with few dense rows and grows more once a MiB of text
// has been scanned; the scans find the same before and after.
func TestDenseRowsGrowAfterAMiB(t *testing.T) {
	l := builtinLexicon(t)
	lines := corpusLines(t)
	start := l.ac.rows.n
	var want [][]match
	for _, line := range lines {
		want = append(want, l.ac.find(line, nil))
	}
	require.Nil(t, l.ac.more.Load(), "the corpus once is less than a MiB")
	for l.ac.more.Load() == nil {
		for _, line := range lines {
			l.ac.find(line, nil)
		}
	}
	grown := l.ac.more.Load().n
	assert.Greater(t, grown, 4*start, "many more rows")
	for i, line := range lines {
		require.Equal(t, want[i], l.ac.find(line, nil), "%q", line)
	}
}

// Scans on several goroutines may grow the rows while others scan (run
// with -race).
func TestDenseRowsGrowWhileScanning(t *testing.T) {
	l := builtinLexicon(t)
	lines := corpusLines(t)
	var want [][]match
	for _, line := range lines {
		want = append(want, l.ac.find(line, nil))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 8; round++ {
				for i, line := range lines {
					if got := l.ac.find(line, nil); !slices.Equal(got, want[i]) {
						errs <- line
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for line := range errs {
		t.Errorf("%q scanned differently", line)
	}
	assert.NotNil(t, l.ac.more.Load(), "the rows grew")
}
