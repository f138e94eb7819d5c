package report

import (
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/score"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden and docs/rules.md")

// Update is -update, for the tests outside the package.
var Update = update

// The reporter goldens are fed from fixed findings on fixed rules, not
// from the engine: they change when a format changes, never when a rule
// or the lexicon does (the corpus test, corpus/, checks what is found).

// fixtureRule is a hand-written rule: a message in each locale with
// {term}, an explanation in the three parts rule documentation uses.
func fixtureRule(id, category string, severity rule.Severity, scope rule.Scope, en, zh string) *rule.Rule {
	return &rule.Rule{
		ID: id, Category: category, Severity: severity, Scope: scope,
		Messages: map[string]string{"en": en, "zh-Hans": zh, "zh-Hant": zh},
		Explanation: map[string]string{
			"en":      "What it does: flags " + id + ".\nWhy it matters: readers take it at its word.\nUse instead: say what was measured.",
			"zh-Hans": "作用：报告" + id + "。",
		},
		Source:   "hypelint fixture",
		DocURL:   "https://example.com/rules#" + id,
		Examples: rule.Examples{Bad: []string{"重磅新药"}, Good: []string{"新药"}},
	}
}

var (
	hypeRule   = fixtureRule("hype-word", "overclaim", rule.Warning, rule.SentenceScope, `"{term}" is hype; let the result speak.`, "“{term}”是夸大用语。")
	ageingRule = fixtureRule("reverse-aging-claim", "overclaim", rule.Error, rule.SentenceScope, `"{term}" promises to reverse ageing.`, "“{term}”宣称逆转衰老。")
	miracle    = fixtureRule("miracle-cure-claim", "overclaim", rule.Error, rule.SentenceScope, `"{term}" presents a miracle.`, "“{term}”把疗法说成神药。")
	animalRule = fixtureRule("animal-result-in-headline", "animal-as-human", rule.Error, rule.SentenceScope, "The headline states an effect shown only in animals.", "标题所述效果只见于动物。")
	discloseRu = fixtureRule("missing-disclosure", "disclosure", rule.Warning, rule.DocumentScope, "The article names no funding.", "文章未说明资助来源。")
	houseRule  = fixtureRule("house-cure", "house-style", rule.Info, rule.SentenceScope, `Write "treatment" for "{term}".`, "用“疗法”代替“{term}”。")
	safeRule   = fixtureRule("safety-absolute", "risk", rule.Warning, rule.SentenceScope, `"{term}" promises no risk at all.`, "“{term}”保证毫无风险。")
)

// fixtureRules are the rules of the fixed run, in the order a run lists
// them.
var fixtureRules = []*rule.Rule{animalRule, discloseRu, houseRule, hypeRule, miracle, ageingRule, safeRule}

func init() {
	safeRule.Notes = map[string]string{"en": "Ask for the rate of side effects.", "zh-Hans": "请给出副作用的比例。"}
}

// fixtureFinding is a finding of a rule on the first occurrence of a text
// in its file.
type fixtureFinding struct {
	rule       *rule.Rule
	text       string // what the finding spans
	term       string // its {term}, when not the text itself
	role       string
	fix        string // a replacement for the text
	safe       bool
	related    string // the text of a related location (the study)
	suppressed string // hidden by a comment with this reason
	baseline   bool   // hidden by a baseline
}

// fixtureFile resolves fixed findings on a text for reporting, with a
// fixed score and criteria.
func fixtureFile(t testing.TB, path, text string, scoreValue int, findings ...fixtureFinding) File {
	t.Helper()
	parsed, err := document.ParseText(path, []byte(text))
	require.NoError(t, err)
	doc := parsed.Lines()
	span := func(s string) document.Span {
		i := strings.Index(text, s)
		require.GreaterOrEqual(t, i, 0, "%q is not in %s", s, path)
		return document.Span{Start: i, End: i + len(s)}
	}
	f := File{Path: path, Language: fixtureLanguage(path), Findings: []Finding{}, Studies: []Study{}, Claims: []Claim{}, doc: doc}
	for _, ff := range findings {
		term := ff.term
		if term == "" {
			term = ff.text
		}
		x := rule.Finding{Rule: ff.rule, Span: span(ff.text), Term: term, Role: ff.role}
		if ff.fix != "" {
			x.Fixes = []rule.Fix{{Span: x.Span, Replacement: ff.fix, Safe: ff.safe}}
		}
		resolved := newFinding(doc, x, "en")
		if ff.related != "" {
			r := Related{Message: "the study in mice", span: span(ff.related)}
			r.Start, r.End = positions(doc, r.span)
			resolved.Related = []Related{r}
		}
		switch {
		case ff.suppressed != "":
			f.Suppressed = append(f.Suppressed, Suppressed{resolved, InSource, ff.suppressed})
		case ff.baseline:
			f.Suppressed = append(f.Suppressed, Suppressed{resolved, External, "recorded in the baseline .hypelint-baseline.json"})
		default:
			f.Findings = append(f.Findings, resolved)
		}
	}
	f.Score = &scoreValue
	f.Criteria = []score.Criterion{
		{ID: "overclaim", Question: "Does it avoid hype?", Applicable: true, Satisfied: scoreValue > 50, Findings: len(f.Findings), Earned: 0.5},
		{ID: "disclosure", Question: "Does it name its funding?", Applicable: true, Satisfied: true, Earned: 1},
	}
	return f
}

