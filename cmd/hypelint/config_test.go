package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/server"
)

// houseRules is a newsroom's own rule and lexicon, for a configuration's
// extra: list.
var houseRules = map[string]string{
	"house/lexicon/banned.yaml": "classes:\n  house_banned:\n    description: words our style guide bans\n    source: house style\n    zh: [黑科技]\n",
	"house/banned.yaml":         "rules:\n  - id: house-banned-word\n    category: overclaim\n    severity: error\n    scope: sentence\n    report: house_banned\n    when: \"true\"\n    message: {en: \"{term} is banned\", zh-Hans: \"{term}禁用\"}\n    explanation: {en: Our style guide bans these words., zh-Hans: 本社风格指南禁用这些词。}\n    source: house style guide\n    examples: {bad: [黑科技], good: [科技]}\n",
}

// configuredRepo is a folder whose .hypelint.yaml turns a rule off, changes
// a severity, adds a house rule and sets the language; the commands run
// from a folder below it, so they must walk up to find it.
func configuredRepo(t *testing.T) string {
	t.Helper()
	files := map[string]string{
		".hypelint.yaml": "rules:\n  disable: [miracle-cure-claim]\n  severity: {hype-word: info}\n  extra: [house]\nlocale: zh-Hans\n",
		"sub/a.txt":      "标题\n\n这项黑科技是神药。\n",
	}
	for k, v := range houseRules {
		files[k] = v
	}
	dir := writeFiles(t, files)
	t.Chdir(filepath.Join(dir, "sub"))
	return dir
}

func TestRulesShowsTheConfiguration(t *testing.T) {
	dir := configuredRepo(t)
	r := runCLI(t, nil, false, "rules")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Regexp(t, `(?m)^miracle-cure-claim\s+overclaim\s+off\s`, r.stdout, "a disabled rule is marked")
	assert.Regexp(t, `(?m)^hype-word\s+overclaim\s+info\s`, r.stdout, "the configured severity")
	assert.Regexp(t, `(?m)^reverse-aging-claim\s+overclaim\s+error\s`, r.stdout, "the others as they are")
	assert.Regexp(t, `(?m)^house-banned-word\s+overclaim\s+error\s+sentence\s+…禁用$`, r.stdout, "house rules, in the configured language")
	assert.Contains(t, r.stdout, "As configured by "+filepath.Join(dir, ".hypelint.yaml"))

	// --config names another file; a broken one stops with its line.
	empty := filepath.Join(dir, "empty.yaml")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	r = runCLI(t, nil, false, "rules", "--config", empty)
	assert.Regexp(t, `(?m)^miracle-cure-claim\s+overclaim\s+error\s`, r.stdout)
	assert.NotContains(t, r.stdout, "house-banned-word")
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".hypelint.yaml"), []byte("rules:\n  disable: [no-such-rule]\n"), 0o644))
	for _, cmd := range [][]string{{"rules"}, {"explain", "hype-word"}, {"explain-score"}, {"serve", "--addr", "127.0.0.1:0"}} {
		r = runCLI(t, nil, false, cmd...)
		assert.Equal(t, exitError, r.code, cmd)
		assert.Contains(t, r.stderr, filepath.Join(dir, ".hypelint.yaml")+`:2: unknown rule or category "no-such-rule"`, cmd)
	}
}

func TestExplainShowsTheConfiguration(t *testing.T) {
	dir := configuredRepo(t)
	cfg := filepath.Join(dir, ".hypelint.yaml")
	r := runCLI(t, nil, false, "explain", "hype-word")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "hype-word (overclaim, info in "+cfg+", warning by default, scope sentence)")
	assert.Regexp(t, `\p{Han}`, r.stdout, "explained in the configured language")

	r = runCLI(t, nil, false, "explain", "miracle-cure-claim", "--locale", "en")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "miracle-cure-claim (overclaim, off in "+cfg+", error when on, scope sentence)")
	assert.True(t, strings.HasPrefix(strings.SplitN(r.stdout, "\n", 4)[2], "What it does"), "the flag beats the configuration:\n%s", r.stdout)

	r = runCLI(t, nil, false, "explain", "house-banned-word")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "本社风格指南禁用这些词。")
	assert.Contains(t, r.stdout, "Source: house style guide")

	r = runCLI(t, nil, false, "explain", "house-baned-word")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `no rule "house-baned-word"; did you mean "house-banned-word"?`)
}

