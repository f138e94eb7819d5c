// Package score rates an article's credibility from 0 to 100 the way
// HealthNewsReview rated stories: the share of applicable criteria the
// article satisfies.
//
// Each criterion is one finding category. It applies when the article gives
// it something to judge (the animal criterion applies only to articles that
// report animal or cell work), and it is satisfied when the article has no
// finding of that category at warning or error severity (info findings are
// hints and do not count). The score is round(100 × satisfied ÷ applicable),
// or 100 when nothing applies. Whether a criterion applies depends only on
// the article, not on its findings, so an extra finding can only turn a
// satisfied criterion into an unsatisfied one: the score never rises.
package score

import (
	"math"

	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
)

// Criterion is one line of the breakdown.
type Criterion struct {
	ID         string `json:"id"` // the finding category it rates
	Question   string `json:"question"`
	Applicable bool   `json:"applicable"`
	Satisfied  bool   `json:"satisfied"`
	Findings   int    `json:"findings"` // warning and error findings of this category
}

// Result is an article's score and its breakdown.
type Result struct {
	Value    int         `json:"score"`
	Criteria []Criterion `json:"criteria"`
}

// criterion defines one criterion: its category, its question in each
// locale, the HealthNewsReview criterion it follows, and when it applies.
type criterion struct {
	category  string
	questions map[string]string
	source    string
	applies   func(d *facts.Document) bool
}

func hasAny(d *facts.Document, classes ...string) bool {
	for _, c := range classes {
		if d.Count(d.Lex.ClassID(c)) > 0 {
			return true
		}
	}
	return false
}

func reportsResearch(d *facts.Document) bool { return hasAny(d, "study", "anecdote") }

func always(*facts.Document) bool { return true }

// Criteria are the criteria in the order they are shown.
var criteria = []criterion{
	{"overclaim", map[string]string{
		"en":      "Does the language fit the evidence (no miracle, reverse-ageing or certainty claims)?",
		"zh-Hans": "用语是否与证据相符（没有神药、逆转衰老或绝对化说法）？",
		"zh-Hant": "用語是否與證據相符（沒有神藥、逆轉衰老或絕對化說法）？"},
		"HealthNewsReview #10 (release version: sensational language)", always},
	{"animal-as-human", map[string]string{
		"en":      "Does it say the evidence comes from animals or cells wherever it states the result?",
		"zh-Hans": "凡陈述结果之处，是否说明证据来自动物或细胞？",
		"zh-Hant": "凡陳述結果之處，是否說明證據來自動物或細胞？"},
		"HealthNewsReview #2 and #4; Sumner et al. 2014",
		func(d *facts.Document) bool { return d.Evidence.Animal || d.Evidence.InVitro }},
	{"sample-size", map[string]string{
		"en":      "Does it say how many took part, rather than lean on one person's story?",
		"zh-Hans": "是否说明了参与人数，而不是依赖个人经历？",
		"zh-Hant": "是否說明了參與人數，而不是依賴個人經歷？"},
		"HealthNewsReview #2 and #4; Woloshin et al. 2009", reportsResearch},
	{"causation", map[string]string{
		"en":      "Does it keep an association from sounding like cause and effect?",
		"zh-Hans": "是否避免把相关说成因果？",
		"zh-Hant": "是否避免把相關說成因果？"},
		"HealthNewsReview #4; Sumner et al. 2014",
		func(d *facts.Document) bool {
			return reportsResearch(d) && (d.Design == "observational" || d.Design == "unknown")
		}},
	{"statistics", map[string]string{
		"en":      "Are benefits given in absolute numbers, not only relative ones or surrogate markers?",
		"zh-Hans": "是否用绝对数字说明获益，而不只是相对变化或替代指标？",
		"zh-Hant": "是否用絕對數字說明獲益，而不只是相對變化或替代指標？"},
		"HealthNewsReview #2",
		func(d *facts.Document) bool {
			return hasAny(d, "relative_change", "surrogate", "significance")
		}},
	{"source", map[string]string{
		"en":      "Does it name its sources (journal, paper, link) rather than 'studies show'?",
		"zh-Hans": "是否注明出处（期刊、论文、链接），而不是“研究表明”？",
		"zh-Hant": "是否註明出處（期刊、論文、連結），而不是「研究表明」？"},
		"HealthNewsReview #6 and #10; Haneef et al. 2015", reportsResearch},
	{"disclosure", map[string]string{
		"en":      "Does it identify funding and conflicts of interest?",
		"zh-Hans": "是否说明了资金来源与利益冲突？",
		"zh-Hant": "是否說明了資金來源與利益衝突？"},
		"HealthNewsReview #6 (release version)",
		func(d *facts.Document) bool {
			return reportsResearch(d) || d.Commerce || hasAny(d, "effect", "antiaging", "miracle")
		}},
	{"promotion", map[string]string{
		"en":      "Is it free of sales pitches and unapproved therapies offered as available?",
		"zh-Hans": "是否没有推销内容，也没有把未获批疗法说成可以获得？",
		"zh-Hant": "是否沒有推銷內容，也沒有把未獲批療法說成可以獲得？"},
		"HealthNewsReview #8 (availability); China's Advertising Law art. 19", always},
}

// Compute scores an article from its facts and its (suppressed, filtered)
// findings.
func Compute(d *facts.Document, findings []rule.Finding, locale string) Result {
	counts := map[string]int{}
	for _, f := range findings {
		if f.Rule.Severity >= rule.Warning {
			counts[f.Rule.Category]++
		}
	}
	var res Result
	applicable, satisfied := 0, 0
	for _, c := range criteria {
		cr := Criterion{ID: c.category, Question: question(c, locale), Applicable: c.applies(d), Findings: counts[c.category]}
		cr.Satisfied = cr.Applicable && cr.Findings == 0
		if cr.Applicable {
			applicable++
		}
		if cr.Satisfied {
			satisfied++
		}
		res.Criteria = append(res.Criteria, cr)
	}
	res.Value = 100
	if applicable > 0 {
		res.Value = int(math.Round(100 * float64(satisfied) / float64(applicable)))
	}
	return res
}

func question(c criterion, locale string) string {
	if q, ok := c.questions[locale]; ok {
		return q
	}
	return c.questions["en"]
}

// Sources lists each criterion's category and the HealthNewsReview
// criterion it follows, for `hypelint explain-score`.
func Sources(locale string) []Criterion {
	out := make([]Criterion, len(criteria))
	for i, c := range criteria {
		out[i] = Criterion{ID: c.category, Question: question(c, locale) + " (" + c.source + ")"}
	}
	return out
}
