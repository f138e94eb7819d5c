package rule

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
)

func testLexicon(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Parse(map[string]string{"l.yaml": `
classes:
  hype:
    description: d
    source: s
    zh: [重磅]
`})
	require.NoError(t, err)
	return lex
}

const validRule = `rules:
  - id: hype-word
    category: overclaim
    severity: warning
    scope: sentence
    report: hype
    when: "!hit.negated"
    message: {en: "hype", zh-Hans: "夸大"}
    explanation: {en: "why"}
    source: "HNR"
    examples: {bad: ["重磅"], good: ["平常"]}
`

func TestValidRuleCompiles(t *testing.T) {
	set, err := Parse(testLexicon(t), "r.yaml", []byte(validRule))
	require.NoError(t, err)
	r := set.Get("hype-word")
	require.NotNil(t, r)
	assert.Equal(t, Warning, r.Severity)
	assert.Equal(t, 2, r.Line)
	assert.Equal(t, "夸大", r.Messages["zh-Hans"])
	assert.Equal(t, "誇大", r.Message("zh-Hant", ""), "zh-Hant is derived")
	assert.Equal(t, "夸大", r.Message("zh-Hans", ""))
}

func TestRuleErrorsNameFileAndLine(t *testing.T) {
	cases := map[string]struct {
		src, want string
	}{
		"expr syntax": {
			src:  replace(validRule, `when: "!hit.negated"`, `when: "hit.negated &&"`),
			want: "r.yaml:7: rule hype-word:",
		},
		"unknown class": {
			src:  replace(validRule, `when: "!hit.negated"`, `when: "has(sentence, \"nonsense\")"`),
			want: `r.yaml:7: rule hype-word: has(): no lexicon class named "nonsense"`,
		},
		"unknown field in env": {
			src:  replace(validRule, `when: "!hit.negated"`, `when: "sentence.bogus"`),
			want: "r.yaml:7: rule hype-word:",
		},
		"not a bool": {
			src:  replace(validRule, `when: "!hit.negated"`, `when: "sentence.text"`),
			want: "r.yaml:7: rule hype-word:",
		},
		"unknown key": {
			src:  replace(validRule, "    source:", "    sauce: x\n    source:"),
			want: `r.yaml:10: unknown key "sauce"`,
		},
		"bad severity": {
			src:  replace(validRule, "severity: warning", "severity: loud"),
			want: `r.yaml:4: rule hype-word: severity "loud"`,
		},
		"bad category": {
			src:  replace(validRule, "category: overclaim", "category: vibes"),
			want: `r.yaml:3: rule hype-word: category "vibes"`,
		},
		"bad id": {
			src:  replace(validRule, "id: hype-word", "id: Hype_Word"),
			want: `r.yaml:2: rule id "Hype_Word" must be kebab-case`,
		},
		"missing zh message": {
			src:  replace(validRule, `message: {en: "hype", zh-Hans: "夸大"}`, `message: {en: "hype"}`),
			want: "r.yaml:8: rule hype-word: message needs both en and zh-Hans",
		},
		"yaml syntax": {
			src:  "rules:\n  - id: [\n",
			want: "r.yaml:",
		},
		"expr error in a literal block": {
			src:  replace(validRule, `when: "!hit.negated"`, "when: |\n      !hit.negated &&\n      sentence.bogus"),
			want: "r.yaml:9: rule hype-word:",
		},
		"expr error in a folded block": {
			src:  replace(validRule, `when: "!hit.negated"`, "when: >\n      !hit.negated &&\n      sentence.bogus"),
			want: "r.yaml:8: rule hype-word:",
		},
		"duplicate key": {
			src:  replace(validRule, "    source:", "    scope: heading\n    source:"),
			want: `r.yaml:10: duplicate key "scope" (first on line 5)`,
		},
		"yaml syntax on its line": {
			src:  replace(validRule, `explanation: {en: "why"}`, `explanation: {en: "why"`),
			want: "r.yaml:9: did not find expected ',' or '}'",
		},
		"bad cover": {
			src:  replace(validRule, "report: hype", "report: hype\n    cover: paragraph"),
			want: `rule hype-word: cover "paragraph" is not sentence or story`,
		},
		"cover without a reported class": {
			src:  replace(validRule, "report: hype", "cover: sentence"),
			want: "rule hype-word: cover applies to a sentence rule that reports a class's hits",
		},
		"unknown report class": {
			src:  replace(validRule, "report: hype", "report: nope"),
			want: `r.yaml:6: rule hype-word: report: no lexicon class named "nope"`,
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(testLexicon(t), "r.yaml", []byte(c.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestDuplicateRuleID(t *testing.T) {
	_, err := Parse(testLexicon(t), "r.yaml", []byte(validRule+validRule[len("rules:\n"):]))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `rule id "hype-word" is already defined at r.yaml:2`)
}

func replace(s, old, new string) string {
	out := ""
	i := 0
	for {
		j := indexFrom(s, old, i)
		if j < 0 {
			return out + s[i:]
		}
		out += s[i:j] + new
		i = j + len(old)
	}
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestSentenceNeedsFromCondition(t *testing.T) {
	lex, err := lexicon.Parse(map[string]string{"l.yaml": `
classes:
  hype: {description: d, source: s, zh: [重磅]}
  a: {description: d, source: s, zh: [甲]}
  b: {description: d, source: s, zh: [乙]}
`})
	require.NoError(t, err)
	src := replace(validRule, `when: "!hit.negated"`,
		`when: "has(sentence, \"hype\") && (has(sentence, \"a\") || has(sentence, \"b\")) && !sentence.negated && has(doc, \"a\")"`)
	set, err := Parse(lex, "r.yaml", []byte(src))
	require.NoError(t, err)
	id := lex.ClassID
	assert.Equal(t, [][]int{{id("hype")}, {id("a"), id("b")}}, set.Get("hype-word").needs,
		"doc-level calls and negations are not sentence needs")

	// A disjunction of conjunctions needs, for each pair of clauses of its
	// sides, their union; a side that needs nothing lifts the whole need.
	for when, want := range map[string][][]int{
		`(has(sentence, \"hype\") && has(sentence, \"a\") || has(sentence, \"b\")) && !sentence.negated`: {{id("hype"), id("b")}, {id("a"), id("b")}},
		`has(sentence, \"hype\") && has(sentence, \"a\") || has(sentence, \"hype\") && sentence.negated`: {{id("hype")}, {id("a"), id("hype")}},
		`has(sentence, \"hype\") || sentence.negated`:                                                    nil,
		`has(sentence, \"hype\") && (sentence.negated || has(sentence, \"a\"))`:                          {{id("hype")}},
	} {
		set, err := Parse(lex, "r.yaml", []byte(replace(validRule, `when: "!hit.negated"`, `when: "`+when+`"`)))
		require.NoError(t, err, when)
		assert.Equal(t, want, set.Get("hype-word").needs, when)
	}
}

// Suppression rules are declared like the others but have no condition:
// the suppression layer reports them.
func TestSuppressionScope(t *testing.T) {
	rule := func(id, when string) string {
		return `rules:
  - id: ` + id + `
    category: suppression
    severity: info
    scope: suppression
` + when + `    message: {en: "unused {term}", zh-Hans: "未用 {term}"}
    explanation: {en: "why"}
    source: "hypelint"
`
	}
	set, err := Parse(testLexicon(t), "r.yaml", []byte(rule(UnusedSuppression, "")))
	require.NoError(t, err)
	r := set.Get(UnusedSuppression)
	require.NotNil(t, r)
	assert.Equal(t, SuppressionScope, r.Scope)
	assert.True(t, set.Known("suppression"))

	_, err = Parse(testLexicon(t), "r.yaml", []byte(rule(UnusedSuppression, "    when: \"true\"\n")))
	assert.ErrorContains(t, err, "r.yaml:6:") // the when line
	assert.ErrorContains(t, err, "has no condition")
	_, err = Parse(testLexicon(t), "r.yaml", []byte(rule("my-suppression", "")))
	assert.ErrorContains(t, err, "scope suppression is only for")
}

func TestFindingSuggestion(t *testing.T) {
	r := &Rule{ID: "x", Messages: map[string]string{"en": "{term}: did you mean {suggestion}?"}}
	assert.Equal(t, "abc: did you mean abd?", Finding{Rule: r, Term: "abc", Suggestion: "abd"}.Message("en"))
	assert.Equal(t, "abc: did you mean …?", r.Message("en", "abc"))
}

// Bind checks the conditions' classes in parallel but reports every rule's
// mistakes in file order, and a repeated id before its condition's.
func TestBindReportsEveryRuleInOrder(t *testing.T) {
	var src strings.Builder
	src.WriteString("rules:\n")
	for i := range 9 {
		rule := strings.TrimPrefix(validRule, "rules:\n")
		rule = replace(rule, "id: hype-word", fmt.Sprintf("id: hype-word-%d", i))
		rule = replace(rule, `when: "!hit.negated"`, fmt.Sprintf(`when: "has(sentence, \"nonsense%d\")"`, i))
		src.WriteString(rule)
	}
	src.WriteString(strings.TrimPrefix(validRule, "rules:\n"))
	src.WriteString(replace(strings.TrimPrefix(validRule, "rules:\n"), `when: "!hit.negated"`, `when: "has(sentence, \"again\")"`))
	_, err := Parse(testLexicon(t), "r.yaml", []byte(src.String()))
	require.Error(t, err)
	msg := err.Error()
	last := -1
	for i := range 9 {
		at := strings.Index(msg, fmt.Sprintf(`has(): no lexicon class named "nonsense%d"`, i))
		require.Greater(t, at, last, "rule %d in order:\n%s", i, msg)
		last = at
	}
	assert.Greater(t, strings.Index(msg, `rule id "hype-word" is already defined at r.yaml:`), last)
	assert.NotContains(t, msg, "again")
}
