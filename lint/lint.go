// Package lint is hypelint's engine: it parses an article, computes its
// facts, evaluates the rules and returns findings with source spans. It does
// no I/O of its own beyond what the caller hands it; the command-line driver
// owns files, flags and output.
package lint

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/reuse"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/suppress"
	"github.com/hypelint/hypelint/lint/textmap"
	"github.com/hypelint/hypelint/lint/yamlfile"
	"github.com/hypelint/hypelint/rules"
)

// Linter holds a compiled lexicon and rule set. It is safe for concurrent use.
type Linter struct {
	Lexicon  *lexicon.Lexicon
	Rules    *rule.Set
	analyzer *facts.Analyzer
	all      *rule.Set // every loaded rule, enabled or not: the names directives may use
}

// Source is a place rules and lexicons come from: rule files directly in
// Rules, lexicon files in Lexicons (either may be empty). Prefix is how
// errors name its files.
type Source struct {
	FS       fs.FS
	Prefix   string
	Rules    string
	Lexicons string
	// Snapshot is a compiled form of the lexicons (lexicon.Snapshot), used
	// instead of compiling them when no other source adds lexicons.
	Snapshot string
	// RuleSnapshot is the rule files parsed (rule.Parsed.Snapshot), used
	// instead of reading them.
	RuleSnapshot string
	// Docs is the address of the rules' documentation, one section per
	// rule with the rule id as its anchor (empty: none).
	Docs string
	// Strict requires every field of every rule (both message languages,
	// explanation, source, a built-in category): the built-in set. A
	// newsroom's rules may be simpler (see docs/house-rules.md).
	Strict bool
	// builtIn marks Builtin, whose snapshots are built into the binary,
	// where a test checks their consistency: loading them skips that check
	// (see trustsSnapshot). Unexported, so that no other source can.
	builtIn bool
}

// trustsSnapshot reports whether s's lexicon snapshot is the built-in one,
// loaded without the consistency check (lexicon.FromBuiltinSnapshot): s is
// Builtin, or a copy of it whose Snapshot was not replaced.
func (s *Source) trustsSnapshot() bool {
	return s.builtIn && s.Snapshot == rules.LexiconSnapshot
}

// RulesDoc is where the built-in rules are documented: docs/rules.md,
// generated from the rule files (go test ./lint/report -run RulesDoc -update).
const RulesDoc = "https://github.com/hypelint/hypelint/blob/main/docs/rules.md"

// Builtin is the rule set embedded in the binary.
var Builtin = Source{FS: rules.FS, Prefix: "rules", Rules: ".", Lexicons: "lexicon", Snapshot: rules.LexiconSnapshot,
	RuleSnapshot: rules.RuleSnapshot, Docs: RulesDoc, Strict: true, builtIn: true}

// New compiles the lexicons of every source into one lexicon, then the rules
// of every source against it.
func New(sources ...Source) (*Linter, error) {
	// The lexicon loads while the rules are read: the two are most of a
	// small file's run and need each other only at the end.
	type loaded struct {
		lex *lexicon.Lexicon
		err error
	}
	lexc := make(chan loaded, 1)
	go func() {
		lex, err := loadLexicon(sources)
		lexc <- loaded{lex, err}
	}()
	parsed, parseErr := parseRules(sources)
	l := <-lexc
	if l.err != nil {
		return nil, l.err
	}
	if missing := facts.MissingClasses(l.lex); len(missing) > 0 {
		return nil, fmt.Errorf("lexicon: the engine reads the class(es) %s, which no lexicon file defines (renamed or misspelt?)",
			strings.Join(missing, ", "))
	}
	set, err := parsed.Bind(l.lex)
	if parseErr != nil || err != nil {
		// Every mistake of every rule file, in one run.
		return nil, errors.Join(parseErr, err)
	}
	return &Linter{Lexicon: l.lex, Rules: set, analyzer: facts.NewAnalyzer(l.lex), all: set}, nil
}

