package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/rule"
)

const rulesDocPath = "../../docs/rules.md"

// docs/rules.md is generated from the rule files; this test fails when it
// is stale. Rewrite it with go test ./lint/report -run RulesDoc -update.
func TestRulesDocIsCurrent(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	got := report.RulesMarkdown(l.Rules.Rules)
	if *report.Update {
		require.NoError(t, os.MkdirAll(filepath.Dir(rulesDocPath), 0o755))
		require.NoError(t, os.WriteFile(rulesDocPath, got, 0o644))
	}
	want, err := os.ReadFile(rulesDocPath)
	require.NoError(t, err, "run go test ./lint/report -run RulesDoc -update to create docs/rules.md")
	assert.Equal(t, string(want), string(got), "docs/rules.md is stale: go test ./lint/report -run RulesDoc -update")

	// Every rule's link points at a section of that document.
	for _, r := range l.Rules.Rules {
		base, anchor, ok := strings.Cut(r.DocURL, "#")
		require.True(t, ok, r.ID)
		assert.Equal(t, lint.RulesDoc, base)
		assert.Equal(t, r.ID, anchor)
		assert.Contains(t, string(got), "\n## "+anchor+"\n", "docs/rules.md has a section for %s", r.ID)
	}
}

func TestRuleMarkdownSections(t *testing.T) {
	r := &rule.Rule{
		ID: "hype-word", Category: "overclaim", Severity: rule.Warning, Scope: rule.SentenceScope,
		Messages:    map[string]string{"en": `"{term}" is hype.`, "zh-Hans": "“{term}”是夸大。"},
		Explanation: map[string]string{"en": "What it does: flags\nhype.\nWhy it matters: readers\nbelieve it.\nUse instead: numbers.", "zh-Hans": "作用：夸大。"},
		Source:      "HNR #10",
		Examples:    rule.Examples{Bad: []string{"Title\n\nA breakthrough.\n"}, Good: []string{"Title\n\n```x```\n"}},
	}
	md := report.RuleMarkdown(r)
	for _, want := range []string{
		"Category `overclaim` · severity `warning` · scope `sentence`",
		"Message: This term is hype.",
		"**What it does.** Flags hype.",
		"**Why it matters.** Readers believe it.",
		"**Flagged:**\n\n```text\nTitle\n\nA breakthrough.\n```",
		"**Not flagged:**\n\n````text\nTitle\n\n```x```\n````", // a longer fence around a fence
		"**Use instead.** Numbers.",
		"> 作用：夸大。",
		"**Source.** HNR #10",
	} {
		assert.Contains(t, md, want)
	}

	// A house rule's explanation without the labels is kept whole.
	r.Explanation = map[string]string{"en": "Our style\nguide says so."}
	md = report.RuleMarkdown(r)
	assert.Contains(t, md, "Our style guide says so.")
	assert.NotContains(t, md, "What it does")
}
