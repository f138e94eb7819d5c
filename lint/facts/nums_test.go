package facts_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/numbers"
)

// A sentence keeps only its sample-size mentions (all that is read of its
// numbers later) and reads its percentages from the rest: on every
// sentence of the corpus and of a text dense with numbers, Nums and
// Percents are what numbers.Find of the sentence's text gives.
func TestSentenceKeepsItsSampleSizes(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	inputs := []lint.Input{{Path: "dense.txt", Data: []byte("一项研究\n\n一项纳入1,013名50~75岁患者的试验显示,约31%的人在12周后好转,费用199元。" +
		"另一项追踪约40万名成人长达12年的研究发现,风险低了三成,48只小鼠中24只有效。\n\n" +
		"A trial of 6,812 people (n = 3,410) found a 25% drop in 2019; thousands of people paid $1,950.")}}
	paths, err := filepath.Glob("../../corpus/*/*")
	require.NoError(t, err)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		inputs = append(inputs, lint.Input{Path: p, Data: data})
	}
	sizes, others := 0, 0
	for _, in := range inputs {
		doc, err := lint.Parse(in)
		if err != nil {
			continue // a corpus file that is meant to be rejected
		}
		for _, b := range a.Analyze(doc).Blocks {
			for _, s := range b.Sentences {
				var want []numbers.Mention
				var percents []float64
				for _, m := range numbers.Find(s.Text) {
					switch m.Kind {
					case numbers.SampleSize:
						want = append(want, m)
					case numbers.Percent:
						percents = append(percents, m.Value)
						others++
					default:
						others++
					}
				}
				require.Equal(t, want, s.Nums, "%s: %q", in.Path, s.Text)
				require.Equal(t, percents, s.Percents, "%s: %q", in.Path, s.Text)
				sizes += len(want)
			}
		}
	}
	require.Greater(t, sizes, 20, "the texts give sample sizes")
	require.Greater(t, others, 20, "and other numbers, which are not kept")
}
