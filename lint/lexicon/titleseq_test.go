package lexicon

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The built-in journal pattern has the shape, and other sources do not.
func TestTitleSeqShape(t *testing.T) {
	seqs := builtinWith(t, func(re *lazyRegexp) bool { return re.title != nil })
	require.Len(t, seqs, 1)
	s := seqs[0].title
	assert.Equal(t, 40, s.most)
	require.Len(t, s.groups, 7)
	assert.Equal(t, titleGroup{alts: []string{"于", "在"}}, s.groups[1])
	assert.Equal(t, titleGroup{alts: []string{"期刊", "杂志"}, optional: true}, s.groups[6])
	for _, src := range []string{
		`(发表|刊登)(于|在)《[^》]{1,40}》x`,
		`(发表|刊.)(于|在)《[^》]{1,40}》`,
		`(发表|刊登)(于|在)*《[^》]{1,40}》`,
		`(发表|刊登)(?:于|在)《[^》]{1,40}》`,
		`(发表|(刊登))(于|在)《[^》]{1,40}》`,
		`(发表|刊登)(于|在)《[^》]{0,40}》`,
		`(发表|刊登)(于|在)《[^》]{1,30}(杂志|期刊)[^》]{0,12}》`,
		`《[^》]{1,30}》`,
		`(?i)(a|b)《[^》]{1,40}》`,
	} {
		assert.Nil(t, parseTitleSeq(src), src)
	}
	assert.NotNil(t, parseTitleSeq(`(a|b c)(d)?《[^》]{1,3}》`))
}

// The hand matcher finds what its regexp finds, on random texts built from
// the pattern's own pieces and their near misses, and on the corpus.
func TestTitleSeqIsItsRegexp(t *testing.T) {
	srcs := []string{`(发表|发)(于|在)?(国际)?(期刊|期)?《[^》]{1,4}》`, `(ab|a)(b)?(bc)?《[^》]{1,2}》`, `(发)?(于|在)?《[^》]{1,3}》`, `(刊)?(在|《)(期)?《[^》]{1,3}》`}
	for _, re := range builtinWith(t, func(re *lazyRegexp) bool { return re.title != nil }) {
		srcs = append(srcs, re.src)
	}
	rng := rand.New(rand.NewSource(17))
	for _, src := range srcs {
		s := parseTitleSeq(src)
		require.NotNil(t, s, src)
		re := regexp.MustCompile(src)
		pieces := []string{" ", "，", "。", "x", "研究", "\xff", "\xe3\x80", "\n", "《", "》", "《》", "刊", "期", "a", "b"}
		for _, g := range s.groups {
			pieces = append(pieces, g.alts...)
		}
		matched := 0
		for range 20000 {
			var sb strings.Builder
			pick := func(from []string) { sb.WriteString(from[rng.Intn(len(from))]) }
			for n := 1 + rng.Intn(3); n > 0; n-- {
				// Junk, then mostly something near a match: the groups,
				// each sometimes left out, and a title of about the
				// length the pattern allows.
				for j := rng.Intn(3); j > 0; j-- {
					pick(pieces)
				}
				if rng.Intn(4) > 0 {
					for _, g := range s.groups {
						if rng.Intn(5) > 0 {
							pick(g.alts)
						}
					}
					if rng.Intn(8) > 0 {
						sb.WriteString("《")
					}
					for k := rng.Intn(s.most + 3); k > 0; k-- {
						pick([]string{"刊", "a", "x", "\xff", "，", "\n"})
					}
					if rng.Intn(8) > 0 {
						sb.WriteString("》")
					}
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
