package facts

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// negatesClaimByTerm is negatesClaim as it was written: for each term that
// is no modifier, precededBy's walk over the negation cues before it.
func negatesClaimByTerm(ids *classIDs, s *Sentence) bool {
	for _, h := range s.Hits {
		if !ids.modifier(h.Class) && ids.precededBy(s, h, ids.negation, ids.negationWindowFor(h.Class)) {
			return true
		}
	}
	return false
}

// negatesClaim, walking the cues and asking insideClaim once per cue,
// answers as the walk over the terms on random sentences: terms and cues
// at random places (overlapping, nested, near and far; in start order, as
// the lexicon gives them and precededBy relies on), texts with clause
// breaks, 的人 and 者 between them.
func TestNegatesClaimAsWalkOverTerms(t *testing.T) {
	names := []string{"negation", "hedge", "certainty", "study", "effect", "antiaging", "hype", "finding", "animal"}
	ids := maskedClasses(t, names)
	pieces := []string{"不", "没有", "并非", "神药", "逆转衰老", "的人", "患者", "者", "，", "。", "; ", "who ", "比", "研究", "a", " ", "cure", "not ", "；"}
	rng := rand.New(rand.NewPCG(11, 7))
	negated, clear := 0, 0
	for range 20000 {
		s := randomSentence(rng, pieces, 40, func() int {
			if class := rng.IntN(len(names)); rng.IntN(3) != 0 {
				return class
			}
			return 0 // negation cues: most sentences worth asking have one or two
		})
		text := s.Text
		want := negatesClaimByTerm(&ids, s)
		require.Equal(t, want, ids.negatesClaim(s), "%q %v", text, s.Hits)
		if want {
			negated++
		} else if s.Has(ids.negation) {
			clear++
		}
	}
	require.Greater(t, negated, 1000)
	require.Greater(t, clear, 1000)
}

// maskedClasses gives the classes of an engine whose class i is names[i],
// masked as an engine's are.
func maskedClasses(t *testing.T, names []string) classIDs {
	t.Helper()
	ids := engineClasses(func(name string) int {
		for i, n := range names {
			if n == name {
				return i
			}
		}
		return -1
	})
	ids.mask()
	require.True(t, ids.masked)
	return ids
}

// randomSentence is a random text of pieces with fewer than seven hits in
// start order (as the lexicon gives them), each at most span bytes long
// (some empty) and of a class drawn by class.
func randomSentence(rng *rand.Rand, pieces []string, span int, class func() int) *Sentence {
	text := randomText(rng, pieces, 14)
	s := &Sentence{Text: text}
	for range rng.IntN(7) {
		if len(text) == 0 {
			break
		}
		start := rng.IntN(len(text))
		end := min(len(text), start+rng.IntN(span))
		s.Hits = append(s.Hits, lexicon.Hit{Start: start, End: end, Class: class()})
	}
	slices.SortStableFunc(s.Hits, func(a, b lexicon.Hit) int { return a.Start - b.Start })
	s.indexClasses()
	return s
}
