package rule

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/yamlfile"
)

// houseRule is a house rule of the given scope and report (none: "") whose
// condition is when, its when: key on line 5.
func houseRule(scope, report, when string) string {
	r := "rules:\n  - id: mine\n    category: house-style\n    severity: warning\n    when: " + when + "\n    scope: " + scope + "\n"
	if report != "" {
		r += "    report: " + report + "\n"
	}
	return r + "    message: {en: \"x\"}\n"
}

func loadHouse(t *testing.T, src string) error {
	t.Helper()
	p, parseErr := ParseHouseFiles([]yamlfile.File{{Name: "house/mine.yaml", Data: []byte(src)}})
	_, err := p.Bind(testLexicon(t))
	return errors.Join(parseErr, err) // as lint.New reports them
}

// Each environment names only what exists at its scope: reading a name of
// another scope's is a load error at the condition's line, not a blank
// that never fires (sentence at paragraph scope) or a nil that fails on
// every file at run time (hit without report:).
func TestConditionReadsOnlyItsScope(t *testing.T) {
	cases := []struct {
		scope, report, when, want string
	}{
		{"paragraph", "", `"sentence.isLead"`,
			"house/mine.yaml:5: rule mine: sentence does not exist in a paragraph rule, which sees paragraph and doc (1:1)"},
		{"document", "", `"has(sentence, \"hype\") || paragraph.isLead"`,
			"house/mine.yaml:5: rule mine: sentence does not exist in a document rule, which sees doc (1:5)"},
		{"sentence", "", `"!hit.negated"`,
			"house/mine.yaml:5: rule mine: hit exists only in a rule with report: (a class whose hits are reported one by one, or claim); this rule is evaluated once per sentence (1:2)"},
		{"heading", "", `"hit.hedged"`,
			"house/mine.yaml:5: rule mine: hit exists only in a rule with report:"},
		{"heading", "", `"sentence.isHeadline && study.index > 0"`,
			"house/mine.yaml:5: rule mine: study does not exist in a heading rule without report:, which sees sentence, paragraph, doc and claim (1:24)"},
		{"heading", "", `"sentence.isLead || paragraph.isLead"`,
			"house/mine.yaml:5: rule mine: paragraph.isLead is never true in a heading rule: a heading is never the standfirst (1:20)"},
		{"heading", "", `"sentence.isLead || paragraph.isLead"`,
			"house/mine.yaml:5: rule mine: sentence.isLead is never true in a heading rule: a heading is never the standfirst (1:1)"},
		{"heading", "hype", `"!hit.negated && sentence.opensStudy"`,
			"house/mine.yaml:5: rule mine: sentence.opensStudy is never true in a heading rule: studies open in body text, not in headings"},
		{"paragraph", "", `"study.index > 0 || claim.class == \"hype\""`,
			"house/mine.yaml:5: rule mine: study does not exist in a paragraph rule, which sees paragraph and doc (1:1)"},
	}
	for _, c := range cases {
		err := loadHouse(t, houseRule(c.scope, c.report, c.when))
		require.Error(t, err, c.when)
		assert.Contains(t, err.Error(), c.want)
	}
	// The claim.class mistake of the last case is reported too.
	err := loadHouse(t, houseRule("paragraph", "", `"study.index > 0 || claim.class == \"hype\""`))
	assert.Contains(t, err.Error(), "rule mine: claim does not exist in a paragraph rule")

	for _, ok := range []struct{ scope, report, when string }{
		{"sentence", "hype", `"!hit.negated && sentence.isLead && study.index == 0"`},
		{"sentence", "claim", `"hit.specific && claim.strength == \"can\""`},
		{"heading", "", `"sentence.isHeadline && paragraph.index == 0"`},
		{"paragraph", "", `"paragraph.isLead && has(paragraph, \"hype\") && doc.critical"`},
		{"document", "", `"count(doc, \"hype\") > 1 && doc.language == \"en\""`},
	} {
		assert.NoError(t, loadHouse(t, houseRule(ok.scope, ok.report, ok.when)), ok.when)
	}
}

