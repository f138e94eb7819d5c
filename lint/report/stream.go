package report

import (
	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/score"
)

// FileStream writes one file's findings as lint.Linter.LintStream finds
// them, keeping what the summary, the score and the exit status need
// (counts, the worst severity), not the findings: a 50 MB file on one line
// has millions.
//
// The formats that list findings one after another take a file this way
// (text, GitHub, rdjson, rdjsonl, GitLab, Checkstyle, statistics); JSON
// and SARIF need the file's language and evidence card around its
// findings, and JUnit a suite's counts before its test cases, so they take
// the file whole.
type FileStream struct {
	w        partWriter
	file     File // the path, and the document once the first findings come
	started  bool
	locale   string
	messages map[messageKey]string
	worst    rule.Severity
	tally    score.Tally // what the score needs of the findings
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

// StreamFile starts the report on w of one file whose findings come part
// by part (see FileStream.Emit); End finishes it. It returns nil when w's
// format takes files whole.
func StreamFile(w Writer, path, locale string) *FileStream {
	pw, ok := w.(partWriter)
	if !ok {
		return nil
	}
	return &FileStream{w: pw, file: File{Path: path}, locale: locale, messages: map[messageKey]string{}}
}

// Stream starts the text report of one file whose findings come part by
// part.
func (t *TextWriter) Stream(path, locale string) *FileStream { return StreamFile(t, path, locale) }

// Emit writes a part's findings (a lint.Emit).
func (s *FileStream) Emit(doc *document.Document, found []rule.Finding) error {
	if s.file.doc == nil {
		s.file.doc = doc.Lines()
	}
	if err := s.begin(); err != nil {
		return err
	}
	for _, x := range found {
		if err := s.w.finding(&s.file, newFinding(s.file.doc, x, s.locale, s.messages)); err != nil {
			return err
		}
		s.worst = max(s.worst, x.Rule.Severity)
		s.tally.Add(x)
	}
	return nil
}

func (s *FileStream) begin() error {
	if s.started {
		return nil
	}
	s.started = true
	return s.w.beginFile(&s.file)
}

// End finishes the file's report from its result (Streamed) and returns
// the file without its findings, which were written.
func (s *FileStream) End(res *lint.Result) File {
	f := s.file
	f.Language = res.Facts.Language
	sc := s.tally.Result(res.Facts, s.locale)
	f.Score, f.Criteria = &sc.Value, sc.Criteria
	f.Studies, f.Claims = []Study{}, []Claim{}
	if s.begin() == nil {
		s.w.endFile(f) // a write error is the writer's, returned by Close
	}
	return f
}

// AtLeast reports whether a finding written was at least as severe as min.
func (s *FileStream) AtLeast(min rule.Severity) bool { return s.worst >= min && s.worst > 0 }

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
