// Package report renders lint results: the text format for terminals and
// the JSON document for tools.
package report

import (
	"fmt"
	"sort"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/score"
)

// Finding is a finding resolved to positions and a message in one locale.
type Finding struct {
	Rule     string            `json:"rule"`
	Category string            `json:"category"`
	Severity string            `json:"severity"`
	Message  string            `json:"message"`
	Start    document.Position `json:"start"`
	End      document.Position `json:"end"`
	Excerpt  string            `json:"excerpt"`
	Role     string            `json:"role,omitempty"` // role of the block the finding is in: headline, standfirst, body, caption…

	severity rule.Severity
	span     document.Span // offsets in the decoded text (Start/End.Offset are file offsets)
	ruleRef  *rule.Rule
	related  *Related // the study a claim finding was judged against, if any
}

// Related is a finding's related location: the sentence that introduces
// the study the finding's claim rests on (SARIF relatedLocations).
type Related struct {
	Start, End document.Position
	Message    string // "study #2: animals, lab"
	span       document.Span
}

// File is the report for one input.
type File struct {
	Path     string            `json:"path"`
	Language string            `json:"language"`
	Findings []Finding         `json:"findings"`
	Score    *int              `json:"score,omitempty"`    // credibility, 0–100 (see package score)
	Criteria []score.Criterion `json:"criteria,omitempty"` // the score's breakdown
	// Studies are the studies the article reports; Claims the flagged
	// claims with the study each rests on (the evidence card, issue 15).
	Studies []Study `json:"studies,omitempty"`
	Claims  []Claim `json:"claims,omitempty"`
	Error   string  `json:"error,omitempty"`
	// Suppressed are the findings an inline comment or a baseline hides,
	// for the formats that carry them (SARIF); the others leave them out.
	Suppressed []Suppressed `json:"-"`

	doc *document.Document
}

// Study is one study of the evidence card.
type Study struct {
	Index      int               `json:"index"`
	Population string            `json:"population"` // people, animals, cells, unknown
	Design     string            `json:"design"`     // rct, trial, observational, review, case, lab, unknown
	Size       int               `json:"size,omitempty"`
	Sized      bool              `json:"sized"` // a number of people is given
	Venue      bool              `json:"venue"` // a journal, DOI, link or citation marker is given
	Intervened bool              `json:"intervened"`
	Start      document.Position `json:"start"` // the sentence that introduces it
	End        document.Position `json:"end"`
}

// Claim is one flagged claim of the evidence card: its term, how it is put
// and the study it rests on (0: none).
type Claim struct {
	Rule     string            `json:"rule"`
	Term     string            `json:"term"`
	Subject  string            `json:"subject"`
	Strength string            `json:"strength"`
	Voice    string            `json:"voice"`
	Evidence string            `json:"evidence"`
	Study    int               `json:"study"`
	Start    document.Position `json:"start"`
	End      document.Position `json:"end"`
}

// Suppressed is a hidden finding and what hid it.
type Suppressed struct {
	Finding
	Kind          string // "inSource" (a comment in the article) or "external" (a baseline), as SARIF names them
	Justification string // the comment's reason, or which baseline
}

// Kinds of suppression.
const (
	InSource = "inSource"
	External = "external"
)

// NewFile resolves a lint result for reporting.
func NewFile(path string, res *lint.Result, locale string) File {
	f := File{Path: path, Language: res.Facts.Language, Findings: []Finding{}, doc: res.Doc.Lines()}
	for _, x := range res.Findings {
		f.Findings = append(f.Findings, newFinding(res.Doc, x, locale))
	}
	for _, h := range res.Suppressed {
		f.Suppressed = append(f.Suppressed, Suppressed{newFinding(res.Doc, h.Finding, locale), InSource, h.Reason})
	}
	f.Studies, f.Claims = evidence(res)
	// The score rates the article itself: findings hidden later by a
	// baseline or --diff still count.
	s := score.Compute(res.Facts, res.Findings, locale)
	f.Score, f.Criteria = &s.Value, s.Criteria
	return f
}