// A string fact compared with a value it never takes is a load error that
// names the values and the nearest one, whichever side the fact is on and
// in lists (in [...]).
func TestComparisonWithUnknownValue(t *testing.T) {
	cases := []struct {
		report, when, want string
	}{
		{"", `"doc.design == \"rtc\""`,
			`house/mine.yaml:5: rule mine: doc.design is never "rtc": it is one of rct, observational, preclinical, trial, unknown (did you mean "rct"?) (1:15)`},
		{"", `"sentence.kind == \"titel\""`,
			`house/mine.yaml:5: rule mine: sentence.kind is never "titel": it is one of paragraph, title, heading, list-item, table-row, quote (did you mean "title"?) (1:18)`},
		{"", `"\"titel\" != sentence.kind"`,
			`house/mine.yaml:5: rule mine: sentence.kind is never "titel"`},
		{"", `"sentence.role in [\"body\", \"standfrist\"]"`,
			`house/mine.yaml:5: rule mine: sentence.role is never "standfrist": it is one of headline, standfirst,`},
		{"", `"!(doc.language in [\"zh-Hans\", \"zh-TW\"])"`,
			`house/mine.yaml:5: rule mine: doc.language is never "zh-TW": it is one of en, zh-Hans, zh-Hant`},
		{"claim", `"claim.strength in [\"direct\", \"mays\"]"`,
			`rule mine: claim.strength is never "mays": it is one of direct, can, may, promise, question, negated, none (did you mean "may"?)`},
		{"hype", `"hit.voice == \"quote\""`,
			`rule mine: hit.voice is never "quote": it is one of writer, quoted, reported, posed, distanced (did you mean "quoted"?)`},
		{"", `"study.population == \"humans\""`,
			`rule mine: study.population is never "humans": it is one of people, animals, cells, unknown, none`},
		{"hype", `"hit.class == \"hyp\""`,
			`house/mine.yaml:5: rule mine: hit.class: no lexicon class named "hyp" (did you mean "hype"?) (1:14)`},
		{"claim", `"claim.class in [\"hype\", \"hipe\"]"`,
			`house/mine.yaml:5: rule mine: claim.class: no lexicon class named "hipe" (did you mean "hype"?) (1:25)`},
		{"", `"has(sentence, \"hipe\")"`,
			`house/mine.yaml:5: rule mine: has(): no lexicon class named "hipe" (did you mean "hype"?) (1:15)`},
	}
	for _, c := range cases {
		err := loadHouse(t, houseRule("sentence", c.report, c.when))
		require.Error(t, err, c.when)
		assert.Contains(t, err.Error(), c.want)
	}
	// Values a fact takes, but not where the scope's rules run.
	for _, c := range []struct{ scope, when, want string }{
		{"paragraph", `"paragraph.kind == \"title\""`,
			`house/mine.yaml:5: rule mine: paragraph.kind is never "title" in a paragraph rule: there it is one of paragraph, list-item, table-row, quote (1:19)`},
		{"paragraph", `"paragraph.role in [\"body\", \"heading\"]"`,
			`rule mine: paragraph.role is never "heading" in a paragraph rule: there it is one of standfirst, body, list-item, table-row, quote, caption, limitations, advert`},
		{"heading", `"sentence.kind == \"list-item\""`,
			`rule mine: sentence.kind is never "list-item" in a heading rule: there it is one of title, heading`},
		{"sentence", `"sentence.role != \"references\""`,
			`rule mine: sentence.role is never "references" in a sentence rule: there it is one of headline, standfirst, heading, body, list-item, table-row, quote, caption, limitations, advert`},
	} {
		err := loadHouse(t, houseRule(c.scope, "", c.when))
		require.Error(t, err, c.when)
		assert.Contains(t, err.Error(), c.want)
	}
	for _, when := range []string{
		`"doc.design == \"rct\" && sentence.kind in [\"title\", \"heading\"] && claim.design != \"\""`,
		`"sentence.text == \"anything\" && claim.term != \"at all\""`,
		`"claim.class == \"hype\" && doc.script == \"Hant\" && study.openedBy == \"population\""`,
	} {
		assert.NoError(t, loadHouse(t, houseRule("sentence", "", when)), when)
	}
}

// Every mistake of a file is reported in one run: each rule's, and several
// in one rule (a bad severity does not hide a misspelt class).
func TestAllMistakesOfAFileInOneRun(t *testing.T) {
	src := `rules:
  - id: one
    category: house-style
    severity: warnin
    scope: sentence
    message: {en: "x"}
    when: |
      has(sentence, "hipe")
        && doc.design == "rtc"
  - id: two
    category: house-style
    severity: warning
    scope: paragraph
    message: {en: "x"}
    when: sentence.isLead
  - id: three
    category: house-style
    severity: warning
    scope: sentence
    message: {en: "x"}
    when: hit.negated
`
	err := loadHouse(t, src)
	require.Error(t, err)
	lines := regexp.MustCompile(`(?m)^house/mine\.yaml:\d+`).FindAllString(err.Error(), -1)
	assert.ElementsMatch(t, []string{"house/mine.yaml:4", "house/mine.yaml:8", "house/mine.yaml:9", "house/mine.yaml:15", "house/mine.yaml:21"}, lines, err.Error())
	assert.Contains(t, err.Error(), `house/mine.yaml:4: rule one: severity "warnin" is not error, warning or info`)
	assert.Contains(t, err.Error(), `house/mine.yaml:8: rule one: has(): no lexicon class named "hipe"`)
	assert.Contains(t, err.Error(), `house/mine.yaml:9: rule one: doc.design is never "rtc"`)
}

