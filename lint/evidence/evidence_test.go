package evidence_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
)

// mixed is the pattern the card exists for: a human cohort, then a mouse
// experiment, and a headline promising the mouse result to people. The
// facts are built by hand, as the analysis would set them.
type mixed struct {
	doc              *facts.Document
	cohort, mice     *facts.Study
	headline, body   *facts.Claim
	unflagged        *facts.Claim
	headlineS, miceS *facts.Sentence
}

func newMixed() *mixed {
	m := &mixed{}
	m.cohort = &facts.Study{Index: 1, Population: "people", Human: true, Design: "observational", Size: 1200, Sized: true,
		Span: document.Span{Start: 40, End: 90}}
	m.mice = &facts.Study{Index: 2, Population: "animals", Animal: true, Design: "lab", Preclinical: true, Intervened: true,
		Span: document.Span{Start: 100, End: 160}}
	m.headline = &facts.Claim{Term: "逆转衰老", Class: "antiaging", Subject: "people", Strength: "direct", Voice: "writer",
		Evidence: "preclinical", Summary: true, Span: document.Span{Start: 6, End: 18}, Study: m.mice}
	m.body = &facts.Claim{Term: "降低了", Class: "causal", Subject: "none", Strength: "direct", Voice: "writer",
		Evidence: "human", Span: document.Span{Start: 60, End: 69}, Study: m.cohort}
	m.unflagged = &facts.Claim{Term: "改善", Class: "effect", Subject: "animals", Strength: "direct", Voice: "writer",
		Evidence: "preclinical", Span: document.Span{Start: 120, End: 126}, Study: m.mice}
	m.headlineS = &facts.Sentence{IsTitle: true, Claims: []*facts.Claim{m.headline}}
	m.miceS = &facts.Sentence{Study: m.mice, Claims: []*facts.Claim{m.unflagged}, Span: m.mice.Span}
	m.doc = &facts.Document{
		Studies: []*facts.Study{m.cohort, m.mice},
		Blocks: []*facts.Block{
			{Sentences: []*facts.Sentence{m.headlineS}},
			{Sentences: []*facts.Sentence{{Study: m.cohort, Claims: []*facts.Claim{m.body}, Span: m.cohort.Span}, m.miceS}},
		},
	}
	return m
}

func testRule(id, category string) *rule.Rule {
	return &rule.Rule{ID: id, Category: category, Severity: rule.Warning,
		Messages: map[string]string{"en": "Rule " + id + " matched “{term}”.", "zh-Hans": "规则" + id + "：“{term}”。"}}
}

func TestBuildAttachesFindingsToClaimsAndStudies(t *testing.T) {
	m := newMixed()
	headline := rule.Finding{Rule: testRule("animal-result-in-headline", "animal-as-human"), Span: m.headline.Span, Term: "逆转衰老", Study: m.mice}
	// A sentence-wide finding carrying the cohort: it belongs to the
	// cohort's claim inside its span.
	causal := rule.Finding{Rule: testRule("causal-claim-observational", "causation"), Span: m.cohort.Span, Term: "x", Study: m.cohort}
	// A finding on the study itself (no claim inside its span is the
	// study's): it stays with the study.
	unsized := rule.Finding{Rule: testRule("study-without-sample-size", "sample-size"), Span: document.Span{Start: 100, End: 110}, Study: m.mice}
	// A finding that is neither on a claim nor carries a study is not
	// the card's.
	other := rule.Finding{Rule: testRule("missing-disclosure", "disclosure"), Span: document.Span{Start: 0, End: 3}}

	card := evidence.Build(m.doc, []rule.Finding{headline, causal, unsized, other})

	require.Len(t, card.Studies, 2)
	assert.Same(t, m.cohort, card.Studies[0].Study)
	assert.Same(t, m.mice, card.Studies[1].Study)
	require.Len(t, card.Claims, 3)
	assert.Equal(t, []rule.Finding{headline}, card.Claims[0].Findings)
	assert.Equal(t, evidence.Headline, card.Claims[0].Where)
	assert.Equal(t, []rule.Finding{causal}, card.Claims[1].Findings)
	assert.Equal(t, evidence.Body, card.Claims[1].Where)
	assert.False(t, card.Claims[2].Flagged())
	assert.Equal(t, []rule.Finding{unsized}, card.Studies[1].Findings)
	assert.Empty(t, card.Studies[0].Findings)
	assert.Same(t, card.Studies[1], card.StudyOf(card.Claims[0]))
	assert.Equal(t, []*evidence.Claim{card.Claims[0], card.Claims[1]}, card.Flagged())
}