// parseRules reads the rules of every source in order, from its snapshot
// when that was made from the source's files as they are now, and from the
// files otherwise.
func parseRules(sources []Source) (*rule.Parsed, error) {
	var parts []*rule.Parsed
	var errs []error
	for _, src := range sources {
		if src.Rules == "" {
			continue
		}
		p := ruleSnapshot(src)
		if p == nil {
			files, err := yamlfile.ReadDir(src.FS, src.Rules, src.Prefix)
			if err != nil {
				return nil, err
			}
			p, err = parseSource(src, files)
			errs = append(errs, err)
		}
		if p == nil {
			continue
		}
		if src.Docs != "" {
			p.LinkDocs(src.Docs)
		}
		parts = append(parts, p)
	}
	return rule.Join(parts...), errors.Join(errs...)
}

func parseSource(src Source, files []yamlfile.File) (*rule.Parsed, error) {
	if !src.Strict {
		return rule.ParseHouseFiles(files)
	}
	return rule.ParseFiles(files)
}

// ruleSnapshot returns the rules of src's snapshot when it was made from
// src's files as they are now, nil otherwise.
func ruleSnapshot(src Source) *rule.Parsed {
	if src.RuleSnapshot == "" {
		return nil
	}
	header, err := dirHeader(src.FS, src.Rules, src.Prefix)
	if err != nil {
		return nil // reading the files reports it
	}
	content, ok := strings.CutPrefix(src.RuleSnapshot, header)
	if !ok {
		return nil
	}
	p, err := rule.FromSnapshot(content)
	if err != nil {
		return nil
	}
	return p
}

// loadLexicon compiles the lexicons of the sources, or loads the snapshot
// of the only source that has lexicons when that was made from its files
// as they are now.
func loadLexicon(sources []Source) (*lexicon.Lexicon, error) {
	if only := lexiconSources(sources); len(only) == 1 && only[0].Snapshot != "" {
		header, err := dirHeader(only[0].FS, only[0].Lexicons, only[0].Prefix)
		if content, ok := strings.CutPrefix(only[0].Snapshot, header); err == nil && ok {
			load := lexicon.FromSnapshot
			if only[0].trustsSnapshot() {
				load = lexicon.FromBuiltinSnapshot
			}
			if lex, err := load(content); err == nil {
				return lex, nil
			}
		}
	}
	var files []yamlfile.File
	for _, src := range lexiconSources(sources) {
		more, err := yamlfile.ReadDir(src.FS, src.Lexicons, src.Prefix)
		if err != nil {
			return nil, err
		}
		files = append(files, more...)
	}
	return lexicon.Compile(files)
}

func lexiconSources(sources []Source) []Source {
	var out []Source
	for _, src := range sources {
		if src.Lexicons != "" {
			out = append(out, src)
		}
	}
	return out
}

// A snapshot's first line names the files it was made from (a checksum of
// their names and bytes), so an edited rule or lexicon file is read from
// the file, never from a stale snapshot: a stale one costs time, not
// correctness. The line is padded with spaces to a multiple of eight bytes,
// so that the snapshot after it starts as aligned as the embedded data and
// its arrays can be read in place (see binfmt).
func snapshotHeader(files []yamlfile.File) string {
	return header(len(files), filesChecksum(files))
}

func header(files int, crc uint32) string {
	line := fmt.Sprintf("hypelint snapshot of %d files, crc32 %08x", files, crc)
	return line + strings.Repeat(" ", 7-len(line)%8) + "\n"
}

// dirHeader is snapshotHeader of the files yamlfile.ReadDir would read,
// without keeping them: a current snapshot needs only their checksum, and
// copying the embedded files out to take it was a twentieth of start-up.
func dirHeader(fsys fs.FS, dir, prefix string) (string, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return "", err
	}
	slices.Sort(names)
	crc := uint32(0)
	buf := make([]byte, 32<<10)
	for _, name := range names {
		crc = crc32.Update(crc, crc32.IEEETable, []byte(path.Join(prefix, name)+"\x00"))
		f, err := fsys.Open(name)
		if err != nil {
			return "", err
		}
		for {
			n, err := f.Read(buf)
			crc = crc32.Update(crc, crc32.IEEETable, buf[:n])
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return "", err
			}
		}
		f.Close()
	}
	return header(len(names), crc), nil
}

