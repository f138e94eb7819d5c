package numbers

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// gateTexts are random strings of context words, numbers and filler, and
// the corpus articles (as written and lower-cased, as normalization leaves
// English), and, when HYPELINT_BENCH_DIR names the benchmark archive,
// every fiftieth of its articles too: the fast paths' tests then compare
// them with their references on the archive's text as well.
func gateTexts(t *testing.T) []string {
	pieces := []string{"1", "2,013", "50", " ", ",", "研究", "患者", "名", "x", "N", "n", "=", "the ", "a ", "\xe4\xb8", "K"}
	for _, ss := range append(contextLists, enArticles, statP) {
		for _, w := range ss.byLast {
			pieces = append(pieces, w, strings.ToUpper(w), " "+w)
		}
	}
	rng := rand.New(rand.NewPCG(31, 32))
	var texts []string
	texts = joinPieces(texts, rng, pieces, 20000)
	files, err := filepath.Glob("../../corpus/*/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files, "the corpus articles are found")
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		texts = append(texts, string(data), strings.ToLower(string(data)))
	}
	if dir := os.Getenv("HYPELINT_BENCH_DIR"); dir != "" {
		n := 0
		err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			if n++; n%50 != 0 {
				return nil
			}
			data, err := os.ReadFile(path)
			texts = append(texts, strings.ToLower(string(data)))
			return err
		})
		require.NoError(t, err)
		require.NotZero(t, n, "the archive's articles are found")
	}
	return texts
}

// suffixAtRef is suffixAt without any table: every entry of the list
// tried, longest first, folding ASCII case.
func suffixAtRef(t string, k int, ss *suffixSet) (int, bool) {
	sorted, ok := longestFirst[ss]
	if !ok {
		sorted = append([]string(nil), ss.byLast...)
		sortLongestFirst(sorted)
		longestFirst[ss] = sorted
	}
	for _, p := range sorted {
		j := k - len(p)
		if j < 0 || !endsWithFold(t, k, p) {
			continue
		}
		if isLetter(p[0]) && j > 0 && isLetter(t[j-1]) {
			continue
		}
		return j, true
	}
	return k, false
}

// mayEnd reports whether an entry of a list with one of bits may end at
// k; false means none does.
func mayEnd(t string, k int, bits uint32) bool { return pairBits(t, k)&bits != 0 }

// contextMayEnd is mayEnd for every list preContext reads.
func contextMayEnd(t string, k int) bool { return mayEnd(t, k, contextBits) }

var longestFirst = map[*suffixSet][]string{}

// The context readers as they were before the pair table: every list
// read with suffixAtRef, the reference for preContext.

func (s *scanner) preContextRef(at int) preCtx {
	t := s.text
	pc := preCtx{start: at}
	k := trimSpaceBack(t, at)
	if s.settledRef(&pc, k) {
		return pc
	}
	if j, ok := suffixAtRef(t, k, moneyMarks); ok {
		pc.money = true
		pc.extend(j, s.lastEnd)
		k = trimSpaceBack(t, j)
	}
	k = s.qualifiersRef(&pc, k)
	s.nearMarksRef(&pc, k)
	s.keywordsRef(&pc, k)
	return pc
}

func (s *scanner) settledRef(pc *preCtx, k int) bool {
	t := s.text
	if j, ok := suffixAtRef(t, k, ordinalMarks); ok {
		pc.ordinal = true
		pc.extend(j, s.lastEnd)
		return true
	}
	if _, ok := suffixAtRef(t, k, zhRankCtx); ok {
		pc.rank = true
		return true
	}
	if _, ok := suffixAtRef(t, k, enRankCtx); ok {
		pc.rank = true
		return true
	}
	if _, ok := suffixAtRef(t, k, refMarks); ok {
		pc.ref = true
		return true
	}
	if s.statisticRef(pc, k) {
		return true
	}
	if j, ok := suffixAtRef(t, k, rateMarks); ok {
		pc.rate = true
		pc.extend(j, s.lastEnd)
		return true
	}
	return false
}

func (s *scanner) statisticRef(pc *preCtx, k int) bool {
	t := s.text
	if j, ok := suffixAtRef(t, k, statEq); ok {
		j = trimSpaceBack(t, j)
		if _, ok := suffixAtRef(t, j, statP); ok {
			pc.stat = true
			return true
		}
		if _, ok := suffixAtRef(t, j, statRatio); ok {
			pc.ratio = true
			return true
		}
	}
	if j, ok := suffixAtRef(t, k, statRatio); ok && t[j:k] != "or" && t[j:k] != "ci" {
		pc.ratio = true
		return true
	}
	return false
}

func (s *scanner) qualifiersRef(pc *preCtx, k int) int {
	t := s.text
	for n := 0; n < 2; n++ {
		if j, ok := suffixAtRef(t, k, zhApprox); ok && zhApproxOK(t, j, t[j:k]) {
			pc.approx = true
			pc.extend(j, s.lastEnd)
			k = trimSpaceBack(t, j)
			continue
		}
		if j, ok := suffixAtRef(t, k, enApprox); ok {
			pc.approx = true
			pc.extend(j, s.lastEnd)
			k = trimSpaceBack(t, j)
			continue
		}
		break
	}
	if _, ok := suffixAtRef(t, k, zhTotal); ok {
		pc.total = true
	} else if _, ok := suffixAtRef(t, k, enTotal); ok {
		pc.total = true
	}
	return k
}

