package report

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenFormats are the reporters, each writing a whole run.
var goldenFormats = []struct {
	file  string
	write func(io.Writer, Run) error
}{
	{"report.txt", func(w io.Writer, r Run) error { return WriteText(w, r.Files, TextOptions{Width: 60}) }},
	{"report.zh-Hans.txt", func(w io.Writer, r Run) error {
		return WriteText(w, r.Files, TextOptions{Width: 60, Locale: "zh-Hans", Color: true})
	}},
	{"report.json", func(w io.Writer, r Run) error { return WriteJSON(w, r.Files, r.Version) }},
	{"report.sarif", WriteSARIF},
	{"report.github", WriteGitHub},
	{"report.github-summary.md", WriteGitHubSummary},
	{"report.rdjsonl", WriteRDJSONL},
	{"report.rdjson", WriteRDJSON},
	{"report.gitlab.json", WriteGitLab},
	{"report.junit.xml", WriteJUnit},
	{"report.checkstyle.xml", WriteCheckstyle},
	{"statistics.txt", func(w io.Writer, r Run) error { return WriteStatistics(w, r, false) }},
	{"statistics.json", func(w io.Writer, r Run) error { return WriteStatistics(w, r, true) }},
}

// TestGolden writes the fixed run in every format and compares with
// testdata/golden (go test ./lint/report -run Golden -update rewrites them
// after an intended change; review the diff).
func TestGolden(t *testing.T) {
	run := fixtureRun(t)
	for _, f := range goldenFormats {
		t.Run(f.file, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, f.write(&buf, run))
			path := filepath.Join("testdata", "golden", f.file)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "go test ./lint/report -run Golden -update creates it")
			assert.Equal(t, string(want), buf.String(), "%s differs; after an intended change: go test ./lint/report -run Golden -update", path)
		})
	}
}
