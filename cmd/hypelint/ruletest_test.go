package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTestCommandBuiltinRules(t *testing.T) {
	r := runCLI(t, nil, false, "test")
	require.Equal(t, exitClean, r.code, r.stdout+r.stderr)
	assert.Regexp(t, `^All \d+ examples of \d+ rules pass\.\n$`, r.stdout)
}

const houseRuleWithExamples = `rules:
  - id: no-panacea
    category: house-style
    severity: warning
    message: {en: "Avoid 灵丹妙药"}
    swap: {灵丹妙药: 一种疗法, miracle cure: promising treatment}
    examples:
      bad:
        - "标题\n\n这不是{{灵丹妙药}}。"
        - |
          标题

          The {{miracle cure}} is a myth.
        - "标题\n\n这不是良药。"
      good:
        - "标题\n\n一种疗法。"
        - "标题\n\n灵丹妙药。"
`

func TestTestCommandReportsFailingExamples(t *testing.T) {
	dir := writeFiles(t, map[string]string{"house/house.yaml": houseRuleWithExamples})
	r := runCLI(t, nil, false, "test", filepath.Join(dir, "house"))
	assert.Equal(t, exitFindings, r.code, r.stderr)
	file := filepath.Join(dir, "house", "house.yaml")
	assert.Equal(t, file+`:14: no-panacea: bad example not flagged: "标题"`+"\n"+
		file+`:17: no-panacea: good example flagged "灵丹妙药" at 3:1: "标题"`+"\n"+
		"2 of 5 examples failed (1 rules).\n", r.stdout)
}

func TestTestCommandReportsEveryLoadErrorAtOnce(t *testing.T) {
	broken := strings.Replace(houseRuleWithExamples, "category: house-style", "category: House", 1) + `
  - id: second
    category: overclaim
    severity: warning
    scope: sentence
    when: "has(sentence, \"no_such_class\")"
    message: {en: x}
  - id: third
    category: overclaim
    severity: loud
    when: "true"
    message: {en: x}
`
	dir := writeFiles(t, map[string]string{"house/house.yaml": broken})
	r := runCLI(t, nil, false, "test", filepath.Join(dir, "house"))
	assert.Equal(t, exitError, r.code)
	file := filepath.Join(dir, "house", "house.yaml")
	for _, want := range []string{
		file + `:3: rule no-panacea: category "House"`,
		file + `:27: rule third: severity "loud"`,
		file + `:23: rule second: has(): no lexicon class named "no_such_class"`,
	} {
		assert.Contains(t, r.stderr, want)
	}
	assert.Empty(t, r.stdout)
}

// A house rule may leave out explanation and source: explain shows its
// message and its swaps instead.
func TestExplainHouseSwapRule(t *testing.T) {
	dir := writeFiles(t, map[string]string{"house/house.yaml": houseRuleWithExamples})
	r := runCLI(t, nil, false, "explain", "no-panacea", "--rules", filepath.Join(dir, "house"))
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "no-panacea (house-style, warning, scope sentence)\n\nAvoid 灵丹妙药\n  灵丹妙药 → 一种疗法\n  miracle cure → promising treatment\n\nFlagged:\n"), r.stdout)
	assert.NotContains(t, r.stdout, "Source:")
	assert.NotContains(t, r.stdout, "{{", "examples are shown without their markers")
	// The examples are run: the two that fail are marked, not listed as if they held.
	assert.Contains(t, r.stdout, "  - 标题\n", "a passing example is listed plainly")
	assert.Contains(t, r.stdout, "  ✗ 标题  (fails: not flagged)\n")
	assert.Contains(t, r.stdout, "  ✗ 标题  (fails: flagged")
	assert.Contains(t, r.stdout, "2 of these examples fail (marked ✗): hypelint test "+filepath.Join(dir, "house")+"\n")
}
