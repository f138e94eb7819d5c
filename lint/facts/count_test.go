package facts

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// An indexed sentence counts its hits as a sentence built by hand does,
// for classes it has, lacks, and beyond what the index holds.
func TestCountWithClassIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		var hits []lexicon.Hit
		for range rng.IntN(6) {
			hits = append(hits, lexicon.Hit{Class: rng.IntN(classSetSize + 20)})
		}
		plain := &Sentence{Hits: hits}
		indexed := &Sentence{Hits: hits}
		indexed.indexClasses()
		for class := -1; class < classSetSize+20; class++ {
			assert.Equal(t, plain.Count(class), indexed.Count(class), "class %d of %v", class, hits)
			assert.Equal(t, plain.Count(class) > 0, plain.Has(class), "class %d of %v", class, hits)
			assert.Equal(t, plain.Count(class) > 0, indexed.Has(class), "class %d of %v", class, hits)
		}
	}
	s := &Sentence{Hits: []lexicon.Hit{{Class: 3}, {Class: 3}, {Class: classSetSize + 1}}}
	s.indexClasses()
	assert.Equal(t, 2, s.Count(3))
	assert.Equal(t, 1, s.Count(classSetSize+1))
	assert.Equal(t, 0, s.Count(4))
}

// The claims pass describes only sentences with a claim term: one without
// has none to describe.
func TestHasClaimTerm(t *testing.T) {
	lex, err := lexicon.Parse(map[string]string{"l.yaml": `
classes:
  effect: {description: d, source: s, zh: [逆转]}
  negation: {description: d, source: s, zh: [不]}
`})
	assert.NoError(t, err)
	a := NewAnalyzer(lex)
	effect, negation := lex.ClassID("effect"), lex.ClassID("negation")
	assert.True(t, a.hasClaimTerm(&Sentence{Hits: []lexicon.Hit{{Class: negation}, {Class: effect}}}))
	assert.False(t, a.hasClaimTerm(&Sentence{Hits: []lexicon.Hit{{Class: negation}}}))
	assert.False(t, a.hasClaimTerm(&Sentence{}))
	assert.Empty(t, a.claimsOf(&Document{Lex: lex}, &Sentence{Hits: []lexicon.Hit{{Class: negation}}}),
		"what the pass skips has no claims")
}

// An arena's copies hold what was kept, share chunks, and cannot be
// appended into one another.
func TestArenaKeep(t *testing.T) {
	var a arena[int]
	assert.Nil(t, a.keep(nil))
	first := a.keep([]int{1, 2, 3})
	second := a.keep([]int{4})
	assert.Equal(t, []int{1, 2, 3}, first)
	assert.Equal(t, []int{4}, second)
	assert.Equal(t, 3, cap(first), "capacity clipped to the length")
	grown := append(first, 9)
	assert.Equal(t, []int{4}, second, "appending to one copy leaves the next alone")
	assert.Equal(t, []int{1, 2, 3, 9}, grown)
	big := make([]int, arenaChunk+5)
	big[arenaChunk+4] = 7
	kept := a.keep(big)
	assert.Equal(t, big, kept)
	big[0] = 1
	assert.Equal(t, 0, kept[0], "a copy, not the caller's slice")
}

// take hands out zero values, each region its own: writing one, or
// appending to one, leaves the others alone.
func TestArenaTake(t *testing.T) {
	var a arena[int]
	assert.Nil(t, a.take(0))
	first, second := a.take(3), a.take(2)
	assert.Equal(t, []int{0, 0, 0}, first)
	assert.Equal(t, 3, cap(first))
	first[2] = 5
	grown := append(first, 9)
	assert.Equal(t, []int{0, 0}, second, "neither a write nor an append reaches the next region")
	assert.Equal(t, []int{0, 0, 5, 9}, grown)
	list := a.take(4)[:0] // as claimsOf fills its list
	list = append(list, 1, 2, 3, 4)
	assert.Equal(t, []int{0, 0}, second)
	assert.Equal(t, []int{0, 0, 0}, a.take(3), "fresh values after a list filled to its capacity")
	assert.Len(t, list, 4)
	assert.Len(t, a.take(arenaChunk+3), arenaChunk+3, "a region beyond a chunk")
}