func TestWhyNamesTheStudyAndWhatItLacks(t *testing.T) {
	m := newMixed()
	card := evidence.Build(m.doc, []rule.Finding{
		{Rule: testRule("animal-result-in-headline", "animal-as-human"), Span: m.headline.Span, Term: "逆转衰老", Study: m.mice},
		{Rule: testRule("causal-claim-observational", "causation"), Span: m.body.Span, Term: "降低了", Study: m.cohort},
	})
	card.Studies[1].Model = "老年小鼠" // what describeStudies reads from the hits

	headline, body := card.Claims[0], card.Claims[1]
	assert.Equal(t, "The headline claims “逆转衰老” for people; the study it rests on (study 2) used 老年小鼠, not people.",
		card.Why(headline, "en"))
	assert.Equal(t, "标题把“逆转衰老”说成对人有效；它所依据的研究2用的是老年小鼠，不是人。", card.Why(headline, "zh-Hans"))
	assert.Equal(t, "標題把“逆转衰老”說成對人有效；它所依據的研究2用的是老年小鼠，不是人。", card.Why(headline, "zh-Hant"),
		"the card's words in Traditional, the article's term as written")

	assert.Equal(t, "The text states “降低了” as cause and effect; the study it rests on (study 1) is an observational study, which shows an association, not a cause.",
		card.Why(body, "en"))
	assert.Equal(t, "正文把“降低了”说成因果；它所依据的研究1是观察性研究，只能说明相关，不能说明因果。", card.Why(body, "zh-Hans"))
	assert.Empty(t, card.Why(card.Claims[2], "en"), "an unflagged claim has no reason")
}

func TestWhyWithoutAStudy(t *testing.T) {
	claim := &facts.Claim{Term: "神药", Class: "miracle", Subject: "none", Evidence: "none", Span: document.Span{Start: 0, End: 6}}
	causal := &facts.Claim{Term: "导致", Class: "causal", Subject: "none", Evidence: "none", Span: document.Span{Start: 10, End: 16}}
	doc := &facts.Document{Blocks: []*facts.Block{{Sentences: []*facts.Sentence{{IsLead: true, Claims: []*facts.Claim{claim, causal}}}}}}
	card := evidence.Build(doc, []rule.Finding{
		{Rule: testRule("miracle-cure-claim", "overclaim"), Span: claim.Span, Term: "神药"},
		{Rule: testRule("causal-claim-observational", "causation"), Span: causal.Span, Term: "导致"},
	})
	require.Len(t, card.Flagged(), 2)
	assert.Equal(t, "The lead claims “神药”; no study in the article shows it.", card.Why(card.Claims[0], "en"))
	assert.Contains(t, card.Why(card.Claims[1], "zh-Hans"), "却没有依据的研究")
}

func TestWhyFallsBackToTheRuleMessage(t *testing.T) {
	m := newMixed()
	// A claim about people resting on the human cohort, flagged by a rule
	// the card has no reason of its own for.
	m.body.Class, m.body.Subject = "effect", "people"
	card := evidence.Build(m.doc, []rule.Finding{
		{Rule: testRule("relative-change-without-baseline", "statistics"), Span: m.body.Span, Term: "降低了", Study: m.cohort},
	})
	assert.Equal(t,
		"Rule relative-change-without-baseline matched “降低了”. It rests on study 1 (people, observational study, n = 1200, no journal, DOI or link).",
		card.Why(card.Claims[1], "en"))
}

func TestDescribeStudies(t *testing.T) {
	s := &evidence.Study{Study: &facts.Study{Index: 3, Population: "people", Design: "review", Studies: 86, Size: 120000, Venue: true},
		Venue: "《柳叶刀》", Link: "10.1016/abc"}
	assert.Equal(t, "study 3", evidence.Label(s, "en"))
	assert.Equal(t, "研究3", evidence.Label(s, "zh-Hant"))
	assert.Equal(t, "people, review, pooling 86 studies, n = 120000, venue 《柳叶刀》, link 10.1016/abc", evidence.Describe(s, "en"))
	assert.Equal(t, "人，综述，汇总86项研究，n = 120000，出处《柳叶刀》，链接10.1016/abc", evidence.Describe(s, "zh-Hans"))

	mice := &evidence.Study{Study: &facts.Study{Index: 1, Population: "animals", Design: "lab"}}
	assert.Equal(t, "animals, laboratory experiment, no number of subjects given, no journal, DOI or link", evidence.Describe(mice, "en"))
	mice.Model = "mice"
	assert.Equal(t, "mice", evidence.Population(mice, "en"), "the model the study names beats the bare population")
	work := &evidence.Study{Study: &facts.Study{Population: "animals"}, Model: "动物实验"}
	assert.Equal(t, "animals (动物实验)", evidence.Population(work, "en"), "a kind of work is not an organism")
	dish := &evidence.Study{Study: &facts.Study{Population: "cells"}, Model: "培养皿"}
	assert.Equal(t, "细胞（培养皿）", evidence.Population(dish, "zh-Hans"))
	assert.Equal(t, "cells (培养皿)", evidence.Population(dish, "en"))
	assert.Equal(t, "據以判斷的研究1：mice，實驗室研究，未給出樣本數，未註明期刊、DOI或連結", evidence.Related(mice, "zh-Hant"))

	unknown := &evidence.Study{Study: &facts.Study{Index: 2, Design: "", Venue: true}}
	assert.Equal(t, "population not stated, design not stated, no number of subjects given, a journal is named", evidence.Describe(unknown, "en"))
}

