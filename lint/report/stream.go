package report

import (
	"iter"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/score"
)

// FileStream writes one file's findings as lint.Linter.LintStream finds
// them, keeping what the summary, the score and the exit status need
// (counts, the worst severity), not the findings: a 50 MB file on one line
// has millions.
//
// Every format takes a file this way; JUnit, which needs a suite's counts
// before its test cases, has them held compactly until the end (see
// countingWriter). JSON and SARIF take the evidence card part
// by part too (lint.Linter.LintParts): the related study of each finding
// as it is written, and JSON the flagged claims, which it writes after the
// findings.
type FileStream struct {
	w       partWriter
	counted countingWriter // instead of w: the findings are held until End
	held    heldFindings
	file    File // the path, and the document once the first findings come
	started bool
	locale  string
	worst   rule.Severity
	tally   score.Tally    // what the score needs of the findings
	card    *evidence.Card // the card's studies, when the format shows it
}

// partWriter is a Writer that can take a file's findings part by part.
type partWriter interface {
	// beginFile starts a file's report.
	beginFile(f *File) error
	// finding writes one finding of the file.
	finding(f *File, x Finding) error
	// endFile ends it; f has no findings (they were written).
	endFile(f File) error
}

// countingWriter is a Writer that writes a file's findings only once it
// knows how many there are (JUnit: a suite's counts come before its test
// cases). A FileStream holds them for it as heldFindings, about a quarter
// of the memory of the findings resolved for the report, and resolves them
// one at a time as they are written.
type countingWriter interface {
	suite(f *File, n int, findings iter.Seq[Finding]) error
}

// claimWriter is a partWriter that shows the flagged claims of the
// evidence card (JSON), given one by one after the findings they follow.
type claimWriter interface {
	claim(f *File, c Claim) error
}

// StreamFile starts the report on w of one file whose findings come part
// by part (see FileStream.Emit); End finishes it. It returns nil when w's
// format takes files whole.
func StreamFile(w Writer, path, locale string) *FileStream {
	if pw, ok := w.(partWriter); ok {
		return &FileStream{w: pw, file: File{Path: path}, locale: locale}
	}
	if cw, ok := w.(countingWriter); ok {
		return &FileStream{counted: cw, file: File{Path: path}, locale: locale}
	}
	return nil
}

// Stream starts the text report of one file whose findings come part by
// part.
func (t *TextWriter) Stream(path, locale string) *FileStream { return StreamFile(t, path, locale) }

// Emit writes a part's findings (a lint.Emit).
func (s *FileStream) Emit(doc *document.Document, found []rule.Finding) error {
	if s.file.doc == nil {
		s.file.doc = doc.Lines()
	}
	return s.Part(found, nil)
}

// Begin starts the file's report once its document facts are final, with
// the studies of its evidence card when it was asked for (a lint.Parts).
func (s *FileStream) Begin(doc *document.Document, f *facts.Document, card *evidence.Card) error {
	s.file.doc = doc.Lines()
	s.file.Language = f.Language
	s.card = card
	return s.begin()
}

// Part writes a part's findings, and its flagged claims when the format
// shows them (a lint.Parts).
func (s *FileStream) Part(found []rule.Finding, claims []*evidence.Claim) error {
	if err := s.begin(); err != nil {
		return err
	}
	for _, x := range found {
		s.worst = max(s.worst, x.Rule.Severity)
		s.tally.Add(x)
		if s.counted != nil {
			s.held.add(x)
			continue
		}
		out := newFinding(s.file.doc, x, s.locale)
		if s.card != nil && x.Study != nil {
			out.Related = []Related{related(s.file.doc, s.card, x.Study, s.locale)}
		}
		if err := s.w.finding(&s.file, out); err != nil {
			return err
		}
	}
	cw, ok := s.w.(claimWriter)
	if !ok || s.card == nil {
		return nil
	}
	for _, c := range claims {
		if !c.Flagged() {
			continue
		}
		if err := cw.claim(&s.file, newClaim(s.file.doc, s.card, c, s.locale, nil, nil, nil)); err != nil {
			return err
		}
	}
	return nil
}

func (s *FileStream) begin() error {
	if s.started {
		return nil
	}
	s.started = true
	if s.counted != nil {
		return nil
	}
	return s.w.beginFile(&s.file)
}

// End finishes the file's report from its result (Streamed) and returns
// the file without its findings, claims and studies, which were written.
func (s *FileStream) End(res *lint.Result) File {
	f := s.file
	f.Language = res.Facts.Language
	sc := s.tally.Result(res.Facts, s.locale)
	f.Score, f.Criteria = &sc.Value, sc.Criteria
	f.Studies, f.Claims = []Study{}, []Claim{}
	if _, shows := s.w.(claimWriter); shows && s.card != nil {
		// Resolved one at a time as they are written: a book's studies
		// (tens of thousands) resolved first took tens of MB at the end.
		card, doc, locale := s.card, f.doc, s.locale
		f.studies = func(yield func(Study) bool) {
			for _, st := range card.Studies {
				if !yield(newStudy(doc, card, st, locale)) {
					return
				}
			}
		}
	}
	// A write error is the writer's, returned by Close.
	if s.counted != nil {
		s.counted.suite(&f, s.held.n, s.held.resolve(f.doc, s.locale))
		s.held = heldFindings{}
	} else if s.begin() == nil {
		s.w.endFile(f)
	}
	return f
}

// AtLeast reports whether a finding written was at least as severe as min.
func (s *FileStream) AtLeast(min rule.Severity) bool { return s.worst >= min && s.worst > 0 }

// heldFindings are a file's findings held for a countingWriter, in
// blocks (a growing slice copies itself at each doubling), with only what
// the report shows of them (not their fixes, related study or voice).
type heldFindings struct {
	blocks [][]heldFinding
	n      int
}

type heldFinding struct {
	rule             *rule.Rule
	span             document.Span
	term, suggestion string
	role             string
}

const heldBlock = 4096

func (h *heldFindings) add(x rule.Finding) {
	if h.n%heldBlock == 0 {
		h.blocks = append(h.blocks, make([]heldFinding, 0, heldBlock))
	}
	last := len(h.blocks) - 1
	h.blocks[last] = append(h.blocks[last], heldFinding{rule: x.Rule, span: x.Span, term: x.Term, suggestion: x.Suggestion, role: x.Role})
	h.n++
}

// resolve gives the findings held, in order, resolved for the report one
// at a time; each block is let go once it is given.
func (h *heldFindings) resolve(doc *document.Document, locale string) iter.Seq[Finding] {
	return func(yield func(Finding) bool) {
		for i, block := range h.blocks {
			h.blocks[i] = nil
			for _, x := range block {
				if !yield(newFinding(doc, rule.Finding{Rule: x.rule, Span: x.span, Term: x.term, Suggestion: x.suggestion, Role: x.role}, locale)) {
					return
				}
			}
		}
	}
}

// File writes a whole file through a part writer.
func writeParts(w partWriter, f File) error {
	if err := w.beginFile(&f); err != nil {
		return err
	}
	for _, x := range f.Findings {
		if err := w.finding(&f, x); err != nil {
			return err
		}
	}
	return w.endFile(f)
}
