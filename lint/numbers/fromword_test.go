package numbers

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// fromWordByLists is fromWord before the role bits: every reader asked in
// turn, each looking the word up in its own list. The reference for
// fromWord.
func (s *scanner) fromWordByLists(i int) int {
	t := s.text
	w, e := word(t, i)
	if i > 0 && isAlnum(t[i-1]) {
		return e
	}
	if !mayTrigger(w) {
		return e
	}
	if _, ok := lookup(enTriggers, w); !ok {
		return e
	}
	if tok, ok := vagueCount(t, i); ok {
		return s.finish(i, &tok)
	}
	if strings.EqualFold(w, "a") || strings.EqualFold(w, "an") {
		if tok, ok := articleNumber(t, i); ok {
			return s.finish(i, &tok)
		}
		if e+1 < len(t) && t[e] == ' ' {
			if next := s.enVague(i, e+1); next > i {
				return next
			}
		}
		return e
	}
	if next := s.enVague(i, i); next > i {
		return next
	}
	if v, ok := lookup(enTwice, w); ok {
		return s.finish(i, &token{start: i, end: e, val: v, script: 'w', forced: Ratio, hasForced: true})
	}
	if _, ok := lookup(enNumWords, w); ok {
		if end, v, ok := wordNumber(t, i); ok {
			tok := token{start: i, end: end, val: v, script: 'w'}
			if m, k := enMultiplier(t, end); m > 1 {
				tok.val, tok.end, tok.mult = v*m, k, true
			}
			return s.finish(i, &tok)
		}
	}
	return e
}

// fromWord resumes where the reference does and emits the same mentions,
// at every letter of random text made of every trigger word and of the
// corpus articles, after a mention or none.
func TestFromWordMatchesAskingEveryList(t *testing.T) {
	pieces := []string{"a", "an", "A", "the", "study", "trial", "people", "patients", "of", "in", "and", "x", "1",
		"large-scale", "number", "thousand", "million", " ", " ", " ", ",", "-", "研究"}
	for _, w := range slices.Sorted(maps.Keys(enTriggers)) { // in one order: the same texts each run
		pieces = append(pieces, w, strings.ToUpper(w))
	}
	rng := rand.New(rand.NewPCG(51, 52))
	texts := gateTexts(t)
	for range 15000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, text := range texts {
		for i := 0; i < len(text); i++ {
			if !isLetter(text[i]) {
				continue
			}
			var prior []Mention
			if rng.IntN(4) == 0 {
				prior = []Mention{{End: rng.IntN(i + 1), Kind: Ratio}}
			}
			last := 0
			if prior != nil {
				last = prior[0].End
			}
			want := scanner{text: text, lastEnd: last, out: slices.Clone(prior)}
			got := scanner{text: text, lastEnd: last, out: slices.Clone(prior)}
			if w, g := want.fromWordByLists(i), got.fromWord(i); w != g || !slices.Equal(want.out, got.out) {
				t.Fatalf("%q at %d: fromWord resumes at %d with %v, want %d with %v", text, i, g, got.out, w, want.out)
			}
			found += len(want.out) - len(prior)
		}
	}
	require.Greater(t, found, 3000, "the texts hold English numbers")
}

// A text ending in "hundred and" (or "thousand and") is read to its end
// and no further: wordNumber looked for the word after "and" before
// checking that a space followed, and sliced past the text.
func TestWordNumberStopsAtTheEnd(t *testing.T) {
	for _, c := range []struct {
		text string
		val  float64
	}{{"one hundred and", 100}, {"two thousand and", 2000}, {"One Hundred And", 100}} {
		end, v, ok := wordNumber(c.text, 0)
		require.True(t, ok, c.text)
		require.Equal(t, len(c.text)-len(" and"), end, c.text)
		require.Equal(t, c.val, v, c.text)
	}
	for _, text := range []string{"one hundred and", "a hundred and", "aged one hundred and"} {
		require.NotPanics(t, func() { Find(text) }, text)
	}
	end, v, ok := wordNumber("one hundred and five", 0)
	require.True(t, ok)
	require.Equal(t, len("one hundred and five"), end)
	require.Equal(t, 105.0, v)
}
