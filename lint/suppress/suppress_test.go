package suppress_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/suppress"
)

func linter(t *testing.T, opts lint.Options) *lint.Linter {
	t.Helper()
	l, err := lint.Default()
	require.NoError(t, err)
	l, err = l.With(opts)
	require.NoError(t, err)
	return l
}

// findings returns rule id → messages (en) of a result.
func findings(res *lint.Result) map[string][]string {
	out := map[string][]string{}
	for _, f := range res.Findings {
		out[f.Rule.ID] = append(out[f.Rule.ID], f.Message("en"))
	}
	return out
}

func TestUnknownDirectiveIsReportedWithTheNearestOne(t *testing.T) {
	cases := map[string]string{
		"hypelint-disabel-next-line": "hypelint-disable-next-line",
		"hypelint-disable-line":      "hypelint-disable-next-line", // ESLint's same-line form
		"hypelint-enabel":            "hypelint-enable",
		"hypelnt-disable":            "hypelint-disable",
		"Hypelint-Disable-File":      "hypelint-disable-file",
		"hypelint:disable":           "hypelint-disable",
	}
	l := linter(t, lint.Options{})
	for word, want := range cases {
		src := "Coffee and sleep\n\n<!-- " + word + " miracle-cure-claim -->\nThe advert called it a miracle.\n"
		res, err := l.Lint(lint.Input{Path: "a.md", Data: []byte(src)})
		require.NoError(t, err)
		got := findings(res)
		require.Len(t, got["unknown-suppression"], 1, word)
		assert.Contains(t, got["unknown-suppression"][0], "“"+word+"”", word)
		assert.Contains(t, got["unknown-suppression"][0], "did you mean “"+want+"”", word)
		assert.NotEmpty(t, got["miracle-cure-claim"], "%s: an unknown directive suppresses nothing", word)
		assert.Empty(t, got["unused-suppression"], "%s is reported once, as unknown", word)
	}
}

func TestOrdinaryCommentsAreNotDirectives(t *testing.T) {
	for _, text := range []string{"TODO check the figures", "hyperlink to the paper", "hypelint", "editor: Li"} {
		doc, err := document.ParseMarkdown("a.md", []byte("Title\n\n<!-- "+text+" -->\nBody.\n"))
		require.NoError(t, err)
		assert.Empty(t, suppress.Parse(doc), text)
	}
}

func TestSuppressionRulesCanBeDisabled(t *testing.T) {
	src := "Coffee and sleep\n\n<!-- hypelint-disabel-next-line -->\n<!-- hypelint-disable-next-line hype-word -->\nCoffee, a small survey suggests, shortens sleep.\n"
	res, err := linter(t, lint.Options{}).Lint(lint.Input{Path: "a.md", Data: []byte(src)})
	require.NoError(t, err)
	got := findings(res)
	assert.Len(t, got["unknown-suppression"], 1)
	assert.Equal(t, []string{"This suppression comment suppresses nothing (no finding matched); remove it or fix the rule name."}, got["unused-suppression"])

	res, err = linter(t, lint.Options{Disable: []string{"suppression"}}).Lint(lint.Input{Path: "a.md", Data: []byte(src)})
	require.NoError(t, err)
	got = findings(res)
	assert.Empty(t, got["unknown-suppression"])
	assert.Empty(t, got["unused-suppression"])
}

// A directive naming a rule the configuration disables still names a
// known rule: the report says it matched nothing, not that the name is
// wrong.
func TestDisabledRuleIsStillAKnownName(t *testing.T) {
	src := "Coffee and sleep\n\n<!-- hypelint-disable-next-line hype-word -->\nCoffee shortens sleep.\n"
	res, err := linter(t, lint.Options{Disable: []string{"hype-word"}}).Lint(lint.Input{Path: "a.md", Data: []byte(src)})
	require.NoError(t, err)
	assert.Equal(t, []string{"This suppression comment suppresses nothing (no finding matched); remove it or fix the rule name."},
		findings(res)["unused-suppression"])
}

func TestHiddenFindingsAreKeptWithTheReason(t *testing.T) {
	src := "Coffee and sleep\n\n<!-- hypelint-disable-next-line miracle-cure-claim -- we quote the advert -->\nThe advert called it a miracle.\n"
	res, err := linter(t, lint.Options{}).Lint(lint.Input{Path: "a.md", Data: []byte(src)})
	require.NoError(t, err)
	assert.Empty(t, findings(res)["miracle-cure-claim"])
	require.Len(t, res.Suppressed, 1)
	h := res.Suppressed[0]
	assert.Equal(t, "miracle-cure-claim", h.Finding.Rule.ID)
	assert.Equal(t, "miracle", h.Finding.Term)
	assert.Equal(t, "we quote the advert", h.Reason)
}

// The suppression rules' own findings can be suppressed like any other.
func TestSuppressionFindingsCanBeSuppressed(t *testing.T) {
	src := "Coffee and sleep\n\n<!-- hypelint-disable-file unused-suppression -->\n<!-- hypelint-disable-next-line hype-word -->\nCoffee shortens sleep.\n"
	res, err := linter(t, lint.Options{}).Lint(lint.Input{Path: "a.md", Data: []byte(src)})
	require.NoError(t, err)
	assert.Empty(t, findings(res)["unused-suppression"])
	require.Len(t, res.Suppressed, 1)
	assert.Equal(t, "unused-suppression", res.Suppressed[0].Finding.Rule.ID)
}
