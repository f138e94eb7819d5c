package report_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
)

// emojiArticle has a four-byte emoji before the first finding, so code-point
// columns, UTF-8 byte columns and byte offsets all differ.
const emojiArticle = "😀重磅！NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n"

var (
	linterOnce sync.Once
	linter     *lint.Linter
	linterErr  error
)

// formatRules are the rules these tests run: the report writers are tested
// on a fixed selection, so that a new rule elsewhere does not change what
// they expect (the goldens take fixed findings, see fixture_test.go).
var formatRules = []string{
	"missing-disclosure", "hype-word", "reverse-aging-claim", "study-without-sample-size",
	"miracle-cure-claim", "animal-result-in-headline", "safety-absolute", "animal-age-conversion",
}

// defaultLinter is the real engine with the built-in rules, restricted to
// formatRules, compiled once.
func defaultLinter(t *testing.T) *lint.Linter {
	t.Helper()
	linterOnce.Do(func() {
		var all *lint.Linter
		if all, linterErr = lint.Default(); linterErr == nil {
			linter, linterErr = all.With(lint.Options{Enable: formatRules})
		}
	})
	require.NoError(t, linterErr)
	return linter
}

// lintFile lints src as a plain-text article and resolves it for reporting.
func lintFile(t *testing.T, path, src, locale string) report.File {
	t.Helper()
	res, err := defaultLinter(t).LintText(path, []byte(src))
	require.NoError(t, err)
	return report.NewFile(path, res, locale)
}

// newRun wraps files in a run with the whole built-in rule set.
func newRun(t *testing.T, files ...report.File) report.Run {
	t.Helper()
	return report.Run{Files: files, Rules: defaultLinter(t).Rules.Rules, Version: "1.2.3-test", Locale: "en"}
}

// unreadable is the report for a file that could not be read.
func unreadable(path string) report.File {
	return report.ErrorFile(path, errors.New("open "+path+": permission denied"))
}

// findingOf returns the first finding of a rule with the given excerpt.
func findingOf(t *testing.T, f report.File, ruleID, excerpt string) report.Finding {
	t.Helper()
	for _, x := range f.Findings {
		if x.Rule == ruleID && x.Excerpt == excerpt {
			return x
		}
	}
	require.Failf(t, "finding not found", "%s %q in %v", ruleID, excerpt, f.Findings)
	return report.Finding{}
}

// emojiFile is emojiArticle linted, with the findings the tests rely on
// checked to be there.
func emojiFile(t *testing.T, path string) report.File {
	t.Helper()
	f := lintFile(t, path, emojiArticle, "en")
	findingOf(t, f, "hype-word", "重磅")
	findingOf(t, f, "reverse-aging-claim", "返老还童")
	return f
}
