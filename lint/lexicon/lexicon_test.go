package lexicon

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/normalize"
)

const testLexicon = `
classes:
  antiaging:
    description: reverse-aging claims
    source: test
    zh: [逆转衰老, 返老还童, {term: 不老药, source: "R:SAMR-NMN2021"}]
    zh-TW: [逆齡]
    en: ["revers{e,es,ed} ag{e,}ing", "fountain of youth"]
  animal:
    description: lab animals
    source: test
    zh: [小鼠, 老鼠]
    en: ["mouse", "mice", "rat{,s}"]
    patterns: ['相当于人类的?\d+岁']
ignore:
  zh: [米老鼠]
  en: ["computer mouse"]
`

func hitTexts(t *testing.T, l *Lexicon, src string) []string {
	t.Helper()
	v := normalize.Normalize(src)
	var out []string
	for _, h := range l.Match(v.Text, nil) {
		out = append(out, l.Classes[h.Class].Name+":"+src[v.Map.Start(h.Start):v.Map.End(h.End)])
	}
	return out
}

func TestMatchBothScriptsAndRepeats(t *testing.T) {
	l, err := Parse(map[string]string{"t.yaml": testLexicon})
	require.NoError(t, err)
	assert.Equal(t, []string{"antiaging:逆轉衰老", "antiaging:逆轉衰老"}, hitTexts(t, l, "逆轉衰老？真能逆轉衰老嗎"))
	assert.Equal(t, []string{"antiaging:逆齡"}, hitTexts(t, l, "號稱逆齡"))
	assert.Equal(t, []string{"antiaging:Reverses Ageing"}, hitTexts(t, l, "NAD+ Reverses Ageing"))
}

func TestLatinTermsNeedWordBoundaries(t *testing.T) {
	l, err := Parse(map[string]string{"t.yaml": testLexicon})
	require.NoError(t, err)
	assert.Empty(t, hitTexts(t, l, "the ratio of separate rating"))
	assert.Equal(t, []string{"animal:rats", "animal:小鼠"}, hitTexts(t, l, "rats和小鼠"))
}