// newFinding resolves positions: line and column on the decoded text,
// offsets in the file's own bytes.
func newFinding(doc *document.Document, x rule.Finding, locale string) Finding {
	start, end := doc.Position(x.Span.Start), doc.Position(x.Span.End)
	start.Offset, end.Offset = doc.FileOffset(x.Span.Start), doc.FileOffset(x.Span.End)
	var related *Related
	if st := x.Study; st != nil {
		rs, re := doc.Position(st.Span.Start), doc.Position(st.Span.End)
		rs.Offset, re.Offset = doc.FileOffset(st.Span.Start), doc.FileOffset(st.Span.End)
		related = &Related{Start: rs, End: re, span: st.Span,
			Message: fmt.Sprintf("study #%d: %s, %s", st.Index, st.Population, st.Design)}
	}
	return Finding{
		Rule:     x.Rule.ID,
		Category: x.Rule.Category,
		Severity: x.Rule.Severity.String(),
		Message:  x.Message(locale),
		Start:    start,
		End:      end,
		Excerpt:  excerpt(doc, x),
		Role:     x.Role,
		severity: x.Rule.Severity,
		span:     x.Span,
		ruleRef:  x.Rule,
		related:  related,
	}
}

// excerpt is the source text of a finding's span, shared with the
// finding's term when that is the same text (a long book has hundreds of
// thousands of findings).
func excerpt(doc *document.Document, x rule.Finding) string {
	src := doc.Source[x.Span.Start:x.Span.End]
	if string(src) == x.Term {
		return x.Term
	}
	return string(src)
}

// docURL is the finding's rule documentation, or "".
func (f Finding) docURL() string {
	if f.ruleRef == nil {
		return ""
	}
	return f.ruleRef.DocURL
}

// Span returns the finding's offsets in the decoded text.
func (f Finding) Span() document.Span { return f.span }

// Doc returns the parsed document behind a file's report (nil for a file
// that could not be read).
func (f File) Doc() *document.Document { return f.doc }

// ErrorFile is the report for an input that could not be linted.
func ErrorFile(path string, err error) File {
	return File{Path: path, Findings: []Finding{}, Error: err.Error()}
}

// Counts tallies findings by severity.
type Counts struct {
	Error, Warning, Info, Files, Failed int
}

// Count tallies the findings of a run.
func Count(files []File) Counts {
	var c Counts
	for _, f := range files {
		c.add(f)
	}
	return c
}

func (c *Counts) add(f File) {
	c.Files++
	if f.Error != "" {
		c.Failed++
	}
	for _, x := range f.Findings {
		switch x.severity {
		case rule.Error:
			c.Error++
		case rule.Warning:
			c.Warning++
		default:
			c.Info++
		}
	}
}

// AtLeast reports whether any finding has at least severity min.
func AtLeast(files []File, min rule.Severity) bool {
	for _, f := range files {
		if f.AtLeast(min) {
			return true
		}
	}
	return false
}

// AtLeast reports whether any of the file's findings has at least severity min.
func (f File) AtLeast(min rule.Severity) bool {
	for _, x := range f.Findings {
		if x.severity >= min {
			return true
		}
	}
	return false
}

// evidence lists the studies of a result and the claims its findings
// flagged (a claim inside a finding's span of a rule that judged a study).
func evidence(res *lint.Result) ([]Study, []Claim) {
	doc := res.Doc
	pos := func(sp document.Span) (document.Position, document.Position) {
		a, b := doc.Position(sp.Start), doc.Position(sp.End)
		a.Offset, b.Offset = doc.FileOffset(sp.Start), doc.FileOffset(sp.End)
		return a, b
	}
	var studies []Study
	for _, st := range res.Facts.Studies {
		a, b := pos(st.Span)
		studies = append(studies, Study{Index: st.Index, Population: st.Population, Design: st.Design, Size: st.Size,
			Sized: st.Sized, Venue: st.Venue, Intervened: st.Intervened, Start: a, End: b})
	}
	var sentences []*facts.Sentence // in order of position: a finding finds its sentences by search
	for _, b := range res.Facts.Blocks {
		sentences = append(sentences, b.Sentences...)
	}
	var claims []Claim
	for _, f := range res.Findings {
		if f.Study == nil {
			continue
		}
		i := sort.Search(len(sentences), func(i int) bool { return sentences[i].Span.End > f.Span.Start })
		for ; i < len(sentences) && sentences[i].Span.Start < f.Span.End; i++ {
			for _, c := range sentences[i].Claims {
				if c.Study != f.Study || c.Span.Start < f.Span.Start || c.Span.End > f.Span.End {
					continue
				}
				a, e := pos(c.Span)
				claims = append(claims, Claim{Rule: f.Rule.ID, Term: c.Term, Subject: c.Subject, Strength: c.Strength,
					Voice: c.Voice, Evidence: c.Evidence, Study: c.Study.Index, Start: a, End: e})
				break
			}
		}
	}
	return studies, claims
}
