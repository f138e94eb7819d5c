package report

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
)

// Study is a study of the evidence card (see package evidence) resolved
// to positions: where the sentence that introduces it is.
type Study struct {
	Index       int               `json:"index"`
	Population  string            `json:"population"`      // people, animals, cells or unknown
	Model       string            `json:"model,omitempty"` // the animal or cells it names, as written
	Design      string            `json:"design"`          // rct, trial, observational, review, case, lab or unknown
	Size        int               `json:"size"`            // largest number of subjects given; 0: none given
	Studies     int               `json:"studies,omitempty"`
	Venue       string            `json:"venue,omitempty"` // the journal named, as written
	Link        string            `json:"link,omitempty"`  // DOI, trial number or URL, as written
	Sentences   int               `json:"sentences"`
	Description string            `json:"description"` // the above in one line, in the message locale
	Start       document.Position `json:"start"`
	End         document.Position `json:"end"`
	Notes       []Note            `json:"notes"` // findings about the study as a whole

	span document.Span
}

// Note is a finding named by its rule and message.
type Note struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

// Claim is a claim of the evidence card resolved to positions.
type Claim struct {
	Term     string            `json:"term"`
	Class    string            `json:"class"`
	Subject  string            `json:"subject"`  // people, animals, cells or none
	Strength string            `json:"strength"` // direct, can, may, promise, question or negated
	Voice    string            `json:"voice"`    // writer, quoted or distanced
	Evidence string            `json:"evidence"` // human, preclinical or none
	Where    string            `json:"where"`    // headline, heading, lead, summary or body
	Study    int               `json:"study"`    // index of the study it rests on; 0: none
	Start    document.Position `json:"start"`
	End      document.Position `json:"end"`
	Excerpt  string            `json:"excerpt"`
	Rules    []string          `json:"rules"` // the rules that flagged it; empty when none did
	// Why is, for a flagged claim, why its evidence does not carry it.
	// NewEvidenceFile fills it; NewFile leaves it to Reason, which makes
	// it from reason (its JSON report writes reason without making it).
	Why string `json:"why,omitempty"`

	span   document.Span
	reason *evidence.Reason // Why as pieces (nil: none kept)
	said   *findingText     // the finding text whose message reason quotes, with its JSON (nil: none)
}

// Reason is why the claim's evidence does not carry it: Why, else made
// from the pieces NewFile kept.
func (c *Claim) Reason() string {
	if c.Why == "" && c.reason != nil {
		return c.reason.String()
	}
	return c.Why
}

