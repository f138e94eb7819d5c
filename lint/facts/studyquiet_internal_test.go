package facts

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/numbers"
)

// quietDiffers reports what the general path of markStudy would take from
// a sentence quietForStudies passes over: a population, a study opened
// (with none open, or one of each population open), a venue, or a change
// to the open study other than its sentence count. "" when nothing.
func quietDiffers(a *Analyzer, s *Sentence) string {
	if !a.ids.quietForStudies(s) {
		return ""
	}
	p := a.populationOf(s)
	if p != (population{}) {
		return "population"
	}
	for _, cur := range []*openStudy{nil, {}, {population: population{human: true}}, {population: population{animal: true}},
		{population: population{cells: true}}} {
		if opens, _ := a.opensStudy(s, p, cur); opens {
			return "opens a study"
		}
	}
	if hasVenue(a, s) {
		return "venue"
	}
	for _, design := range []string{"", Unknown, DesignTrial} {
		st := &Study{Design: design}
		a.addToStudy(st, s, p)
		if *st != (Study{Design: design, Sentences: 1}) {
			return "adds to the study"
		}
	}
	return ""
}

// A sentence quietForStudies passes over gives the studies pass nothing
// but a sentence to count: random sentences with hits of every class the
// pass reads and a few others, sample sizes (some animal, vague or
// promised) and citation markers. Fails when a class the pass reads is
// left out of studyCueIDs or a number or marker is let through.
func TestQuietSentencesGiveTheStudiesNothing(t *testing.T) {
	names := []string{"animal", "invitro", "human_subject", "study", "new_study", "finding", "intervention", "study_intro",
		"journal", "doi", "review", "rct", "observational", "case_report", "trial",
		"negation", "hedge", "caveat", "timeline", "species_caveat", "future", "promise", "demonstrative",
		"sub_analysis", "continuation", "hype", "effect", "cells"}
	ids := maskedClasses(t, names)
	a := &Analyzer{ids: ids}
	pieces := []string{"研究", "小鼠", "《", "自然》", "一项", "，", "。", "study ", "mice ", " ", "将"}
	rng := rand.New(rand.NewPCG(61, 67))
	quiet, loud := 0, 0
	for range 50000 {
		s := randomSentence(rng, pieces, 9, func() int { return rng.IntN(len(names)) })
		if rng.IntN(8) == 0 {
			m := numbers.Mention{Kind: numbers.SampleSize, Value: float64(rng.IntN(3) * 100), Animal: rng.IntN(2) == 0, Vague: rng.IntN(2) == 0}
			s.Nums = append(s.Nums, m)
			s.SampleSize, s.HumanSize = true, !m.Animal
		}
		s.Cites = rng.IntN(10) == 0
		s.Negated, s.Hedged = rng.IntN(4) == 0, rng.IntN(4) == 0
		if ids.quietForStudies(s) {
			quiet++
		} else {
			loud++
		}
		require.Empty(t, quietDiffers(a, s), "%q %v", s.Text, s.Hits)
	}
	require.Greater(t, quiet, 1000)
	require.Greater(t, loud, 1000)
}