// A condition runs against its own scope's environment.
func TestEnvironmentPerScopeAtRunTime(t *testing.T) {
	lex := testLexicon(t)
	src := `rules:
  - id: para
    category: house-style
    severity: warning
    scope: paragraph
    message: {en: "x"}
    when: paragraph.index == 1 && doc.language == "zh-Hans"
  - id: docu
    category: house-style
    severity: warning
    scope: document
    message: {en: "x"}
    when: doc.design == "unknown"
  - id: sent
    category: house-style
    severity: warning
    scope: sentence
    message: {en: "x"}
    when: sentence.isTitle && claim.class == "" && study.population == "none"
  - id: hits
    category: house-style
    severity: warning
    scope: sentence
    report: hype
    message: {en: "x"}
    when: "!hit.negated && hit.class == \"hype\""
`
	p, err := ParseHouseFiles([]yamlfile.File{{Name: "h.yaml", Data: []byte(src)}})
	require.NoError(t, err)
	set, err := p.Bind(lex)
	require.NoError(t, err)
	src2 := "标题\n\n重磅消息"
	doc, err := document.ParseText("t.txt", []byte(src2))
	require.NoError(t, err)
	d := facts.NewAnalyzer(lex).Analyze(doc)
	found, err := set.Evaluate(d)
	require.NoError(t, err)
	var ids []string
	for _, f := range found {
		ids = append(ids, f.Rule.ID)
	}
	assert.ElementsMatch(t, []string{"para", "sent", "hits", "docu"}, ids)
}

// The sentence and heading environments are views of the evaluator's
// HitEnv: their fields must be a prefix of its fields, at the same offsets
// and of the same types.
func TestEnvironmentViews(t *testing.T) {
	hit := reflect.TypeFor[HitEnv]()
	for _, view := range []reflect.Type{reflect.TypeFor[SentenceEnv](), reflect.TypeFor[HeadingEnv]()} {
		require.LessOrEqual(t, view.Size(), hit.Size())
		for i := range view.NumField() {
			v, h := view.Field(i), hit.Field(i)
			assert.Equal(t, h.Name, v.Name, "%s field %d", view.Name(), i)
			assert.Equal(t, h.Type, v.Type, "%s.%s", view.Name(), v.Name)
			assert.Equal(t, h.Offset, v.Offset, "%s.%s", view.Name(), v.Name)
			assert.Equal(t, h.Tag, v.Tag, "%s.%s", view.Name(), v.Name)
		}
	}
	in := &HitEnv{Sentence: &facts.Sentence{Index: 3}, Study: &facts.Study{Index: 2}, Claim: &facts.Claim{Term: "x"}}
	var envs scopeEnvs
	s := envs.fill(sentenceEnv, in).(*SentenceEnv)
	assert.Equal(t, 3, s.Sentence.Index)
	assert.Equal(t, 2, s.Study.Index)
	assert.Equal(t, "x", envs.fill(headingEnv, in).(*HeadingEnv).Claim.Term)
}

// valuesAt agrees with the evaluator: over blocks of every kind and role,
// a rule that always holds reports only in blocks whose kind, and whose
// role but for those of the title and headings, valuesAt allows at its
// scope. (That only the title and headings have those roles is the facts'
// part: TestCorpusFactsTakeListedValues.)
func TestValuesAtMatchesWhereRulesRun(t *testing.T) {
	lex := testLexicon(t)
	doc := &facts.Document{Doc: &document.Document{Source: []byte("x")}, Lex: lex}
	for _, scope := range []Scope{SentenceScope, HeadingScope, ParagraphScope} {
		p, err := ParseHouseFiles([]yamlfile.File{{Name: "h.yaml", Data: []byte(houseRule(string(scope), "", "true"))}})
		require.NoError(t, err)
		set, err := p.Bind(lex)
		require.NoError(t, err)
		kinds := valuesAt(scope, "paragraph.kind", document.KindNames())
		roles := valuesAt(scope, "paragraph.role", facts.Roles)
		ran := 0
		for k := range document.KindNames() {
			for _, role := range facts.Roles {
				src := &document.Block{Kind: document.Kind(k)}
				b := &facts.Block{Kind: src.Kind.String(), Role: role, Source: src}
				b.Sentences = []*facts.Sentence{{Block: b, Kind: b.Kind, Role: role}}
				run := set.Start(doc)
				require.NoError(t, run.Blocks([]*facts.Block{b}))
				if len(run.Take()) == 0 {
					continue
				}
				ran++
				headline := role == facts.RoleHeadline || role == facts.RoleHeading
				assert.True(t, slices.Contains(kinds, b.Kind) && (headline || slices.Contains(roles, role)),
					"a %s rule ran in a %s block of role %s, which valuesAt rules out", scope, b.Kind, role)
			}
		}
		assert.Positive(t, ran, scope)
	}
}
