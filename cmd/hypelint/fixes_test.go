package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/fix"
)

// swapRules is a house swap rule on words the corpus uses in both scripts
// and in English.
const swapRules = `rules:
  - id: house-wording
    category: house-style
    severity: warning
    message: {en: "Our style: write {term} differently"}
    swap: {daily: every day, 大学: 高校}
`

// copyCorpus copies the article files of corpus/ to a new folder.
func copyCorpus(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "corpus")
	src := filepath.Join("..", "..", "corpus")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".yaml") {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755))
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	require.NoError(t, err)
	return dst
}

type jsonFinding struct {
	Rule    string
	Excerpt string
	Start   struct{ Line, Offset int }
	End     struct{ Offset int }
	Fixes   []struct {
		Span struct {
			Start, End struct{ Offset int }
		}
		Replacement string
		Safe        bool
	}
}

// lintJSON lints dir and returns each file's findings.
func lintFindingsJSON(t *testing.T, args ...string) map[string][]jsonFinding {
	t.Helper()
	r := runCLI(t, nil, false, append([]string{"--format", "json", "--fail-on", "none"}, args...)...)
	require.Equal(t, exitClean, r.code, r.stderr)
	var out struct {
		Files []struct {
			Path     string
			Findings []jsonFinding
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	byFile := map[string][]jsonFinding{}
	for _, f := range out.Files {
		byFile[f.Path] = f.Findings
	}
	return byFile
}

func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := os.ReadFile(p)
			files[p] = string(data)
			return err
		}
		return err
	}))
	return files
}

// TestFixRoundTripsOnCorpus applies a house swap rule's fixes to a copy of
// the corpus: --diff-fixes writes nothing, --fix makes exactly the reported
// edits, and linting again finds none of the fixed findings and every
// other finding as before.
func TestFixRoundTripsOnCorpus(t *testing.T) {
	dir := copyCorpus(t)
	house := writeFiles(t, map[string]string{"house.yaml": swapRules})
	before := readAll(t, dir)
	found := lintFindingsJSON(t, "--rules", house, dir)

	want := map[string]string{} // each file as the reported safe fixes leave it
	editsOf := map[string][]fix.Edit{}
	fixes := 0
	for path, findings := range found {
		var edits []fix.Edit
		for _, x := range findings {
			if x.Rule == "house-wording" {
				require.Len(t, x.Fixes, 1)
				require.True(t, x.Fixes[0].Safe)
				edits = append(edits, fix.Edit{Start: x.Fixes[0].Span.Start.Offset, End: x.Fixes[0].Span.End.Offset, Text: x.Fixes[0].Replacement})
			}
		}
		editsOf[path] = edits
		if len(edits) == 0 {
			continue
		}
		out, made := fix.Apply([]byte(before[path]), edits)
		require.Len(t, made, len(edits))
		want[path] = string(out)
		fixes += len(edits)
	}
	require.Greater(t, fixes, 5, "the corpus has these words")

	r := runCLI(t, nil, false, "--rules", house, "--diff-fixes", dir)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	for path := range want {
		assert.Contains(t, r.stdout, "\n+++ b"+filepath.ToSlash(path)+"\n")
	}
	assert.Equal(t, len(want), strings.Count(r.stdout, "\n+++ "), "one diff per file with fixes")
	assert.Equal(t, before, readAll(t, dir), "--diff-fixes writes nothing")

	r = runCLI(t, nil, false, "--rules", house, "--fix", "--fail-on", "none", dir)
	assert.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stderr, "hypelint: fixed ")
	after := readAll(t, dir)
	for path, text := range before {
		if w, ok := want[path]; ok {
			assert.Equal(t, w, after[path], path)
		} else {
			assert.Equal(t, text, after[path], "%s is not an article: untouched", path)
		}
	}

	again := lintFindingsJSON(t, "--rules", house, dir)
	for path, findings := range found {
		var was, is []string
		for _, x := range findings {
			if x.Rule != "house-wording" {
				was = append(was, x.Rule+" "+fixedExcerpt(before[path], x.Start.Offset, x.End.Offset, editsOf[path]))
			}
		}
		for _, x := range again[path] {
			assert.NotEqual(t, "house-wording", x.Rule, "%s: fixed finding still there: %s", path, x.Excerpt)
			is = append(is, x.Rule+" "+x.Excerpt)
		}
		assert.Equal(t, was, is, "%s: the other findings are as before", path)
	}
}

