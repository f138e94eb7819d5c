// Package score rates an article's credibility from 0 to 100 the way
// HealthNewsReview rated stories: how well it meets the criteria that apply
// to it.
//
// Most criteria are one finding category each. A criterion applies when
// the article gives it something to judge (the animal criterion applies
// only to articles that report animal or cell work). It earns 1 when the
// article has no finding of its category, and less the more weight its
// findings carry: 1 ÷ (1 + 2 × weight), where an error weighs 1, a warning ½
// and an info finding nothing, and a finding in someone else's words
// (quoted or reported) or in a caption or quotation weighs half as much as
// the writer's own. Two criteria read facts rather than findings: whether
// the article says what its evidence cannot show (limits, caveats, or an
// argument against the claims), and whether it sells something.
//
// The score is round(100 × the geometric mean of max(earned, 0.2) over the
// applicable criteria), or 100 when nothing applies: one badly failed
// criterion weighs more than in a plain average, as it does for an editor. Applicability and the fact criteria depend only on the article,
// not on its findings, and each finding only adds weight, so an extra
// finding never raises the score.
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
	// Earned is what the criterion adds to the score, 0–1 (0 when it
	// does not apply).
	Earned float64 `json:"earned"`
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
	// met, for a criterion that reads facts: whether the article meets
	// it whatever its findings (nil: it is met by having no findings).
	met func(d *facts.Document) bool
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
		"HealthNewsReview #10 (release version: sensational language)", always, nil},
	{"animal-as-human", map[string]string{
		"en":      "Does it say the evidence comes from animals or cells wherever it states the result?",
		"zh-Hans": "凡陈述结果之处，是否说明证据来自动物或细胞？",
		"zh-Hant": "凡陳述結果之處，是否說明證據來自動物或細胞？"},
		"HealthNewsReview #2 and #4; Sumner et al. 2014",
		func(d *facts.Document) bool { return d.Evidence.Animal || d.Evidence.InVitro }, nil},
	{"sample-size", map[string]string{
		"en":      "Does it say how many took part, rather than lean on one person's story?",
		"zh-Hans": "是否说明了参与人数，而不是依赖个人经历？",
		"zh-Hant": "是否說明了參與人數，而不是依賴個人經歷？"},
		"HealthNewsReview #2 and #4; Woloshin et al. 2009", reportsResearch, nil},
	{"causation", map[string]string{
		"en":      "Does it keep an association from sounding like cause and effect?",
		"zh-Hans": "是否避免把相关说成因果？",
		"zh-Hant": "是否避免把相關說成因果？"},
		"HealthNewsReview #4; Sumner et al. 2014",
		func(d *facts.Document) bool {
			return reportsResearch(d) && (d.Design == "observational" || d.Design == "unknown")
		}, nil},
	{"statistics", map[string]string{
		"en":      "Are benefits given in absolute numbers, not only relative ones or surrogate markers?",
		"zh-Hans": "是否用绝对数字说明获益，而不只是相对变化或替代指标？",
		"zh-Hant": "是否用絕對數字說明獲益，而不只是相對變化或替代指標？"},
		"HealthNewsReview #2",
		func(d *facts.Document) bool {
			return hasAny(d, "relative_change", "surrogate", "significance")
		}, nil},
	{"source", map[string]string{
		"en":      "Does it name its sources (journal, paper, link) rather than 'studies show'?",
		"zh-Hans": "是否注明出处（期刊、论文、链接），而不是“研究表明”？",
		"zh-Hant": "是否註明出處（期刊、論文、連結），而不是「研究表明」？"},
		"HealthNewsReview #6 and #10; Haneef et al. 2015", reportsResearch, nil},
	{"disclosure", map[string]string{
		"en":      "Does it identify funding and conflicts of interest?",
		"zh-Hans": "是否说明了资金来源与利益冲突？",
		"zh-Hant": "是否說明了資金來源與利益衝突？"},
		"HealthNewsReview #6 (release version)",
		func(d *facts.Document) bool {
			return reportsResearch(d) || d.Commerce || hasAny(d, "effect", "antiaging", "miracle")
		}, nil},
	{"limits", map[string]string{
		"en":      "Does it say what the evidence cannot show (limits, caveats, or why a claim does not hold)?",
		"zh-Hans": "是否说明了证据的局限（研究局限、注意事项，或某种说法为何站不住）？",
		"zh-Hant": "是否說明了證據的侷限（研究限制、注意事項，或某種說法為何站不住）？"},
		"HealthNewsReview #4 (quality of the evidence)",
		func(d *facts.Document) bool {
			return reportsResearch(d) || hasAny(d, "effect", "antiaging", "miracle")
		},
		func(d *facts.Document) bool {
			return d.Limitations || d.Critical || hasAny(d, "species_caveat", "causal_caveat", "peer_review_caveat")
		}},
	{"promotion", map[string]string{
		"en":      "Is it free of sales pitches and unapproved therapies offered as available?",
		"zh-Hans": "是否没有推销内容，也没有把未获批疗法说成可以获得？",
		"zh-Hant": "是否沒有推銷內容，也沒有把未獲批療法說成可以獲得？"},
		"HealthNewsReview #8 (availability); China's Advertising Law art. 19", always,
		func(d *facts.Document) bool { return !d.Commerce }},
}

