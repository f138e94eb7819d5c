package corpus

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

var (
	title    = Span{0, 20}
	sentence = Span{30, 80}
	term     = Span{40, 46} // inside sentence
	other    = Span{90, 100}
)

func TestMatchDuplicateFindingOnOneSpanIsUnexpected(t *testing.T) {
	findings := []Finding{
		{Rule: "reverse-aging-claim", Category: "overclaim", Span: term},
		{Rule: "hype-word", Category: "overclaim", Span: term},
	}
	expect := []Expectation{{Category: "overclaim", Span: term}}
	out := Match(findings, expect, nil)
	assert.Empty(t, out.Missing)
	assert.Len(t, out.Unexpected, 1, "the second finding on the span has no expectation left to consume")
}

func TestMatchRuleKeyedExpectationWantsThatRule(t *testing.T) {
	findings := []Finding{{Rule: "hype-word", Category: "overclaim", Span: term}}
	expect := []Expectation{{Rule: "reverse-aging-claim", Category: "overclaim", Span: term}}
	out := Match(findings, expect, nil)
	assert.Equal(t, []int{0}, out.Missing, "another rule of the same category does not satisfy it")
	assert.Equal(t, []int{0}, out.Unexpected)
}

func TestMatchCategoryExpectationTakesAnyRuleOfTheCategory(t *testing.T) {
	findings := []Finding{{Rule: "hype-word", Category: "overclaim", Span: term}}
	out := Match(findings, []Expectation{{Category: "overclaim", Span: sentence}}, nil)
	assert.Empty(t, out.Missing)
	assert.Empty(t, out.Unexpected)

	out = Match(findings, []Expectation{{Category: "source", Span: sentence}}, nil)
	assert.Equal(t, []int{0}, out.Missing, "the category must agree")
	assert.Equal(t, []int{0}, out.Unexpected)
}

func TestMatchTwoExpectationsNeedTwoFindings(t *testing.T) {
	findings := []Finding{{Rule: "single-patient-as-evidence", Category: "sample-size", Span: sentence}}
	expect := []Expectation{
		{Category: "sample-size", Span: Span{30, 40}},
		{Category: "sample-size", Span: Span{60, 70}},
	}
	out := Match(findings, expect, nil)
	assert.Equal(t, []int{1}, out.Missing, "one finding consumes one expectation")
	assert.Empty(t, out.Unexpected)
}

// A category-only entry listed first must not take the one finding a
// rule-keyed entry needs when another finding satisfies it.
func TestMatchDoesNotDependOnOrder(t *testing.T) {
	findings := []Finding{
		{Rule: "vague-attribution", Category: "source", Span: term},
		{Rule: "study-without-source", Category: "source", Span: sentence},
	}
	expect := []Expectation{
		{Category: "source", Span: term},
		{Rule: "vague-attribution", Category: "source", Span: term},
	}
	out := Match(findings, expect, nil)
	assert.Empty(t, out.Missing)
	assert.Empty(t, out.Unexpected)

	reversed := []Finding{findings[1], findings[0]}
	out = Match(reversed, expect, nil)
	assert.Empty(t, out.Missing)
	assert.Empty(t, out.Unexpected)
}

func TestMatchKnownMisses(t *testing.T) {
	expect := []Expectation{
		{Category: "overclaim", Span: term},
		{Category: "overclaim", Span: sentence, Known: "miss"},
	}
	// The one finding satisfies the required entry; the known miss stays a miss.
	out := Match([]Finding{{Rule: "hype-word", Category: "overclaim", Span: term}}, expect, nil)
	assert.Empty(t, out.Missing)
	assert.Equal(t, []int{1}, out.KnownMisses)
	assert.Empty(t, out.NowFound)

	// A second finding left over satisfies the known miss: it is now found.
	out = Match([]Finding{
		{Rule: "hype-word", Category: "overclaim", Span: term},
		{Rule: "miracle-cure-claim", Category: "overclaim", Span: Span{60, 70}},
	}, expect, nil)
	assert.Equal(t, []int{1}, out.NowFound)
	assert.Empty(t, out.KnownMisses)
	assert.Empty(t, out.Unexpected)
}

func TestMatchFalsePositivesAreOneToOneAndGoStale(t *testing.T) {
	fp := []Expectation{{Rule: "vague-attribution", Category: "source", Span: term}}
	findings := []Finding{
		{Rule: "vague-attribution", Category: "source", Span: term},
		{Rule: "unnamed-study", Category: "source", Span: term},
	}
	out := Match(findings, nil, fp)
	assert.Equal(t, []int{0}, out.Tolerated)
	assert.Equal(t, []int{1}, out.Unexpected, "a new rule on a tolerated span is not tolerated with it")
	assert.Empty(t, out.StaleFalsePositives)

	out = Match(nil, nil, fp)
	assert.Equal(t, []int{0}, out.StaleFalsePositives)
}

func TestMatchExpectedEntriesComeBeforeFalsePositives(t *testing.T) {
	findings := []Finding{{Rule: "no-source-named", Category: "source", Span: title}}
	expect := []Expectation{{Category: "source", Span: title}}
	fp := []Expectation{{Category: "source", Span: title}}
	out := Match(findings, expect, fp)
	assert.Empty(t, out.Missing)
	assert.Empty(t, out.Tolerated)
	assert.Equal(t, []int{0}, out.StaleFalsePositives)
}

func TestMatchNeedsOverlap(t *testing.T) {
	out := Match([]Finding{{Rule: "no-source-named", Category: "source", Span: other}},
		[]Expectation{{Category: "source", Span: title}}, nil)
	assert.Equal(t, []int{0}, out.Missing)
	assert.Equal(t, []int{0}, out.Unexpected)
}