func (s *scanner) nearMarksRef(pc *preCtx, k int) {
	t := s.text
	prev, size := runeBefore(t, k)
	switch prev {
	case '家':
		pc.family = true
	case '前', '后':
		before, _ := runeBefore(t, k-size)
		pc.rankNear = !strings.ContainsRune(zhRankBlock, before)
	}
	if _, ok := suffixAtRef(t, k, armMarks); ok {
		pc.arm = true
	}
	if _, ok := suffixAtRef(t, k, zhAgeCtx); ok {
		pc.age = true
	} else if _, ok := suffixAtRef(t, k, enAgeCtx); ok {
		pc.age = true
	}
	if _, ok := suffixAtRef(t, k, enYearPrep); ok {
		pc.yearPrep = true
	}
}

func (s *scanner) keywordsRef(pc *preCtx, k int) {
	t := s.text
	c := k
	conn := ""
	for n := 0; n < 2; n++ {
		j, ok := suffixAtRef(t, c, zhConnect)
		if !ok {
			j, ok = suffixAtRef(t, c, enConnect)
		}
		if !ok {
			break
		}
		if conn == "" {
			conn = t[j:c]
		}
		c = trimSpaceBack(t, j)
	}
	if j, ok := nKeyword(t, c); ok && (conn == "=" || conn == ":") {
		pc.sampleKW = true
		pc.extend(j, s.lastEnd)
		return
	}
	if j, ok := suffixAtRef(t, c, zhSampleKW); ok {
		pc.sampleKW = true
		pc.extend(j, s.lastEnd)
		return
	}
	if j, ok := suffixAtRef(t, c, enSampleKW); ok {
		pc.sampleKW = true
		pc.extend(j, s.lastEnd)
		return
	}
	if j, ok := suffixAtRef(t, k, enCohortKW); ok {
		pc.sampleKW = true
		if a, ok := suffixAtRef(t, trimSpaceBack(t, j), enArticles); ok {
			j = a
		}
		pc.extend(j, s.lastEnd)
	}
}

// preContext (pair table, bits read once per position) answers as the
// table-free readers, at every position of random and corpus text,
// wherever the previous mention ended.
func TestPreContextMatchesReadingEveryList(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	gated, read := 0, 0
	for _, text := range gateTexts(t) {
		for at := 0; at <= len(text); at++ {
			s := scanner{text: text, lastEnd: rng.IntN(at + 1)}
			want := s.preContextRef(at)
			if got := s.preContext(at); got != want {
				t.Fatalf("%q before %d: preContext = %+v, want %+v", text, at, got, want)
			}
			if !contextMayEnd(text, trimSpaceBack(text, at)) {
				gated++
			} else if bare := (preCtx{start: at, family: want.family, rankNear: want.rankNear}); want != bare {
				read++
			}
		}
	}
	require.Greater(t, read, 10000, "the texts hold context words")
	require.Greater(t, gated, read, "the gate rules out most positions")
}

// Every suffix list, through the pair table, finds what walking all its
// entries finds, at every position of random and corpus text.
func TestSuffixPairsMatchWalkingTheList(t *testing.T) {
	found := 0
	texts := gateTexts(t)
	for n, ss := range append(contextLists, enArticles, statP) {
		for i, text := range texts {
			if i%4 != n%4 {
				continue // each text for a quarter of the lists: the walk is slow
			}
			for k := 0; k <= len(text); k++ {
				j, ok := suffixAtRef(text, k, ss)
				j1, ok1 := suffixAt(text, k, ss)
				j2, ok2 := ss.at(text, k, pairBits(text, k))
				if j != j1 || ok != ok1 || j != j2 || ok != ok2 {
					t.Fatalf("%q at %d: %v: suffixAt %d %v, at %d %v, want %d %v", text, k, ss.byLast, j1, ok1, j2, ok2, j, ok)
				}
				if ok {
					found++
				}
			}
		}
	}
	require.Greater(t, found, 10000)
}

// Every entry of every list read before a number passes the gate, in any
// case and after any byte.
func TestContextPairsHoldEveryEntry(t *testing.T) {
	for _, ss := range contextLists {
		for _, w := range ss.byLast {
			for _, v := range []string{w, strings.ToUpper(w)} {
				for _, before := range []string{"", " ", "x", "研", "\xff"} {
					text := before + v
					require.True(t, contextMayEnd(text, len(text)), "%q", text)
					require.NotZero(t, pairBits(text, len(text))&ss.bit, "%q", text)
				}
			}
		}
	}
	require.False(t, contextMayEnd("研究", len("研究")), "a pair no entry ends with is ruled out")
	require.False(t, contextMayEnd("", 0))
}

// joinPieces appends n random texts to texts, each one to six pieces drawn
// from pieces (so words meet cut runes and each other at every boundary).
func joinPieces(texts []string, rng *rand.Rand, pieces []string, n int) []string {
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}
