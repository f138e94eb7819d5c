package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Matching texts found back to back (Find, then MatchFound text by text)
// gives what matching each text on its own gives, on corpus lines and on
// random text made of the built-in terms, in batches of every size from
// one text up, empty texts among them; the Found is reused from batch to
// batch as the analysis reuses it.
func TestMatchFoundAsMatch(t *testing.T) {
	l := builtinLexicon(t)
	texts, rng := corpusAndSoups(t, l, 17, 400, 0, 80)
	rng.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	var f Found
	hits, batches := 0, 0
	for len(texts) > 0 {
		n := min(len(texts), 1+rng.Intn(12))
		batch := texts[:n]
		texts = texts[n:]
		if rng.Intn(5) == 0 {
			batch = append([]string{""}, batch...)
		}
		l.Find(&f, batch)
		require.Len(t, f.ends, len(batch))
		for i, text := range batch {
			want := l.Match(text, nil)
			hits += len(want)
			require.Equal(t, want, l.MatchFound(text, hasASCIIDigit(text), &f, i, nil), "%q, text %d of %d", text, i, len(batch))
		}
		batches++
	}
	assert.Greater(t, hits, 5000)
	assert.Greater(t, batches, 50)
}

// A Found taken from the wrong text (the bounds off by one) is caught: the
// test above would fail on it.
func TestMatchFoundNoticesWrongBounds(t *testing.T) {
	l := builtinLexicon(t)
	batch := []string{"研究显示这种药物可以治愈癌症", "A breakthrough miracle cure, scientists say."}
	var f Found
	l.Find(&f, batch)
	require.NotEmpty(t, l.Match(batch[0], nil))
	require.NotEmpty(t, l.Match(batch[1], nil))
	assert.NotEqual(t, l.Match(batch[0], nil), l.MatchFound(batch[0], false, &f, 1, nil))
	assert.NotEqual(t, l.Match(batch[1], nil), l.MatchFound(batch[1], false, &f, 0, nil))
}

// MatchFound trusts the caller's digits flag rather than scanning: told
// that a text with digits has none, it drops the hits of patterns gated
// on a digit, on some corpus texts (so the test above, which passes the
// true flag, checks the flag's path).
func TestMatchFoundUsesDigitsFlag(t *testing.T) {
	l := builtinLexicon(t)
	texts, _ := corpusAndSoups(t, l, 17, 400, 0, 80)
	var f Found
	l.Find(&f, texts)
	differ := 0
	for i, text := range texts {
		if hasASCIIDigit(text) && len(l.MatchFound(text, false, &f, i, nil)) != len(l.Match(text, nil)) {
			differ++
		}
	}
	assert.Positive(t, differ)
}
