package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/rule"
)

// findingOf lints text and returns the first finding of a rule.
func findingOf(t *testing.T, l *Linter, text, id string) (rule.Finding, bool) {
	t.Helper()
	res, err := l.LintText("a.txt", []byte(text))
	require.NoError(t, err)
	for _, f := range res.Findings {
		if f.Rule.ID == id {
			return f, true
		}
	}
	return rule.Finding{}, false
}

// The built-in rules' suggested edits resolve their findings: applied to
// the text, the finding is gone (they are still not safe: --fix leaves
// them to the writer).
func TestBuiltinSuggestionsResolveTheirFindings(t *testing.T) {
	l := defaultLinter(t)
	cases := []struct{ id, text, want string }{
		{"animal-result-in-headline", "科学家发现逆转肌肉衰老的分子\n\n研究人员给22月龄的小鼠补充这种分子八周，小鼠的握力明显提高。\n",
			"科学家发现逆转肌肉衰老的分子（小鼠实验）\n\n研究人员给22月龄的小鼠补充这种分子八周，小鼠的握力明显提高。\n"},
		{"animal-result-in-headline", "Coffee compound reverses memory loss\n\nResearchers gave caffeine to transgenic mice for six weeks and saw fewer plaques.\n",
			"Coffee compound reverses memory loss in mice\n\nResearchers gave caffeine to transgenic mice for six weeks and saw fewer plaques.\n"},
		{"animal-result-in-headline", "科學家發現逆轉肌肉衰老的分子！\n\n研究人員給22月齡的大鼠補充這種分子八週，大鼠的握力明顯提高。\n",
			"科學家發現逆轉肌肉衰老的分子（大鼠實驗）！\n\n研究人員給22月齡的大鼠補充這種分子八週，大鼠的握力明顯提高。\n"},
		{"miracle-cure-claim", "New pill\n\nThe new pill cures arthritis, the company says in its advert.\n",
			"New pill\n\nThe new pill treats arthritis, the company says in its advert.\n"},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			f, ok := findingOf(t, l, c.text, c.id)
			require.True(t, ok, "flagged")
			require.Len(t, f.Fixes, 1)
			fix := f.Fixes[0]
			assert.False(t, fix.Safe)
			fixed := c.text[:fix.Span.Start] + fix.Replacement + c.text[fix.Span.End:]
			assert.Equal(t, c.want, fixed)
			_, still := findingOf(t, l, fixed, c.id)
			assert.False(t, still, "the edit resolves the finding")
		})
	}
}
