package rule

import (
	"reflect"
	"slices"
	"strings"
	"unsafe"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
)

// The environments a condition sees, one type per scope, each naming only
// what exists there: a paragraph rule has no sentence, a rule without
// report: no hit, so that a condition reading them fails to load instead
// of reading a blank (never true) or a nil (an error on every file).
// README.md's environment tables are generated from these types (see
// EnvironmentDoc).

// HeadingEnv, SentenceEnv and HitEnv begin with the same fields in the
// same order, each the one before with more: the evaluator keeps one
// HitEnv and hands a heading or sentence rule a view of its first fields
// (see scopeEnvs.view), copying nothing per condition run.

// HeadingEnv is what a heading rule without report: sees, once per
// sentence of the title and the headings: no study (a study context holds
// body sentences only; a heading ends it).
type HeadingEnv struct {
	Sentence  *facts.Sentence `expr:"sentence"`
	Paragraph *facts.Block    `expr:"paragraph"`
	Doc       *facts.Document `expr:"doc"`
	Claim     *facts.Claim    `expr:"claim"` // the sentence's first claim, or a blank one (class "")
}

// SentenceEnv is what a sentence rule without report: sees, once per
// sentence (of the body, the title and the headings).
type SentenceEnv struct {
	Sentence  *facts.Sentence `expr:"sentence"`
	Paragraph *facts.Block    `expr:"paragraph"`
	Doc       *facts.Document `expr:"doc"`
	Claim     *facts.Claim    `expr:"claim"` // the sentence's first claim, or a blank one (class "")
	// Study is the sentence's study context: a blank one (index 0,
	// population "none") outside any.
	Study *facts.Study `expr:"study"`
}

// HitEnv is what a rule with report: sees, once per reported hit (report:
// CLASS) or claim (report: claim).
type HitEnv struct {
	Sentence  *facts.Sentence `expr:"sentence"`
	Paragraph *facts.Block    `expr:"paragraph"`
	Doc       *facts.Document `expr:"doc"`
	Claim     *facts.Claim    `expr:"claim"` // the claim of the hit, or a blank one
	// Study is the claim's study when it has one, else the sentence's
	// context.
	Study *facts.Study `expr:"study"`
	Hit   *facts.Hit   `expr:"hit"`
}

// ParagraphEnv is what a paragraph rule sees, once per body block.
type ParagraphEnv struct {
	Paragraph *facts.Block    `expr:"paragraph"`
	Doc       *facts.Document `expr:"doc"`
}

// DocumentEnv is what a document rule sees, once per document.
type DocumentEnv struct {
	Doc *facts.Document `expr:"doc"`
}

// envKind says which environment a rule's condition is compiled against.
type envKind uint8

const (
	sentenceEnv envKind = iota
	headingEnv
	hitEnv
	paragraphEnv
	documentEnv
)

// environment describes one environment type.
type environment struct {
	kind  envKind
	typ   reflect.Type
	zero  any      // for expr.Env
	rules string   // which rules see it, for messages and the README
	names []string // its top-level names, in field order
}

var environments = []environment{
	{sentenceEnv, reflect.TypeFor[SentenceEnv](), SentenceEnv{}, "a sentence rule without report:", nil},
	{headingEnv, reflect.TypeFor[HeadingEnv](), HeadingEnv{}, "a heading rule without report:", nil},
	{hitEnv, reflect.TypeFor[HitEnv](), HitEnv{}, "a rule with report: (per hit or claim)", nil},
	{paragraphEnv, reflect.TypeFor[ParagraphEnv](), ParagraphEnv{}, "a paragraph rule", nil},
	{documentEnv, reflect.TypeFor[DocumentEnv](), DocumentEnv{}, "a document rule", nil},
}

// exprFields maps each struct type the environments reach to its fields
// by expr name (doc.design: Document's "design" is Design).
var exprFields = map[reflect.Type]map[string]reflect.StructField{}

