package score_test

import (
	"cmp"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
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
		none := score.Compute(res.Facts, nil, "en")
		for _, c := range none.Criteria {
			if c.Applicable && c.ID != "limits" && c.ID != "promotion" {
				assert.True(t, c.Satisfied, "%s: with no findings, criterion %s is met", p, c.ID)
			}
		}
		for i := 0; i < 20; i++ {
			var subset []rule.Finding
			for _, f := range res.Findings {
				if rng.Intn(2) == 0 {
					subset = append(subset, f)
				}
			}
			s := score.Compute(res.Facts, subset, "en").Value
			assert.GreaterOrEqual(t, s, full, "%s: fewer findings, lower score", p)
			assert.LessOrEqual(t, s, none.Value)
		}
	}
}

func TestScoreFormula(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	res := lintFile(t, l, "../../corpus/zh-Hans/nmn-old-mice-muscle.txt")
	s := score.Compute(res.Facts, res.Findings, "zh-Hans")
	applicable, logSum := 0, 0.0
	for _, c := range s.Criteria {
		assert.NotEmpty(t, c.Question)
		if !c.Applicable {
			assert.Zero(t, c.Earned, c.ID)
			continue
		}
		applicable++
		logSum += math.Log(max(c.Earned, 0.2))
		weight := 0.0
		for _, f := range res.Findings {
			if f.Rule.Category == c.ID {
				weight += score.Weight(f)
			}
		}
		if c.Earned > 0 {
			assert.InDelta(t, 1/(1+2*weight), c.Earned, 1e-9, c.ID)
		}
		if c.Satisfied {
			assert.Zero(t, c.Findings, c.ID)
			assert.Equal(t, 1.0, c.Earned, c.ID)
		}
	}
	require.NotZero(t, applicable)
	assert.Equal(t, int(math.Round(100*math.Exp(logSum/float64(applicable)))), s.Value)
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

// The writer's own errors weigh most; warnings, words in someone else's
// voice and captions weigh less; info findings nothing.
func TestFindingWeights(t *testing.T) {
	r := func(sev rule.Severity) *rule.Rule { return &rule.Rule{ID: "x", Category: "overclaim", Severity: sev} }
	own := rule.Finding{Rule: r(rule.Error), Role: facts.RoleBody, Voice: facts.VoiceWriter}
	warning := rule.Finding{Rule: r(rule.Warning), Role: facts.RoleBody, Voice: facts.VoiceWriter}
	quotedErr := rule.Finding{Rule: r(rule.Error), Role: facts.RoleBody, Voice: facts.VoiceQuoted}
	caption := rule.Finding{Rule: r(rule.Error), Role: facts.RoleCaption, Voice: facts.VoiceWriter}
	info := rule.Finding{Rule: r(rule.Info), Role: facts.RoleBody, Voice: facts.VoiceWriter}
	assert.Greater(t, score.Weight(own), score.Weight(warning))
	assert.Greater(t, score.Weight(own), score.Weight(quotedErr))
	assert.Greater(t, score.Weight(own), score.Weight(caption))
	assert.Zero(t, score.Weight(info))

	l, err := lint.Default()
	require.NoError(t, err)
	res := lintFile(t, l, "../../corpus/en/vitamin-d-trial-null.txt")
	withOwn := score.Compute(res.Facts, []rule.Finding{own}, "en").Value
	withQuoted := score.Compute(res.Facts, []rule.Finding{quotedErr}, "en").Value
	assert.Less(t, withOwn, withQuoted, "the writer's own error costs more than a quoted one")
	assert.Less(t, score.Compute(res.Facts, []rule.Finding{own, own}, "en").Value, withOwn, "a second error costs more")
}

// The ranking check: over the annotated corpus, careful articles score
// above hyped ones (area under the ROC curve of the score, careful against
// hyped, at least 0.9), and every careful article scores above the median
// hyped one.
func TestScoreRanksCarefulAboveHyped(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	paths, _ := filepath.Glob("../../corpus/*/*.expect.yaml")
	require.NotEmpty(t, paths)
	var careful, hyped []int
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		var ann struct {
			Kind string `yaml:"kind"`
		}
		require.NoError(t, yaml.Unmarshal(data, &ann))
		matches, _ := filepath.Glob(strings.TrimSuffix(p, ".expect.yaml") + ".*")
		for _, m := range matches {
			if strings.HasSuffix(m, ".expect.yaml") {
				continue
			}
			res := lintFile(t, l, m)
			v := score.Compute(res.Facts, res.Findings, "en").Value
			switch ann.Kind {
			case "careful":
				careful = append(careful, v)
			case "hyped":
				hyped = append(hyped, v)
			}
		}
	}
	require.NotEmpty(t, careful)
	require.NotEmpty(t, hyped)
	auc := score.AUC(careful, hyped)
	t.Logf("corpus: %d careful, %d hyped, AUC %.2f", len(careful), len(hyped), auc)
	assert.GreaterOrEqual(t, auc, 0.9)
	slices.Sort(hyped)
	median := float64(hyped[(len(hyped)-1)/2]+hyped[len(hyped)/2]) / 2
	for _, c := range careful {
		assert.Greater(t, float64(c), median, "a careful article scores above the median hyped one")
	}
}

