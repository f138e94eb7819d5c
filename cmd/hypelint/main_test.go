package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const hyped = "😀重磅！NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n"
const clean = "小鼠实验：这种分子改善老年小鼠的肌力\n\n发表在《自然-衰老》的研究显示，在小鼠中，这种分子改善了握力，尚未在人体中验证。研究由国家自然科学基金资助，作者声明无利益冲突。\n"

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, vars map[string]string, terminal bool, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(hyped), stdout: &out, stderr: &errOut, isTerminal: terminal,
		getenv: func(k string) string { return vars[k] }}
	code := e.dispatch(args)
	return result{code, out.String(), errOut.String()}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func TestExitCodes(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hyped.txt": hyped, "clean.txt": clean, "bad.txt": "ok\xff\n"})
	assert.Equal(t, exitClean, runCLI(t, nil, false, filepath.Join(dir, "clean.txt")).code)
	assert.Equal(t, exitFindings, runCLI(t, nil, false, filepath.Join(dir, "hyped.txt")).code)
	assert.Equal(t, exitClean, runCLI(t, nil, false, "--fail-on", "none", filepath.Join(dir, "hyped.txt")).code)
	assert.Equal(t, exitError, runCLI(t, nil, false, "--fail-on", "sometimes", filepath.Join(dir, "hyped.txt")).code)
	assert.Equal(t, exitError, runCLI(t, nil, false).code, "no paths")
	assert.Equal(t, exitError, runCLI(t, nil, false, "--no-such-flag", dir).code)

	r := runCLI(t, nil, false, "--format", "json", dir)
	assert.Equal(t, exitError, r.code, "an invalid file makes the run exit 2")
	assert.Contains(t, r.stderr, "bad.txt: byte offset 2:")
	assert.Contains(t, r.stderr, "not valid UTF-8")
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	assert.Len(t, doc["files"], 3, "the other files are still linted and every file is listed")

	r = runCLI(t, nil, false, filepath.Join(dir, "missing.txt"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "missing.txt")
}

func TestJSONShape(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": hyped, "b.txt": clean})
	r := runCLI(t, nil, false, "--format", "json", dir)
	require.Equal(t, exitFindings, r.code, r.stderr)
	var doc struct {
		Tool  map[string]string `json:"tool"`
		Files []struct {
			Path     string           `json:"path"`
			Language string           `json:"language"`
			Findings []map[string]any `json:"findings"`
			Score    int              `json:"score"`
			Criteria []map[string]any `json:"criteria"`
			Studies  []map[string]any `json:"studies"`
			Claims   []map[string]any `json:"claims"`
		} `json:"files"`
	}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&doc))
	assert.Equal(t, "hypelint", doc.Tool["name"])
	assert.NotEmpty(t, doc.Tool["version"])
	require.Len(t, doc.Files, 2)
	assert.Equal(t, "zh-Hans", doc.Files[0].Language)
	assert.NotNil(t, doc.Files[1].Findings, "a clean file has an empty list, not null")
	assert.Empty(t, doc.Files[1].Findings)

	require.NotEmpty(t, doc.Files[0].Findings)
	assert.NotNil(t, doc.Files[1].Studies, "the evidence card's arrays are there, empty or not")
	assert.NotNil(t, doc.Files[1].Claims)
	keys := []string{"rule", "category", "severity", "message", "start", "end", "excerpt", "role", "related", "fixes", "note"}
	for _, f := range doc.Files[0].Findings {
		for k := range f {
			assert.Contains(t, keys, k)
		}
		start := f["start"].(map[string]any)
		end := f["end"].(map[string]any)
		so, eo := int(start["offset"].(float64)), int(end["offset"].(float64))
		assert.Equal(t, hyped[so:eo], f["excerpt"], "excerpt is the source between the offsets")
	}
	var hype map[string]any
	for _, f := range doc.Files[0].Findings {
		if f["rule"] == "hype-word" {
			hype = f
		}
	}
	require.NotNil(t, hype)
	// "重磅" comes after a 4-byte emoji: column 2 in code points, offset 4 in bytes.
	assert.Equal(t, "重磅", hype["excerpt"])
	assert.Equal(t, map[string]any{"line": 1.0, "column": 2.0, "offset": 4.0}, hype["start"])
	assert.Equal(t, map[string]any{"line": 1.0, "column": 4.0, "offset": 10.0}, hype["end"])
}

func TestTextCaretsUseDisplayWidth(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": hyped})
	r := runCLI(t, nil, false, filepath.Join(dir, "a.txt"))
	lines := strings.Split(r.stdout, "\n")
	var caret string
	for i, l := range lines {
		if strings.HasPrefix(l, filepath.Join(dir, "a.txt")+":1:") && strings.Contains(l, "[reverse-aging-claim]") {
			// Column 8 in code points: 😀 重 磅 ！ N M N come first.
			assert.True(t, strings.HasPrefix(l, filepath.Join(dir, "a.txt")+":1:8: error [reverse-aging-claim]"), l)
			assert.Equal(t, "  😀重磅！NMN逆转衰老", lines[i+1])
			caret = lines[i+2]
		}
	}
	// emoji (2) + 重磅！ (6) + NMN (3) = 11 columns before the span; 逆转衰老 is 8 wide.
	assert.Equal(t, "  "+strings.Repeat(" ", 11)+strings.Repeat("^", 8), caret)
	assert.Contains(t, r.stdout, "in 1 file.")
	assert.NotContains(t, r.stdout, "\x1b[", "no colour when not on a terminal")
}