// filesChecksum is a CRC-32 of files' names and bytes.
func filesChecksum(files []yamlfile.File) uint32 {
	crc := uint32(0)
	for _, f := range files {
		crc = crc32.Update(crc, crc32.IEEETable, []byte(f.Name+"\x00"))
		crc = crc32.Update(crc, crc32.IEEETable, f.Data)
	}
	return crc
}

// Checksum identifies the rule and lexicon files of a source as they are
// now, with the checksum its snapshots are stamped with, e.g.
// "8 rule files crc32 52fbf834, 9 lexicon files crc32 0fa4ba17" (what
// `hypelint version` prints, so two builds can be told apart by rule set).
func (s Source) Checksum() (string, error) {
	var parts []string
	for _, dir := range []struct{ path, what string }{{s.Rules, "rule"}, {s.Lexicons, "lexicon"}} {
		if dir.path == "" {
			continue
		}
		files, err := yamlfile.ReadDir(s.FS, dir.path, s.Prefix)
		if err != nil {
			return "", err
		}
		parts = append(parts, fmt.Sprintf("%d %s files crc32 %08x", len(files), dir.what, filesChecksum(files)))
	}
	return strings.Join(parts, ", "), nil
}

// StampSnapshot prefixes a snapshot's content with the header naming the
// files it was made from.
func StampSnapshot(files []yamlfile.File, content []byte) []byte {
	return append([]byte(snapshotHeader(files)), content...)
}

// Default returns a linter with the built-in rules and lexicons.
func Default() (*Linter, error) { return New(Builtin) }

// Dir is a source for a user's directory: rule files in dir, lexicon files
// in dir/lexicon.
func Dir(dir string) Source {
	return Source{FS: os.DirFS(dir), Prefix: dir, Rules: ".", Lexicons: lexiconSubdir(dir)}
}

func lexiconSubdir(dir string) string {
	if info, err := os.Stat(filepath.Join(dir, "lexicon")); err == nil && info.IsDir() {
		return "lexicon"
	}
	return ""
}

// Options select and adjust the rules of a linter.
type Options struct {
	Enable   []string                 // rule ids or categories to run (empty: all)
	Disable  []string                 // rule ids or categories not to run
	Severity map[string]rule.Severity // rule id or category → severity; an id beats its category
}

// With returns a linter running the rules the options select, at their
// severities. Names must be known rule ids or categories (see Known).
func (l *Linter) With(opts Options) (*Linter, error) {
	for _, names := range [][]string{opts.Enable, opts.Disable} {
		for _, n := range names {
			if !l.Rules.Known(n) {
				return nil, fmt.Errorf("unknown rule or category %q", n)
			}
		}
	}
	var rules []*rule.Rule
	for _, r := range l.Rules.Rules {
		if len(opts.Enable) > 0 && !names(opts.Enable).has(r) || names(opts.Disable).has(r) {
			continue
		}
		if sev, ok := severityFor(opts.Severity, r); ok && sev != r.Severity {
			copy := *r
			copy.Severity = sev
			r = &copy
		}
		rules = append(rules, r)
	}
	return &Linter{Lexicon: l.Lexicon, Rules: rule.Subset(rules), analyzer: l.analyzer, all: l.all}, nil
}

type names []string

func (ns names) has(r *rule.Rule) bool {
	for _, n := range ns {
		if n == r.ID || n == r.Category {
			return true
		}
	}
	return false
}

func severityFor(m map[string]rule.Severity, r *rule.Rule) (rule.Severity, bool) {
	if s, ok := m[r.ID]; ok {
		return s, true
	}
	s, ok := m[r.Category]
	return s, ok
}

// Known reports whether name is a rule id or category the linter loaded,
// whether or not the options enable it.
func (l *Linter) Known(name string) bool {
	if l.all == nil { // a Linter built by hand
		return l.Rules.Known(name)
	}
	return l.all.Known(name)
}

// Input is one article to lint.
type Input struct {
	Path   string // shown in findings; its extension picks the format
	Data   []byte // UTF-8 (decode other encodings first)
	Format string // "text", "markdown" or "html"; "" picks by extension

	// For text decoded from another encoding: the map from Data's offsets
	// to the file's, and the encoding's name (see document.Document).
	Origin   *textmap.Map
	Encoding string

	// ValidUTF8 says Data is already known to be valid UTF-8
	// (encoding.Decoded.ValidUTF8): the parser then does not check it
	// again. NUL bytes are refused all the same.
	ValidUTF8 bool

	// Card asks for the evidence card in the result (Result.Card). A long
	// text linted in sections keeps no blocks, so its card is collected
	// section by section as they are linted.
	Card bool
}

