package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/report"
)

type gitlabIssue struct {
	Type        string   `json:"type"`
	Description string   `json:"description"`
	CheckName   string   `json:"check_name"`
	Fingerprint string   `json:"fingerprint"`
	Severity    string   `json:"severity"`
	Categories  []string `json:"categories"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
			End   int `json:"end"`
		} `json:"lines"`
	} `json:"location"`
}

func writeGitLab(t *testing.T, run report.Run) []gitlabIssue {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, report.WriteGitLab(&buf, run))
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	var issues []gitlabIssue
	require.NoError(t, dec.Decode(&issues))
	return issues
}

func TestGitLabCodeQuality(t *testing.T) {
	f := emojiFile(t, `news\a.txt`)
	en := lintFile(t, "b.txt", "Miracle cure reverses aging in mice\n\nScientists say the pill is a breakthrough.\n", "en")
	issues := writeGitLab(t, newRun(t, f, en, unreadable("gone.txt")))
	require.Len(t, issues, len(f.Findings)+len(en.Findings), "one issue per finding; unreadable files are not code issues")
	seen := map[string]bool{}
	for i, x := range append(append([]report.Finding{}, f.Findings...), en.Findings...) {
		is := issues[i]
		assert.Equal(t, "issue", is.Type)
		assert.Equal(t, x.Message, is.Description)
		assert.Equal(t, x.Rule, is.CheckName)
		assert.Equal(t, map[string]string{"error": "major", "warning": "minor", "info": "info"}[x.Severity], is.Severity)
		assert.Equal(t, []string{"Style"}, is.Categories)
		assert.Equal(t, x.Start.Line, is.Location.Lines.Begin)
		assert.Equal(t, x.End.Line, is.Location.Lines.End)
		assert.Regexp(t, `^[0-9a-f]{64}$`, is.Fingerprint)
		assert.False(t, seen[is.Fingerprint], "fingerprints are unique")
		seen[is.Fingerprint] = true
	}
	assert.Equal(t, "b.txt", issues[len(issues)-1].Location.Path)

	hype := issues[1]
	assert.Equal(t, "hype-word", hype.CheckName)
	assert.Equal(t, "minor", hype.Severity)
	assert.Equal(t, 1, hype.Location.Lines.Begin)

	// The fingerprint is the one SARIF reports, and it does not depend on
	// the line.
	var sarif bytes.Buffer
	require.NoError(t, report.WriteSARIF(&sarif, newRun(t, f)))
	assert.Contains(t, sarif.String(), `"hypelint/v1": "`+hype.Fingerprint+`"`)
	moved := lintFile(t, `news\a.txt`, "\n\n"+emojiArticle, "en")
	for _, is := range writeGitLab(t, newRun(t, moved)) {
		if is.CheckName == "hype-word" {
			assert.Equal(t, 3, is.Location.Lines.Begin)
			assert.Equal(t, hype.Fingerprint, is.Fingerprint)
		}
	}
}

func TestGitLabEmptyRun(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.WriteGitLab(&buf, newRun(t)))
	assert.Equal(t, "[]\n", buf.String())
	buf.Reset()
	require.NoError(t, report.WriteGitLab(&buf, newRun(t, lintFile(t, "clean.txt", "A note\n\nNothing to see here.\n", "en"))))
	assert.Equal(t, "[]\n", buf.String())
}
