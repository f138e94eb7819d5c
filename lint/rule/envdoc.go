package rule

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/hypelint/hypelint/lint/facts"
)

// EnvironmentDoc is the README's description of the condition
// environments: which names each scope sees, then every field with its
// type and, for a string fact, the values it takes. Names, types and
// values come from the environment types and facts.Enum; the meaning of
// each field from fieldDocs (a test requires one per field, and that
// README.md holds this text).
func EnvironmentDoc() string {
	var b strings.Builder
	b.WriteString("| scope | the condition sees | evaluated |\n|---|---|---|\n")
	for _, env := range environments {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", envScopes[env.kind], codeList(env.names), envWhen[env.kind])
	}
	for _, scope := range []Scope{HeadingScope} {
		var never []string
		for _, path := range slices.Sorted(maps.Keys(neverAt[scope])) {
			never = append(never, fmt.Sprintf("`%s` (%s)", path, neverAt[scope][path]))
		}
		fmt.Fprintf(&b, "\nA %s rule may not read these, which never hold there: %s.\n", scope, strings.Join(never, ", "))
	}
	var excluded []string
	for _, role := range facts.Roles {
		if facts.Excluded(role) {
			excluded = append(excluded, role)
		}
	}
	fmt.Fprintf(&b, "\nNo rule runs in a block of role %s, paragraph rules skip the title and the headings, and heading "+
		"rules see nothing else: comparing `sentence.role`, `paragraph.role`, `sentence.kind` or `paragraph.kind` with a value "+
		"they never take where the rule runs is a load error too.\n", codeList(excluded))
	b.WriteString("\n| name | values | what it is |\n|---|---|---|\n")
	for _, f := range envFields() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.path, f.values, fieldDocs[f.path])
	}
	return b.String()
}

var envScopes = map[envKind]string{
	sentenceEnv:  "`sentence`",
	headingEnv:   "`heading`",
	hitEnv:       "`sentence`, `heading` with `report:`",
	paragraphEnv: "`paragraph`",
	documentEnv:  "`document`",
}

var envWhen = map[envKind]string{
	sentenceEnv:  "once per sentence",
	headingEnv:   "once per sentence of the title and the headings",
	hitEnv:       "once per hit of the reported class, or per claim with `report: claim`",
	paragraphEnv: "once per body block (not the title, headings or excluded roles)",
	documentEnv:  "once per document; the finding sits on the title",
}

// envField is one field some environment has.
type envField struct {
	path   string // sentence.isLead
	values string // its type, or the values of a string fact
}

// envFields lists the fields of every environment once, in the order of
// the widest one (HitEnv): sentence, paragraph, doc, hit, study, claim.
func envFields() []envField {
	var out []envField
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for f := range t.Fields() {
			tag := f.Tag.Get("expr")
			if tag == "" || tag == "-" {
				continue
			}
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				walk(prefix+tag+".", ft)
				continue
			}
			out = append(out, envField{prefix + tag, valuesOf(t, f)})
		}
	}
	walk("", reflect.TypeFor[HitEnv]())
	return out
}

// valuesOf describes what a field holds.
func valuesOf(owner reflect.Type, f reflect.StructField) string {
	switch f.Type.Kind() {
	case reflect.Bool:
		return "true/false"
	case reflect.Int:
		return "number"
	case reflect.Slice:
		return "list of numbers"
	case reflect.String:
		values, isClass := facts.Enum(owner, f.Name)
		switch {
		case isClass:
			return "a lexicon class"
		case len(values) > 0:
			return codeList(values)
		}
		return "text"
	}
	return f.Type.String()
}

func codeList(names []string) string {
	return "`" + strings.Join(names, "`, `") + "`"
}

