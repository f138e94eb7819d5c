package facts_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
)

// analyzeText parses a short plain-text article (first line the title) and
// computes its facts with the built-in lexicon.
func analyzeText(t *testing.T, text string) *facts.Document {
	t.Helper()
	l, err := lint.Default()
	require.NoError(t, err)
	doc, err := document.ParseText("a.txt", []byte(text))
	require.NoError(t, err)
	return facts.NewAnalyzer(l.Lexicon).Analyze(doc)
}

// sentence returns the first sentence whose normalized text contains sub.
func sentence(t *testing.T, d *facts.Document, sub string) *facts.Sentence {
	t.Helper()
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			if contains(s.Text, sub) {
				return s
			}
		}
	}
	t.Fatalf("no sentence contains %q", sub)
	return nil
}

func contains(s, sub string) bool { return len(sub) <= len(s) && (s == sub || indexOf(s, sub) >= 0) }

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestHumanCohortThenMouseExperimentAreTwoStudies(t *testing.T) {
	d := analyzeText(t, "肌肉与年龄\n\n一项研究追踪了1200名老年人，发现血液中这种分子随年龄下降。\n\n研究人员随后给老年小鼠补充这种分子，小鼠的握力提高了。\n")
	require.Len(t, d.Studies, 2)
	cohort, mice := d.Studies[0], d.Studies[1]
	require.True(t, cohort.Human)
	require.True(t, cohort.Sized)
	require.Equal(t, "people", cohort.Population)
	require.True(t, mice.Preclinical)
	require.True(t, mice.Intervened)
	require.False(t, mice.Sized)
	require.Same(t, mice, sentence(t, d, "小鼠的握力").Study)
	require.True(t, sentence(t, d, "给老年小鼠").OpensStudy)
}

func TestHeadingClosesTheStudy(t *testing.T) {
	d := analyzeText(t, "Title\n\nA new study gave 40 mice the drug and found they ran further.\n\nWhat it means\n\nExercise is good for you.\n")
	require.Len(t, d.Studies, 1)
	require.Nil(t, sentence(t, d, "exercise is good").Study)
	require.Equal(t, "animals", d.Studies[0].Population)
}

func TestGenericIndefiniteMentionOpensNoStudy(t *testing.T) {
	// "a randomised trial avoids that problem" explains a design; it
	// reports no study, so the trial already open keeps its sentences.
	d := analyzeText(t, "Title\n\nA randomised trial of 3,410 adults found fewer strokes on the diet.\n\nA randomised trial avoids that problem because chance decides who diets.\n")
	require.Len(t, d.Studies, 1)
	require.Equal(t, "rct", d.Studies[0].Design)
}

func TestReviewDesign(t *testing.T) {
	d := analyzeText(t, "咖啡与心脏\n\n一项荟萃分析纳入了40项研究，发现喝咖啡的人心脏病风险较低。\n")
	require.Len(t, d.Studies, 1)
	require.Equal(t, "review", d.Studies[0].Design)
}

func TestStudySpanIsTheOpeningSentence(t *testing.T) {
	text := "Title\n\nOld mice were given the molecule for a month.\n\nTheir muscles grew stronger.\n"
	d := analyzeText(t, text)
	require.Len(t, d.Studies, 1)
	span := d.Studies[0].Span
	require.Equal(t, "Old mice were given the molecule for a month.", text[span.Start:span.End])
}

// A vague crowd in a promise counts who might benefit, not who was studied:
// it neither sizes the study nor makes the sentence state a sample size.
func TestPromisedCrowdIsNotASampleSize(t *testing.T) {
	d := analyzeText(t, "肌肉与年龄\n\n一项研究给老年小鼠补充这种分子，小鼠的握力提高了。这种分子有望帮助数以千万计的老年人。\n")
	require.NotEmpty(t, d.Studies)
	require.False(t, d.Studies[0].Sized)
	require.Zero(t, d.Studies[0].Size)
	require.False(t, sentence(t, d, "数以千万计").SampleSize)

	d = analyzeText(t, "肌肉与年龄\n\n数以万计的老年人参加了这项调查，血液中这种分子随年龄下降。\n")
	require.True(t, sentence(t, d, "数以万计").SampleSize, "a vague crowd that took part is still a size")
}
