package lexicon

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The built-in study_intro pattern has the shape, and other sources do not.
func TestWordSeqShape(t *testing.T) {
	seqs := builtinWith(t, func(re *lazyRegexp) bool { return re.seq != nil })
	require.Len(t, seqs, 1)
	w := seqs[0].seq
	assert.Equal(t, 3, w.words)
	assert.Equal(t, "the first", w.leads[2])
	assert.Contains(t, w.nouns, "meta-analysis")
	assert.Contains(t, w.tails, "found")
	for _, src := range []string{
		`(?:^|[^a-z])(a|one)( [a-z-]+){0,3} (study|trial)([,.;:]|$| (found|of)\b)x`,
		`(?:^|[^a-z])(a|o.e)( [a-z-]+){0,3} (study|trial)([,.;:]|$| (found|of)\b)`,
		`(?:^|[^a-z])(a|one)( [a-z]+){0,3} (study|trial)([,.;:]|$| (found|of)\b)`,
		`(?:^|[^a-z])(a||one)( [a-z-]+){0,3} (study|trial)([,.;:]|$| (found|of)\b)`,
		`(一)(项|个)[^,。]{0,16}(研究|试验)`,
	} {
		assert.Nil(t, parseWordSeq(src), src)
	}
	assert.NotNil(t, parseWordSeq(`(?:^|[^a-z])(a|one)( [a-z-]+){0,2} (study|trial)([,.;:]|$| (found|of)\b)`))
}

// The hand matcher finds what its regexp finds, on random texts built from
// the pattern's own pieces and their near misses, and on the corpus.
func TestWordSeqIsItsRegexp(t *testing.T) {
	srcs := []string{`(?:^|[^a-z])(a|one|the first|a new)( [a-z-]+){0,2} (study|trial|meta-analysis|analysis)([,.;:]|$| (found|in|involving|of)\b)`}
	for _, re := range builtinWith(t, func(re *lazyRegexp) bool { return re.seq != nil }) {
		srcs = append(srcs, re.src)
	}
	rng := rand.New(rand.NewSource(17))
	for _, src := range srcs {
		w := parseWordSeq(src)
		require.NotNil(t, w, src)
		re := regexp.MustCompile(src)
		pieces := []string{" ", " ", " ", ",", ".", ";", ":", "-", "_", "9", "A", "x", "new", "big", "é", "研究", "\xff", "\n",
			"stud", "studying", "founder", "in", "inv"}
		for _, alts := range [][]string{w.leads, w.nouns, w.tails} {
			pieces = append(pieces, alts...)
		}
		matched := 0
		for range 20000 {
			var sb strings.Builder
			pick := func(from []string) { sb.WriteString(from[rng.Intn(len(from))]) }
			for n := 1 + rng.Intn(3); n > 0; n-- {
				// Junk, then mostly something near a match: a lead,
				// up to five words, a noun and a tail or a near miss.
				for j := rng.Intn(3); j > 0; j-- {
					pick(pieces)
				}
				if rng.Intn(4) > 0 {
					pick(w.leads)
					for k := rng.Intn(6); k > 0; k-- {
						sb.WriteByte(' ')
						pick(pieces)
					}
					sb.WriteByte(' ')
					pick(w.nouns)
					pick([]string{"", ",", ".", " ", "x", " " + w.tails[rng.Intn(len(w.tails))]})
				}
			}
			text := sb.String()
			want := re.FindAllStringIndex(text, -1)
			require.Equal(t, want, matchesOf(w.findAll, text), "%q on %q", src, text)
			if len(want) > 0 {
				matched++
			}
		}
		assert.Greater(t, matched, 1000, "texts with a match, of 20000")
		for _, line := range corpusLines(t) {
			require.Equal(t, re.FindAllStringIndex(line, -1), matchesOf(w.findAll, line), "%q on %q", src, line)
		}
	}
}
