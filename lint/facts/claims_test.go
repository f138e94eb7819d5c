package facts_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/facts"
)

// claim returns the claim of the sentence containing sub whose term is term.
func claim(t *testing.T, d *facts.Document, sub, term string) *facts.Claim {
	t.Helper()
	s := sentence(t, d, sub)
	for _, c := range s.Claims {
		if c.Term == term {
			return c
		}
	}
	t.Fatalf("no claim %q in %q (claims: %d)", term, s.Text, len(s.Claims))
	return nil
}

func TestHeadlineRestsOnTheStudyThatIntervened(t *testing.T) {
	// The human cohort only observed; the effect in the headline comes
	// from the mouse experiment, so the headline's evidence is preclinical.
	d := analyzeText(t, "这种分子能逆转肌肉衰老\n\n一项研究追踪了1200名老年人，发现血液中这种分子随年龄下降。\n\n研究人员随后给老年小鼠补充这种分子，小鼠的握力提高了。\n")
	c := claim(t, d, "逆转肌肉衰老", "逆转")
	require.True(t, c.Summary)
	require.Equal(t, "preclinical", c.Evidence)
	require.Same(t, d.Studies[1], c.Study)
}

func TestBodyClaimRestsOnItsOwnStudy(t *testing.T) {
	d := analyzeText(t, "Title\n\nA trial gave 300 patients the drug, which relieved their pain and improved sleep.\n")
	c := claim(t, d, "improved sleep", "improved")
	require.False(t, c.Summary)
	require.Equal(t, "human", c.Evidence)
}

func TestStrengths(t *testing.T) {
	cases := []struct{ text, sub, term, strength string }{
		{"T\n\n这种药有望逆转衰老。\n", "有望", "逆转衰老", "promise"},
		{"T\n\n这种药可能逆转衰老。\n", "可能", "逆转衰老", "may"},
		{"T\n\n这种药不能逆转衰老。\n", "不能", "逆转衰老", "negated"},
		{"T\n\n如何才能逆转衰老？\n", "如何", "逆转衰老", "question"},
		{"T\n\nThe pill could one day reverse ageing.\n", "one day", "reverse ageing", "promise"},
		{"T\n\nThe pill reverses ageing.\n", "pill", "reverses ageing", "direct"},
		// A modifier after the term, in the same clause, counts.
		{"T\n\n逆转衰老或许可行。\n", "或许", "逆转衰老", "may"},
		// A hedge in another clause does not.
		{"T\n\n这种药逆转衰老，专家可能会反对。\n", "专家", "逆转衰老", "direct"},
	}
	for _, c := range cases {
		d := analyzeText(t, c.text)
		require.Equal(t, c.strength, claim(t, d, c.sub, c.term).Strength, c.text)
	}
}

func TestSubjectAndVoice(t *testing.T) {
	d := analyzeText(t, "T\n\n在小鼠中，这种药逆转了衰老。\n\n所谓“逆转衰老”的说法并无依据。\n\nThe pill lets you reverse ageing.\n")
	require.Equal(t, "animals", claim(t, d, "小鼠", "逆转").Subject)
	require.Equal(t, "distanced", claim(t, d, "所谓", "逆转衰老").Voice)
	require.Equal(t, "people", claim(t, d, "lets you", "reverse ageing").Subject)
}

func TestPriceChangeIsNoClaim(t *testing.T) {
	d := analyzeText(t, "T\n\n这种药的价格有望大幅降低。\n")
	require.Empty(t, sentence(t, d, "价格").Claims)
}

func TestStoryImprovementInALaterSentence(t *testing.T) {
	d := analyzeText(t, "膝盖\n\n陈先生今年六十岁，去年打了三针。十年的膝盖痛竟然消失了。\n\n李女士去年也打了针。另一项研究纳入了300名患者。后来她的疼痛消失了。\n")
	require.True(t, sentence(t, d, "陈先生").ImprovementAfter)
	// A study opened in between ends the story.
	require.False(t, sentence(t, d, "李女士").ImprovementAfter)
}

func TestCouldInAHeadlinePromises(t *testing.T) {
	d := analyzeText(t, "The drug that could reverse ageing\n\nIn pre-clinical trials, mice given the drug lived longer.\n")
	c := claim(t, d, "could reverse", "reverse ageing")
	require.Equal(t, "promise", c.Strength)
	// "pre-clinical trials" is not a human trial: the evidence is animal work.
	require.Equal(t, "preclinical", c.Evidence)
	d = analyzeText(t, "T\n\nThe drug could reverse ageing, the authors think.\n")
	require.Equal(t, "may", claim(t, d, "could", "reverse ageing").Strength)
}

func TestHitFactsAreClauseLevel(t *testing.T) {
	d := analyzeText(t, "T\n\n紧致度改善显著，皱纹减少了20%。\n\n喝咖啡与长寿有关，还能降低风险。\n")
	s := sentence(t, d, "紧致度")
	for _, h := range s.Hits {
		if d.Lex.Classes[h.Class].Name == "significance" {
			require.False(t, d.HitFacts(s, h).Numbered, "the number is in another clause")
		}
	}
	d = analyzeText(t, "T\n\nCoffee drinking was linked to fewer deaths and prevents strokes.\n\nCoffee was linked to longer life, and it prevents strokes.\n")
	for _, c := range []struct {
		sub  string
		want bool
	}{{"fewer deaths", true}, {"longer life", false}} {
		s := sentence(t, d, c.sub)
		found := false
		for _, h := range s.Hits {
			if d.Lex.Classes[h.Class].Name == "causal_strong" {
				found = true
				require.Equal(t, c.want, d.HitFacts(s, h).Associated, s.Text)
			}
		}
		require.True(t, found, s.Text)
	}
}

func TestInferenceClauseLeavesTheModelBehind(t *testing.T) {
	d := analyzeText(t, "T\n\n细胞实验显示，这种肽能让胶原蛋白合成增加，等于帮肌肤逆转衰老。\n\n在小鼠中，这种药逆转了衰老。\n\nIn mice the drug worked, which means it reverses ageing.\n")
	c := claim(t, d, "等于帮肌肤", "逆转衰老")
	require.True(t, c.Inferred)
	require.Equal(t, "none", c.Subject, "the cells named before 等于 are not the subject of its conclusion")

	c = claim(t, d, "在小鼠中", "逆转")
	require.False(t, c.Inferred)
	require.Equal(t, "animals", c.Subject)

	c = claim(t, d, "which means", "reverses ageing")
	require.True(t, c.Inferred)
	require.Equal(t, "none", c.Subject)
}
