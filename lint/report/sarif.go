package report

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hypelint/hypelint/lint/rule"
)

// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the subset
// hypelint writes.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// fingerprintKey names hypelint's partial fingerprint; the "/v1" lets a
	// later way of hashing sit beside this one.
	fingerprintKey = "hypelint/v1"
)

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

// sarifMarkdownText is a multiformatMessageString: plain text and,
// optionally, the same in Markdown.
type sarifMarkdownText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      *sarifText         `json:"fullDescription,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	Help                 *sarifMarkdownText `json:"help,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifProperties    `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           *int               `json:"ruleIndex,omitempty"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"` // the study a claim was judged against
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
	Properties          *sarifNote         `json:"properties,omitempty"`
}

// sarifNote carries a finding's note (advice with no edit) in the result's
// property bag.
type sarifNote struct {
	Note string `json:"note"`
}

// sarifFix is a suggested edit: a replacement of one region of the file.
type sarifFix struct {
	Description     sarifText           `json:"description"`
	ArtifactChanges []sarifArtifactEdit `json:"artifactChanges"`
}

type sarifArtifactEdit struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// sarifSuppression says a result is hidden: by a comment in the article
// (inSource) or by a baseline (external).
type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"` // for related locations
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	CharOffset  *int       `json:"charOffset,omitempty"`
	CharLength  *int       `json:"charLength,omitempty"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

// sarifLevel maps a severity name to a SARIF level.
func sarifLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

// WriteSARIF writes a SARIF 2.1.0 log with one run (see SARIFWriter). It
// describes every rule of the run and any other rule a finding refers to.
func WriteSARIF(w io.Writer, run Run) error {
	return writeAll(newSARIFWriter(w, run.Info(), newRuleTable(run)), run.Files)
}

// SARIFWriter writes a SARIF 2.1.0 log with one run, one file at a time:
// every rule of the set under tool.driver.rules, one result per finding,
// and a notification in invocations[0] for each file that could not be
// read. Columns, charOffset and charLength count Unicode code points
// (run.columnKind "unicodeCodePoints").
//
// The invocation comes after the results: whether every file could be
// read is known only at the end (the order of an object's keys means
// nothing in JSON or SARIF).
type SARIFWriter struct {
	o       *jsonOut
	table   *ruleTable
	inv     sarifInvocation
	results int

	// A file written part by part (see FileStream): its URI, and the
	// fingerprints counted so far.
	uri string
	fp  *fingerprinter
}

// Indentation of the parts of the log.
const (
	sarifRunKey    = "      "   // a key of the run
	sarifResultKey = "        " // a result in "results"
)

// NewSARIFWriter starts a SARIF log on w describing the run's rules.
func NewSARIFWriter(w io.Writer, info RunInfo) *SARIFWriter {
	return newSARIFWriter(w, info, newRuleTable(Run{Rules: info.Rules}))
}

func newSARIFWriter(w io.Writer, info RunInfo, table *ruleTable) *SARIFWriter {
	driver := sarifDriver{
		Name:           toolName,
		Version:        info.Version,
		InformationURI: toolURI,
		Rules:          make([]sarifRule, 0, len(table.rules)),
	}
	for _, r := range table.rules {
		driver.Rules = append(driver.Rules, newSARIFRule(r, info.Locale))
	}
	s := &SARIFWriter{o: newJSONOut(w), table: table, inv: sarifInvocation{ExecutionSuccessful: true}}
	s.o.str("{\n  \"$schema\": \"" + sarifSchema + "\",\n  \"version\": \"" + sarifVersion + "\",\n  \"runs\": [\n    {\n" +
		sarifRunKey + `"tool": `)
	s.o.value(sarifTool{Driver: driver}, sarifRunKey)
	s.o.str(",\n" + sarifRunKey + `"columnKind": "unicodeCodePoints",` + "\n" + sarifRunKey + `"results": [`)
	return s
}

// File writes one file's results and notes it when it could not be read.
func (s *SARIFWriter) File(f File) error {
	uri := sarifURI(f.Path)
	if f.Error != "" {
		s.inv.ExecutionSuccessful = false
		s.inv.ToolExecutionNotifications = append(s.inv.ToolExecutionNotifications, sarifNotification{
			Level:   "error",
			Message: sarifText{Text: f.Error},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: uri},
			}}},
		})
	}
	sarifEachResult(f, uri, s.table, s.result)
	return s.o.err
}

// beginFile starts a file whose findings come part by part, in the order
// of its results (by start, then rule: lint.Linter.LintStream's).
func (s *SARIFWriter) beginFile(f *File) error {
	s.uri, s.fp = sarifURI(f.Path), newFingerprinter(f.Path)
	return s.o.err
}

// finding writes a file's next result.
func (s *SARIFWriter) finding(f *File, x Finding) error {
	s.result(sarifResultOf(*f, s.uri, s.table, s.fp, x))
	return s.o.err
}

// endFile ends a file written part by part.
func (s *SARIFWriter) endFile(File) error {
	s.fp = nil
	return s.o.err
}

func (s *SARIFWriter) result(res *sarifResult) {
	s.o.item(s.results, sarifResultKey)
	s.o.value(res, sarifResultKey)
	s.results++
}

// Close writes the invocation and ends the log.
func (s *SARIFWriter) Close() error {
	s.o.endArray(s.results, sarifRunKey)
	s.o.str(",\n" + sarifRunKey + `"invocations": `)
	s.o.value([]sarifInvocation{s.inv}, sarifRunKey)
	s.o.str("\n    }\n  ]\n}\n")
	return s.o.flush()
}

// sarifResults are a file's results (see sarifEachResult).
func sarifResults(f File, uri string, table *ruleTable) []sarifResult {
	var out []sarifResult
	sarifEachResult(f, uri, table, func(res *sarifResult) { out = append(out, *res) })
	return out
}

// sarifEachResult makes a file's results one at a time: its findings,
// then the findings comments or a baseline hid, marked as suppressed.
// Fingerprints are counted over both in source order, so hiding one
// finding does not change another's.
func sarifEachResult(f File, uri string, table *ruleTable, use func(*sarifResult)) {
	all := f.Findings
	var kinds []Suppressed // the suppressed, when there are any
	if len(f.Suppressed) > 0 {
		kinds = make([]Suppressed, 0, len(f.Findings)+len(f.Suppressed))
		for _, x := range f.Findings {
			kinds = append(kinds, Suppressed{Finding: x})
		}
		kinds = append(kinds, f.Suppressed...)
		slices.SortStableFunc(kinds, func(a, b Suppressed) int {
			return cmp.Or(cmp.Compare(a.span.Start, b.span.Start), strings.Compare(a.Rule, b.Rule))
		})
		all = make([]Finding, len(kinds))
		for i, x := range kinds {
			all[i] = x.Finding
		}
	} else if !slices.IsSortedFunc(all, bySARIFOrder) {
		all = slices.Clone(all)
		slices.SortStableFunc(all, bySARIFOrder)
	}
	fp := newFingerprinter(f.Path)
	var hidden []sarifResult
	for i, x := range all {
		res := sarifResultOf(f, uri, table, fp, x)
		if kinds == nil || kinds[i].Kind == "" {
			use(res)
			continue
		}
		res.Suppressions = []sarifSuppression{{Kind: kinds[i].Kind, Justification: kinds[i].Justification}}
		hidden = append(hidden, *res)
	}
	for i := range hidden {
		use(&hidden[i])
	}
}

// sarifResultOf is a finding's result, its fingerprint the next of fp.
func sarifResultOf(f File, uri string, table *ruleTable, fp *fingerprinter, x Finding) *sarifResult {
	res := &sarifResult{
		RuleID:  x.Rule,
		Level:   sarifLevel(x.Severity),
		Message: sarifText{Text: x.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: sarifArtifactLocation{URI: uri},
			Region:           sarifRegionOf(f, x),
		}}},
		PartialFingerprints: map[string]string{fingerprintKey: fp.next(x)},
		RelatedLocations:    sarifRelated(uri, f, x),
	}
	if idx, ok := table.index[x.Rule]; ok {
		res.RuleIndex = &idx
	}
	res.Fixes = sarifFixes(f, uri, x)
	if x.Note != "" {
		res.Properties = &sarifNote{x.Note}
	}
	return res
}

// bySARIFOrder orders results by where they start, then by rule.
func bySARIFOrder(a, b Finding) int {
	return cmp.Or(cmp.Compare(a.span.Start, b.span.Start), strings.Compare(a.Rule, b.Rule))
}

func newSARIFRule(r *rule.Rule, locale string) sarifRule {
	sr := sarifRule{
		ID:                   r.ID,
		Name:                 camelCase(r.ID),
		ShortDescription:     sarifText{Text: neutralMessage(r, locale)},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity.String())},
		Properties:           sarifProperties{Tags: []string{r.Category}},
	}
	explanation := strings.TrimSpace(r.ExplanationIn(locale))
	if explanation != "" {
		sr.FullDescription = &sarifText{Text: explanation}
	}
	help := explanation
	if r.Source != "" {
		if help != "" {
			help += "\n\n"
		}
		help += "Source: " + r.Source
	}
	if help != "" {
		sr.Help = &sarifMarkdownText{Text: help, Markdown: RuleMarkdown(r)}
	}
	sr.HelpURI = r.DocURL
	return sr
}

// sarifRegionOf locates a finding: lines and code-point columns as in the
// other formats (end exclusive, as SARIF's endColumn is), and the span's
// code-point offset and length in the text.
func sarifRegionOf(f File, x Finding) *sarifRegion {
	reg := &sarifRegion{
		StartLine:   x.Start.Line,
		StartColumn: x.Start.Column,
		EndLine:     x.End.Line,
		EndColumn:   x.End.Column,
	}
	if start, ok := charOffset(f, x.span.Start); ok {
		end, _ := charOffset(f, x.span.End)
		length := max(0, end-start)
		reg.CharOffset, reg.CharLength = &start, &length
	}
	if x.Excerpt != "" {
		reg.Snippet = &sarifText{Text: x.Excerpt}
	}
	return reg
}

// sarifFixes gives a finding's fixes as SARIF fixes, each region placed
// like a finding's.
func sarifFixes(f File, uri string, x Finding) []sarifFix {
	var out []sarifFix
	for _, fix := range x.Fixes {
		region := sarifRegionOf(f, Finding{Start: fix.Span.Start, End: fix.Span.End, span: fix.span})
		out = append(out, sarifFix{
			Description: sarifText{Text: fixDescription(fix)},
			ArtifactChanges: []sarifArtifactEdit{{
				ArtifactLocation: sarifArtifactLocation{URI: uri},
				Replacements:     []sarifReplacement{{DeletedRegion: *region, InsertedContent: sarifText{Text: fix.Replacement}}},
			}},
		})
	}
	return out
}

// fixDescription says what a fix does, e.g. `Replace with "treatment"`.
func fixDescription(fix Fix) string {
	if fix.Span.Start.Offset == fix.Span.End.Offset {
		return fmt.Sprintf("Insert %q", fix.Replacement)
	}
	return fmt.Sprintf("Replace with %q", fix.Replacement)
}

// sarifURI turns a report path into a URI reference: a relative path stays
// relative (with forward slashes, and characters a URI cannot hold
// percent-encoded), an absolute one becomes a file URI.
func sarifURI(p string) string {
	s := slashPath(p)
	if filepath.IsAbs(p) || strings.HasPrefix(s, "/") {
		if !strings.HasPrefix(s, "/") {
			s = "/" + s // C:/x → /C:/x
		}
		return (&url.URL{Scheme: "file", Path: s}).String()
	}
	// url.URL writes a first segment holding a colon as "./a:b", so that
	// it does not read as a scheme.
	return (&url.URL{Path: s}).String()
}
