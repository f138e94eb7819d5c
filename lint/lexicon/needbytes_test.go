package lexicon

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNeedBytesOf(t *testing.T) {
	n := needBytesOf(`\d+(\.\d+)?\s?%[^。;!?]{1,40},[^。;!?]{0,20}(组|中)(为|是)\s?\d+(\.\d+)?\s?%`)
	assert.Equal(t, needBytes{bytes: []byte{'%'}, counts: []int{2}}, n)
	assert.Equal(t, needBytes{bytes: []byte{'a'}, counts: []int{3}}, needBytesOf(`(?P<t>a,b(a)a)`))
	for _, src := range []string{`a b c`, `(?i)a,a`, `(a|a,a)`, `a?a?`, `a*,a+`, `%`, `(`} {
		assert.Empty(t, needBytesOf(src).bytes, src)
	}
	assert.True(t, n.met("1% 和 2%"))
	assert.False(t, n.met("1% 和 2"))
}

// A text the need rules out never matches the pattern: every built-in
// pattern on the corpus and on random texts of its own pieces.
func TestNeedBytesRuleOutNoMatch(t *testing.T) {
	l := builtinLexicon(t)
	lines := corpusLines(t)
	rng := rand.New(rand.NewSource(17))
	pieces := []string{"%", "%", ",", "，", "1", "23.5", " ", "组", "为", "中", "是", "人", "名", ".", "-", "/", "a", "nct", "10.", "of", "("}
	used, allMatched := 0, 0
	for _, p := range l.regexes {
		need := needBytesOf(p.re.src)
		if len(need.bytes) == 0 {
			continue
		}
		used++
		re := regexp.MustCompile(p.re.src)
		texts := lines
		for range 5000 {
			var sb strings.Builder
			for k := rng.Intn(30); k > 0; k-- {
				sb.WriteString(pieces[rng.Intn(len(pieces))])
			}
			texts = append(texts, sb.String())
		}
		// Matching corpus lines with one needed byte taken out: the
		// texts nearest a match the need rules out.
		for _, line := range lines {
			if !re.MatchString(line) {
				continue
			}
			for _, b := range need.bytes {
				i := strings.IndexByte(line, b)
				texts = append(texts, line[:i]+line[i+1:])
			}
		}
		ruledOut, matched := 0, 0
		for _, text := range texts {
			m := re.MatchString(text)
			if !need.met(text) {
				ruledOut++
				require.False(t, m, "%q ruled out %q", p.re.src, text)
			}
			if m {
				matched++
			}
		}
		assert.Greater(t, ruledOut, 0, p.re.src)
		t.Logf("%d ruled out, %d matched: %s", ruledOut, matched, p.re.src)
		allMatched += matched
	}
	assert.Greater(t, used, 0, "built-in patterns with a need")
	assert.Greater(t, allMatched, 20, "texts they match")
}
