package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEvidenceCommand(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hyped.txt": hyped, "clean.txt": clean, "bad.txt": "ok\xff\n"})
	hypedPath, cleanPath := filepath.Join(dir, "hyped.txt"), filepath.Join(dir, "clean.txt")

	r := runCLI(t, nil, false, "evidence", hypedPath, cleanPath)
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, hypedPath+" (zh-Hans): "), r.stdout)
	assert.Contains(t, r.stdout, "\n"+cleanPath+" (zh-Hans): ")
	assert.Equal(t, 2, strings.Count(r.stdout, "\n  Studies\n"), "a card per file")
	assert.Equal(t, 2, strings.Count(r.stdout, "\n  Flagged claims\n"))

	zh := runCLI(t, nil, false, "evidence", "--locale", "zh-TW", hypedPath)
	require.Equal(t, exitClean, zh.code, zh.stderr)
	assert.Contains(t, zh.stdout, "\n  研究\n")
	assert.Contains(t, zh.stdout, "\n  被標記的說法\n")

	r = runCLI(t, nil, false, "evidence", "--format", "json", dir)
	assert.Equal(t, exitError, r.code, "an invalid file makes the run exit 2")
	assert.Contains(t, r.stderr, "bad.txt: byte offset 2:")
	var doc struct {
		Tool  struct{ Name string }
		Files []struct {
			Path     string
			Studies  []any
			Claims   []any
			Error    string
			Findings any
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc), r.stdout)
	assert.Equal(t, "hypelint", doc.Tool.Name)
	require.Len(t, doc.Files, 3, "the other files are still carded and every file is listed")
	for _, f := range doc.Files {
		assert.NotNil(t, f.Studies, f.Path)
		assert.NotNil(t, f.Claims, f.Path)
		assert.Nil(t, f.Findings, "the card is not the lint report")
		assert.Equal(t, strings.HasSuffix(f.Path, "bad.txt"), f.Error != "", f.Path)
	}

	out := filepath.Join(t.TempDir(), "card.txt")
	r = runCLI(t, nil, false, "evidence", "-o", out, hypedPath)
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	written, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(written), hypedPath+" (zh-Hans): ")

	bad := runCLI(t, nil, false, "evidence", "--format", "sarif", hypedPath)
	assert.Equal(t, exitError, bad.code)
	assert.Contains(t, bad.stderr, `--format "sarif": want one of text, json`)
	assert.Contains(t, bad.stderr, "Run 'hypelint evidence --help' for usage.")
	assert.Equal(t, exitError, runCLI(t, nil, false, "evidence").code, "no paths")
}

func TestEvidenceReadsStandardInput(t *testing.T) {
	var out, errOut strings.Builder
	e := &env{stdin: strings.NewReader(hyped), stdout: &out, stderr: &errOut, stdinPiped: true,
		getenv: func(string) string { return "" }}
	code := e.dispatch([]string{"evidence", "--stdin-filename", "draft.md"})
	require.Equal(t, exitClean, code, errOut.String())
	assert.True(t, strings.HasPrefix(out.String(), "draft.md (zh-Hans): "), out.String())
}

// mixedArticle promises in its headline what its only study showed in
// mice: the analysis finds the study and attributes the headline to it.
const mixedArticle = "NMN逆转衰老，人人可用\n\n一项研究给老年小鼠补充NMN，发表于《自然·衰老》。\n"

func TestEvidenceCardOfAMouseStudy(t *testing.T) {
	dir := writeFiles(t, map[string]string{"mixed.txt": mixedArticle})
	path := filepath.Join(dir, "mixed.txt")
	r := runCLI(t, nil, false, "evidence", path)
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, path+":3:1: study 1: 小鼠, laboratory experiment, no number of subjects given, venue 《自然·衰老》\n")
	assert.Contains(t, r.stdout, path+":1:4: “逆转衰老” [reverse-aging-claim] rests on study 1 (3:1)\n"+
		"      The headline claims “逆转衰老” without saying in whom; the study it rests on (study 1) used 小鼠, not people.\n")

	zh := runCLI(t, nil, false, "evidence", "--locale", "zh-Hans", path)
	assert.Contains(t, zh.stdout, "标题声称“逆转衰老”却未说明对象；它所依据的研究1用的是小鼠，不是人。")

	// The lint report's JSON carries the same card, and the claim rule's
	// finding on the headline points at the study.
	j := runCLI(t, nil, false, "--format", "json", path)
	var doc struct {
		Files []struct {
			Findings []struct {
				Rule    string
				Related []struct {
					Start   struct{ Line, Column int }
					Message string
				}
			}
			Studies []struct{ Model string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(j.stdout), &doc), j.stdout)
	require.Len(t, doc.Files[0].Studies, 1)
	assert.Equal(t, "小鼠", doc.Files[0].Studies[0].Model)
	found := false
	for _, x := range doc.Files[0].Findings {
		if x.Rule == "animal-result-in-headline" {
			require.Len(t, x.Related, 1)
			assert.Equal(t, 3, x.Related[0].Start.Line)
			assert.Contains(t, x.Related[0].Message, "study 1: 小鼠")
			found = true
		}
	}
	assert.True(t, found, j.stdout)
}