func TestIgnorePhrasesAndPatterns(t *testing.T) {
	l, err := Parse(map[string]string{"t.yaml": testLexicon})
	require.NoError(t, err)
	assert.Empty(t, hitTexts(t, l, "米老鼠用computer mouse"))
	assert.Equal(t, []string{"animal:小鼠", "animal:相當於人類80歲"}, hitTexts(t, l, "小鼠相當於人類80歲"))
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	_, err := Parse(map[string]string{"bad.yaml": "classes:\n  x:\n    description: d\n    sauce: oops\n"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.yaml:4:")
	assert.Contains(t, err.Error(), `unknown key "sauce"`)

	_, err = Parse(map[string]string{"re.yaml": "classes:\n  x:\n    patterns:\n      - '(unclosed'\n"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "re.yaml:4:")

	_, err = Parse(map[string]string{"syntax.yaml": "classes:\n  x: [\n"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "syntax.yaml:")

	_, err = Parse(map[string]string{"syntax.yaml": "classes:\n  x:\n    zh: [甲, 乙\n    en: [a]\n"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "syntax.yaml:3: did not find expected ',' or ']'")

	// A class or a key of a class written twice: the second would be lost.
	_, err = Parse(map[string]string{"dup.yaml": "classes:\n  x:\n    description: d\n    zh: [甲]\n  x:\n    zh: [乙]\n"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `dup.yaml:5: duplicate key "x" (first on line 2)`)
	_, err = Parse(map[string]string{"dup.yaml": "classes:\n  x:\n    zh: [甲]\n    description: d\n    zh: [乙]\n"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `dup.yaml:5: duplicate key "zh" (first on line 3)`)
}

func TestExpand(t *testing.T) {
	got, err := expand("revers{e,ed} ag{e,}ing")
	require.NoError(t, err)
	assert.Equal(t, []string{"reverse ageing", "reverse aging", "reversed ageing", "reversed aging"}, got)
	_, err = expand("bad{brace")
	assert.Error(t, err)
}

func TestPatternGroupTNarrowsTheSpan(t *testing.T) {
	l, err := Parse(map[string]string{"t.yaml": `
classes:
  can:
    description: d
    source: s
    patterns: ['[^不](?P<t>能逆转)']
`})
	require.NoError(t, err)
	assert.Equal(t, []string{"can:能逆转"}, hitTexts(t, l, "产品能逆转衰老"))
	assert.Empty(t, hitTexts(t, l, "不能逆转"))
}

func TestRequiredLiterals(t *testing.T) {
	cases := map[string][]string{
		`相当于人类的?\d+岁`:                   {"相当于人类"},
		`(降低|减少)了?\d+%`:                 {"降低", "减少"},
		`\b(cuts?|slashes) (the )?risk`: {"cuts the risk", "cuts risk", "cut the risk", "cut risk", "slashes the risk", "slashes risk"},
		` (in|out of) `:                 {" in ", " out of "},
		`a+b`:                           {"a"},
	}
	for src, want := range cases {
		re, err := syntax.Parse(src, syntax.Perl)
		require.NoError(t, err)
		got, ok := requiredLiterals(re.Simplify())
		require.True(t, ok, src)
		assert.Equal(t, want, got, src)
	}
	for _, src := range []string{`\w+`, `x?`, `.*`} {
		re, _ := syntax.Parse(src, syntax.Perl)
		_, ok := requiredLiterals(re.Simplify())
		assert.False(t, ok, src)
	}
}

// The prefilter must never change what matches: every pattern of the
// built-in lexicon finds the same hits with and without it on the corpus.
func TestPrefilterKeepsMatches(t *testing.T) {
	l := builtinLexicon(t)
	always := ungated(l)
	gated := 0
	for _, p := range l.regexes {
		if !p.always {
			gated++
		}
	}
	assert.Greater(t, gated, len(l.regexes)/2, "most patterns are gated by a literal")
	for _, line := range corpusLines(t) {
		assert.Equal(t, always.Match(line, nil), l.Match(line, nil), "%q", line)
	}
}

// builtinLexicon compiles the lexicon files in rules/lexicon.
func builtinLexicon(t testing.TB) *Lexicon {
	t.Helper()
	files := map[string]string{}
	names, err := filepath.Glob("../../rules/lexicon/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, names, "no lexicon files in ../../rules/lexicon")
	for _, n := range names {
		data, err := os.ReadFile(n)
		require.NoError(t, err)
		files[n] = string(data)
	}
	l, err := Parse(files)
	require.NoError(t, err)
	return l
}

// corpusLines returns every line of the plain-text corpus articles,
// normalized.
func corpusLines(t testing.TB) []string {
	t.Helper()
	articles, _ := filepath.Glob("../../corpus/*/*.txt")
	require.NotEmpty(t, articles)
	var lines []string
	for _, a := range articles {
		data, err := os.ReadFile(a)
		require.NoError(t, err)
		for _, line := range strings.Split(string(data), "\n") {
			lines = append(lines, normalize.Normalize(line).Text)
		}
	}
	return lines
}

// Patterns run on windows around their literals (see pattern.windows) must
// find what they find on the whole text, whatever sits at a window's
// edges: random texts built from the patterns' own pieces, compared with
// every pattern run on the whole text.
func TestWindowsKeepMatches(t *testing.T) {
	l, err := Parse(map[string]string{"a.yaml": `classes:
  c:
    patterns:
      - '(^|[^可能不])(?P<t>(可以|能够|可|能)(显著)?(降低|预防)[^,。]{0,6}(风险|疾病))'
      - '\bnct ?\d{3}\b'
      - '在[^,。]{0,6}?(小鼠|细胞)(模型)?(中|里)'
      - '(降低|减少)了?\s?\d+(\.\d+)?%'
      - '^研究(显示|表明)'
      - '(风险|疾病)$'
      - '\b(cuts?|lowers) (the )?risk\b'
      - '\b\d+ (in|out of) (every )?\d+\b'
      - '\b[a-z]+, [1-9][0-9],'
`})
	require.NoError(t, err)
	whole := ungated(l)
	pieces := []string{"可", "能", "可以", "不", "显著", "降低", "预防", "风险", "疾病", "，", "。", "在", "小鼠",
		"细胞", "模型", "中", "里", "减少了", "12", "3.5", "%", " ", "nct", "x", "研究", "显示", "cuts", "lowers",
		"the ", "risk", "é", "_", "a", " in ", " out of ", "every ", ", ", "5", ","}
	rng := rand.New(rand.NewSource(2))
	matched := 0
	for round := 0; round < 20000; round++ {
		var sb strings.Builder
		for n := rng.Intn(24); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := normalize.Normalize(sb.String()).Text
		want := whole.Match(text, nil)
		matched += len(want)
		require.Equal(t, want, l.Match(text, nil), "%q", text)
	}
	windowed := 0
	for _, p := range l.regexes {
		if p.window >= 0 && (p.before >= 0 || p.after >= 0) {
			windowed++
		}
	}
	assert.GreaterOrEqual(t, windowed, 5, "most of these patterns have bounded windows")
	assert.Greater(t, matched, 1000, "the texts include matches")
}

// ungated is a copy of l that runs every pattern on the whole of every
// text: what gates and windows must not change.
func ungated(l *Lexicon) *Lexicon {
	u := *l
	u.regexes = append([]pattern(nil), l.regexes...)
	u.alwaysSet = make([]uint64, len(l.alwaysSet))
	for i := range u.regexes {
		u.regexes[i].always = true
		u.alwaysSet[i/64] |= 1 << (i % 64)
	}
	return &u
}

// A clause another one implies is dropped from a gate, but of two that
// imply each other one stays: a pattern must never lose its whole gate.
func TestGateDropsImpliedClausesOnly(t *testing.T) {
	for src, want := range map[string][][]string{
		`(年轻|减龄)了?岁`:           {{"年轻了岁", "年轻岁", "减龄了岁", "减龄岁"}},
		` (in|out of) \d`:      {{" in ", " out of "}, {digitLiteral}},
		`(降低|减少)了?\d+%`:        {{"降低", "减少"}, {"%"}, {digitLiteral}},
		`风险(降低|下降)`:            {{"风险降低", "风险下降"}},
		`\bnct ?\d{8}\b`:       {{"nct"}, {digitLiteral}},
		`可以(降低|减少)[^,]{0,3}风险`: {{"可以降低", "可以减少"}, {"风险"}},
	} {
		assert.ElementsMatch(t, want, gateLiterals(t, src), src)
	}
}

// A clause a comma or a full stop meets gates nothing (most sentences hold
// one), and the automaton is not asked for them; a rarer single mark is
// still a gate.
func TestCommonMarksDoNotGate(t *testing.T) {
	assert.False(t, selective([]string{"剂量", ","}))
	assert.False(t, selective([]string{"."}))
	assert.True(t, selective([]string{"%"}))
	assert.True(t, selective([]string{"剂量", "上"}))
	for src, want := range map[string][][]string{
		`(换算|折算)为.{0,4}(剂量|,)`: {{"换算为", "折算为"}},
		`\d\.\d+%`:             {{"%"}, {digitLiteral}},
	} {
		assert.ElementsMatch(t, want, gateLiterals(t, src), src)
	}
	l := builtinLexicon(t)
	for i := range l.terms {
		if text := l.terms[i].text; text == "," || text == "." {
			assert.Empty(t, l.terms[i].triggers, "%q gates a pattern", text)
		}
	}
}

// A lexicon loaded from its snapshot matches exactly what the compiled one
// does, and writes the same snapshot again.
func TestSnapshotRoundTrip(t *testing.T) {
	l := builtinLexicon(t)
	data, err := l.Snapshot()
	require.NoError(t, err)
	loaded, err := FromSnapshot(string(data))
	require.NoError(t, err)
	again, err := loaded.Snapshot()
	require.NoError(t, err)
	assert.Equal(t, data, again)
	assert.Equal(t, l.Classes, loaded.Classes)
	hits := 0
	for _, line := range corpusLines(t) {
		want := l.Match(line, nil)
		hits += len(want)
		assert.Equal(t, want, loaded.Match(line, nil), "%q", line)
	}
	assert.Greater(t, hits, 1000)

	_, err = FromSnapshot(string(data[:len(data)/2]))
	assert.Error(t, err, "a truncated snapshot is refused")
	_, err = FromSnapshot(strings.Replace(string(data), "lexicon-", "lexicon-0", 1))
	assert.ErrorContains(t, err, "not a snapshot of this version")
}

// A damaged snapshot is refused or loads; it does not panic while loading
// or matching. (A damaged regexp source would surface when the pattern is
// first compiled; the built-in snapshot is checked by a test instead.)
func TestDamagedSnapshotDoesNotPanic(t *testing.T) {
	data, err := builtinLexicon(t).Snapshot()
	require.NoError(t, err)
	refused := 0
	for i := len(snapshotMagic); i < len(data); i += len(data) / 251 {
		damaged := []byte(string(data))
		damaged[i] ^= 0xa5
		l, err := FromSnapshot(string(damaged))
		if err != nil {
			refused++
			continue
		}
		l.Match("研究显示，小鼠实验 reverse aging in mice 50%", nil)
	}
	assert.Greater(t, refused, 0)
}

// Term sense: a short Han term inside an enclosing word (generated from a
// dictionary, see tools/enclosing) or used in another sense is no hit;
// careful-writing counterexamples beside real uses.
func TestBuiltinTermSense(t *testing.T) {
	lex := builtinLexicon(t)
	cases := []struct {
		text, class string
		want        bool
	}{
		{"这种疗法有独特价值", "commerce", false},
		{"本周特价，买二送一", "commerce", true},
		{"长期服用精神药物的人", "miracle", false},
		{"号称抗癌神药", "miracle", true},
		{"效果大打折扣", "commerce", false},
		{"全场折扣", "commerce", true},
		{"衰老是必然的", "certainty", false},
		{"必然有效", "certainty", true},
		{"为治疗提供新思路", "availability", false},
		{"诊所提供干细胞注射", "availability", true},
		{"干预约三个月后复查", "commerce", false},
		{"这能保证实验顺利", "certainty", false},
		{"实验证明有效", "certainty", true},
		{"发表在权威医学期刊上", "journal", true}, // 医学|期刊, though 学期 is a word
	}
	for _, c := range cases {
		id := lex.ClassID(c.class)
		got := false
		for _, h := range lex.Match(normalize.Normalize(c.text).Text, nil) {
			got = got || h.Class == id
		}
		assert.Equal(t, c.want, got, "%s: %s", c.text, c.class)
	}
}

// gateLiterals is the literals of each clause gate keeps of pattern src.
func gateLiterals(t *testing.T, src string) [][]string {
	t.Helper()
	re, err := syntax.Parse(src, syntax.Perl)
	require.NoError(t, err)
	var got [][]string
	for _, c := range gate(requiredClauses(re.Simplify())) {
		got = append(got, c.lits)
	}
	return got
}
