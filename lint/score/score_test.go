package score_test

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/score"
)

func lintFile(t *testing.T, l *lint.Linter, path string) *lint.Result {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	res, err := l.Lint(lint.Input{Path: path, Data: data})
	require.NoError(t, err)
	return res
}

// Property: over every corpus article, removing findings never lowers the
// score and adding them never raises it (subsets of the real findings).
func TestScoreIsMonotone(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	paths, _ := filepath.Glob("../../corpus/*/*.txt")
	require.NotEmpty(t, paths)
	rng := rand.New(rand.NewSource(7))
	for _, p := range paths {
		res := lintFile(t, l, p)
		full := score.Compute(res.Facts, res.Findings, "en").Value
		none := score.Compute(res.Facts, nil, "en").Value
		assert.Equal(t, 100, none, "%s: an article with no findings meets every applicable criterion", p)
		for i := 0; i < 20; i++ {
			var subset []rule.Finding
			for _, f := range res.Findings {
				if rng.Intn(2) == 0 {
					subset = append(subset, f)
				}
			}
			s := score.Compute(res.Facts, subset, "en").Value
			assert.GreaterOrEqual(t, s, full, "%s: fewer findings, lower score", p)
			assert.LessOrEqual(t, s, none)
		}
	}
}

func TestScoreFormula(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	res := lintFile(t, l, "../../corpus/zh-Hans/nmn-old-mice-muscle.txt")
	s := score.Compute(res.Facts, res.Findings, "zh-Hans")
	applicable, met := 0, 0
	for _, c := range s.Criteria {
		if c.Applicable {
			applicable++
		}
		if c.Satisfied {
			met++
			assert.Zero(t, c.Findings, c.ID)
		}
		assert.NotEmpty(t, c.Question)
	}
	require.NotZero(t, applicable)
	assert.Equal(t, (100*met+applicable/2)/applicable, s.Value)
	assert.Less(t, s.Value, 50, "a hyped article scores low")

	careful := lintFile(t, l, "../../corpus/en/vitamin-d-trial-null.txt")
	assert.Equal(t, 100, score.Compute(careful.Facts, careful.Findings, "en").Value, "a careful article scores full marks")
}

func TestInfoFindingsDoNotCount(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	res := lintFile(t, l, "../../corpus/en/vitamin-d-trial-null.txt")
	info := rule.Finding{Rule: &rule.Rule{ID: "x", Category: "source", Severity: rule.Info}}
	warn := rule.Finding{Rule: &rule.Rule{ID: "y", Category: "source", Severity: rule.Warning}}
	assert.Equal(t, 100, score.Compute(res.Facts, []rule.Finding{info}, "en").Value)
	assert.Less(t, score.Compute(res.Facts, []rule.Finding{warn}, "en").Value, 100)
}