func TestEvalAndExplainScoreUseTheConfiguration(t *testing.T) {
	items := `{"id":"1","lang":"zh","text":"神药\n\n这是神药。","expect":{"overclaim":true}}
{"id":"2","lang":"zh","text":"小鼠实验\n\n在小鼠中改善了握力。","expect":{"overclaim":false}}
`
	dir := writeFiles(t, map[string]string{"v.jsonl": items, "a.txt": "神药\n\n这是神药。\n", "off.yaml": "rules:\n  disable: [overclaim]\n"})
	t.Chdir(dir)
	// Counts: n, positives, TP, FP, FN, TN.
	r := runCLI(t, nil, false, "eval", "v.jsonl")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Regexp(t, `overclaim\s+2\s+0\.50\s+1\s+0\s+0\s+1\s`, r.stdout, "no configuration: the miracle claim is found")
	require.NoError(t, os.Rename("off.yaml", ".hypelint.yaml"))
	r = runCLI(t, nil, false, "eval", "v.jsonl")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Regexp(t, `overclaim\s+2\s+0\.50\s+0\s+0\s+1\s+1\s`, r.stdout, "overclaim is off in .hypelint.yaml")

	r = runCLI(t, nil, false, "explain-score", "a.txt")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "a.txt: 56/100", "overclaim off: met (the claims branch's score: limits criterion, geometric mean)")
	assert.Regexp(t, `overclaim\s+met`, r.stdout)
	require.NoError(t, os.Remove(".hypelint.yaml"))
	r = runCLI(t, nil, false, "explain-score", "a.txt")
	assert.Contains(t, r.stdout, "a.txt: 38/100", "overclaim on: not met")
}

// TestServeUsesTheConfiguration runs the real binary's web page in a
// configured folder and asks its API.
func TestServeUsesTheConfiguration(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	dir := configuredRepo(t)
	for name, args := range map[string][]string{
		"nearest":  {"serve", "--addr", "127.0.0.1:0"},
		"--config": {"serve", "--addr", "127.0.0.1:0", "--config", filepath.Join(dir, ".hypelint.yaml")},
	} {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(bin, args...)
			if name == "--config" {
				cmd.Dir = t.TempDir() // no configuration to find from here
			}
			stdout, err := cmd.StdoutPipe()
			require.NoError(t, err)
			require.NoError(t, cmd.Start())
			defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
			line, err := bufio.NewReader(stdout).ReadString('\n')
			require.NoError(t, err)
			url := regexp.MustCompile(`http://\S+/`).FindString(line)
			require.NotEmpty(t, url, line)

			body, _ := json.Marshal(server.Request{Text: "标题\n\n这项黑科技是神药。\n", Filename: "a.txt"})
			client := &http.Client{Timeout: 20 * time.Second}
			resp, err := client.Post(url+"api/lint", "application/json", bytes.NewReader(body))
			require.NoError(t, err)
			defer resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode)
			var doc struct {
				Files []struct {
					Findings []struct{ Rule, Message string }
				}
			}
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&doc))
			require.Len(t, doc.Files, 1)
			var rules []string
			for _, f := range doc.Files[0].Findings {
				rules = append(rules, f.Rule)
				if f.Rule == "house-banned-word" {
					assert.Equal(t, "黑科技禁用", f.Message, "the configured locale when the page names none")
				}
			}
			assert.Contains(t, rules, "house-banned-word", "the house rule runs")
			assert.NotContains(t, rules, "miracle-cure-claim", "the disabled rule does not")
		})
	}
}