func fixtureLanguage(path string) string {
	switch {
	case strings.Contains(path, "hant"):
		return "zh-Hant"
	case strings.Contains(path, "hans"):
		return "zh-Hans"
	}
	return "en"
}

// fixtureFiles are the fixed run's files: an article in each script, a
// clean one and one that could not be read. Between them they have a
// document-level finding, a finding with a fix and one with a safe fix,
// one with a related location, one with a note, one across two lines,
// findings hidden by a comment and by a baseline, and an emoji before the
// first finding (code-point columns, UTF-8 byte columns and byte offsets
// all differ).
func fixtureFiles(t testing.TB) []File {
	hans := fixtureFile(t, "news/zh-hans.txt", "😀重磅！NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n", 35,
		fixtureFinding{rule: discloseRu, text: "😀重磅！NMN逆转衰老", term: "", role: ""},
		fixtureFinding{rule: hypeRule, text: "重磅", role: "headline", fix: "新"},
		fixtureFinding{rule: ageingRule, text: "逆转衰老", role: "headline"},
		fixtureFinding{rule: miracle, text: "神药", role: "body", suppressed: "quoting the advert"},
		fixtureFinding{rule: ageingRule, text: "返老还童", role: "body", baseline: true},
	)
	hant := fixtureFile(t, "news/zh-hant.txt", "抗老神藥問世\n\n研究指出，這款保健品能讓老鼠年輕十歲。\n", 48,
		fixtureFinding{rule: animalRule, text: "抗老神藥問世", role: "headline", related: "研究指出，這款保健品能讓老鼠年輕十歲。"},
		fixtureFinding{rule: miracle, text: "神藥", role: "headline"},
	)
	hant.Studies = []Study{{Index: 1, Population: "animals", Model: "老鼠", Design: "unknown", Sentences: 1,
		Description: "a study in mice", Notes: []Note{}, span: hant.Findings[0].Related[0].span}}
	hant.Studies[0].Start, hant.Studies[0].End = hant.Findings[0].Related[0].Start, hant.Findings[0].Related[0].End
	hant.Claims = []Claim{{Term: "抗老", Class: "benefit", Subject: "none", Strength: "direct", Voice: "writer",
		Evidence: "preclinical", Where: "headline", Study: 1, Start: hant.Findings[0].Start, End: hant.Findings[0].End,
		Excerpt: "抗老神藥問世", Rules: []string{animalRule.ID}, Why: "the study is in mice", span: hant.Findings[0].span}}
	en := fixtureFile(t, "news/en.txt", "Miracle pill reverses ageing\n\nA study in mice found the supplement is\n100% safe, researchers said.\n", 62,
		fixtureFinding{rule: houseRule, text: "Miracle pill", term: "Miracle", role: "headline", fix: "Promising pill", safe: true},
		fixtureFinding{rule: safeRule, text: "is\n100% safe", term: "100% safe", role: "body"},
	)
	clean := fixtureFile(t, "news/clean.txt", "Grip strength in old mice\n\nIn mice, the molecule improved grip strength.\n", 100)
	clean.Criteria = nil
	missing := ErrorFile("news/missing.txt", errors.New("open news/missing.txt: permission denied"))
	return []File{hans, hant, en, clean, missing}
}

// fixtureRun is the fixed run.
func fixtureRun(t testing.TB) Run {
	return Run{Files: fixtureFiles(t), Rules: fixtureRules, Version: "0.0.0-golden", Locale: "en"}
}
