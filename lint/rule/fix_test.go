package rule

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/yamlfile"
)

const swapRule = `rules:
  - id: no-panacea
    category: house-style
    severity: warning
    message: {en: "Avoid 灵丹妙药"}
    swap: {灵丹妙药: 一种疗法, miracle cure: promising treatment, cure: treatment}
`

func houseSet(t *testing.T, lex *lexicon.Lexicon, src string) (*Set, error) {
	t.Helper()
	p, err := ParseHouseFiles([]yamlfile.File{{Name: "house.yaml", Data: []byte(src)}})
	if err != nil {
		return nil, err
	}
	return p.Bind(lex)
}

// evaluate lints text (first line the title) with set and returns the
// findings.
func evaluate(t *testing.T, lex *lexicon.Lexicon, set *Set, text string) []Finding {
	t.Helper()
	doc, err := document.ParseText("a.txt", []byte(text))
	require.NoError(t, err)
	findings, err := set.Evaluate(facts.NewAnalyzer(lex).Analyze(doc))
	require.NoError(t, err)
	return findings
}

func TestSwapRuleDefaultsAndFixes(t *testing.T) {
	lex := testLexicon(t)
	set, err := houseSet(t, lex, swapRule)
	require.NoError(t, err)
	r := set.Get("no-panacea")
	assert.Equal(t, SentenceScope, r.Scope)
	assert.Equal(t, "true", r.When)
	assert.Equal(t, "Avoid 灵丹妙药", r.Message("zh-Hant", ""), "one language serves all")
	assert.Equal(t, OtherCategory, ScoreCategory(r.Category))
	assert.Equal(t, "overclaim", ScoreCategory("overclaim"))

	text := "标题\n\n它是靈丹妙藥，一种灵丹妙药。A Miracle cure, not a cure.\n"
	findings := evaluate(t, lex, set, text)
	var got [][3]string
	for _, f := range findings {
		require.Len(t, f.Fixes, 1)
		fix := f.Fixes[0]
		assert.True(t, fix.Safe)
		assert.Equal(t, f.Span, fix.Span)
		got = append(got, [3]string{f.Term, text[f.Span.Start:f.Span.End], fix.Replacement})
	}
	assert.Equal(t, [][3]string{
		{"靈丹妙藥", "靈丹妙藥", "一種療法"}, // Traditional in, Traditional out
		{"灵丹妙药", "灵丹妙药", "一种疗法"},
		{"Miracle cure", "Miracle cure", "Promising treatment"}, // the longest term, capitalised like the text
		{"cure", "cure", "treatment"},
	}, got)
}

func TestSwapRuleWhenStillApplies(t *testing.T) {
	lex := testLexicon(t)
	src := replace(swapRule, "    swap:", "    when: '!has(sentence, \"hype\")'\n    swap:")
	set, err := houseSet(t, lex, src)
	require.NoError(t, err)
	assert.Len(t, evaluate(t, lex, set, "标题\n\n灵丹妙药。\n"), 1)
	assert.Empty(t, evaluate(t, lex, set, "标题\n\n重磅灵丹妙药。\n"), "the condition is false")
}

func TestHouseRuleLeniencyIsForHouseRulesOnly(t *testing.T) {
	lex := testLexicon(t)
	_, err := Parse(lex, "r.yaml", []byte(swapRule))
	require.Error(t, err, "a built-in rule keeps every field required")
	assert.Contains(t, err.Error(), `r.yaml:3: rule no-panacea: category "house-style" is not one of`)

	cases := map[string]struct{ src, want string }{
		"category not kebab-case": {replace(swapRule, "house-style", "House Style"), `house.yaml:3: rule no-panacea: category "House Style" must be one of`},
		"no message":              {replace(swapRule, `    message: {en: "Avoid 灵丹妙药"}`+"\n", ""), "house.yaml:2: rule no-panacea: message needs at least one of"},
		"swap not a mapping":      {replace(swapRule, "swap: {灵丹妙药: 一种疗法, miracle cure: promising treatment, cure: treatment}", "swap: [灵丹妙药]"), "house.yaml:6: swap must be a mapping"},
		"swap with report":        {replace(swapRule, "    swap:", "    report: hype\n    swap:"), "house.yaml:7: rule no-panacea: a swap rule reports its own terms"},
		"swap at paragraph scope": {replace(swapRule, "    swap:", "    scope: paragraph\n    swap:"), "house.yaml:6: rule no-panacea: a swap rule needs scope sentence or heading"},
		"duplicate swap term":     {replace(swapRule, "cure: treatment}", "cure: treatment, cure: remedy}"), "house.yaml:6"},
		"unknown fixer":           {replace(swapRule, "    swap:", "    fix: name-modle\n    swap:"), `house.yaml:6: rule no-panacea: fix "name-modle" is not one of [name-model]`},
		"suggest without report":  {replace(swapRule, "    swap:", "    when: 'true'\n    suggest: {cure: treatment}\n    #"), "rule no-panacea: suggest replaces the terms a rule reports"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := houseSet(t, lex, c.src)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestSuggestFixOnReportedTerm(t *testing.T) {
	lex := testLexicon(t)
	src := replace(validRule, "    examples:", "    suggest: {重磅: 新}\n    examples:")
	set, err := Parse(lex, "r.yaml", []byte(src))
	require.NoError(t, err)
	text := "标题\n\n重磅发现。\n"
	findings := evaluate(t, lex, set, text)
	require.Len(t, findings, 1)
	require.Len(t, findings[0].Fixes, 1)
	fix := findings[0].Fixes[0]
	assert.False(t, fix.Safe, "a suggestion on a built-in rule is for a person to accept")
	assert.Equal(t, "重磅", text[fix.Span.Start:fix.Span.End])
	assert.Equal(t, "新", fix.Replacement)
}

// A term that runs across markup is still reported and offered, but its
// fix is not safe: replacing it would drop the markup.
func TestSwapAcrossMarkupIsNotSafe(t *testing.T) {
	lex := testLexicon(t)
	set, err := houseSet(t, lex, swapRule)
	require.NoError(t, err)
	doc, err := document.ParseMarkdown("a.md", []byte("# Title\n\nA miracle **cure**, a Miracle  cure.\n"))
	require.NoError(t, err)
	findings, err := set.Evaluate(facts.NewAnalyzer(lex).Analyze(doc))
	require.NoError(t, err)
	require.Len(t, findings, 2)
	assert.Equal(t, "miracle **cure", findings[0].Term)
	assert.False(t, findings[0].Fixes[0].Safe)
	assert.Equal(t, "Miracle  cure", findings[1].Term)
	assert.True(t, findings[1].Fixes[0].Safe, "case and spacing do not matter")
}