func (in Input) format() string {
	if in.Format != "" {
		return in.Format
	}
	return FormatOf(in.Path)
}

// FormatOf picks a format from a file name's extension.
func FormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return "markdown"
	case ".html", ".htm", ".xhtml":
		return "html"
	}
	return "text"
}

// Parse parses an input into a document without linting it.
func Parse(in Input) (doc *document.Document, err error) {
	switch format := in.format(); format {
	case "markdown":
		doc, err = pick(in.ValidUTF8, document.ParseValidMarkdown, document.ParseMarkdown)(in.Path, in.Data)
	case "html":
		doc, err = pick(in.ValidUTF8, document.ParseValidHTML, document.ParseHTML)(in.Path, in.Data)
	case "text":
		doc, err = pick(in.ValidUTF8, document.ParseValidText, document.ParseText)(in.Path, in.Data)
	default:
		return nil, fmt.Errorf("%s: unknown format %q (want text, markdown or html)", in.Path, format)
	}
	if err == nil {
		in.decoded(doc)
	}
	return doc, err
}

// pick is valid if ok, else other.
func pick[T any](ok bool, valid, other T) T {
	if ok {
		return valid
	}
	return other
}

// decoded records on doc the encoding its text was decoded from, if any.
func (in Input) decoded(doc *document.Document) {
	if in.Encoding != "" {
		doc.Origin, doc.Encoding = in.Origin, in.Encoding
	}
}

// Sectioned reports whether Lint takes an input in sections: a plain text
// longer than two sections, or with a line longer than a piece (a file on
// one line: a block cut into pieces, see PieceSize). Its memory then grows
// with the section, not with the input.
func Sectioned(in Input) bool {
	return in.format() == "text" && (len(in.Data) > 2*SectionSize || hasLongLine(in.Data, PieceSize))
}

// Lint parses and lints one article. A long plain text (a book extracted
// from a PDF) is linted in sections; see lintSections.
func (l *Linter) Lint(in Input) (*Result, error) {
	return l.LintContext(context.Background(), in)
}

// LintContext is Lint that gives up, returning ctx.Err(), once ctx is
// done: it looks after parsing, between batches of blocks when running
// the rules, and between the sections of a long text.
func (l *Linter) LintContext(ctx context.Context, in Input) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if Sectioned(in) {
		return l.lintSections(ctx, in, SectionSize, PieceSize, nil)
	}
	doc, err := Parse(in)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, err := l.evaluate(ctx, doc, l.analyzer.Analyze(doc))
	if err == nil && in.Card {
		res.Card = evidence.Build(res.Facts, res.Findings)
	}
	return res, err
}

// Emit takes the findings of a long text part by part (see LintStream).
type Emit func(doc *document.Document, found []rule.Finding) error

// LintStream is LintContext for a caller that can take findings as they
// are found: a long plain text without suppression directives gives its
// findings to emit part by part, in order (a one-line file with a finding
// every few bytes has millions), and its result has none, Streamed set.
// Other inputs are linted as LintContext does and emit is not called.
func (l *Linter) LintStream(ctx context.Context, in Input, emit Emit) (*Result, error) {
	return l.LintParts(ctx, in, &emitParts{emit: emit})
}

// Parts takes a long text part by part (see LintParts).
type Parts interface {
	// Begin comes first, once the document-level facts are final, with
	// the evidence card when Input.Card asks for it: its studies are
	// final then, its claims come with the parts.
	Begin(doc *document.Document, f *facts.Document, card *evidence.Card) error
	// Part takes a part's findings, in order, and with a card the claims
	// of the part with their findings attached (evidence.Card.Part), in
	// article order.
	Part(found []rule.Finding, claims []*evidence.Claim) error
}

