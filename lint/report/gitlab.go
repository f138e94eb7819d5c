package report

import (
	"encoding/json"
	"io"
)

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

// WriteGitLab writes a GitLab Code Quality report. Files that could not be
// read are left out: the format has no place for them that is not a code
// issue. An empty run is "[]".
func WriteGitLab(w io.Writer, run Run) error {
	issues := []gitlabIssue{}
	for _, f := range run.Files {
		prints := fingerprints(f)
		for i, x := range f.Findings {
			issues = append(issues, gitlabIssue{
				Type:        "issue",
				Description: x.Message,
				CheckName:   x.Rule,
				Fingerprint: prints[i],
				Severity:    gitlabSeverity(x.Severity),
				Categories:  []string{"Style"},
				Location: gitlabLocation{
					Path:  slashPath(f.Path),
					Lines: gitlabLines{Begin: x.Start.Line, End: x.End.Line},
				},
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
