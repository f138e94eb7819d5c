package facts

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// countHits counts as the walk that tests every hit for a denied label,
// on random sentences with labels, negations before them and other hits
// (fails when the label test is skipped for a sentence that has one).
func TestCountHitsAsTestingEveryHit(t *testing.T) {
	names := []string{"negation", "ad_label", "effect", "hype", "study"}
	ids := maskedClasses(t, names)
	pieces := []string{"本文", "不", "构成", "广告", "，", "。", "not ", "an ad", " ", "研究"}
	rng := rand.New(rand.NewPCG(41, 43))
	denied := 0
	for range 20000 {
		s := randomSentence(rng, pieces, 12, func() int { return rng.IntN(len(names)) })
		want := make([]int, len(names))
		for _, h := range s.Hits {
			if h.Class == ids.adLabel && ids.precededBy(s, h, ids.negation, negationWindow) {
				continue
			}
			want[h.Class]++
		}
		got := make([]int, len(names))
		ids.countHits(got, s)
		require.Equal(t, want, got, "%q %v", s.Text, s.Hits)
		if want[ids.adLabel] < s.Count(ids.adLabel) {
			denied++
		}
	}
	require.Greater(t, denied, 500)
}

// The class set of a claim's clause (all its hits but the claim's own)
// rules out no hit negatedInClause or inClause would find: whenever they
// find one, the set may have its class. Random sentences with negations,
// abilities and claims in and out of each other's clauses.
func TestClauseSetGatesNegationAndAbility(t *testing.T) {
	names := []string{"negation", "ability", "effect", "antiaging", "hype", "animal", "causal_can"}
	ids := maskedClasses(t, names)
	pieces := []string{"不", "没有", "能够", "可以", "逆转衰老", "神药", "的人", "，", "。", "can ", "not ", "cure", " ", "；"}
	rng := rand.New(rand.NewPCG(47, 53))
	negated, able := 0, 0
	for range 20000 {
		s := randomSentence(rng, pieces, 20, func() int { return rng.IntN(len(names)) })
		for _, h := range s.Hits {
			if !ids.isClaim(h.Class) {
				continue
			}
			start, end := clause(s.Text, h)
			set := clauseClasses(s, h, start, end)
			if negatedInClause(s, &ids, start, h) {
				negated++
				require.True(t, set.mayHave(ids.negation), "%q %v %v", s.Text, s.Hits, h)
			}
			if inClause(s, ids.ability, start, h.End, h) {
				able++
				require.True(t, set.mayHave(ids.ability), "%q %v %v", s.Text, s.Hits, h)
			}
		}
	}
	require.Greater(t, negated, 500)
	require.Greater(t, able, 500)
}

// mayHave is has below the set's size and true beyond it.
func TestClassSetMayHave(t *testing.T) {
	var set classSet
	set.add(3)
	set.add(classSetSize - 1)
	for class := -2; class < classSetSize+3; class++ {
		want := class >= classSetSize || slices.Contains([]int{3, classSetSize - 1}, class)
		require.Equal(t, want, set.mayHave(class), "class %d", class)
	}
}

// A block's Count, which answers 0 from the union of its sentences'
// classes, counts as the walk over its sentences, for every class (and
// ones beyond the set or absent), in blocks of random sentences, one of
// them sometimes built by hand (not indexed), which keeps the walk.
func TestBlockCountAsWalk(t *testing.T) {
	names := []string{"negation", "caveat", "critique", "distancing", "effect"}
	pieces := []string{"不", "研究", "，", "a", " "}
	rng := rand.New(rand.NewPCG(59, 61))
	skipped := 0
	for range 3000 {
		b := &Block{indexed: true}
		for range rng.IntN(5) {
			s := randomSentence(rng, pieces, 6, func() int { return rng.IntN(len(names)) })
			if rng.IntN(8) == 0 {
				s.indexed, s.classes = false, classSet{}
				s.Hits = append(s.Hits, lexicon.Hit{Class: rng.IntN(len(names))})
			}
			b.add(s)
		}
		for class := -1; class <= len(names); class++ {
			want := 0
			for _, s := range b.Sentences {
				for _, h := range s.Hits {
					if h.Class == class {
						want++
					}
				}
			}
			require.Equal(t, want, b.Count(class), "class %d", class)
			if b.indexed && want == 0 {
				skipped++
			}
		}
		// The class beyond the set is walked for.
		big := &Sentence{Hits: []lexicon.Hit{{Class: classSetSize + 1}}}
		big.indexClasses()
		b.add(big)
		require.Equal(t, 1, b.Count(classSetSize+1))
	}
	require.Greater(t, skipped, 1000)
}
