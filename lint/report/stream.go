package report

import (
	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/score"
)

// FileStream writes one file's findings in the text format as
// lint.Linter.LintStream finds them, keeping what the summary, the score
// and the exit status need (counts, the worst severity), not the findings:
// a 50 MB file on one line has millions.
type FileStream struct {
	t        *TextWriter
	file     File // the path, and the document once the first findings come
	locale   string
	messages map[messageKey]string
	worst    rule.Severity
	tally    score.Tally // what the score needs of the findings
}

// Stream starts the report of one file whose findings come part by part
// (see FileStream.Emit); End finishes it.
func (t *TextWriter) Stream(path, locale string) *FileStream {
	return &FileStream{t: t, file: File{Path: path}, locale: locale, messages: map[messageKey]string{}}
}

// Emit prints a part's findings (a lint.Emit).
func (s *FileStream) Emit(doc *document.Document, found []rule.Finding) error {
	if s.file.doc == nil {
		s.file.doc = doc.Lines()
	}
	for _, x := range found {
		s.t.p.finding(s.file, newFinding(s.file.doc, x, s.locale, s.messages))
		s.t.counts.addSeverity(x.Rule.Severity)
		s.worst = max(s.worst, x.Rule.Severity)
		s.tally.Add(x)
	}
	return s.t.p.err
}

// End finishes the file's report from its result (Streamed) and returns
// the file without its findings, which were printed.
func (s *FileStream) End(res *lint.Result) File {
	f := s.file
	f.Language = res.Facts.Language
	sc := s.tally.Result(res.Facts, s.locale)
	f.Score, f.Criteria = &sc.Value, sc.Criteria
	s.t.counts.Files++
	s.t.scores = append(s.t.scores, scoreLine(f, s.t.p.opt.Locale))
	s.t.flush()
	return f
}

// AtLeast reports whether a finding printed was at least as severe as min.
func (s *FileStream) AtLeast(min rule.Severity) bool { return s.worst >= min && s.worst > 0 }
