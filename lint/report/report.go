// Package report renders lint results: the text format for terminals and
// the JSON document for tools.
package report

import (
	"iter"
	"sync"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/reuse"
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
	// Related is where the study a claim rule judged the claim against
	// is (see rule.Finding.Study); none for other rules.
	Related []Related `json:"related,omitempty"`
	// Fixes are suggested edits, best first (see rule.Fix).
	Fixes []Fix `json:"fixes,omitempty"`
	// Note advises the writer where no edit would do (see rule.Rule.Notes).
	Note string `json:"note,omitempty"`

	severity rule.Severity
	span     document.Span // offsets in the decoded text (Start/End.Offset are file offsets)
	ruleRef  *rule.Rule
	text     *findingText // the texts Rule to Message came from, with their JSON (nil: none)
}

// File is the report for one input.
type File struct {
	Path     string            `json:"path"`
	Language string            `json:"language"`
	Findings []Finding         `json:"findings"`
	Score    *int              `json:"score,omitempty"`    // credibility, 0–100 (see package score)
	Criteria []score.Criterion `json:"criteria,omitempty"` // the score's breakdown
	Studies  []Study           `json:"studies"`            // the evidence card: the studies reported...
	Claims   []Claim           `json:"claims"`             // ...and every claim, with the rules that flagged it
	Error    string            `json:"error,omitempty"`
	// Suppressed are the findings an inline comment or a baseline hides,
	// for the formats that carry them (SARIF); the others leave them out.
	Suppressed []Suppressed `json:"-"`

	doc *document.Document
	// studies, when set, gives the studies a streamed file writes instead
	// of Studies (see FileStream.End).
	studies iter.Seq[Study]
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

// NewFile resolves a lint result for reporting, with its evidence card as
// JSON and SARIF carry it: the studies, the flagged claims, and the related
// location of findings that carry a study. Unflagged claims are left out:
// they were two thirds of an archive's JSON and nobody reads them there.
func NewFile(path string, res *lint.Result, locale string) File {
	return newFileWithCard(path, res, locale, false)
}

// NewEvidenceFile is NewFile with every claim, flagged or not, for
// `hypelint evidence`, whose summary counts them all.
func NewEvidenceFile(path string, res *lint.Result, locale string) File {
	return newFileWithCard(path, res, locale, true)
}

func newFileWithCard(path string, res *lint.Result, locale string, allClaims bool) File {
	f := NewFileWithoutCard(path, res, locale)
	card := res.Card
	if card == nil {
		card = evidence.Build(res.Facts, res.Findings)
	}
	f.addEvidence(res.Doc, card, res.Findings, locale, allClaims)
	return f
}

// NewFileWithoutCard resolves a lint result without its evidence card, for
// the formats that show none (text, statistics, and the CI formats but
// JSON and SARIF): the card is a few per cent of an archive run.
func NewFileWithoutCard(path string, res *lint.Result, locale string) File {
	doc := res.Doc.Lines()
	f := File{Path: path, Language: res.Facts.Language, Findings: findingLists.get(len(res.Findings)), Studies: []Study{}, Claims: []Claim{},
		doc: doc}
	for _, x := range res.Findings {
		f.Findings = append(f.Findings, newFinding(doc, x, locale))
	}
	for _, h := range res.Suppressed {
		f.Suppressed = append(f.Suppressed, Suppressed{newFinding(doc, h.Finding, locale), InSource, h.Reason})
	}
	// The score rates the article itself: findings hidden later by a
	// baseline or --diff still count.
	s := score.Compute(res.Facts, res.Findings, locale)
	f.Score, f.Criteria = &s.Value, s.Criteria
	return f
}

// lists holds the lists of one kind Recycle gave back.
type lists[T any] struct{ given reuse.Slices[T] }

// maxPooledList is the largest list kept: a large file's lists go to the
// collector, not to every small file after it.
const maxPooledList = 4096

func newLists[T any]() *lists[T] { return &lists[T]{reuse.Slices[T]{Max: maxPooledList}} }

var (
	findingLists = newLists[Finding]()
	claimLists   = newLists[Claim]()
	studyLists   = newLists[Study]()
)

// get returns an empty, non-nil list with room for n values: one given
// back by Recycle when that is large enough, else a new one.
func (l *lists[T]) get(n int) []T { return l.given.Get(n) }

// put keeps list for get, holding on to none of its values.
func (l *lists[T]) put(list []T) {
	clear(list[:cap(list)])
	l.given.Put(list)
}

// Recycle gives the file's findings, claims and studies lists back for the
// next file's report, which then allocates none of its own. Call it only
// when nothing reads f's lists any more (the driver, once a writer that
// keeps nothing has written the file); f has none after it.
func (f *File) Recycle() {
	findingLists.put(f.Findings)
	claimLists.put(f.Claims)
	studyLists.put(f.Studies)
	f.Findings, f.Claims, f.Studies = nil, nil, nil
}

// newFinding resolves positions: line and column on the decoded text,
// offsets in the file's own bytes. Each position costs a binary search and
// a bounded scan (see Document.Position), so a run is linear in the text
// plus the findings, however long its lines.
//
// Findings of one rule on one term share their message (see
// findingMessage).
func newFinding(doc *document.Document, x rule.Finding, locale string) Finding {
	start, end := doc.Position(x.Span.Start), doc.Position(x.Span.End)
	t := findingMessage(x, locale)
	start.Offset, end.Offset = doc.FileOffset(x.Span.Start), doc.FileOffset(x.Span.End)
	return Finding{
		Rule:     t.rule,
		Category: t.category,
		Severity: t.severity,
		Message:  t.message,
		Start:    start,
		End:      end,
		Excerpt:  excerpt(doc, x),
		Role:     x.Role,
		Fixes:    newFixes(doc, x.Fixes),
		Note:     x.Rule.NoteIn(locale),
		severity: x.Rule.Severity,
		span:     x.Span,
		ruleRef:  x.Rule,
		text:     t,
	}
}

// Fix is a suggested edit resolved to positions: replace what lies
// between Span's start and end by Replacement.
type Fix struct {
	Span        FixSpan `json:"span"`
	Replacement string  `json:"replacement"`
	// Safe fixes are pure term swaps, which `hypelint --fix` applies.
	Safe bool `json:"safe"`

	span document.Span // offsets in the decoded text
}

// FixSpan is where a fix applies.
type FixSpan struct {
	Start document.Position `json:"start"`
	End   document.Position `json:"end"`
}

// DecodedSpan returns the fix's offsets in the decoded text.
func (x Fix) DecodedSpan() document.Span { return x.span }

func newFixes(doc *document.Document, fixes []rule.Fix) []Fix {
	var out []Fix
	for _, x := range fixes {
		start, end := doc.Position(x.Span.Start), doc.Position(x.Span.End)
		start.Offset, end.Offset = doc.FileOffset(x.Span.Start), doc.FileOffset(x.Span.End)
		out = append(out, Fix{Span: FixSpan{start, end}, Replacement: x.Replacement, Safe: x.Safe, span: x.Span})
	}
	return out
}

// messages holds finding messages across the files of a run, which share
// a few hundred rules and terms: a one-line file of 50 MB has millions of
// findings, and a message each was a third of what they held; composing
// them again for each file, in a map made for each file, was a tenth of
// building a file's report. The key is everything a message is made of.
// Past maxMessages entries (user-written terms, rules reloaded by a
// server), messages are composed each time.
var messages struct {
	sync.RWMutex
	m map[messageKey]*findingText
}

const maxMessages = 1 << 14

type messageKey struct {
	rule                     *rule.Rule
	term, suggestion, locale string
}

// findingText is what a finding shows of its rule and message, with the
// JSON report's opening of the finding up to the message, escaped and
// laid out once per run rather than once per finding (see
// appendFindingItem; "" when not made).
type findingText struct {
	rule, category, severity, message string
	head                              string
	messageAt                         int // where in head the message's JSON string starts
}

// escapedMessage is the message escaped as in a JSON string, without its
// quotes: head's (made, so head is not "").
func (t *findingText) escapedMessage() string { return t.head[t.messageAt+1 : len(t.head)-1] }

func newFindingText(x rule.Finding, locale string) *findingText {
	return &findingText{rule: x.Rule.ID, category: x.Rule.Category, severity: x.Rule.Severity.String(), message: x.Message(locale)}
}

// findingMessage is x's texts in locale, shared.
func findingMessage(x rule.Finding, locale string) *findingText {
	key := messageKey{x.Rule, x.Term, x.Suggestion, locale}
	messages.RLock()
	t, ok := messages.m[key]
	messages.RUnlock()
	if ok && t.rule == x.Rule.ID && t.category == x.Rule.Category && t.severity == x.Rule.Severity.String() {
		return t
	}
	t = newFindingText(x, locale)
	messages.Lock()
	defer messages.Unlock()
	if messages.m == nil {
		messages.m = map[messageKey]*findingText{}
	}
	if _, ok := messages.m[key]; ok || len(messages.m) < maxMessages {
		t.head = string(appendFindingHead(nil, t.rule, t.category, t.severity, t.message))
		t.messageAt = len(t.head) - len(appendJSONString(nil, t.message))
		messages.m[key] = t
	}
	return t
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
	return File{Path: path, Findings: []Finding{}, Studies: []Study{}, Claims: []Claim{}, Error: err.Error()}
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
		c.addSeverity(x.severity)
	}
}

func (c *Counts) addSeverity(s rule.Severity) {
	switch s {
	case rule.Error:
		c.Error++
	case rule.Warning:
		c.Warning++
	default:
		c.Info++
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
