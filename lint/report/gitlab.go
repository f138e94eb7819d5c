package report

import "io"

// GitLab Code Quality report: a JSON array of Code Climate issues with the
// fields GitLab reads (description, check_name, fingerprint, severity,
// location.path, location.lines.begin).

type gitlabIssue struct {
	Type        string         `json:"type"`
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Categories  []string       `json:"categories"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// gitlabSeverity maps hypelint's severities onto GitLab's scale (info,
// minor, major, critical, blocker).
func gitlabSeverity(severity string) string {
	switch severity {
	case "error":
		return "major"
	case "warning":
		return "minor"
	}
	return "info"
}

// WriteGitLab writes a GitLab Code Quality report (see GitLabWriter).
func WriteGitLab(w io.Writer, run Run) error {
	return writeAll(NewGitLabWriter(w), run.Files)
}

// GitLabWriter writes a GitLab Code Quality report one file at a time.
// Files that could not be read are left out: the format has no place for
// them that is not a code issue. An empty run is "[]".
type GitLabWriter struct {
	o  *jsonOut
	n  int // issues written
	fp *fingerprinter
}

// NewGitLabWriter starts a GitLab report on w.
func NewGitLabWriter(w io.Writer) *GitLabWriter {
	g := &GitLabWriter{o: newJSONOut(w)}
	g.o.str("[")
	return g
}

// File writes one file's issues.
func (g *GitLabWriter) File(f File) error { return writeParts(g, f) }

func (g *GitLabWriter) beginFile(f *File) error {
	g.fp = newFingerprinter(f.Path)
	return g.o.err
}

func (g *GitLabWriter) finding(f *File, x Finding) error {
	issue := gitlabIssueOf(*f, x, g.fp.next(x))
	g.o.item(g.n, "  ")
	g.o.value(&issue, "  ")
	g.n++
	return g.o.err
}

func (g *GitLabWriter) endFile(File) error { return g.o.err }

// gitlabIssues are a file's findings as Code Climate issues.
func gitlabIssues(f File) []gitlabIssue {
	prints := fingerprints(f)
	out := make([]gitlabIssue, 0, len(f.Findings))
	for i, x := range f.Findings {
		out = append(out, gitlabIssueOf(f, x, prints[i]))
	}
	return out
}

func gitlabIssueOf(f File, x Finding, fingerprint string) gitlabIssue {
	return gitlabIssue{
		Type:        "issue",
		Description: x.Message,
		CheckName:   x.Rule,
		Fingerprint: fingerprint,
		Severity:    gitlabSeverity(x.Severity),
		Categories:  []string{"Style"},
		Location: gitlabLocation{
			Path:  slashPath(f.Path),
			Lines: gitlabLines{Begin: x.Start.Line, End: x.End.Line},
		},
	}
}

// Close ends the array.
func (g *GitLabWriter) Close() error {
	g.o.endArray(g.n, "")
	g.o.str("\n")
	return g.o.flush()
}
