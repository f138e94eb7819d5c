package lexicon

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The built-in funder pattern has the shape, and other sources do not.
func TestBySeqShape(t *testing.T) {
	seqs := builtinWith(t, func(re *lazyRegexp) bool { return re.by != nil })
	require.Len(t, seqs, 1)
	s := seqs[0].by
	assert.Equal(t, 60, s.most)
	assert.Equal(t, " by ", s.link)
	assert.Equal(t, ".;", s.stops)
	assert.Equal(t, "funded", s.leads[1])
	assert.Contains(t, s.tails, "inc")
	for _, src := range []string{
		`\b(funded|paid) by [^.;]{0,60}\b(university|inc)\bx`,
		`\b(funded|pa.d) by [^.;]{0,60}\b(university|inc)\b`,
		`\b(funded|paid) by [^.;]{1,60}\b(university|inc)\b`,
		`\b(funded|paid) by [^a;]{0,60}\b(university|inc)\b`,
		`\b(funded||paid) by [^.;]{0,60}\b(university|inc)\b`,
		`\b(funded|paid) by [^.;]{0,600}\b(university|inc)\b`,
		`\b(funded|paid) by [^.;]{0,60}(university|inc)\b`,
		`\bnct ?\d{8}\b`,
	} {
		assert.Nil(t, parseBySeq(src), src)
	}
	assert.NotNil(t, parseBySeq(`\b(a|b-c) with [^.]{0,3}\b(d|e)\b`))
}

// The hand matcher finds what its regexp finds, on random texts built from
// the pattern's own pieces and their near misses, and on the corpus.
func TestBySeqIsItsRegexp(t *testing.T) {
	srcs := []string{`\b(funded|fund|paid) by [^.;]{0,6}\b(fund|funder|inc|in)\b`, `\b(a|b-c) with [^.,]{0,3}\b(d|e|-x)\b`}
	for _, re := range builtinWith(t, func(re *lazyRegexp) bool { return re.by != nil }) {
		srcs = append(srcs, re.src)
	}
	rng := rand.New(rand.NewSource(17))
	for _, src := range srcs {
		s := parseBySeq(src)
		require.NotNil(t, s, src)
		re := regexp.MustCompile(src)
		pieces := []string{" ", " ", ",", ".", ";", "-", "_", "9", "A", "x", "é", "研究", "\xff", "\n", "by", s.link}
		pieces = append(pieces, s.leads...)
		pieces = append(pieces, s.tails...)
		matched := 0
		for range 20000 {
			var sb strings.Builder
			pick := func(from []string) { sb.WriteString(from[rng.Intn(len(from))]) }
			for n := 1 + rng.Intn(3); n > 0; n-- {
				// Junk, then mostly something near a match: a lead, the
				// link, a gap of about the length allowed and a tail.
				for j := rng.Intn(3); j > 0; j-- {
					pick(pieces)
				}
				if rng.Intn(4) > 0 {
					pick(s.leads)
					if rng.Intn(8) > 0 {
						sb.WriteString(s.link)
					}
					for k := rng.Intn(min(s.most, 12) + 3); k > 0; k-- {
						pick(pieces)
					}
					pick(s.tails)
					pick([]string{"", " ", "s", ".", "_", "é"})
				}
			}
			text := sb.String()
			want := re.FindAllStringIndex(text, -1)
			require.Equal(t, want, matchesOf(s.findAll, text), "%q on %q", src, text)
			if len(want) > 0 {
				matched++
			}
		}
		assert.Greater(t, matched, 1000, "texts with a match, of 20000")
		for _, line := range corpusLines(t) {
			require.Equal(t, re.FindAllStringIndex(line, -1), matchesOf(s.findAll, line), "%q on %q", src, line)
		}
	}
}