// fieldDocs says what each field of the environments is.
var fieldDocs = map[string]string{
	"sentence.text":                "the normalized text (NFKC, Simplified, lower case)",
	"sentence.kind":                "the kind of its block",
	"sentence.isTitle":             "in the title",
	"sentence.isHeading":           "in a heading other than the title",
	"sentence.isLead":              "in the standfirst (the first body paragraph, or the front matter description)",
	"sentence.index":               "position in the document, from 0",
	"sentence.negated":             "a negation applies to one of its claim terms",
	"sentence.distanced":           "one of its claim terms is put as somebody else's claim (所谓, 声称“…”, so-called)",
	"sentence.hedged":              "has a hedge (可能, may)",
	"sentence.caveat":              "states a limit of the evidence (初步, \"more research is needed\")",
	"sentence.inLimitations":       "inside a limitations section",
	"sentence.inEndMatter":         "after a block that opens the end matter (\"Notes to editors\", \"###\", \"Ends\", 责任编辑): organisations' boilerplate, which is not evidence about the study",
	"sentence.namesModel":          "names the animal or cells, or says the result is not yet shown in people",
	"sentence.sampleSize":          "gives a number of subjects",
	"sentence.humanSampleSize":     "gives a number of people studied",
	"sentence.sizeKnown":           "a size is given for its study: here, in the paragraph, before or after",
	"sentence.sampleSizes":         "the numbers of subjects it gives",
	"sentence.percents":            "the percentages it gives",
	"sentence.role":                "the role of its block (see \"Document roles\")",
	"sentence.isHeadline":          "in the article's one headline",
	"sentence.question":            "asks rather than asserts",
	"sentence.voice":               "whose words it is in: `quoted` mostly inside quotation marks, `reported` with a speech verb, `posed` a question (see \"Stance and voice\")",
	"sentence.critical":            "carries a critique cue (辟谣, 翻车, \"myth\", \"hype\")",
	"sentence.cites":               "carries a citation marker ([12], ［3］, ², (Smith et al., 2020))",
	"sentence.testimonial":         "a first-person story in quotation marks (“我…”, \"I look…\")",
	"sentence.opensStudy":          "opens a study context (一项研究…, \"a new trial\", another study, a change from people to animals or back); the study runs to the next one or the next heading",
	"sentence.improvementAfter":    "one of the next two sentences states an improvement, with no other person or study introduced first (a story told over sentences)",
	"paragraph.kind":               "the kind of the block (at sentence scope: the block the sentence is in)",
	"paragraph.index":              "position of the block in the document, from 0",
	"paragraph.isLead":             "the standfirst",
	"paragraph.inLimitations":      "inside a limitations section",
	"paragraph.inEndMatter":        "in the end matter (see `sentence.inEndMatter`)",
	"paragraph.sampleSize":         "one of its sentences gives a number of subjects",
	"paragraph.role":               "the block's role (see \"Document roles\")",
	"doc.language":                 "the article's language",
	"doc.script":                   "its script",
	"doc.evidence.human":           "the article reports a study in people (a planned or hypothetical human trial is not human evidence)",
	"doc.evidence.animal":          "it reports animal work",
	"doc.evidence.invitro":         "it reports cell or tissue work",
	"doc.evidence.preclinicalOnly": "animal or cell work, and no study in people",
	"doc.sampleSize":               "a number of subjects is given somewhere",
	"doc.disclosure":               "funding or conflicts of interest are disclosed",
	"doc.limitations":              "has a limitations section or a caveat",
	"doc.journal":                  "names a journal, or cites sources (a reference list, citation markers)",
	"doc.doi":                      "gives a DOI",
	"doc.commerce":                 "has a call to buy, a product notice or a price",
	"doc.offering":                 "the page sells something: a price, a product notice, or two signs of selling (calls to buy, a seller's own voice: 本院, 适应症, \"our clinic\"), without needing a buy verb",
	"doc.sentences":                "how many sentences it has",
	"doc.design":                   "the strongest design described (`trial`: not said to be randomised; `preclinical`: animal or cell work only)",
	"doc.critical":                 "the article argues against claims: a debunk, a fact-check, a critique of coverage (see \"Stance and voice\")",
	"doc.references":               "it has a reference list",
	"doc.reportsStudy":             "a study stands in the article's own account: not negated (没有任何研究证实…), and in a critical article not only in the words it examines",
	"hit.term":                     "the matched term, normalized",
	"hit.class":                    "the reported class",
	"hit.negated":                  "a negation shortly before the term, in the same clause",
	"hit.distanced":                "the term is held at a distance (所谓, so-called, a rebuttal after it, quoted after a distancing cue: 宣称可以“返老还童”); in a critical article or sentence, also any voice but the writer's",
	"hit.hedged":                   "a hedge shortly before the term, in the same clause (可能, may)",
	"hit.specific":                 "right after a demonstrative: about the study in hand (这项研究表明, \"the study\", \"this trial\")",
	"hit.voice":                    "whose words the term is in (see \"Stance and voice\")",
	"hit.quoted":                   "inside quotation marks",
	"hit.associated":               "the term's clause says it is an association or names the limits of causal inference (与…有关, \"linked to\", 不能证明因果)",
	"hit.numbered":                 "the term's clause gives a number",
	"study.index":                  "the study in scope, 1-based in the article's order; 0 outside any study. With `report:` it is the claim's study when the claim has one, else the sentence's context",
	"study.population":             "who it studied (`none` outside a study)",
	"study.human":                  "a sentence of it describes people studied",
	"study.animal":                 "… laboratory animals",
	"study.cells":                  "… cells, organoids, tissue",
	"study.design":                 "its design (`lab`: animals or cells, no design named; `none` outside a study)",
	"study.size":                   "the largest number of subjects given, 0 if none",
	"study.sized":                  "a number (or \"large\", \"thousands\") of people is given",
	"study.studies":                "for a review: how many studies it pooled",
	"study.venue":                  "a journal, DOI or link is named for it",
	"study.intervened":             "its subjects were given something (注射, 补充, \"were given\")",
	"study.preclinical":            "animals or cells, and no people",
	"study.sentences":              "how many sentences belong to it",
	"study.openedBy":               "what opened it: a mention (一项研究, another study, the first report of research) or a change of population (animal work after people, or back; empty outside a study)",
	"claim.term":                   "the claim term, normalized: with `report: claim` each claim of the sentence in turn, with `report: CLASS` the claim of the hit, otherwise the sentence's first claim; a blank claim (class \"\") when there is none",
	"claim.class":                  "its lexicon class",
	"claim.subject":                "who the effect is said of, from the clause around the term (or the sentence, for animals and cells)",
	"claim.strength":               "how it is put: `can` before the term (能, can), `may` an epistemic hedge (可能, may), `promise` a prospect (有望, 或将, \"could one day\", \"paves the way\"), `question` (…吗？, 如何才能…); modifiers after the term in the same clause count",
	"claim.voice":                  "the term's voice from the stance model (see \"Stance and voice\")",
	"claim.evidence":               "what the studies it rests on are: `preclinical` only animals or cells",
	"claim.summary":                "in a title, heading, lead outside any study or summary sentence (总之, \"In short\"): it rests on the studies of the article that intervened; any other claim on its own study context",
	"claim.inferred":               "the clause draws a conclusion from what the sentence said before it (等于…, 这意味着…, \"which means…\"), so a model named earlier in the sentence does not bound it",
	"claim.design":                 "the design its causal wording is judged against: its study's, or the article's for a summary or a claim outside any study; a comparison of groups of people resting on animal work counts as `observational` (empty for the blank claim)",
}
