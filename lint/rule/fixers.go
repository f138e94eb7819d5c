package rule

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// A fixer proposes the edit for a rule whose fix cannot be written as a
// term mapping (`fix: NAME` in the rule file): it gets the finding's
// sentence and the document's facts.
type fixer func(doc *facts.Document, s *facts.Sentence) (Fix, bool)

// fixers are the named fixers rules may use.
var fixers = map[string]fixer{
	// name-model adds the animal (or the cells) the article's evidence
	// comes from to a headline that leaves it out: "…（小鼠实验）", "… in mice".
	"name-model": nameModel,
}

// FixerNames lists the fixers a rule may name, for error messages.
func FixerNames() []string {
	var names []string
	for n := range fixers {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func nameModel(doc *facts.Document, s *facts.Sentence) (Fix, bool) {
	text := string(doc.Doc.Source[s.Span.Start:s.Span.End])
	end := s.Span.Start + len(strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}))
	if end == s.Span.Start {
		return Fix{}, false
	}
	han := hasHan(text)
	model := modelTerm(doc, han)
	var insert string
	switch {
	case han && model == "":
		insert = "（动物实验）"
	case han:
		insert = "（" + model + "实验）"
	case model == "":
		insert = " in animals"
	default:
		insert = " in " + model
	}
	if han && zhconv.FoldString(text) != text { // a Traditional headline
		insert = zhconv.ToTaiwan(insert)
	}
	return Fix{Span: document.Span{Start: end, End: end}, Replacement: insert}, true
}

// modelTerm is the first animal (else cell) term of the article written in
// the headline's script: Han or Latin.
func modelTerm(doc *facts.Document, han bool) string {
	for _, class := range []string{"animal", "invitro"} {
		id := doc.Lex.ClassID(class)
		for _, b := range doc.Blocks {
			for _, s := range b.Sentences {
				for _, h := range s.Hits {
					if h.Class != id {
						continue
					}
					term := doc.Lex.Term(h)
					r, _ := utf8.DecodeRuneInString(term)
					if term != "" && unicode.Is(unicode.Han, r) == han {
						return term
					}
				}
			}
		}
	}
	return ""
}