// TestModelVenueAndLinkComeFromTheStudysHits runs the real analysis on a
// short article and puts its sentences in one study, as the study pass
// does: the card reads the animal, journal and DOI hits of the study's
// sentences back to source text.
func TestModelVenueAndLinkComeFromTheStudysHits(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	src := "标题\n\n一项研究给老年小鼠补充NMN。结果发表于《自然·衰老》，doi: 10.1038/s43587-020-1 。\n\n另一段与研究无关，提到大鼠。\n"
	res, err := l.LintText("a.txt", []byte(src))
	require.NoError(t, err)
	study := &facts.Study{Index: 1, Population: "animals", Design: "lab"}
	res.Facts.Studies = []*facts.Study{study}
	body := res.Facts.Blocks[1]
	for _, s := range body.Sentences {
		s.Study = study
	}
	card := evidence.Build(res.Facts, nil)
	require.Len(t, card.Studies, 1)
	assert.Equal(t, "小鼠", card.Studies[0].Model, "大鼠 is outside the study")
	assert.Equal(t, "《自然·衰老》", card.Studies[0].Venue)
	assert.Contains(t, card.Studies[0].Link, "10.1038/s43587-020-1")
}

func TestWhyForCertaintyAndForUnstatedPopulations(t *testing.T) {
	m := newMixed()
	m.unflagged.Class, m.unflagged.Subject = "certainty", "none"
	// A study of no stated population in an article whose other evidence
	// is a mouse experiment: the claim rests on it, the analysis calls its
	// evidence preclinical.
	unstated := &facts.Study{Index: 3, Population: "unknown", Design: "unknown", Span: document.Span{Start: 170, End: 190}}
	m.doc.Studies = append(m.doc.Studies, unstated)
	later := &facts.Claim{Term: "逆龄", Class: "antiaging", Subject: "people", Evidence: "preclinical",
		Span: document.Span{Start: 175, End: 181}, Study: unstated}
	m.doc.Blocks = append(m.doc.Blocks, &facts.Block{Sentences: []*facts.Sentence{{Study: unstated, Claims: []*facts.Claim{later}}}})
	card := evidence.Build(m.doc, []rule.Finding{
		{Rule: testRule("certainty-on-preliminary-evidence", "overclaim"), Span: m.unflagged.Span, Study: m.mice},
		{Rule: testRule("reverse-aging-claim", "overclaim"), Span: later.Span, Study: unstated},
	})
	card.Studies[1].Model = "mice"
	assert.Equal(t, "The text says “改善”; the study it rests on (study 2) is a laboratory experiment, which cannot prove it.",
		card.Why(card.Claims[2], "en"), "certainty on a mouse study is judged as certainty")
	assert.Equal(t, "The text claims “逆龄” for people; the study it rests on (study 3) names no population, and the article's only other evidence (study 2) used mice, not people.",
		card.Why(card.Claims[3], "en"))
	assert.Equal(t, "正文把“逆龄”说成对人有效；它所依据的研究3未说明研究对象，文中其余证据（研究2）用的是mice，不是人。",
		card.Why(card.Claims[3], "zh-Hans"))
	assert.Equal(t, "正文把“逆龄”說成對人有效；它所依據的研究3未說明研究對象，文中其餘證據（研究2）用的是mice，不是人。",
		card.Why(card.Claims[3], "zh-Hant"))
}

func TestClaimExcerptIsTheSourceOnOneLine(t *testing.T) {
	src := "逆转\n衰老 and turns\nback time\n"
	doc := &facts.Document{Doc: &document.Document{Source: []byte(src)}}
	han := &facts.Claim{Term: "逆转衰老", Evidence: "none", Span: document.Span{Start: 0, End: len("逆转\n衰老")}}
	latin := &facts.Claim{Term: "turns back time", Span: document.Span{Start: len("逆转\n衰老 and "), End: len(src) - 1}}
	doc.Blocks = []*facts.Block{{Sentences: []*facts.Sentence{{Claims: []*facts.Claim{han, latin}}}}}
	flag := func(c *facts.Claim) rule.Finding {
		return rule.Finding{Rule: testRule("reverse-aging-claim", "overclaim"), Span: c.Span}
	}
	card := evidence.Build(doc, []rule.Finding{flag(han), flag(latin)})
	assert.Equal(t, "逆转衰老", card.Claims[0].Excerpt)
	assert.Equal(t, "turns back time", card.Claims[1].Excerpt)
	unflagged := evidence.Build(doc, []rule.Finding{flag(han)})
	assert.Equal(t, "", unflagged.Claims[1].Excerpt, "only a flagged claim's excerpt is made")
	assert.Equal(t, "The text claims “逆转衰老”; no study in the article shows it.", card.Why(card.Claims[0], "en"),
		"the reason quotes the article, not the normalized term")
}

