package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteGitHub writes one GitHub Actions workflow command per finding (see
// GitHubWriter).
func WriteGitHub(w io.Writer, run Run) error {
	return writeAll(NewGitHubWriter(w), run.Files)
}

// GitHubWriter writes one GitHub Actions workflow command per finding, file
// by file, which the runner turns into an annotation on the file:
//
//	::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
//
// (warning for warnings, notice for info). Columns count code points; the
// end column is exclusive, as everywhere in hypelint. GitHub takes columns
// only for an annotation on one line, so a finding that spans lines gets
// line and endLine alone. A file that could not be read gets an error
// annotation on the file.
//
// It keeps what the overflow note and the step summary need (counts, the
// first rows), so both can follow the annotations (Overflow,
// WriteSummary).
type GitHubWriter struct {
	p       printer
	b       *bufio.Writer
	kinds   map[string]int // annotations by command
	summary githubSummary
}

// NewGitHubWriter starts GitHub annotations on w.
func NewGitHubWriter(w io.Writer) *GitHubWriter {
	b := bufio.NewWriterSize(w, 32<<10)
	return &GitHubWriter{p: printer{w: b}, b: b, kinds: map[string]int{}}
}

// File writes one file's annotations.
func (g *GitHubWriter) File(f File) error { return writeParts(g, f) }

func (g *GitHubWriter) beginFile(f *File) error {
	g.summary.beginFile()
	if f.Error != "" {
		g.p.printf("::error file=%s,title=%s::%s\n", githubProperty(slashPath(f.Path)), githubProperty(toolName), githubData(f.Error))
		g.kinds["error"]++
	}
	return g.p.err
}

func (g *GitHubWriter) finding(f *File, x Finding) error {
	pos := fmt.Sprintf("line=%d", x.Start.Line)
	if x.End.Line == x.Start.Line {
		pos += fmt.Sprintf(",col=%d,endLine=%d,endColumn=%d", x.Start.Column, x.End.Line, x.End.Column)
	} else {
		pos += fmt.Sprintf(",endLine=%d", x.End.Line)
	}
	kind := githubCommand(x.Severity)
	g.p.printf("::%s file=%s,%s,title=%s::%s\n", kind, githubProperty(slashPath(f.Path)), pos, githubProperty(x.Rule), githubData(x.Message))
	g.kinds[kind]++
	g.summary.addFinding(f, x)
	return g.p.err
}

func (g *GitHubWriter) endFile(f File) error {
	g.summary.endFile(f)
	return g.p.err
}

// Close writes out the annotations.
func (g *GitHubWriter) Close() error {
	if err := g.b.Flush(); g.p.err == nil {
		g.p.err = err
	}
	return g.p.err
}

// Overflow says which annotations GitHub will not show, or returns "" when
// it shows them all.
func (g *GitHubWriter) Overflow() string {
	var over []string
	for _, kind := range []string{"error", "warning", "notice"} {
		if n := g.kinds[kind]; n > GitHubAnnotationsPerStep {
			over = append(over, fmt.Sprintf("%d of %d %s annotations", GitHubAnnotationsPerStep, n, kind))
		}
	}
	if len(over) == 0 {
		return ""
	}
	return "GitHub shows only " + strings.Join(over, " and ") +
		" of a step; every finding is in the log above (and in the step summary when GITHUB_STEP_SUMMARY is set)"
}

// WriteSummary writes the step summary of the files written so far (see
// WriteGitHubSummary).
func (g *GitHubWriter) WriteSummary(w io.Writer) error { return g.summary.write(w) }

func githubCommand(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

// githubData escapes a workflow command's message.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a workflow command's property value.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace

// GitHubAnnotationsPerStep is how many annotations of each kind (error,
// warning, notice) GitHub shows for one step; the rest stay in the log.
const GitHubAnnotationsPerStep = 10

// GitHubOverflow says, for a run written with WriteGitHub, which
// annotations GitHub will not show, or returns "" when it shows them all.
func GitHubOverflow(run Run) string {
	g := NewGitHubWriter(io.Discard)
	for _, f := range run.Files {
		g.File(f)
	}
	return g.Overflow()
}

// Bounds that keep a step summary well under GitHub's 1 MiB per step.
const (
	summaryFiles    = 100 // rows of the per-file table
	summaryFindings = 50  // rows of the first-findings table
)

// WriteGitHubSummary writes a Markdown report for GitHub's step summary
// ($GITHUB_STEP_SUMMARY): totals, then per file its score and counts, per
// rule its count and files (linked to its documentation), and the first
// findings.
func WriteGitHubSummary(w io.Writer, run Run) error {
	var s githubSummary
	for _, f := range run.Files {
		s.add(f)
	}
	return s.write(w)
}

// githubSummary folds a run, file by file, into what its step summary
// shows: the totals, the first rows of the file table, the tally of each
// rule and the first findings, already written out.
type githubSummary struct {
	counts   Counts
	rows     int      // files with findings or an error
	fileRows []string // the first summaryFiles of them
	rules    []*ruleTally
	byRule   map[string]*ruleTally
	findings []string // the first summaryFindings findings
	files    int      // files seen, numbering them for the rule tallies
	current  Counts   // the findings of the file being added
}

// ruleTally is a rule's line in the summary.
type ruleTally struct {
	rule, url, severity string
	count, files        int
	lastFile            int // the number of the last file counted
}

func (s *githubSummary) add(f File) {
	s.beginFile()
	for _, x := range f.Findings {
		s.addFinding(&f, x)
	}
	s.endFile(f)
}

func (s *githubSummary) beginFile() {
	s.files++
	s.current = Counts{}
}

// endFile adds a file's row, once its findings are added (f's own are
// not looked at: a streamed file has none left).
func (s *githubSummary) endFile(f File) {
	fc := s.current
	s.counts.Error += fc.Error
	s.counts.Warning += fc.Warning
	s.counts.Info += fc.Info
	s.counts.Files++
	if f.Error != "" {
		s.counts.Failed++
	}
	if fc.Error+fc.Warning+fc.Info > 0 || f.Error != "" {
		if s.rows++; s.rows <= summaryFiles {
			score := "–"
			if f.Score != nil {
				score = fmt.Sprintf("%d/100", *f.Score)
			}
			if f.Error != "" {
				score = "unreadable: " + markdownCell(f.Error)
			}
			s.fileRows = append(s.fileRows, fmt.Sprintf("| %s | %s | %d | %d | %d |\n",
				markdownCode(slashPath(f.Path)), score, fc.Error, fc.Warning, fc.Info))
		}
	}
}

// addFinding counts a finding of the file being added.
func (s *githubSummary) addFinding(f *File, x Finding) {
	s.current.addSeverity(x.severity)
	if s.byRule == nil {
		s.byRule = map[string]*ruleTally{}
	}
	t := s.byRule[x.Rule]
	if t == nil {
		t = &ruleTally{rule: x.Rule, url: x.docURL(), severity: x.Severity}
		s.byRule[x.Rule] = t
		s.rules = append(s.rules, t)
	}
	t.count++
	if t.lastFile != s.files {
		t.lastFile = s.files
		t.files++
	}
	if len(s.findings) < summaryFindings {
		s.findings = append(s.findings, fmt.Sprintf("| %s | %s | %s | %s |\n",
			markdownCode(fmt.Sprintf("%s:%d:%d", slashPath(f.Path), x.Start.Line, x.Start.Column)),
			x.Severity, markdownCode(x.Rule), markdownCell(x.Message)))
	}
}

func (s *githubSummary) write(w io.Writer) error {
	p := &printer{w: w}
	c := s.counts
	p.printf("## hypelint\n\n")
	p.printf("**%s, %s, %s** in %s", plural(c.Error, "error"), plural(c.Warning, "warning"), plural(c.Info, "info"),
		plural(c.Files, "file"))
	if c.Failed > 0 {
		p.printf(" (%d could not be read)", c.Failed)
	}
	p.printf(".\n\n")

	p.printf("| file | score | errors | warnings | info |\n|---|---:|---:|---:|---:|\n")
	for _, row := range s.fileRows {
		p.printf("%s", row)
	}
	if s.rows > summaryFiles {
		p.printf("\n…and %s more with findings.\n", plural(s.rows-summaryFiles, "file"))
	}
	if clean := c.Files - s.rows; clean > 0 {
		p.printf("\n%s without findings.\n", plural(clean, "file"))
	}

	if len(s.rules) > 0 {
		order := slices.Clone(s.rules)
		slices.SortStableFunc(order, func(a, b *ruleTally) int { return cmp.Or(b.count-a.count, strings.Compare(a.rule, b.rule)) })
		p.printf("\n| rule | severity | findings | files |\n|---|---|---:|---:|\n")
		for _, t := range order {
			name := markdownCode(t.rule)
			if t.url != "" {
				name = "[" + name + "](" + t.url + ")"
			}
			p.printf("| %s | %s | %d | %d |\n", name, t.severity, t.count, t.files)
		}
	}

	total := c.Error + c.Warning + c.Info
	if total > 0 {
		p.printf("\n### First findings\n\n| location | severity | rule | message |\n|---|---|---|---|\n")
		for _, row := range s.findings {
			p.printf("%s", row)
		}
		if total > len(s.findings) {
			p.printf("\n…and %d more in the log.\n", total-len(s.findings))
		}
	}
	return p.err
}

// markdownCell makes text safe inside a table cell: no line breaks, no
// column bars, no HTML.
var markdownCell = strings.NewReplacer("|", "\\|", "\r\n", " ", "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;").Replace

// markdownCode puts text in a code span inside a table cell, with a fence
// longer than any run of backticks in it.
func markdownCode(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	s = strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ").Replace(s)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
