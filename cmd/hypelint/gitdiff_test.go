package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The case issue 12 §1 reproduced: a committed Chinese-named article gets a
// hyped line and an untracked article is added; --diff used to print "No
// findings in 2 files." and exit 0 because git quoted the names.
func TestDiffReportsChangesInChineseNamedFiles(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for _, config := range [][]string{
		{"core.quotePath", "true"}, {"diff.noprefix", "true"}, {"diff.mnemonicPrefix", "true"},
	} {
		t.Run(config[0], func(t *testing.T) {
			base := "标题\n\n研究人员在小鼠身上做了实验。\n"
			dir := writeFiles(t, map[string]string{"zh-hans/中文稿件.md": base})
			git(t, dir, "init", "-q")
			git(t, dir, "config", config[0], config[1])
			git(t, dir, "add", ".")
			git(t, dir, "commit", "-q", "-m", "base")
			require.NoError(t, os.WriteFile(filepath.Join(dir, "zh-hans", "中文稿件.md"), []byte(base+"这种神药能逆转衰老。\n"), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "zh-hans", "新稿.md"), []byte("这种神药能逆转衰老。\n"), 0o644))
			t.Chdir(dir)

			full, _ := lintJSON(t, "zh-hans/")
			for _, flag := range []string{"--diff", "--changed-since"} {
				rep, r := lintJSON(t, flag, "HEAD", "zh-hans/")
				assert.Equal(t, exitFindings, r.code, r.stderr)
				require.Len(t, rep.Files, 2)
				assert.Contains(t, rulesOf(rep, 0), "reverse-aging-claim", "the new line of the committed article")
				assert.Contains(t, rulesOf(rep, 1), "reverse-aging-claim", "the new untracked article")
				assert.Equal(t, rulesOf(full, 1), rulesOf(rep, 1), "an untracked file is new in full")
				for _, f := range rep.Files[0].Findings {
					assert.Equal(t, 4, f.Start.Line, "only the new line: %s", f.Rule)
				}
			}
		})
	}
}

// Whatever git cannot answer for is an error (exit 2), never an empty report.
func TestDiffFailuresStopTheRun(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := writeFiles(t, map[string]string{"repo/a.md": "这种神药能逆转衰老。\n", "elsewhere/b.md": "这种神药能逆转衰老。\n"})
	repo := filepath.Join(dir, "repo")
	git(t, repo, "init", "-q")
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-q", "-m", "base")
	t.Chdir(repo)

	r := runCLI(t, nil, false, "--diff", "HEAD", "a.md", filepath.Join(dir, "elsewhere", "b.md"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "not a git repository", "git's own message")
	assert.Contains(t, r.stderr, "b.md")
	assert.Empty(t, r.stdout)

	r = runCLI(t, nil, false, "--diff", "main~5", "a.md")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "not a commit")

	r = runCLI(t, nil, false, "--diff", "HEAD", "-")
	assert.Equal(t, exitError, r.code, "standard input cannot be placed in git without --stdin-filename")
}
