package lexicon

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hot records say what the terms say: length, clause bits, window
// patterns, the one class, the flags; in a compiled lexicon and in one
// loaded from its snapshot.
func TestHotTermsMirrorTerms(t *testing.T) {
	l := builtinLexicon(t)
	data, err := l.Snapshot()
	require.NoError(t, err)
	loaded, err := FromSnapshot(string(data))
	require.NoError(t, err)
	for _, lex := range []*Lexicon{l, loaded} {
		require.Len(t, lex.hot, len(lex.terms))
		bitOf := (&clauseBits{}).layOut(lex)
		ones, triggered := 0, 0
		for id, term := range lex.terms {
			h := lex.hot[id]
			require.Equal(t, len(term.text), int(h.length), "%q", term.text)
			// The bits the term sets, word by word, and the ones its
			// triggers name.
			got, want := map[int]uint64{}, map[int]uint64{}
			if h.mask != 0 {
				got[int(h.word)] |= h.mask
			}
			for _, e := range lex.more[h.more : h.more+uint32(h.nmore)] {
				require.NotZero(t, e.mask, "%q", term.text)
				got[int(e.word)] |= e.mask
			}
			var wantWin, gotWin []int32
			for _, tr := range term.triggers {
				b := bitOf[tr.pattern][tr.clause]
				require.GreaterOrEqual(t, b, int32(0), "%q", term.text)
				want[int(b/64)] |= 1 << (b % 64)
				if tr.window {
					wantWin = append(wantWin, tr.pattern)
				}
			}
			if h.flags&hotWindow != 0 {
				gotWin = append(gotWin, h.win)
			}
			for _, e := range lex.more[h.more+uint32(h.nmore) : h.more+uint32(h.nmore)+uint32(h.nwin)] {
				gotWin = append(gotWin, e.pattern)
			}
			require.Equal(t, want, got, "%q", term.text)
			require.Equal(t, wantWin, gotWin, "%q", term.text)
			require.Equal(t, len(want) > 1 || len(wantWin) > 1, h.flags&hotMore != 0, "%q", term.text)
			if len(term.classes) == 1 {
				require.Equal(t, term.classes[0], int(h.class), "%q", term.text)
				ones++
			} else {
				require.Equal(t, int16(-1), h.class, "%q", term.text)
			}
			triggered += min(len(term.triggers), 1)
			require.Equal(t, len(term.classes) > 0 || term.ignore, h.flags&hotHit != 0, "%q", term.text)
			require.Equal(t, term.ignore, h.flags&hotIgnore != 0, "%q", term.text)
			require.Equal(t, term.latinL, h.flags&hotLatinL != 0, "%q", term.text)
			require.Equal(t, term.latinR, h.flags&hotLatinR != 0, "%q", term.text)
		}
		assert.Greater(t, ones, 1000)
		assert.Greater(t, triggered, 100)
	}
}

// The clause bits make the candidates the per-pattern masks make: a
// pattern whose required clauses are all met, whatever else is met; and
// they give back the clauses met, extra ones included. On the built-in
// lexicon with random sets of met clauses, and on random small ones.
func TestClauseBitsAsMasks(t *testing.T) {
	rng := rand.New(rand.NewSource(21))
	check := func(l *Lexicon, rounds int) {
		cb := &clauseBits{}
		bitOf := cb.layOut(l)
		need := func(i int) uint8 { return uint8(l.regexes[i].clauses &^ l.regexes[i].digitClause) }
		candidates := 0
		for range rounds {
			seen := make([]uint8, len(l.regexes))
			met := make([]uint64, cb.words)
			for i := range l.regexes {
				for c := range 8 {
					if b := bitOf[i][c]; b >= 0 && rng.Intn(3) > 0 {
						seen[i] |= 1 << c
						met[b/64] |= 1 << (b % 64)
					}
				}
			}
			cand := cb.candidates(met)
			for i := range l.regexes {
				p := &l.regexes[i]
				n := need(i)
				want := !p.always && n != 0 && seen[i]&n == n
				require.Equal(t, want, cand[i/64]&(1<<(i%64)) != 0, "pattern %d %q", i, p.re.src)
				if want {
					candidates++
					require.Equal(t, uint64(seen[i]), cb.metClauses(i, n, met), "pattern %d", i)
				}
			}
		}
		assert.Greater(t, candidates, 0)
	}
	check(builtinLexicon(t), 300)
	for range 200 {
		var b strings.Builder
		b.WriteString("classes:\n  x:\n    description: d\n    source: s\n    patterns:\n")
		for range 1 + rng.Intn(90) {
			// Two to five required literals, some of them digits.
			parts := []string{}
			for range 2 + rng.Intn(4) {
				switch rng.Intn(4) {
				case 0:
					parts = append(parts, "\\d")
				case 1:
					parts = append(parts, "(一|[0-9])")
				default:
					parts = append(parts, fmt.Sprintf("w%dz", rng.Intn(40)))
				}
			}
			fmt.Fprintf(&b, "      - '%s'\n", strings.Join(parts, " "))
		}
		l, err := Parse(map[string]string{"r.yaml": b.String()})
		require.NoError(t, err, b.String())
		check(l, 20)
	}
}

