package rule

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// A rule is not evaluated for a sentence that lacks a class it needs: with
// a condition that is always true, only the sentence holding the class may
// produce a finding.
func TestRuleNotEvaluatedWithoutNeededClass(t *testing.T) {
	lex := testLexicon(t)
	src := replace(replace(validRule, `when: "!hit.negated"`, `when: "true"`), "    report: hype\n", "")
	set, err := Parse(lex, "r.yaml", []byte(src))
	require.NoError(t, err)
	r := set.Get("hype-word")
	require.Empty(t, r.needs, "a constant condition needs nothing")
	r.needs = [][]int{{lex.ClassID("hype")}}

	e := &evaluator{doc: &facts.Document{Doc: &document.Document{}}}
	block := &facts.Block{}
	ok, err := e.sentence(r, block, &facts.Sentence{})
	require.NoError(t, err)
	assert.False(t, ok, "skipped: the sentence has no hype hit")

	withHit := &facts.Sentence{Hits: []lexicon.Hit{{Class: lex.ClassID("hype")}}}
	ok, err = e.sentence(r, block, withHit)
	require.NoError(t, err)
	assert.True(t, ok, "evaluated: the sentence has the class")
	assert.Len(t, e.findings, 1)
}