func init() {
	var index func(t reflect.Type)
	index = func(t reflect.Type) {
		if exprFields[t] != nil {
			return
		}
		exprFields[t] = map[string]reflect.StructField{}
		for f := range t.Fields() {
			tag := f.Tag.Get("expr")
			if tag == "" || tag == "-" {
				continue
			}
			exprFields[t][tag] = f
			if ft := indirect(f.Type); ft.Kind() == reflect.Struct {
				index(ft)
			}
		}
	}
	for i := range environments {
		env := &environments[i]
		index(env.typ)
		for f := range env.typ.Fields() {
			env.names = append(env.names, f.Tag.Get("expr"))
		}
	}
}

func indirect(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		return t.Elem()
	}
	return t
}

// neverAt are facts an environment has that never hold at a scope:
// reading them there is a load error, as reading a name the environment
// lacks is.
var neverAt = map[Scope]map[string]string{
	HeadingScope: {
		"sentence.isLead":     "a heading is never the standfirst",
		"paragraph.isLead":    "a heading is never the standfirst",
		"sentence.opensStudy": "studies open in body text, not in headings",
	},
}

// valuesAt narrows the values of a fact to those it takes where rules of
// the scope run (see evaluator): no rule runs in a block of an excluded
// role (facts.Excluded), paragraph rules skip the title and the headings,
// heading rules see nothing else.
func valuesAt(scope Scope, path string, values []string) []string {
	titleOrHeading := func(kind string) bool {
		return kind == document.Title.String() || kind == document.Heading.String()
	}
	role, kind := strings.HasSuffix(path, ".role"), strings.HasSuffix(path, ".kind")
	return slices.DeleteFunc(slices.Clone(values), func(v string) bool {
		switch {
		case role && facts.Excluded(v):
			return true
		case role && scope == ParagraphScope:
			return v == facts.RoleHeadline || v == facts.RoleHeading // the roles of the title and headings
		case kind && scope == ParagraphScope:
			return titleOrHeading(v)
		case kind && scope == HeadingScope:
			return !titleOrHeading(v)
		}
		return false
	})
}

// envOf is the environment of a rule of the given scope and report.
func envOf(scope Scope, report string) envKind {
	switch {
	case scope == ParagraphScope:
		return paragraphEnv
	case scope == DocumentScope:
		return documentEnv
	case report != "":
		return hitEnv
	case scope == HeadingScope:
		return headingEnv
	}
	return sentenceEnv
}

// notInScope explains why name, which another environment has, is not in
// env; "" when env has it or no environment does.
func notInScope(env environment, name string) string {
	if slices.Contains(env.names, name) {
		return ""
	}
	found := false
	for _, other := range environments {
		found = found || slices.Contains(other.names, name)
	}
	switch {
	case !found:
		return ""
	case name == "hit":
		return "hit exists only in a rule with report: (a class whose hits are reported one by one, or claim); " +
			"this rule is evaluated once per " + map[envKind]string{sentenceEnv: "sentence", headingEnv: "sentence", paragraphEnv: "paragraph", documentEnv: "document"}[env.kind]
	}
	names := env.names
	sees := names[len(names)-1]
	if len(names) > 1 {
		sees = strings.Join(names[:len(names)-1], ", ") + " and " + sees
	}
	return name + " does not exist in " + env.rules + ", which sees " + sees
}

// scopeEnvs holds the environments that are not views of HitEnv, for an
// evaluator.
type scopeEnvs struct {
	paragraph ParagraphEnv
	document  DocumentEnv
}

// fill returns the environment of the given kind, with the facts in scope:
// in itself for a rule with report:, a view of its first fields for a
// sentence or heading rule (unsafe.Pointer rule 1: the view's fields are a
// prefix of HitEnv's, which TestEnvironmentViews checks), the others
// filled from it (once per block or document).
func (s *scopeEnvs) fill(kind envKind, in *HitEnv) any {
	switch kind {
	case hitEnv:
		return in
	case sentenceEnv:
		return (*SentenceEnv)(unsafe.Pointer(in))
	case headingEnv:
		return (*HeadingEnv)(unsafe.Pointer(in))
	case paragraphEnv:
		s.paragraph = ParagraphEnv{Paragraph: in.Paragraph, Doc: in.Doc}
		return &s.paragraph
	}
	s.document = DocumentEnv{Doc: in.Doc}
	return &s.document
}
