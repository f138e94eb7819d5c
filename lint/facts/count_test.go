package facts

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
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

// A sentence indexed again with other hits, as the keeper's reused
// sentences are, answers Has for its new hits only: the byte per class
// Has reads is cleared with the set.
func TestHasAfterIndexingAgain(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	reused := &Sentence{}
	for range 300 {
		var hits []lexicon.Hit
		for range rng.IntN(8) {
			hits = append(hits, lexicon.Hit{Class: rng.IntN(classSetSize+4) - 2})
		}
		reused.Hits = hits
		reused.indexClasses()
		plain := &Sentence{Hits: hits}
		for class := -2; class < classSetSize+4; class++ {
			require.Equal(t, plain.Has(class), reused.Has(class), "class %d of %v", class, hits)
		}
	}
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
	negated := &Sentence{Hits: []lexicon.Hit{{Class: negation}}}
	assert.Empty(t, a.claimsOf(&Document{Lex: lex}, negated, a.claimTerms(negated)),
		"what the pass skips has no claims")
}

// The claims pass counts each sentence's claim terms once, and claimsOf
// sizes its claims by that count: on random texts of claim terms,
// negations and money words, every sentence holds its claim terms' count
// and no more claims than that (one per term outside a money clause).
func TestClaimsPassCountsEachSentence(t *testing.T) {
	lex, err := lexicon.Parse(map[string]string{"l.yaml": `
classes:
  effect: {description: d, source: s, zh: [逆转, 治愈]}
  antiaging: {description: d, source: s, zh: [返老还童]}
  negation: {description: d, source: s, zh: [不]}
`})
	require.NoError(t, err)
	a := NewAnalyzer(lex)
	pieces := []string{"逆转", "治愈", "返老还童", "不", "衰老", "价格", "元", "，", "。", "研究", "\n\n"}
	rng := rand.New(rand.NewPCG(5, 9))
	counted := 0
	for range 300 {
		text := "标题\n\n" + randomText(rng, pieces, 40)
		doc, err := document.ParseText("t.txt", []byte(text))
		require.NoError(t, err)
		d := a.Analyze(doc)
		for _, b := range d.Blocks {
			for _, s := range b.Sentences {
				if !a.hasClaimTerm(s) {
					continue
				}
				n := a.claimTerms(s)
				require.Equal(t, n, int(s.claimTerms), s.Text)
				require.LessOrEqual(t, len(s.Claims), n, s.Text)
				counted++
			}
		}
		d.Release()
	}
	require.Greater(t, counted, 300)
}