// LintParts is LintStream that hands out the evidence card too: a long
// plain text without suppression directives gives parts its findings and
// its claims part by part, and its result has neither (Streamed; its
// Card keeps the studies, with the findings about them). Other inputs are
// linted as LintContext does and parts is not called.
func (l *Linter) LintParts(ctx context.Context, in Input, parts Parts) (*Result, error) {
	if Sectioned(in) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return l.lintSections(ctx, in, SectionSize, PieceSize, parts)
	}
	return l.LintContext(ctx, in)
}

// emitParts takes the findings of the parts to an Emit.
type emitParts struct {
	doc  *document.Document
	emit Emit
}

func (e *emitParts) Begin(doc *document.Document, _ *facts.Document, _ *evidence.Card) error {
	e.doc = doc
	return nil
}

func (e *emitParts) Part(found []rule.Finding, _ []*evidence.Claim) error {
	return e.emit(e.doc, found)
}

// Result is the outcome of linting one article.
type Result struct {
	Doc      *document.Document
	Facts    *facts.Document
	Findings []rule.Finding // sorted by position, then rule id
	// Suppressed are the findings the document's suppression comments
	// hide, in the same order (SARIF reports them as suppressed).
	Suppressed []suppress.Hidden
	Card       *evidence.Card // the evidence card, when Input.Card asked for it
	// Streamed says the findings went to LintStream's emit instead.
	Streamed bool
	// kept is the list the rules' findings went into, from resultFindings:
	// Release gives it back.
	kept []rule.Finding
}

// Release hands the memory of the result's facts and findings back for the
// next article linted (see facts.Document.Release): after it, nothing of
// r.Facts, r.Card or r.Findings may be read. A report built from the
// result (report.NewFile) holds copies and stays valid.
func (r *Result) Release() {
	if r.Facts != nil {
		r.Facts.Release()
	}
	r.Facts, r.Card = nil, nil
	if r.kept != nil {
		// r.Findings is this list (or, when directives hid some, a copy of
		// what is left of it): neither may be read from here on.
		clear(r.kept) // what lies beyond was cleared when it was given back
		resultFindings.Put(r.kept)
		r.kept, r.Findings = nil, nil
	}
}

// LintText lints a plain-text article. The error is an *document.InputError
// for bad input (invalid UTF-8 and the like).
func (l *Linter) LintText(path string, src []byte) (*Result, error) {
	return l.Lint(Input{Path: path, Data: src, Format: "text"})
}

// LintDocument lints a parsed document, then applies its suppression
// comments.
func (l *Linter) LintDocument(doc *document.Document) (*Result, error) {
	return l.evaluate(context.Background(), doc, l.analyzer.Analyze(doc))
}

// blockBatch is how many blocks the rules run over between looks at
// whether the lint is cancelled.
const blockBatch = 64

// evaluate runs the rules on a document's facts, stopping once ctx is done.
func (l *Linter) evaluate(ctx context.Context, doc *document.Document, f *facts.Document) (*Result, error) {
	run := l.Rules.Start(f)
	defer run.Release() // the findings are copies: the evaluator serves the next document
	for blocks := f.Blocks; len(blocks) > 0; blocks = blocks[min(blockBatch, len(blocks)):] {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := run.Blocks(blocks[:min(blockBatch, len(blocks))]); err != nil {
			return nil, err
		}
	}
	// The findings go into a list the last released result gave back.
	list := resultFindings.Get(0)
	findings, err := run.FinishInto(list)
	if err != nil {
		resultFindings.Put(list)
		return nil, err
	}
	res := l.result(doc, f, findings)
	res.kept = findings
	return res, nil
}

// resultFindings keeps the lists of findings results give back at Release
// (the driver releases each file's once its report holds copies).
var resultFindings = reuse.Slices[rule.Finding]{Max: keepFindings}

// keepFindings is the capacity above which a result's list of findings is
// left to the collector rather than kept for the next document.
const keepFindings = 1024

// result applies the document's suppression comments to the findings and
// sorts them.
func (l *Linter) result(doc *document.Document, f *facts.Document, findings []rule.Finding) *Result {
	findings, hidden := suppress.Apply(doc, findings, l.Rules, l.Known)
	sortByPosition(findings)
	slices.SortStableFunc(hidden, func(a, b suppress.Hidden) int { return byPosition(a.Finding, b.Finding) })
	return &Result{Doc: doc, Facts: f, Findings: findings, Suppressed: hidden}
}