func TestPrintConfigShowsWhereEachValueComesFrom(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".hypelint.yaml":        "rules:\n  disable: [hype-word]\n  severity:\n    sample-size: info\nfail-on: warning\n",
		"a.md":                  hyped,
		"drafts/.hypelint.yaml": "exclude: [\"*.txt\"]\nlocale: zh-Hans\n",
		"drafts/b.txt":          hyped,
	})
	t.Chdir(dir)
	cfg := filepath.Join(dir, ".hypelint.yaml")
	row := func(out, key, value, origin string) {
		t.Helper()
		assert.Regexp(t, `(?m)^`+regexp.QuoteMeta(key)+` +`+regexp.QuoteMeta(value)+` +`+regexp.QuoteMeta(origin)+`$`, out)
	}
	r := runCLI(t, map[string]string{"LANG": "zh_TW.UTF-8"}, false, "--print-config", "a.md", "--encoding", "big5")
	require.Equal(t, exitClean, r.code, r.stderr)
	out := r.stdout
	assert.True(t, strings.HasPrefix(out, "Configuration for a.md\n"), out)
	row(out, "config file", cfg, "nearest .hypelint.yaml above .")
	row(out, "fail-on", "warning", cfg+":5")
	row(out, "locale", "zh-Hant", "environment LANG=zh_TW.UTF-8")
	row(out, "encoding", "big5", "flag --encoding")
	row(out, "format", "text", "default")
	row(out, "rules.enable", "(all)", "default")
	row(out, "rules.disable", "hype-word", cfg+":2")
	row(out, "rules.severity.sample-size", "info", cfg+":4")
	row(out, "include", "**/*.txt, **/*.md, **/*.markdown, **/*.html, **/*.htm", "default")
	row(out, "included", "yes", "a directory walk lints it (files named on the command line always are)")
	assert.Empty(t, r.stderr)

	// The file's own folder has a nearer configuration; the run-wide
	// settings still come from the one the run starts in, as they would in
	// `hypelint drafts/b.txt`.
	r = runCLI(t, nil, false, "--print-config", "drafts/b.txt", "--locale", "en", "--format", "json")
	require.Equal(t, exitClean, r.code, r.stderr)
	out = r.stdout
	row(out, "config file", filepath.Join(dir, "drafts", ".hypelint.yaml"), "nearest .hypelint.yaml above drafts")
	row(out, "locale", "en", "flag --locale")
	row(out, "format", "json", "flag --format")
	row(out, "fail-on", "warning", cfg+":5")
	row(out, "exclude", "*.txt", filepath.Join(dir, "drafts", ".hypelint.yaml")+":1")
	row(out, "included", "no", "a directory walk skips it (files named on the command line are still linted)")
	row(out, "rules.disable", "(none)", "default")

	r = runCLI(t, nil, false, "--print-config", "a.md", "--config", filepath.Join(dir, "drafts", ".hypelint.yaml"))
	require.Equal(t, exitClean, r.code, r.stderr)
	row(r.stdout, "config file", filepath.Join(dir, "drafts", ".hypelint.yaml"), "flag --config")
	row(r.stdout, "locale", "zh-Hans", filepath.Join(dir, "drafts", ".hypelint.yaml")+":2")
	row(r.stdout, "fail-on", "error", "default")

	r = runCLI(t, nil, false, "--print-config", "a.md", "other.md")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "--print-config takes one file")
}

func TestInitLeavesTheLocaleToTheEnvironment(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": hypedArticle})
	t.Chdir(dir)
	require.Equal(t, exitClean, runCLI(t, nil, false, "init").code)
	r := runCLI(t, map[string]string{"LANG": "zh_TW.UTF-8"}, false, "a.txt")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, "逆轉衰老", "Traditional Chinese messages, as the environment asks")
	r = runCLI(t, map[string]string{"LANG": "en_GB.UTF-8"}, false, "a.txt")
	assert.Contains(t, r.stdout, "promises to reverse ageing")
}