// Match through the hot records finds what the loop over the terms' own
// structs found (matchReference, Match as of e3ee41c, reads each match's
// term struct), on random text made of the built-in terms and on the
// corpus.
func TestMatchAsThroughTerms(t *testing.T) {
	l := builtinLexicon(t)
	texts, _ := corpusAndSoups(t, l, 11, 400, 5, 80)
	hits := 0
	for _, text := range texts {
		want := matchReference(l, text, nil)
		hits += len(want)
		require.Equal(t, want, l.Match(text, nil), "%q", text)
	}
	assert.Greater(t, hits, 5000)
}

// boundaryOK, testing ASCII neighbours as bytes, says what decoding the
// neighbours and isWordRune say, on every pair of a few runes around a term.
func TestBoundaryOKAsDecoded(t *testing.T) {
	runes := []string{"", "a", "Z", "5", " ", "-", "_", ".", "é", "人", "ж", "あ", "\xff", "\u00a0"}
	decoded := func(text string, start, end int, flags uint8) bool {
		if flags&hotLatinL != 0 && start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(r) {
				return false
			}
		}
		if flags&hotLatinR != 0 && end < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) {
				return false
			}
		}
		return true
	}
	rejected := 0
	for _, before := range runes {
		for _, after := range runes {
			text := before + "term" + after
			start, end := len(before), len(before)+len("term")
			for flags := uint8(0); flags < 16; flags++ {
				want := decoded(text, start, end, flags)
				require.Equal(t, want, boundaryOK(text, start, end, flags), "%q %b", text, flags)
				rejected += int(b2i(!want))
			}
		}
	}
	assert.Greater(t, rejected, 100)
}

func b2i(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// mergeSpans finds the union the generic sort and a merge found, on random
// spans, few (insertion sort) and many.
func TestMergeSpansAsSorted(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for range 3000 {
		spans := make([]span, rng.Intn(2*smallSort+2))
		for i := range spans {
			s := rng.Intn(200)
			spans[i] = span{s, s + rng.Intn(30)}
		}
		want := slices.Clone(spans)
		slices.SortFunc(want, func(a, b span) int { return a.start - b.start })
		n := 0
		for _, w := range want {
			if n > 0 && w.start <= want[n-1].end {
				want[n-1].end = max(want[n-1].end, w.end)
				continue
			}
			want[n] = w
			n++
		}
		require.Equal(t, want[:n], mergeSpans(spans), "%v", spans)
	}
}

// Match allocates nothing on most sentences with window literals: the
// buffer of their occurrences stays on the stack (matchAcc must not reach
// the result, or every call would allocate it). Patterns that run may
// allocate (a regexp, more windows than their buffer holds), so some
// lines are allowed to.
func TestMatchAllocatesNothing(t *testing.T) {
	l := builtinLexicon(t)
	dst := make([]Hit, 0, 1024)
	checked, allocating := 0, 0
	for _, text := range corpusLines(t) {
		found := l.ac.find(text, nil)
		windows, ignores := 0, 0
		for _, m := range found {
			for _, tr := range l.terms[m.term].triggers {
				windows += int(b2i(tr.window))
			}
			ignores += int(b2i(l.terms[m.term].ignore))
		}
		if windows == 0 || windows > 32 || ignores > 0 || len(found) > 64 {
			continue // no window literal, or more than the buffers hold
		}
		dst = l.Match(text, dst[:0]) // compiles what the text's patterns need
		if testing.AllocsPerRun(5, func() { dst = l.Match(text, dst[:0]) }) != 0 {
			allocating++
		}
		checked++
	}
	assert.Greater(t, checked, 100)
	assert.Less(t, allocating, checked/10, "of %d lines", checked)
}

// Match and MatchFound give each text's hits in start order: facts relies
// on it (precededBy, insideClaim and negatesClaim stop at the first hit
// that starts too late), on the corpus and on random text of the built-in
// terms, where hits overlap and nest.
func TestMatchGivesHitsInStartOrder(t *testing.T) {
	l := builtinLexicon(t)
	texts, _ := corpusAndSoups(t, l, 12, 400, 5, 80)
	var f Found
	l.Find(&f, texts)
	byStart := func(a, b Hit) int { return a.Start - b.Start }
	many := 0
	for i, text := range texts {
		prior := []Hit{{Start: len(text) + 1}} // dst's hits stay before, unsorted with the new
		hits := l.Match(text, prior)
		require.True(t, slices.IsSortedFunc(hits[1:], byStart), "%q: %v", text, hits)
		found := l.MatchFound(text, hasASCIIDigit(text), &f, i, nil)
		require.True(t, slices.IsSortedFunc(found, byStart), "%q: %v", text, found)
		if len(found) >= 4 {
			many++
		}
	}
	assert.Greater(t, many, 200)
}
