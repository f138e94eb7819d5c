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
		}
	}
	s := &Sentence{Hits: []lexicon.Hit{{Class: 3}, {Class: 3}, {Class: classSetSize + 1}}}
	s.indexClasses()
	assert.Equal(t, 2, s.Count(3))
	assert.Equal(t, 1, s.Count(classSetSize+1))
	assert.Equal(t, 0, s.Count(4))
}
