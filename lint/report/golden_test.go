package report_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenArticles are short articles in each language, in the order a run
// reports them.
var goldenArticles = []struct{ path, text string }{
	{"news/zh-hans.txt", emojiArticle},
	{"news/en.txt", "Miracle pill reverses ageing\n\nA study in mice found the supplement is 100% safe and a breakthrough, researchers said.\n"},
	{"news/zh-hant.txt", "抗老神藥問世\n\n研究指出，這款保健品能讓老鼠年輕十歲，相當於人類80歲的老鼠恢復活力。\n"},
}

// goldenRun lints the golden articles and adds a file that could not be
// read. It passes no rule list, so the SARIF golden describes only the
// rules that fired and does not change whenever a rule is added.
func goldenRun(t *testing.T) report.Run {
	var files []report.File
	for _, a := range goldenArticles {
		files = append(files, lintFile(t, a.path, a.text, "en"))
	}
	files = append(files, unreadable("news/missing.txt"))
	return report.Run{Files: files, Version: "0.0.0-golden", Locale: "en"}
}

func TestGolden(t *testing.T) {
	run := goldenRun(t)
	formats := []struct {
		file  string
		write func(io.Writer, report.Run) error
	}{
		{"sarif.json", report.WriteSARIF},
		{"github.txt", report.WriteGitHub},
		{"rdjsonl.jsonl", report.WriteRDJSONL},
		{"rdjson.json", report.WriteRDJSON},
		{"gitlab.json", report.WriteGitLab},
		{"junit.xml", report.WriteJUnit},
		{"checkstyle.xml", report.WriteCheckstyle},
		{"statistics.txt", func(w io.Writer, r report.Run) error { return report.WriteStatistics(w, r, false) }},
		{"statistics.json", func(w io.Writer, r report.Run) error { return report.WriteStatistics(w, r, true) }},
	}
	for _, f := range formats {
		t.Run(f.file, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, f.write(&buf, run))
			path := filepath.Join("testdata", "golden", f.file)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./lint/report/ -run Golden -update to create it")
			assert.Equal(t, string(want), buf.String(), "%s differs; if the change is intended, run go test ./lint/report/ -run Golden -update", path)
			if f.file == "sarif.json" {
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
				require.NoError(t, err)
				require.NoError(t, loadSARIFSchema(t).Validate(inst))
			}
		})
	}
}