func TestVenueNames(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	cases := map[string]string{
		"一项研究发表于《自然·衰老》。":                                      "《自然·衰老》",
		"一項研究發表於國際期刊《細胞代謝》。":                                   "《細胞代謝》",
		"A study was published in Nature this week.":           "Nature",
		"The results appear in Nature Aging this week.":        "Nature Aging",
		"A study of 40 mice was published in a journal.":       "",
		"研究发表于国际权威期刊。":                                         "",
		"The findings appear in The Lancet, researchers said.": "Lancet",
	}
	for sentence, want := range cases {
		res, err := l.LintText("a.txt", []byte("Title\n\n"+sentence+"\n"))
		require.NoError(t, err)
		study := &facts.Study{Index: 1}
		res.Facts.Studies = []*facts.Study{study}
		for _, s := range res.Facts.Blocks[1].Sentences {
			s.Study = study
		}
		card := evidence.Build(res.Facts, nil)
		assert.Equal(t, want, card.Studies[0].Venue, sentence)
	}
}

// TestTraditionalSaysSubjectsNotObjects: 研究對象 are a study's subjects;
// the Taiwan phrase table would make them 物件 (a programming object).
func TestTraditionalSaysSubjectsNotObjects(t *testing.T) {
	m := newMixed()
	m.headline.Subject = "none"
	card := evidence.Build(m.doc, []rule.Finding{
		{Rule: testRule("animal-result-in-headline", "animal-as-human"), Span: m.headline.Span, Term: "逆转衰老", Study: m.mice},
	})
	unknown := &evidence.Study{Study: &facts.Study{Index: 1, Population: "unknown"}}
	for _, text := range []string{card.Why(card.Claims[0], "zh-Hant"), evidence.Describe(unknown, "zh-Hant")} {
		assert.Contains(t, text, "對象", text)
		assert.NotContains(t, text, "物件", text)
	}
}

// TestEntryFindsTheCardsStudy: entry returns the card's entry of each of
// its studies (by Index, or by looking when the Index does not fit), nil
// for no study, one not described yet and one of another card, as the
// map it replaced did.
func TestEntryFindsTheCardsStudy(t *testing.T) {
	d := &facts.Document{}
	for i := 1; i <= 5; i++ {
		d.Studies = append(d.Studies, &facts.Study{Index: i})
	}
	c := evidence.New(d)
	for i, fs := range d.Studies {
		require.Same(t, c.Studies[i], c.Study(fs))
		require.Same(t, fs, c.Study(fs).Study)
	}
	require.Nil(t, c.Study(nil))
	require.Nil(t, c.Study(&facts.Study{Index: 2}), "another card's study with the same Index")
	require.Nil(t, c.Study(&facts.Study{Index: 9}), "a study not described yet")

	later := &facts.Study{Index: 6}
	d.Studies = append(d.Studies, later)
	c.Describe(d, nil)
	require.Same(t, c.Studies[5], c.Study(later))

	byHand := &evidence.Card{Studies: []*evidence.Study{{Study: &facts.Study{}}, {Study: &facts.Study{Index: 7}}}}
	require.Same(t, byHand.Studies[0], byHand.Study(byHand.Studies[0].Study), "an Index below the card's")
	require.Same(t, byHand.Studies[1], byHand.Study(byHand.Studies[1].Study), "an Index past the card's")
}

// describeStudies, skipping the sentences with no hit of a class it
// reads, leaves every corpus article's studies as the walk over all their
// hits does.
func TestDescribeStudiesSkipsAsTheWalk(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	files, err := filepath.Glob("../../corpus/*/*.*")
	require.NoError(t, err)
	described := 0
	for _, path := range files {
		if !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".txt") {
			continue
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		doc, err := lint.Parse(lint.Input{Path: path, Data: data})
		if err != nil {
			continue
		}
		got, byWalk := evidence.Described(a.Analyze(doc))
		require.Equal(t, byWalk, got, "%s", path)
		for _, s := range got {
			if s.Model != "" || s.Venue != "" || s.Link != "" {
				described++
			}
		}
	}
	require.Greater(t, described, 20, "studies with a model, venue or link")
}
