package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repoRoot is the repository this test file lives in.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// buildBinary compiles hypelint once per test binary run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "hypelint")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

func TestMarkdownSuppressionForms(t *testing.T) {
	src := "---\ntitle: 重磅新发现\n---\n\n" +
		"<!-- hypelint-disable-file disclosure -->\n\n" +
		"<!-- hypelint-disable-next-line reverse-aging-claim, hype-word -- quoting the advert -->\n" +
		"广告称它能**逆转衰老**，是重大突破。\n\n" +
		"<!-- hypelint-disable overclaim -->\n\n" +
		"这是神药。\n\n" +
		"<!-- hypelint-enable overclaim -->\n\n" +
		"它还是一种神药。\n\n" +
		"<!-- hypelint-disable-next-line sample-size -->\n" +
		"这一句没有问题。\n"
	dir := writeFiles(t, map[string]string{"a.md": src})
	rep, _ := lintJSON(t, filepath.Join(dir, "a.md"))
	var got []string
	for _, f := range rep.Files[0].Findings {
		got = append(got, f.Rule+":"+f.Excerpt)
	}
	assert.Contains(t, got, "hype-word:重磅", "the title has no directive")
	assert.NotContains(t, got, "reverse-aging-claim:逆转衰老")
	assert.NotContains(t, got, "hype-word:重大突破")
	assert.Contains(t, got, "miracle-cure-claim:神药", "the second 神药 is after enable")
	assert.Len(t, filter(got, "miracle-cure-claim:"), 1, "the first 神药 is inside disable … enable")
	assert.NotContains(t, strings.Join(got, " "), "missing-disclosure")
	assert.Contains(t, got, "unused-suppression:<!-- hypelint-disable-next-line sample-size -->")
}

func filter(xs []string, prefix string) []string {
	var out []string
	for _, x := range xs {
		if strings.HasPrefix(x, prefix) {
			out = append(out, x)
		}
	}
	return out
}

func TestStdinFilenamePicksFormat(t *testing.T) {
	md := "# 标题\n\n`逆转衰老` 在代码里，[链接](https://example.com/逆转衰老)。\n"
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(md), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	code := e.dispatch([]string{"--stdin-filename", "draft.md", "--format", "json", "-"})
	require.Equal(t, exitClean, code, errOut.String())
	assert.Contains(t, out.String(), `"path": "draft.md"`)
	assert.NotContains(t, out.String(), "reverse-aging-claim", "read as Markdown: code and URL are not linted")

	out.Reset()
	e.stdin = strings.NewReader(md)
	code = e.dispatch([]string{"--format", "json", "-"})
	assert.Equal(t, exitFindings, code, "read as plain text the same bytes are linted")
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
}

func TestDiffReportsOnlyChangedLines(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := writeFiles(t, map[string]string{"a.txt": "标题\n\n这是神药。\n\n研究由基金资助。\n"})
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "base")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"),
		[]byte("标题\n\n这是神药。\n\n它能逆转衰老。\n\n研究由基金资助。\n"), 0o644))
	wd, _ := os.Getwd()
	require.NoError(t, os.Chdir(dir))
	defer os.Chdir(wd)
	rep, _ := lintJSON(t, "--diff", "HEAD", "a.txt")
	assert.Equal(t, []string{"reverse-aging-claim"}, rulesOf(rep, 0), "the unchanged 神药 line is not reported")
	rep, _ = lintJSON(t, "a.txt")
	assert.Contains(t, rulesOf(rep, 0), "miracle-cure-claim", "without --diff everything is reported")
	r := runCLI(t, nil, false, "--diff", "no-such-rev", "--format", "json", "a.txt")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "not a commit")
	assert.Empty(t, r.stdout, "every input is placed in git before any output")
}

// TestGitHubActionStep runs the action's lint step (action/run.sh) the way
// the composite action does, with INPUT_* variables, on a fixture.
func TestGitHubActionStep(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	bin := buildBinary(t)
	dir := writeFiles(t, map[string]string{
		"articles/a.md":  "# 重磅！NMN逆转衰老\n\n它是神药。\n",
		"articles/b.txt": clean,
	})
	step := func(env ...string) (string, int) {
		cmd := exec.Command("bash", filepath.Join(repoRoot(t), "action", "run.sh"))
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), append([]string{"HYPELINT=" + bin}, env...)...)
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else {
			require.NoError(t, err)
		}
		return string(out), code
	}
	out, code := step("INPUT_PATHS=articles", "INPUT_FAIL_ON=error", "INPUT_FORMAT=github")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "::error file=articles/a.md,line=1,col=9,endLine=1,endColumn=13,title=reverse-aging-claim::")
	assert.NotContains(t, out, "b.txt", "the careful article has no findings")
	_, code = step("INPUT_PATHS=articles", "INPUT_FAIL_ON=none")
	assert.Equal(t, 0, code)
	out, _ = step("INPUT_PATHS=articles/a.md", "INPUT_FORMAT=sarif", "INPUT_ARGS=--locale zh-Hans")
	assert.Contains(t, out, `"version": "2.1.0"`)
	assert.Contains(t, out, "逆转衰老")
}

// TestPreCommitHook runs the real pre-commit tool against this repository's
// .pre-commit-hooks.yaml, in a throwaway git repository.
func TestPreCommitHook(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (Debian package pre-commit; .ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("builds hypelint inside pre-commit's environment; skipped with -short")
	}
	dir := writeFiles(t, map[string]string{"article.md": "# 重磅！NMN逆转衰老\n\n它是神药，能让老人返老还童。\n"})
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	tryRepo := func() (string, error) {
		cmd := exec.Command("pre-commit", "try-repo", repoRoot(t), "hypelint", "--files", "article.md")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(os.TempDir(), "hypelint-pre-commit-cache"))
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := tryRepo()
	require.Error(t, err, "a hyped article fails the hook:\n%s", out)
	assert.Contains(t, out, "article.md:1:")
	assert.Contains(t, out, "[reverse-aging-claim]")

	clean := "# 小鼠实验：这种分子改善老年小鼠的肌力\n\n在小鼠中，这种分子改善了握力，尚未在人体中验证。研究由国家自然科学基金资助，作者声明无利益冲突。\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "article.md"), []byte(clean), 0o644))
	git(t, dir, "add", ".")
	out, err = tryRepo()
	require.NoError(t, err, "a careful article passes:\n%s", out)
	assert.Contains(t, out, "Passed")
}