// Compute scores an article from its facts and its (suppressed, filtered)
// findings.
func Compute(d *facts.Document, findings []rule.Finding, locale string) Result {
	var t Tally
	for _, f := range findings {
		t.Add(f)
	}
	return t.Result(d, locale)
}

// Tally is what the score needs of an article's findings: per category,
// how many count and how much they weigh. A caller that prints findings as
// they are found (a one-line file with millions) adds them one by one
// instead of keeping them.
type Tally struct {
	// The tally holds one entry per category seen, in the order first
	// seen: an article's findings fall in a handful of categories, so a
	// short scan beats two maps made per file. The first few are held in
	// the tally itself (growing a list from nothing allocated up to four
	// times per file), the rest (rules of the user's own categories) in
	// more.
	first [categoryRoom]categoryTally
	n     int // entries of first in use
	more  []categoryTally
}

// categoryRoom is how many categories a tally holds without allocating:
// every built-in category (nine) and a few more.
const categoryRoom = 12

type categoryTally struct {
	category string
	count    int
	weight   float64
}

// of returns the tally of a category (nil: no finding of it counted).
func (t *Tally) of(category string) *categoryTally {
	for i := range t.first[:t.n] {
		if t.first[i].category == category {
			return &t.first[i]
		}
	}
	for i := range t.more {
		if t.more[i].category == category {
			return &t.more[i]
		}
	}
	return nil
}

// add starts the tally of a category.
func (t *Tally) add(category string) *categoryTally {
	if t.n < len(t.first) {
		t.first[t.n] = categoryTally{category: category}
		t.n++
		return &t.first[t.n-1]
	}
	t.more = append(t.more, categoryTally{category: category})
	return &t.more[len(t.more)-1]
}

// Add counts a finding.
func (t *Tally) Add(f rule.Finding) {
	w := Weight(f)
	if w <= 0 {
		return
	}
	c := t.of(f.Rule.Category)
	if c == nil {
		c = t.add(f.Rule.Category)
	}
	c.count++
	c.weight += w
}

// Result scores an article from its facts and the findings added.
func (t *Tally) Result(d *facts.Document, locale string) Result {
	res := Result{Criteria: make([]Criterion, 0, len(criteria))}
	applicable, logSum := 0, 0.0
	for _, c := range criteria {
		var weight float64
		cr := Criterion{ID: c.category, Question: question(c, locale), Applicable: c.applies(d)}
		if ct := t.of(c.category); ct != nil {
			cr.Findings, weight = ct.count, ct.weight
		}
		if cr.Applicable {
			applicable++
			if c.met != nil {
				met := c.met(d)
				cr.Satisfied = met && cr.Findings == 0
				if met {
					cr.Earned = 1 / (1 + 2*weight)
				}
			} else {
				cr.Satisfied = cr.Findings == 0
				cr.Earned = 1 / (1 + 2*weight)
			}
			logSum += math.Log(max(cr.Earned, floor))
		}
		res.Criteria = append(res.Criteria, cr)
	}
	res.Value = 100
	if applicable > 0 {
		res.Value = int(math.Round(100 * math.Exp(logSum/float64(applicable))))
	}
	return res
}

// floor is the least a criterion counts for in the geometric mean, so that
// one failed criterion lowers the score without zeroing it.
const floor = 0.2

// Weight is how much a finding counts against its criterion: an error 1,
// a warning ½, an info finding nothing; half that when the words are
// someone else's (quoted, reported, asked) or stand in a caption or a
// quotation block rather than the writer's own text.
func Weight(f rule.Finding) float64 {
	var w float64
	switch {
	case f.Rule.Severity >= rule.Error:
		w = 1
	case f.Rule.Severity >= rule.Warning:
		w = 0.5
	default:
		return 0
	}
	if f.Voice != "" && f.Voice != facts.VoiceWriter || f.Role == facts.RoleCaption || f.Role == facts.RoleQuote {
		w /= 2
	}
	return w
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

// AUC is the area under the ROC curve of a score separating two groups:
// the chance that an article of the first group (careful) scores above
// one of the second (hyped), ties counting half. 0.5 is chance, 1 a
// perfect ranking.
func AUC(first, second []int) float64 {
	if len(first) == 0 || len(second) == 0 {
		return math.NaN()
	}
	wins := 0.0
	for _, a := range first {
		for _, b := range second {
			switch {
			case a > b:
				wins++
			case a == b:
				wins += 0.5
			}
		}
	}
	return wins / float64(len(first)*len(second))
}