// fixedExcerpt is the text between start and end once the edits inside it
// are made.
func fixedExcerpt(text string, start, end int, edits []fix.Edit) string {
	var inside []fix.Edit
	for _, e := range edits {
		if start <= e.Start && e.End <= end {
			inside = append(inside, fix.Edit{Start: e.Start - start, End: e.End - start, Text: e.Text})
		}
	}
	out, _ := fix.Apply([]byte(text[start:end]), inside)
	return string(out)
}

func TestWriteIfUnchangedLeavesAChangedFileAlone(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "edited meanwhile\n"})
	path := filepath.Join(dir, "a.txt")
	err := writeIfUnchanged(path, []byte("as linted\n"), []byte("fixed\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "changed while hypelint ran")
	data, _ := os.ReadFile(path)
	assert.Equal(t, "edited meanwhile\n", string(data))

	require.NoError(t, os.Chmod(path, 0o600))
	require.NoError(t, writeIfUnchanged(path, []byte("edited meanwhile\n"), []byte("fixed\n")))
	data, _ = os.ReadFile(path)
	assert.Equal(t, "fixed\n", string(data))
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "the file keeps its permissions")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file is left behind")
}

// Only safe fixes are applied: a built-in rule's suggestion ("cure" →
// "treatment") is left to the writer, and standard input is never written.
func TestFixAppliesSafeFixesOnly(t *testing.T) {
	house := writeFiles(t, map[string]string{"house.yaml": swapRules})
	dir := writeFiles(t, map[string]string{"a.txt": "A daily pill cures cancer\n\nThe miracle cure works daily.\n"})
	path := filepath.Join(dir, "a.txt")
	r := runCLI(t, nil, false, "--rules", house, "--fix", "--fail-on", "none", path)
	require.Equal(t, exitClean, r.code, r.stderr)
	data, _ := os.ReadFile(path)
	assert.Equal(t, "A every day pill cures cancer\n\nThe miracle cure works every day.\n", string(data))

	var stdout, stderr strings.Builder
	e := &env{stdin: strings.NewReader("Title\n\nTaken daily.\n"), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	e.dispatch([]string{"--rules", house, "--fix", "--stdin-filename", path, "-"})
	assert.Contains(t, stderr.String(), "not fixed: standard input cannot be written")
	data, _ = os.ReadFile(path)
	assert.Equal(t, "A every day pill cures cancer\n\nThe miracle cure works every day.\n", string(data))
}

// A file saved by someone else between hypelint reading it and fixing it
// is left as they saved it, and the run says so (exit 2); the other files
// are fixed.
func TestFixLeavesAFileChangedDuringTheRun(t *testing.T) {
	house := writeFiles(t, map[string]string{"house.yaml": swapRules})
	dir := writeFiles(t, map[string]string{"a.txt": "Title\n\nTaken daily.\n", "b.txt": "Title\n\nTaken daily.\n"})
	var stdout, stderr strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	f := &lintFlags{format: "text", failOn: "none", color: "never", encoding: "auto", fix: true, rules: []string{house}, set: map[string]bool{}}
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	r, err := e.newRun(f, []string{a, b})
	require.NoError(t, err)
	require.NoError(t, r.prepare([]string{a, b}))
	files := r.lintAll([]string{a, b})
	require.NoError(t, os.WriteFile(a, []byte("Title\n\nTaken daily, edited.\n"), 0o644)) // saved meanwhile

	assert.Equal(t, 1, r.fixFiles(files))
	assert.True(t, r.failed)
	assert.Contains(t, stderr.String(), a+": not fixed: the file changed while hypelint ran")
	data, _ := os.ReadFile(a)
	assert.Equal(t, "Title\n\nTaken daily, edited.\n", string(data))
	data, _ = os.ReadFile(b)
	assert.Equal(t, "Title\n\nTaken every day.\n", string(data))
}