// MarshalJSON encodes the claim's fields, Why made from the pieces NewFile
// kept: encoding/json (the evidence card, a program's own report) reads
// fields only. The caller's encoder escapes HTML as it is set to.
func (c Claim) MarshalJSON() ([]byte, error) {
	type fields Claim // the fields alone, without this method
	f := fields(c)
	f.Why = c.Reason()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Related is a finding's related location: the study its claim was judged
// against, with a short message naming it.
type Related struct {
	Start   document.Position `json:"start"`
	End     document.Position `json:"end"`
	Message string            `json:"message"`

	span document.Span
	text *relatedText // Message as made, with its JSON string (nil: none)
}

// relatedText is a study's related message with its JSON string, made once
// per study and file: a study's findings all carry the message, and the
// JSON report copies it instead of escaping it for each.
type relatedText struct{ message, json string }

// Span returns the related location's offsets in the decoded text.
func (r Related) Span() document.Span { return r.span }

// Span returns the study's offsets in the decoded text.
func (s Study) Span() document.Span { return s.span }

// Span returns the claim's offsets in the decoded text.
func (c Claim) Span() document.Span { return c.span }

// positions resolves a span: line and column on the decoded text, offsets
// in the file's own bytes (as for findings).
func positions(doc *document.Document, span document.Span) (start, end document.Position) {
	start, end = doc.Position(span.Start), doc.Position(span.End)
	start.Offset, end.Offset = doc.FileOffset(span.Start), doc.FileOffset(span.End)
	return start, end
}

// addEvidence fills a file's studies and claims from the card, and the
// related location of each finding that carries a study.
func (f *File) addEvidence(doc *document.Document, card *evidence.Card, findings []rule.Finding, locale string, allClaims bool) {
	f.Studies = studyLists.get(len(card.Studies))
	for _, s := range card.Studies {
		f.Studies = append(f.Studies, newStudy(doc, card, s, locale))
	}
	// Sized first: a Claim is large, and growing the slice copied them.
	// The claims' rules share one list, carved out claim by claim.
	claims, rules := 0, 0
	for _, c := range card.Claims {
		if allClaims || len(c.Findings) > 0 {
			claims++
			rules += len(c.Findings)
		}
	}
	f.Claims = claimLists.get(claims)
	ruleSlab := make([]string, 0, rules)
	spans := spanPositions{findings: f.Findings}
	// The reasons of NewFile's claims are kept as pieces, one list a file,
	// for the JSON report to write without making them (most of the
	// cost of a reason is making it); NewEvidenceFile's are made.
	var reasons *[]evidence.Reason
	if !allClaims {
		list := make([]evidence.Reason, 0, claims) // never regrown: the claims point into it
		reasons = &list
	}
	for _, c := range card.Claims {
		if !allClaims && len(c.Findings) == 0 {
			continue
		}
		f.Claims = append(f.Claims, newClaim(doc, card, c, locale, &ruleSlab, &spans, reasons))
	}
	// Every finding on a study's claims relates to the same place with
	// the same message: resolve each study once (the map holds where in the
	// list, not the large Related itself, to keep the map small). The
	// findings' related locations share one list too, each capped to its
	// own element.
	withStudy := 0
	for _, x := range findings {
		if x.Study != nil {
			withStudy++
		}
	}
	relatedSlab := make([]Related, 0, withStudy) // room for every finding's: never regrown
	var relatedTo map[*facts.Study]int32         // where in relatedSlab a study's is
	// The studies' messages as JSON strings are escaped end to end into
	// quoted, then made one string: one allocation a file, not one a study.
	var texts []relatedText // never regrown: the Related point into it
	var room [1024]byte
	var endRoom [32]int
	quoted, ends := room[:0], endRoom[:0]
	for i, x := range findings {
		if x.Study == nil {
			continue
		}
		k, ok := relatedTo[x.Study]
		var r Related
		if ok {
			r = relatedSlab[k]
		} else {
			r = related(doc, card, x.Study, locale)
			if texts == nil {
				texts = make([]relatedText, 0, withStudy)
			}
			texts = append(texts, relatedText{message: r.Message})
			r.text = &texts[len(texts)-1]
			quoted = appendJSONString(quoted, r.Message)
			ends = append(ends, len(quoted))
		}
		if len(f.Findings[i].Related) > 0 {
			f.Findings[i].Related = append(f.Findings[i].Related, r)
			continue
		}
		relatedSlab = append(relatedSlab, r)
		n := len(relatedSlab)
		f.Findings[i].Related = relatedSlab[n-1 : n : n]
		if !ok {
			if relatedTo == nil {
				relatedTo = map[*facts.Study]int32{}
			}
			relatedTo[x.Study] = int32(n - 1)
		}
	}
	all, start := string(quoted), 0
	for i := range texts {
		texts[i].json = all[start:ends[i]]
		start = ends[i]
	}
}

// related is the related location of the study a finding carries.
func related(doc *document.Document, card *evidence.Card, study *facts.Study, locale string) Related {
	s := card.Study(study)
	if s == nil { // a study the card does not list: describe its facts alone
		s = &evidence.Study{Study: study}
	}
	r := Related{Message: card.RelatedMessage(s, locale), span: study.Span}
	r.Start, r.End = positions(doc, study.Span)
	return r
}

func newStudy(doc *document.Document, card *evidence.Card, s *evidence.Study, locale string) Study {
	out := Study{
		Index: s.Index, Population: s.Population, Model: s.Model, Design: s.Design, Size: s.Size,
		Studies: s.Study.Studies, Venue: s.Venue, Link: s.Link, Sentences: s.Sentences,
		Description: card.Description(s, locale), Notes: []Note{}, span: s.Span,
	}
	out.Start, out.End = positions(doc, s.Span)
	for _, x := range s.Findings {
		out.Notes = append(out.Notes, Note{Rule: x.Rule.ID, Message: x.Message(locale)})
	}
	return out
}

// spanPositions gives the positions of a claim's span from the finding
// with the same span (nine claims in ten on the archive), resolved
// already, instead of resolving them again: the findings and the claims
// both come in the order of their spans, so one walk through the findings
// finds them. A claim with no such finding, or out of order, is resolved
// from the document.
type spanPositions struct {
	findings []Finding
	next     int // the findings before it start before the last claim asked for
}

func (p *spanPositions) positions(doc *document.Document, span document.Span) (start, end document.Position) {
	if p != nil {
		for p.next < len(p.findings) && p.findings[p.next].span.Start < span.Start {
			p.next++
		}
		for _, x := range p.findings[p.next:] {
			if x.span.Start != span.Start {
				break
			}
			if x.span == span {
				return x.Start, x.End
			}
		}
	}
	return positions(doc, span)
}

// newClaim resolves a claim for the report; its rules are carved out of
// slab when that has room (nil: a list of their own), its positions
// come from spans when a finding there has them (nil: from doc), and its
// reason is kept as pieces in reasons (nil: made, in Why).
func newClaim(doc *document.Document, card *evidence.Card, c *evidence.Claim, locale string, slab *[]string, spans *spanPositions, reasons *[]evidence.Reason) Claim {
	out := Claim{
		Class: c.Class, Subject: c.Subject, Strength: c.Strength, Voice: c.Voice,
		Evidence: c.Evidence, Where: c.Where, Excerpt: sourceText(doc, c.Span, c.Excerpt),
		Rules: carve(slab, len(c.Findings)), span: c.Span,
	}
	// The term is a piece of a sentence's text, in memory the facts give
	// back for the next file once the report is made (Release): a copy,
	// unless it reads as the excerpt (three claims in four), a string of
	// the report's own.
	if out.Term = out.Excerpt; c.Term != out.Excerpt {
		out.Term = strings.Clone(c.Term)
	}
	if s := card.StudyOf(c); s != nil {
		out.Study = s.Index
	}
	out.Start, out.End = spans.positions(doc, c.Span)
	// A reason that quotes its first finding's message takes it from the
	// run's shared texts, the JSON report its escaped form too (said).
	var said *findingText
	message := func(x rule.Finding, locale string) string {
		said = findingMessage(x, locale)
		return said.message
	}
	if reasons == nil || len(*reasons) == cap(*reasons) {
		var reason evidence.Reason
		card.Reason(&reason, c, locale, message)
		out.Why = reason.String()
	} else {
		// Filled in place in the list's spare room, kept if there is one.
		n := len(*reasons)
		*reasons = (*reasons)[:n+1]
		reason := &(*reasons)[n]
		if card.Reason(reason, c, locale, message); reason.Empty() {
			*reasons = (*reasons)[:n]
		} else {
			out.reason = reason
			if said != nil && said.head != "" {
				out.said = said
			}
		}
	}
	for _, x := range c.Findings {
		out.Rules = append(out.Rules, x.Rule.ID)
	}
	return out
}

// carve returns an empty, non-nil list with room for n strings: the next n
// of slab's spare capacity (capped, so appending past n cannot reach the
// next list), or a list of its own when slab is nil or short.
func carve(slab *[]string, n int) []string {
	if slab == nil || cap(*slab)-len(*slab) < n {
		return make([]string, 0, n)
	}
	s := *slab
	k := len(s)
	*slab = s[:k+n]
	return s[k : k : k+n]
}

// sourceText is the source text of span, shared with text when that is
// the same (a claim's excerpt on one line, as the card keeps it).
func sourceText(doc *document.Document, span document.Span, text string) string {
	src := doc.Source[span.Start:span.End]
	if string(src) == text {
		return text
	}
	return string(src)
}

// sarifRelated turns a finding's related locations into SARIF
// relatedLocations (ids from 1), each with its region and message.
func sarifRelated(uri string, f File, x Finding) []sarifLocation {
	var out []sarifLocation
	for i, r := range x.Related {
		id := i + 1
		reg := &sarifRegion{StartLine: r.Start.Line, StartColumn: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
		if start, ok := charOffset(f, r.span.Start); ok {
			end, _ := charOffset(f, r.span.End)
			length := max(0, end-start)
			reg.CharOffset, reg.CharLength = &start, &length
		}
		out = append(out, sarifLocation{
			ID:               &id,
			PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri}, Region: reg},
			Message:          &sarifText{Text: r.Message},
		})
	}
	return out
}
