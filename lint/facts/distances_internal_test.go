package facts

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// distancesClaimByTerm is distancesClaim as it was written: distanced
// (here its reference, distancedByWalk) asked of every term that is no
// modifier.
func distancesClaimByTerm(ids *classIDs, s *Sentence) bool {
	if !s.Has(ids.distancing) && !s.hasQuotation() {
		return false
	}
	for _, h := range s.Hits {
		if !ids.modifier(h.Class) && distancedByWalk(ids, s, h) {
			return true
		}
	}
	return false
}

// distancesClaim (cues walked to the terms after them, the cues before a
// quotation found once) and distanced (firstCueEnd) answer as the walks
// over the terms on random sentences: cues, framing verbs, terms and
// modifiers at random places (overlapping, empty, near and far; in start
// order), texts with quotation marks of every kind, claim labels, clause
// breaks and the writer's own side; the marks found beforehand or not.
func TestDistancesClaimAsWalkOverTerms(t *testing.T) {
	names := []string{"distancing", "framing", "effect", "antiaging", "negation", "hedge", "hype", "finding", "speech"}
	ids := maskedClasses(t, names)
	pieces := []string{"所谓", "声称", "称之为", "“", "”", "「", "」", "\"", "‘", "’", "的说法", "之类", "、", "神药", "逆转衰老",
		"我们", "our ", "把", "，", "。", "; ", "so-called ", "cure", " ", "a", "研究"}
	rng := rand.New(rand.NewPCG(17, 3))
	distanced, clear, quoted := 0, 0, 0
	for range 40000 {
		s := randomSentence(rng, pieces, 30, func() int {
			if class := rng.IntN(len(names)); rng.IntN(4) != 0 {
				return class
			}
			return rng.IntN(2) // distancing and framing cues
		})
		text := s.Text
		switch rng.IntN(3) { // as Analyzer.sentence sets them, or left to be found
		case 0:
			s.quotes = quotesNone
			if hasQuotation(text) {
				s.quotes = quotesSome
				s.marks, s.marked = appendQuoteMarks(nil, text), len(s.Hits) > 0
			}
		case 1:
			s.quotes = quotesNone
			if hasQuotation(text) {
				s.quotes = quotesSome
			}
		}
		want := distancesClaimByTerm(&ids, s)
		require.Equal(t, want, ids.distancesClaim(s), "%q %v", text, s.Hits)
		for _, h := range s.Hits {
			require.Equal(t, distancedByWalk(&ids, s, h), ids.distanced(s, h), "%q %v of %v", text, h, s.Hits)
		}
		switch {
		case want:
			distanced++
		case s.hasQuotation():
			quoted++
		case s.Has(ids.distancing):
			clear++
		}
	}
	require.Greater(t, distanced, 2000)
	require.Greater(t, quoted, 1000)
	require.Greater(t, clear, 1000)
}

// termsFrom gives the first hit, in start order, that starts at or after
// hit i ends, or i: the hits it skips all start before hit i ends, so no
// cue walk (negatesClaim, cueBeforeClaim) misses a term; random hits,
// many of them empty or sharing a start.
func TestTermsFromSkipsOnlyEarlierStarts(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	moved := 0
	for range 20000 {
		hits := make([]lexicon.Hit, 1+rng.IntN(6))
		for k := range hits {
			start := rng.IntN(6)
			hits[k] = lexicon.Hit{Start: start, End: start + rng.IntN(3)}
		}
		slices.SortStableFunc(hits, func(a, b lexicon.Hit) int { return a.Start - b.Start })
		i := rng.IntN(len(hits))
		want := i
		for k := range i {
			if hits[k].Start >= hits[i].End {
				want = k
				break
			}
		}
		require.Equal(t, want, termsFrom(hits, i), "%v, hit %d", hits, i)
		if want < i {
			moved++
		}
	}
	require.Greater(t, moved, 1000)
}