func TestColourOnlyOnTerminalWithoutNoColor(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": hyped})
	path := filepath.Join(dir, "a.txt")
	assert.Contains(t, runCLI(t, nil, true, path).stdout, "\x1b[31merror")
	assert.NotContains(t, runCLI(t, map[string]string{"NO_COLOR": "1"}, true, path).stdout, "\x1b[")
}

func TestStdinAndQuiet(t *testing.T) {
	r := runCLI(t, nil, false, "--quiet", "-")
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, "-:1:")
	assert.NotContains(t, r.stdout, "findings (")
}

func TestRulesExplainEval(t *testing.T) {
	r := runCLI(t, nil, false, "rules")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "reverse-aging-claim")
	assert.Contains(t, r.stdout, "missing-disclosure")

	r = runCLI(t, nil, false, "explain", "reverse-aging-claim")
	require.Equal(t, exitClean, r.code)
	assert.Contains(t, r.stdout, "Source:")
	assert.Contains(t, r.stdout, "Flagged:")
	assert.Equal(t, exitError, runCLI(t, nil, false, "explain", "no-such-rule").code)

	items := `{"id":"1","lang":"zh","text":"重磅！神药逆转衰老\n\n研究显示患者返老还童。","expect":{"overclaim":true,"disclosure":true}}
{"id":"2","lang":"zh","text":"小鼠实验\n\n在小鼠中改善了握力，尚未在人体中验证。研究由基金资助。","expect":{"overclaim":false,"disclosure":false}}
`
	dir := writeFiles(t, map[string]string{"v.jsonl": items})
	r = runCLI(t, nil, false, "eval", filepath.Join(dir, "v.jsonl"))
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Regexp(t, `overclaim\s+2\s+0\.50\s+1\s+0\s+0\s+1\s+1\.000\s+1\.000\s+1\.000\s+1\.000`, r.stdout)
}

func TestBadRuleFileStopsWithFileAndLine(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"rules/house.yaml": "rules:\n  - id: house-style\n    category: overclaim\n    severity: warning\n    scope: sentence\n    when: \"has(sentence, \\\"hype\\\") &&\"\n    message: {en: x, zh-Hans: y}\n    explanation: {en: z}\n    source: house\n    examples: {bad: [a], good: [b]}\n",
		"a.txt":            clean,
	})
	r := runCLI(t, nil, false, "--rules", filepath.Join(dir, "rules"), filepath.Join(dir, "a.txt"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, filepath.Join(dir, "rules", "house.yaml")+":6: rule house-style:")
	assert.Empty(t, r.stdout, "nothing is linted with a broken rule set")
}

func TestExtraRulesAndLexiconApply(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"house/lexicon/banned.yaml": "classes:\n  house_banned:\n    description: words our style guide bans\n    source: house style\n    zh: [黑科技]\n",
		"house/banned.yaml":         "rules:\n  - id: house-banned-word\n    category: overclaim\n    severity: error\n    scope: sentence\n    report: house_banned\n    when: \"true\"\n    message: {en: \"{term} is banned\", zh-Hans: \"{term}禁用\"}\n    explanation: {en: house}\n    source: house style guide\n    examples: {bad: [黑科技], good: [科技]}\n",
		"a.txt":                     "标题\n\n这项黑科技来了。\n",
	})
	r := runCLI(t, nil, false, "--rules", filepath.Join(dir, "house"), "--locale", "zh-Hans", filepath.Join(dir, "a.txt"))
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, "[house-banned-word] 黑科技禁用")
}

// The mistakes that used to fail silently stop the run at load, each with
// its file and line: hit.* without report: (once shown as "files could not
// be read"), sentence.* in a paragraph rule (never true), a misspelt value.
func TestScopeAndValueMistakesStopAtLoad(t *testing.T) {
	rule := func(id, scope, when string) string {
		return "  - id: " + id + "\n    category: house-style\n    severity: warning\n    scope: " + scope + "\n    message: {en: x}\n    when: " + when + "\n"
	}
	dir := writeFiles(t, map[string]string{
		"house/mine.yaml": "rules:\n" + rule("no-report", "sentence", `"!hit.negated"`) +
			rule("para-lead", "paragraph", "sentence.isLead") + rule("misspelt", "document", `doc.design == "rtc"`),
		"a.txt": hyped,
		"b.txt": clean,
	})
	file := filepath.Join(dir, "house", "mine.yaml")
	r := runCLI(t, nil, false, "--rules", filepath.Join(dir, "house"), filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"))
	assert.Equal(t, exitError, r.code)
	assert.Empty(t, r.stdout, "nothing is linted with a broken rule set")
	assert.NotContains(t, r.stderr, "could not be read")
	assert.Contains(t, r.stderr, file+":7: rule no-report: hit exists only in a rule with report:")
	assert.Contains(t, r.stderr, file+":13: rule para-lead: sentence does not exist in a paragraph rule, which sees paragraph and doc")
	assert.Contains(t, r.stderr, file+`:19: rule misspelt: doc.design is never "rtc": it is one of rct, observational, preclinical, trial, unknown (did you mean "rct"?)`)
}
