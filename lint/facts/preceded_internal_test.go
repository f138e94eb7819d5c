package facts

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// precededByAll and insideClaimAll are precededBy and insideClaim as they
// were, reading every hit of the sentence: the references for the loops
// that stop at the first hit starting after the one asked about.
func (ids *classIDs) precededByAll(s *Sentence, h lexicon.Hit, class, window int) bool {
	if !s.Has(class) {
		return false
	}
	for _, c := range s.Hits {
		if c.Class != class || c.End > h.Start || h.Start-c.End > window || ids.insideClaimAll(s, c) ||
			class == ids.negation && describesGroup(s.Text, c, h) {
			continue
		}
		if !breaksBefore.in(s.Text[c.End:h.Start]) {
			return true
		}
	}
	return false
}

func (ids *classIDs) insideClaimAll(s *Sentence, c lexicon.Hit) bool {
	for _, o := range s.Hits {
		if o.Class != c.Class && !ids.modifier(o.Class) && o.Start <= c.Start && c.End <= o.End && o.End-o.Start > c.End-c.Start {
			return true
		}
	}
	return false
}

// On sentences whose hits come in start order (as the lexicon gives them,
// empty hits and hits at one start included), precededBy and insideClaim
// answer as the loops over every hit, for every hit and cue class.
func TestPrecededByStopsAsReadingEveryHit(t *testing.T) {
	lex, err := lexicon.Parse(map[string]string{"l.yaml": `
classes:
  effect: {description: d, source: s, zh: [逆转]}
  hype: {description: d, source: s, zh: [神药]}
  negation: {description: d, source: s, zh: [不]}
  hedge: {description: d, source: s, zh: [可能]}
  distancing: {description: d, source: s, zh: [所谓]}
`})
	require.NoError(t, err)
	a := NewAnalyzer(lex)
	ids := &a.ids
	classes := []int{lex.ClassID("effect"), lex.ClassID("hype"), lex.ClassID("negation"), lex.ClassID("hedge"), lex.ClassID("distancing")}
	pieces := []string{"不", "可能", "神药", "逆转", "衰老", "的人", "者", "，", "。", " ", "not ", "who ", "those ", "比", "a", "cure"}
	rng := rand.New(rand.NewPCG(21, 22))
	preceded, inside := 0, 0
	for range 50000 {
		text := randomText(rng, pieces, 12)
		hits := make([]lexicon.Hit, rng.IntN(9))
		for k := range hits {
			start := rng.IntN(len(text) + 1)
			hits[k] = lexicon.Hit{Class: classes[rng.IntN(len(classes))], Start: start, End: start + rng.IntN(min(9, len(text)-start+1))}
		}
		slices.SortFunc(hits, func(x, y lexicon.Hit) int { return x.Start - y.Start })
		s := &Sentence{Text: text, Hits: hits}
		s.indexClasses()
		for _, h := range hits {
			require.Equal(t, ids.insideClaimAll(s, h), ids.insideClaim(s, h), "insideClaim(%q, %v) in %v", text, h, hits)
			if ids.insideClaimAll(s, h) {
				inside++
			}
			for _, class := range classes {
				for _, window := range []int{negationWindow, certaintyNegationWindow, 3} {
					want := ids.precededByAll(s, h, class, window)
					require.Equal(t, want, ids.precededBy(s, h, class, window), "precededBy(%q, %v, %d, %d) in %v", text, h, class, window, hits)
					if want {
						preceded++
					}
				}
			}
		}
	}
	require.Greater(t, preceded, 1000)
	require.Greater(t, inside, 1000)
}
