package lsp

import (
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/rule"
)

// Location is a range in a document.
type Location struct {
	URI   string `json:"uri"`
	Range Range  `json:"range"`
}

// RelatedInformation points from a diagnostic to another place that
// explains it: for a claim rule, the study the claim was judged against.
type RelatedInformation struct {
	Location Location `json:"location"`
	Message  string   `json:"message"`
}

// related is the diagnostic's related information: the span of the study a
// claim rule's finding carries, with a message describing that study from
// the evidence card (nil for findings that carry none).
func (s *server) related(d *document, f rule.Finding, card *evidence.Card) []RelatedInformation {
	if f.Study == nil {
		return nil
	}
	st := card.Study(f.Study)
	if st == nil {
		st = &evidence.Study{Study: f.Study}
	}
	return []RelatedInformation{{
		Location: Location{URI: d.uri, Range: d.lines.rangeOf(f.Study.Span.Start, f.Study.Span.End, s.encoding)},
		Message:  evidence.Related(st, s.locale),
	}}
}
