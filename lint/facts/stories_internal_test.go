package facts

import (
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
)

// markStoriesByWalk is markStories as it was, every sentence walked: the
// reference for its skip of sentences with no story open and no anecdote.
func markStoriesByWalk(a *Analyzer, d *Document, b *Block) {
	r := &d.run
	if r.replay {
		return
	}
	if b.Source.Kind == document.Heading || b.Source.Kind == document.Title {
		r.story = r.story[:0]
		return
	}
	for _, s := range b.Sentences {
		improves := (s.Has(a.ids.improvement) || s.Has(a.ids.effect) || s.Has(a.ids.miracle) || s.Has(a.ids.antiaging)) &&
			!s.Negated && !s.Caveat
		kept := r.story[:0]
		for _, i := range r.story {
			if s.Index-i <= 2 {
				kept = append(kept, i)
			}
		}
		r.story = kept
		if s.OpensStudy {
			r.story = r.story[:0]
		}
		if improves {
			for _, i := range r.story {
				if d.storyImproved == nil {
					d.storyImproved = map[int]int{}
				}
				d.storyImproved[i] = max(d.storyImproved[i], s.Span.End)
			}
		}
		if s.Has(a.ids.anecdote) {
			r.story = append(r.story, s.Index)
		}
	}
}

// markStories gives the stories the walk gives, block after block of
// random sentences with anecdotes, improvements (some negated or with a
// caveat), studies opening and headings between (fails when the skip
// drops a sentence that ages or improves an open story).
func TestMarkStoriesAsTheWalk(t *testing.T) {
	names := []string{"anecdote", "improvement", "effect", "miracle", "antiaging", "study"}
	ids := maskedClasses(t, names)
	a := &Analyzer{ids: ids}
	rng := rand.New(rand.NewPCG(71, 73))
	improved := 0
	for range 3000 {
		var got, want Document
		index := 0
		for range 1 + rng.IntN(8) {
			kind := document.Paragraph
			if rng.IntN(6) == 0 {
				kind = document.Heading
			}
			b := &Block{Source: &document.Block{Kind: kind}}
			for range rng.IntN(5) {
				s := randomSentence(rng, []string{"他", "好转", "研究", "。"}, 4, func() int {
					if rng.IntN(3) == 0 {
						return 0 // anecdotes often enough to open stories
					}
					return rng.IntN(len(names))
				})
				s.Index, s.Span = index, document.Span{Start: index * 10, End: index*10 + 5}
				s.OpensStudy, s.Negated, s.Caveat = rng.IntN(8) == 0, rng.IntN(6) == 0, rng.IntN(8) == 0
				index++
				b.Sentences = append(b.Sentences, s)
			}
			a.markStories(&got, b)
			markStoriesByWalk(a, &want, b)
			require.Equal(t, want.run.story, got.run.story)
		}
		require.Equal(t, want.storyImproved, got.storyImproved)
		improved += len(slices.Collect(maps.Keys(want.storyImproved)))
	}
	require.Greater(t, improved, 500)
}