func TestAUC(t *testing.T) {
	assert.Equal(t, 1.0, score.AUC([]int{90, 80}, []int{10, 20}))
	assert.Equal(t, 0.0, score.AUC([]int{10}, []int{90}))
	assert.Equal(t, 0.5, score.AUC([]int{50}, []int{50}))
	assert.Equal(t, 0.75, score.AUC([]int{60, 40}, []int{50, 30}))
}

// A tally fed the findings one by one (as a streamed long text feeds it)
// scores exactly as Compute does on the whole list.
func TestTallyScoresAsCompute(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	paths, _ := filepath.Glob("../../corpus/*/*.txt")
	require.NotEmpty(t, paths)
	for _, p := range paths {
		res := lintFile(t, l, p)
		var tally score.Tally
		for _, f := range res.Findings {
			tally.Add(f)
		}
		assert.Equal(t, score.Compute(res.Facts, res.Findings, "zh-Hans"), tally.Result(res.Facts, "zh-Hans"), p)
	}
}

// The tally's per-category slice counts and weighs as the maps it
// replaced: over random, shuffled subsets of every corpus article's
// findings, each criterion's count and earned share equal those of a
// map-based reference tally summed in the same order.
func TestTallyMatchesMapReference(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	paths, _ := filepath.Glob("../../corpus/*/*.txt")
	require.NotEmpty(t, paths)
	rng := rand.New(rand.NewSource(17))
	for _, p := range paths {
		res := lintFile(t, l, p)
		for range 10 {
			var subset []rule.Finding
			for _, f := range res.Findings {
				if rng.Intn(3) != 0 {
					subset = append(subset, f)
				}
			}
			rng.Shuffle(len(subset), func(i, j int) { subset[i], subset[j] = subset[j], subset[i] })
			counts, weights := map[string]int{}, map[string]float64{}
			for _, f := range subset {
				if w := score.Weight(f); w > 0 {
					counts[f.Rule.Category]++
					weights[f.Rule.Category] += w
				}
			}
			got := score.Compute(res.Facts, subset, "en")
			require.Len(t, got.Criteria, len(score.Sources("en")), p)
			for _, c := range got.Criteria {
				assert.Equal(t, counts[c.ID], c.Findings, "%s %s", p, c.ID)
				if c.Applicable && c.Earned != 0 {
					assert.Equal(t, 1/(1+2*weights[c.ID]), c.Earned, "%s %s", p, c.ID)
				}
			}
		}
	}
}

// A tally holds its first categories in itself and the rest in a list:
// with rules of twenty categories of their own counted before and among
// the criteria's (so those land past the held ones too), each criterion
// counts and weighs as a map-based reference does, in random orders.
func TestTallyPastHeldCategories(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	paths, _ := filepath.Glob("../../corpus/*/*.txt")
	require.NotEmpty(t, paths)
	res := lintFile(t, l, paths[0])
	var rules []*rule.Rule
	for i := range 20 {
		rules = append(rules, &rule.Rule{ID: fmt.Sprint("own-", i), Category: fmt.Sprint("own-", i), Severity: rule.Error})
	}
	for _, c := range score.Sources("en") {
		rules = append(rules, &rule.Rule{ID: c.ID, Category: c.ID, Severity: rule.Warning}, &rule.Rule{ID: c.ID + "-error", Category: c.ID, Severity: rule.Error})
	}
	rng := rand.New(rand.NewSource(5))
	for round := range 50 {
		var findings []rule.Finding
		for range 1 + rng.Intn(200) {
			findings = append(findings, rule.Finding{Rule: rules[rng.Intn(len(rules))]})
		}
		if round%2 == 0 { // every own category first, the criteria's after them
			slices.SortStableFunc(findings, func(a, b rule.Finding) int {
				own := func(f rule.Finding) int {
					if strings.HasPrefix(f.Rule.Category, "own-") {
						return 0
					}
					return 1
				}
				return cmp.Compare(own(a), own(b))
			})
		}
		counts, weights := map[string]int{}, map[string]float64{}
		for _, f := range findings {
			counts[f.Rule.Category]++
			weights[f.Rule.Category] += score.Weight(f)
		}
		got := score.Compute(res.Facts, findings, "en")
		var tally score.Tally
		for _, f := range findings {
			tally.Add(f)
		}
		require.Equal(t, got, tally.Result(res.Facts, "en"))
		for _, c := range got.Criteria {
			require.Equal(t, counts[c.ID], c.Findings, "round %d %s", round, c.ID)
			if c.Applicable && c.Earned != 0 {
				require.Equal(t, 1/(1+2*weights[c.ID]), c.Earned, "round %d %s", round, c.ID)
			}
		}
	}
}
