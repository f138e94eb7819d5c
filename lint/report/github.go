package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteGitHub writes one GitHub Actions workflow command per finding, which
// the runner turns into an annotation on the file:
//
//	::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
//
// (warning for warnings, notice for info). Columns count code points; the
// end column is exclusive, as everywhere in hypelint. GitHub takes columns
// only for an annotation on one line, so a finding that spans lines gets
// line and endLine alone. A file that could not be read gets an error
// annotation on the file.
func WriteGitHub(w io.Writer, run Run) error {
	p := &printer{w: w}
	for _, f := range run.Files {
		file := githubProperty(slashPath(f.Path))
		if f.Error != "" {
			p.printf("::error file=%s,title=%s::%s\n", file, githubProperty(toolName), githubData(f.Error))
		}
		for _, x := range f.Findings {
			pos := fmt.Sprintf("line=%d", x.Start.Line)
			if x.End.Line == x.Start.Line {
				pos += fmt.Sprintf(",col=%d,endLine=%d,endColumn=%d", x.Start.Column, x.End.Line, x.End.Column)
			} else {
				pos += fmt.Sprintf(",endLine=%d", x.End.Line)
			}
			p.printf("::%s file=%s,%s,title=%s::%s\n", githubCommand(x.Severity), file, pos,
				githubProperty(x.Rule), githubData(x.Message))
		}
	}
	return p.err
}

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
	counts := map[string]int{}
	for _, f := range run.Files {
		if f.Error != "" {
			counts["error"]++
		}
		for _, x := range f.Findings {
			counts[githubCommand(x.Severity)]++
		}
	}
	var over []string
	for _, kind := range []string{"error", "warning", "notice"} {
		if n := counts[kind]; n > GitHubAnnotationsPerStep {
			over = append(over, fmt.Sprintf("%d of %d %s annotations", GitHubAnnotationsPerStep, n, kind))
		}
	}
	if len(over) == 0 {
		return ""
	}
	return "GitHub shows only " + strings.Join(over, " and ") +
		" of a step; every finding is in the log above (and in the step summary when GITHUB_STEP_SUMMARY is set)"
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
	p := &printer{w: w}
	c := Count(run.Files)
	p.printf("## hypelint\n\n")
	p.printf("**%s, %s, %s** in %s", plural(c.Error, "error"), plural(c.Warning, "warning"), plural(c.Info, "info"),
		plural(c.Files, "file"))
	if c.Failed > 0 {
		p.printf(" (%d could not be read)", c.Failed)
	}
	p.printf(".\n\n")

	p.printf("| file | score | errors | warnings | info |\n|---|---:|---:|---:|---:|\n")
	rows := 0
	for _, f := range run.Files {
		if len(f.Findings) == 0 && f.Error == "" {
			continue
		}
		if rows++; rows > summaryFiles {
			continue
		}
		fc := Count([]File{f})
		score := "–"
		if f.Score != nil {
			score = fmt.Sprintf("%d/100", *f.Score)
		}
		if f.Error != "" {
			score = "unreadable: " + markdownCell(f.Error)
		}
		p.printf("| %s | %s | %d | %d | %d |\n", markdownCode(slashPath(f.Path)), score, fc.Error, fc.Warning, fc.Info)
	}
	if rows > summaryFiles {
		p.printf("\n…and %s more with findings.\n", plural(rows-summaryFiles, "file"))
	}
	if clean := c.Files - rows; clean > 0 {
		p.printf("\n%s without findings.\n", plural(clean, "file"))
	}

	type tally struct {
		rule     string
		url      string
		count    int
		files    map[string]bool
		severity string
	}
	var order []*tally
	byRule := map[string]*tally{}
	for _, f := range run.Files {
		for _, x := range f.Findings {
			t := byRule[x.Rule]
			if t == nil {
				t = &tally{rule: x.Rule, url: x.docURL(), files: map[string]bool{}, severity: x.Severity}
				byRule[x.Rule] = t
				order = append(order, t)
			}
			t.count++
			t.files[f.Path] = true
		}
	}
	if len(order) > 0 {
		slices.SortStableFunc(order, func(a, b *tally) int { return cmp.Or(b.count-a.count, strings.Compare(a.rule, b.rule)) })
		p.printf("\n| rule | severity | findings | files |\n|---|---|---:|---:|\n")
		for _, t := range order {
			name := markdownCode(t.rule)
			if t.url != "" {
				name = "[" + name + "](" + t.url + ")"
			}
			p.printf("| %s | %s | %d | %d |\n", name, t.severity, t.count, len(t.files))
		}
	}

	total := c.Error + c.Warning + c.Info
	if total > 0 {
		p.printf("\n### First findings\n\n| location | severity | rule | message |\n|---|---|---|---|\n")
		shown := 0
		for _, f := range run.Files {
			for _, x := range f.Findings {
				if shown == summaryFindings {
					break
				}
				shown++
				p.printf("| %s | %s | %s | %s |\n", markdownCode(fmt.Sprintf("%s:%d:%d", slashPath(f.Path), x.Start.Line, x.Start.Column)),
					x.Severity, markdownCode(x.Rule), markdownCell(x.Message))
			}
		}
		if total > shown {
			p.printf("\n…and %d more in the log.\n", total-shown)
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
