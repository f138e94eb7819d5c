package ruletest_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/ruletest"
)

// TestBuiltinRuleExamples is `hypelint test` for the built-in rules: every
// rule has bad and good examples, and each behaves as its rule says.
func TestBuiltinRuleExamples(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	for _, r := range l.Rules.Rules {
		assert.NotEmpty(t, r.Examples.Bad, "%s: every rule needs bad examples", r.ID)
		assert.NotEmpty(t, r.Examples.Good, "%s: every rule needs good examples", r.ID)
	}
	res, err := ruletest.Run(l, l.Rules.Rules)
	require.NoError(t, err)
	assert.Greater(t, res.Examples, 2*len(l.Rules.Rules)-4)
	for _, f := range res.Failures {
		t.Error(f.Error())
	}
}

// houseLinter loads the built-in rules and one house rule file.
func houseLinter(t *testing.T, rules string) *lint.Linter {
	t.Helper()
	l, err := lint.New(lint.Builtin, lint.Source{FS: fstest.MapFS{"house.yaml": {Data: []byte(rules)}}, Prefix: "house", Rules: "."})
	require.NoError(t, err)
	return l
}

const houseRules = `rules:
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

          它被称为【靈丹妙藥】。
        - text: "【头条】标题\n\nA miracle cure, again a miracle cure."
          span: [miracle cure, miracle cure]
        - "标题\n\n{{这不是}}灵丹妙药。"
        - "标题\n\n这不是良药。"
        - "标题\n\n{{灵丹妙药}}，灵丹妙药。"
      good:
        - "标题\n\n一种疗法。"
        - "标题\n\n【灵丹妙药】"
`

func TestMarkedSpans(t *testing.T) {
	l := houseLinter(t, houseRules)
	r := l.Rules.Get("no-panacea")
	res, err := ruletest.Run(l, l.Rules.Rules[len(l.Rules.Rules)-1:])
	require.NoError(t, err)
	assert.Equal(t, 1, res.Rules)
	assert.Equal(t, 8, res.Examples)
	var got []string
	for _, f := range res.Failures {
		assert.Same(t, r, f.Rule)
		got = append(got, f.Error())
	}
	// The first three are right: marked with {{}}, with 【】 and with span:.
	assert.Equal(t, []string{
		`house/house.yaml:16: no-panacea: bad example not flagged on the marked "这不是" at 3:1; flagged "灵丹妙药" at 3:4, which is not marked: "标题"`,
		`house/house.yaml:17: no-panacea: bad example not flagged: "标题"`,
		`house/house.yaml:18: no-panacea: bad example flagged "灵丹妙药" at 3:6, which is not marked: "标题"`,
		`house/house.yaml:21: no-panacea: good example flagged "灵丹妙药" at 3:2: "标题"`,
	}, got)
	assert.Equal(t, "【头条】标题\n\nA miracle cure, again a miracle cure.", r.Examples.Bad[2], "no markers are read in text:")
	assert.Equal(t, "标题\n\n它被称为靈丹妙藥。\n", r.Examples.Bad[1])
}

func TestUnclosedMarkerIsALoadError(t *testing.T) {
	_, err := lint.New(lint.Builtin, lint.Source{FS: fstest.MapFS{"house.yaml": {Data: []byte(
		strings.Replace(houseRules, `{{这不是}}`, `{{这不是`, 1))}}, Prefix: "house", Rules: "."})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "house/house.yaml")
	assert.Contains(t, err.Error(), "house/house.yaml:16: {{ opens a marked span that }} does not close")
}
