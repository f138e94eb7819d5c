package lexicon

import (
	"math/rand"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

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
			a.fillDense(rows, rng.Intn(2) == 0, rng.Intn(2) == 0)
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
		l.ac.fillDense(rows, true, rows > 1)
		for i, line := range lines {
			require.Equal(t, want[i], l.ac.find(line, nil), "%q with %d dense rows", line, rows)
		}
	}
}

// A lexicon starts with few dense rows and, once a MiB of text has been
// scanned, scans with the symbol automaton (hanScanner); the scans find the
// same before and after. Terms that are not UTF-8 (none of the built-in
// ones) grow more dense rows instead.
func TestDenseRowsGrowAfterAMiB(t *testing.T) {
	l := builtinLexicon(t)
	lines := corpusLines(t)
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
	require.NotNil(t, l.ac.more.Load().han, "the symbol automaton")
	for i, line := range lines {
		require.Equal(t, want[i], l.ac.find(line, nil), "%q", line)
	}
	require.Nil(t, l.ac.rows.packed, "the start rows read no packed tables")

	terms := []string{"ab\xe4", "b", "abc"}
	a := buildAutomaton(terms)
	a.growAt = 10
	text := "xxab\xe4bcabc\xe4"
	for a.more.Load() == nil {
		require.Equal(t, naiveFind(terms, text), a.find(text, nil))
	}
	require.Nil(t, a.more.Load().han, "no symbol automaton for terms that are not UTF-8")
	require.Equal(t, int32(len(a.term)), a.more.Load().n, "rows for every state")
	require.NotNil(t, a.more.Load().packed, "the grown rows read packed tables")
	require.Equal(t, naiveFind(terms, text), a.find(text, nil))
}

// Scans on several goroutines may grow the rows, building the symbol
// scanner, while others scan (run with -race).
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
	grown := l.ac.more.Load()
	require.NotNil(t, grown, "the rows grew")
	require.NotNil(t, grown.han, "into the symbol scanner, built while others scanned")
}

// The scan finds exactly what a naive search finds on random text over the
// built-in terms (whole terms, pieces of them, other runes, stray bytes):
// every (term, end), by end, the longest first at one end. With dense
// entries of 16 bits and of 32, and with dense rows for the root alone, for
// the start, for the grown budget and for every state, with the packed
// tables below the rows and without.
func TestScanMatchesNaiveSearchOnBuiltinTerms(t *testing.T) {
	a := builtinLexicon(t).ac
	terms := termTexts(a)
	rng := rand.New(rand.NewSource(7))
	var texts []string
	for range 60 {
		texts = append(texts, termSoup(rng, terms, 300))
	}
	want := make([][]match, len(texts))
	for i, text := range texts {
		want[i] = naiveFind(terms, text)
	}
	for _, c := range []struct {
		rows         int
		narrow, pack bool
	}{{1, true, false}, {1, true, true}, {516, true, false}, {-1, true, true}, {-1, false, true}, {-1, true, false},
		{len(a.term), true, true}, {1 + rng.Intn(len(a.term)), false, false}} {
		a.fillDense(c.rows, c.narrow, c.pack)
		d := a.rows
		require.Equal(t, c.narrow, d.narrow != nil, "the built-in lexicon's codes fit 16 bits")
		if d.n > 1 {
			require.NotEmpty(t, d.emitting, "some dense states emit")
		}
		for i, text := range texts {
			require.Equal(t, want[i], a.find(text, nil), "%q with %d dense rows, narrow %v", text, d.n, c.narrow)
		}
	}
}

// An automaton whose codes do not fit 16 bits gets 32-bit entries even
// when 16 are asked for, and finds the same.
func TestScanWithWideCodes(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	seen := map[string]bool{}
	var terms []string
	for len(terms) < 3000 {
		var sb strings.Builder
		for n := 40 + rng.Intn(20); n > 0; n-- {
			sb.WriteByte("abcdefghij"[rng.Intn(10)])
		}
		if w := sb.String(); !seen[w] {
			seen[w] = true
			terms = append(terms, w, w[:5]) // short terms end at dense states
		}
	}
	terms = slices.Compact(slices.Sorted(slices.Values(terms)))
	a := buildAutomaton(terms)
	require.Greater(t, len(a.term), 1<<16)
	a.fillDense(-1, true, true)
	require.Nil(t, a.rows.narrow, "32-bit entries")
	require.NotEmpty(t, a.rows.emitting)
	for range 30 {
		text := termSoup(rng, terms, 200)
		require.Equal(t, naiveFind(terms, text), a.find(text, nil), "%q", text)
	}
}

// termTexts returns the automaton's terms by id, read off its trie.
func termTexts(a *automaton) []string {
	path := make([]string, len(a.term))
	n := 0
	for s := range a.term {
		for e := a.first[s]; e < a.first[s+1]; e++ {
			path[a.edgeNext[e]] = path[s] + string([]byte{a.edgeByte[e]})
		}
		n = max(n, int(a.term[s])+1)
	}
	terms := make([]string, n)
	for s, id := range a.term {
		if id >= 0 {
			terms[id] = path[s]
		}
	}
	return terms
}

// corpusAndSoups gives the corpus lines and then n term soups of least +
// rng.Intn(spread) pieces, made of l's terms, with the generator they were
// drawn from (seeded with seed) for tests that go on drawing.
func corpusAndSoups(t testing.TB, l *Lexicon, seed int64, n, least, spread int) ([]string, *rand.Rand) {
	texts := corpusLines(t)
	rng := rand.New(rand.NewSource(seed))
	terms := termTexts(l.ac)
	for range n {
		texts = append(texts, termSoup(rng, terms, least+rng.Intn(spread)))
	}
	return texts, rng
}

// termSoup strings together about size pieces: whole terms, their
// prefixes and suffixes, ASCII and Han runes, and bytes that are not UTF-8.
func termSoup(rng *rand.Rand, terms []string, size int) string {
	var sb strings.Builder
	for range size {
		t := terms[rng.Intn(len(terms))]
		switch k := rng.Intn(7); k {
		case 0, 1:
			sb.WriteString(t)
		case 2:
			sb.WriteString(t[:rng.Intn(len(t)+1)])
		case 3:
			sb.WriteString(t[rng.Intn(len(t)+1):])
		case 4:
			sb.WriteByte(" aeist,.%0"[rng.Intn(10)])
		case 5:
			sb.WriteRune(rune(0x4e00 + rng.Intn(0x5000)))
		default:
			sb.WriteByte([]byte{0x80, 0xbf, 0xe4, 0xff}[rng.Intn(4)])
		}
	}
	return sb.String()
}

// naiveFind tries every term at every end, the longest first.
func naiveFind(terms []string, text string) []match {
	id := map[string]int32{}
	var lengths []int
	for i, t := range terms {
		id[t] = int32(i)
		if !slices.Contains(lengths, len(t)) {
			lengths = append(lengths, len(t))
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(lengths)))
	var out []match
	for end := 1; end <= len(text); end++ {
		for _, n := range lengths {
			if t, ok := id[text[max(end-n, 0):end]]; ok && n <= end {
				out = append(out, match{t, int32(end)})
			}
		}
	}
	return out
}
