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
