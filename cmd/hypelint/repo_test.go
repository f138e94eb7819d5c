package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/hypelint/hypelint/lint"
)

type jsonReport struct {
	Files []struct {
		Path     string `json:"path"`
		Language string `json:"language"`
		Error    string `json:"error"`
		Findings []struct {
			Rule     string `json:"rule"`
			Category string `json:"category"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
			Excerpt  string `json:"excerpt"`
			Start    struct{ Line, Column, Offset int }
			End      struct{ Line, Column, Offset int }
		} `json:"findings"`
	} `json:"files"`
}

func lintJSON(t *testing.T, args ...string) (jsonReport, result) {
	t.Helper()
	r := runCLI(t, nil, false, append([]string{"--format", "json"}, args...)...)
	var rep jsonReport
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep), "stdout: %s\nstderr: %s", r.stdout, r.stderr)
	return rep, r
}

func rulesOf(rep jsonReport, file int) []string {
	var out []string
	for _, f := range rep.Files[file].Findings {
		out = append(out, f.Rule)
	}
	return out
}

const hypedArticle = "重磅新发现\n\n这款神药能逆转衰老，堪称重大突破。\n"

func TestNearestConfigSelectsRules(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".hypelint.yaml":     "rules:\n  disable: [hype-word, disclosure]\n",
		"a.txt":              hypedArticle,
		"sub/.hypelint.yaml": "rules:\n  severity: {overclaim: info}\n",
		"sub/b.txt":          hypedArticle,
	})
	rep, _ := lintJSON(t, dir)
	require.Len(t, rep.Files, 2)
	assert.NotContains(t, rulesOf(rep, 0), "hype-word", "a.txt uses the top configuration")
	assert.NotContains(t, rulesOf(rep, 0), "missing-disclosure")
	assert.Contains(t, rulesOf(rep, 1), "hype-word", "sub/b.txt uses its own, nearer configuration")
	for _, f := range rep.Files[1].Findings {
		if f.Category == "overclaim" {
			assert.Equal(t, "info", f.Severity, "category severity override")
		}
	}
}

func TestFlagsBeatConfigWhichBeatsDefaults(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"cfg.yaml": "fail_on: none\nlocale: zh-Hans\n",
		"a.txt":    hypedArticle,
	})
	cfg, file := filepath.Join(dir, "cfg.yaml"), filepath.Join(dir, "a.txt")
	r := runCLI(t, nil, false, "--config", cfg, file)
	assert.Equal(t, exitClean, r.code, "fail_on: none from the configuration")
	assert.Contains(t, r.stdout, "逆转衰老", "zh-Hans messages from the configuration")
	assert.Contains(t, r.stdout, "承诺")
	r = runCLI(t, nil, false, "--config", cfg, "--fail-on", "error", "--locale", "en", file)
	assert.Equal(t, exitFindings, r.code, "the flag beats the configuration")
	assert.Contains(t, r.stdout, "promises to reverse ageing")
}

func TestConfigErrorsStopTheRun(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".hypelint.yaml":   "rules:\n  disable: [no-such-rule]\n",
		"a.txt":            hypedArticle,
		"x/.hypelint.yaml": "rulez: {}\n",
		"x/b.txt":          hypedArticle,
	})
	r := runCLI(t, nil, false, filepath.Join(dir, "a.txt"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, filepath.Join(dir, ".hypelint.yaml")+`:2: unknown rule or category "no-such-rule"`)
	assert.Empty(t, r.stdout)
	r = runCLI(t, nil, false, filepath.Join(dir, "x", "b.txt"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, filepath.Join(dir, "x", ".hypelint.yaml")+`:1: unknown key "rulez"`)
}

func TestIncludeExcludeAndGitignore(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".hypelint.yaml":   "include: [\"**/*.txt\"]\nexclude: [\"drafts/**\"]\n",
		".gitignore":       "private/\n",
		"a.txt":            hypedArticle,
		"b.md":             hypedArticle,
		"drafts/c.txt":     hypedArticle,
		"private/d.txt":    hypedArticle,
		".hidden/e.txt":    hypedArticle,
		"sub/f.txt":        hypedArticle,
		"vendor/g.txt":     hypedArticle,
		"sub/.gitignore":   "f.txt\n",
		"sub/keep.txt":     hypedArticle,
		".git/placeholder": "",
	})
	rep, _ := lintJSON(t, dir)
	var paths []string
	for _, f := range rep.Files {
		rel, _ := filepath.Rel(dir, f.Path)
		paths = append(paths, filepath.ToSlash(rel))
	}
	assert.Equal(t, []string{"a.txt", "sub/keep.txt"}, paths)
	rep, _ = lintJSON(t, filepath.Join(dir, "drafts", "c.txt"))
	assert.Len(t, rep.Files, 1, "a file named on the command line is always linted")
}

func TestSuppressionCommentsInPlainText(t *testing.T) {
	src := "標題：重磅新發現\n\n" +
		"# hypelint-disable-next-line reverse-aging-claim -- quoting the advert we criticise\n" +
		"有人說它能逆轉衰老。\n\n" +
		"// hypelint-disable overclaim\n" +
		"這是神藥，這是奇蹟。\n" +
		"// hypelint-enable overclaim\n\n" +
		"這款產品無副作用。\n\n" +
		"# hypelint-disable-file disclosure\n" +
		"# hypelint-disable-next-line hype-word\n" +
		"這句話沒有任何問題。\n"
	dir := writeFiles(t, map[string]string{"a.txt": src})
	rep, _ := lintJSON(t, "--locale", "zh-Hant", filepath.Join(dir, "a.txt"))
	var got []string
	for _, f := range rep.Files[0].Findings {
		got = append(got, f.Rule+":"+f.Excerpt)
	}
	assert.Contains(t, got, "hype-word:重磅", "the title is not covered by any directive")
	assert.NotContains(t, got, "reverse-aging-claim:逆轉衰老", "disable-next-line")
	assert.NotContains(t, got, "miracle-cure-claim:神藥", "disable … enable hides both overclaims in the range")
	assert.Contains(t, got, "safety-absolute:無副作用", "after enable, findings are back")
	assert.NotContains(t, strings.Join(got, " "), "missing-disclosure", "disable-file by category")
	assert.Contains(t, got, "unused-suppression:# hypelint-disable-next-line hype-word", "a stale suppression is reported")
	for _, f := range rep.Files[0].Findings {
		if f.Rule == "unused-suppression" {
			assert.Equal(t, "info", f.Severity)
			assert.Contains(t, f.Message, "沒有抑制任何結果")
		}
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	original := "新发现\n\n这款产品能逆转衰老。\n\n研究发表在《细胞》，由基金资助，作者声明无利益冲突。\n"
	dir := writeFiles(t, map[string]string{"a.txt": original})
	file, base := filepath.Join(dir, "a.txt"), filepath.Join(dir, "baseline.json")
	r := runCLI(t, nil, false, "--write-baseline", base, file)
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stderr, "recorded 2 findings") // reverse-aging-claim and can-cause-claim on one sentence

	// A line inserted above the known finding and a new hyped sentence below it.
	edited := "新发现\n\n编者按：本文经过修订。\n\n这款产品能逆转衰老。\n\n它还是一种神药。\n\n研究发表在《细胞》，由基金资助，作者声明无利益冲突。\n"
	require.NoError(t, os.WriteFile(file, []byte(edited), 0o644))
	rep, r := lintJSON(t, "--baseline", base, file)
	assert.Equal(t, exitFindings, r.code)
	assert.Equal(t, []string{"miracle-cure-claim"}, rulesOf(rep, 0), "the known findings stay hidden, the new one shows")
	r = runCLI(t, nil, false, "--baseline", base, file)
	assert.Contains(t, r.stdout, "1 finding hidden by the baseline", "the can-cause finding is gone: its sentence is no longer in the lead")
}

func TestLegacyEncodingsOffsetsReferToFileBytes(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(hypedArticle)
	require.NoError(t, err)
	big5, err := traditionalchinese.Big5.NewEncoder().String("重磅新發現\n\n這款神藥能逆轉衰老。\n")
	require.NoError(t, err)
	dir := writeFiles(t, map[string]string{"gb.txt": gb, "big5.txt": big5})
	for _, c := range []struct{ name, raw, decoded string }{
		{"gb.txt", gb, hypedArticle},
		{"big5.txt", big5, "重磅新發現\n\n這款神藥能逆轉衰老。\n"},
	} {
		r := runCLI(t, nil, false, "-v", "--format", "json", filepath.Join(dir, c.name))
		var rep jsonReport
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep), r.stderr)
		assert.Contains(t, r.stderr, "(detected)", c.name)
		require.NotEmpty(t, rep.Files[0].Findings, c.name)
		for _, f := range rep.Files[0].Findings {
			raw := []byte(c.raw[f.Start.Offset:f.End.Offset])
			var decoded string
			if c.name == "gb.txt" {
				decoded, err = simplifiedchinese.GB18030.NewDecoder().String(string(raw))
			} else {
				decoded, err = traditionalchinese.Big5.NewDecoder().String(string(raw))
			}
			require.NoError(t, err)
			assert.Equal(t, f.Excerpt, decoded, "%s: the file bytes at the offsets are the excerpt", c.name)
		}
	}
}

func TestParallelOutputIsDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 12; i++ {
		files[filepath.Join("d", string(rune('a'+i))+".txt")] = hypedArticle
	}
	dir := writeFiles(t, files)
	one := runCLI(t, nil, false, "--format", "json", "--jobs", "1", dir)
	many := runCLI(t, nil, false, "--format", "json", "--jobs", "8", dir)
	assert.Equal(t, one.stdout, many.stdout)
}

func TestInitWritesStarterOnce(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, nil, false, "init", dir)
	require.Equal(t, exitClean, r.code, r.stderr)
	data, err := os.ReadFile(filepath.Join(dir, ".hypelint.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "fail_on:")
	r = runCLI(t, nil, false, "init", dir)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "already exists")
}

func TestScoreInJSONAndText(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hyped.txt": hyped, "clean.txt": clean})
	r := runCLI(t, nil, false, "--format", "json", dir)
	var doc struct {
		Files []struct {
			Path     string `json:"path"`
			Score    *int   `json:"score"`
			Criteria []struct {
				ID         string `json:"id"`
				Applicable bool   `json:"applicable"`
				Satisfied  bool   `json:"satisfied"`
			} `json:"criteria"`
		} `json:"files"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	require.Len(t, doc.Files, 2)
	clean, hyped := doc.Files[0], doc.Files[1]
	require.NotNil(t, clean.Score)
	require.NotNil(t, hyped.Score)
	assert.Equal(t, 100, *clean.Score)
	assert.Less(t, *hyped.Score, 50)
	assert.Len(t, hyped.Criteria, 9)

	text := runCLI(t, nil, false, dir).stdout
	assert.Contains(t, text, filepath.Join(dir, "clean.txt")+": credibility 100/100")
	assert.Regexp(t, `hyped\.txt: credibility \d+/100 \(not met: overclaim`, text)

	r = runCLI(t, nil, false, "explain-score", filepath.Join(dir, "hyped.txt"))
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "score  = round(100 × geometric mean of max(earned, 0.2)")
	assert.Contains(t, r.stdout, "overclaim        not met")
}

func TestLocaleFromEnvironmentAndTags(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": hypedArticle})
	file := filepath.Join(dir, "a.txt")
	r := runCLI(t, map[string]string{"LANG": "zh_TW.UTF-8"}, false, file)
	assert.Contains(t, r.stdout, "逆轉衰老式的承諾", "zh_TW in LANG gives Traditional messages")
	r = runCLI(t, map[string]string{"LANG": "zh_TW.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, false, file)
	assert.Contains(t, r.stdout, "逆转衰老式的承诺", "LC_ALL beats LANG")
	r = runCLI(t, map[string]string{"LANG": "zh_TW.UTF-8"}, false, "--locale", "en", file)
	assert.Contains(t, r.stdout, "promises to reverse ageing", "the flag beats the environment")
	r = runCLI(t, nil, false, "--locale", "zh-HK", file)
	assert.Contains(t, r.stdout, "逆轉衰老式的承諾", "zh-HK gets Traditional")
	assert.Equal(t, exitError, runCLI(t, nil, false, "--locale", "klingon", file).code)
	r = runCLI(t, map[string]string{"LANG": "zh_CN.UTF-8"}, false, "explain", "reverse-aging-claim")
	assert.Contains(t, r.stdout, "作用")
}

// Directories without a configuration file share one compiled linter; a
// configuration that selects rules differently gets its own.
func TestDirectoriesShareALinterUnlessConfigured(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a/x.txt":            hypedArticle,
		"b/y.txt":            hypedArticle,
		"c/.hypelint.yaml":   "rules:\n  disable: [hype-word]\n",
		"c/z.txt":            hypedArticle,
		"c/d/.hypelint.yaml": "include: ['**/*.txt']\n",
		"c/d/w.txt":          hypedArticle,
		"e/.hypelint.yaml":   "rules:\n  disable: [hype-word]\n",
		"e/v.txt":            hypedArticle,
	})
	c, err := newConfigs("", nil)
	require.NoError(t, err)
	linterFor := func(file string) *lint.Linter {
		l, err := c.linter(c.forPath(filepath.Join(dir, file)))
		require.NoError(t, err)
		return l
	}
	a, b, cz, dw, ev := linterFor("a/x.txt"), linterFor("b/y.txt"), linterFor("c/z.txt"), linterFor("c/d/w.txt"), linterFor("e/v.txt")
	assert.Same(t, a, b, "two unconfigured directories")
	assert.Same(t, a, dw, "a configuration that does not touch the rules")
	assert.NotSame(t, a, cz, "a configuration that disables a rule")
	assert.Same(t, cz, ev, "two configurations selecting the same rules")
	assert.Nil(t, cz.Rules.Get("hype-word"))
	assert.NotNil(t, a.Rules.Get("hype-word"))
}

// Text on standard output is streamed file by file; written with -o it goes
// through the collected path. Both must print the same report, and a
// failed input must still fail the run.
func TestStreamedTextMatchesCollectedText(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a/x.txt": hypedArticle,
		"b/y.md":  "# 标题\n\n研究显示，这种药物能逆转衰老。\n",
		"c/z.txt": "Mice lived longer\n\nIn mice, the drug extended lifespan by 10%.\n",
	})
	out := filepath.Join(t.TempDir(), "report.txt")
	streamed := runCLI(t, nil, false, dir)
	collected := runCLI(t, nil, false, "-o", out, dir)
	assert.Equal(t, streamed.code, collected.code)
	written, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, streamed.stdout, string(written))
	assert.Contains(t, streamed.stdout, "in 3 files")

	missing := runCLI(t, nil, false, filepath.Join(dir, "a/x.txt"), filepath.Join(dir, "nope.txt"))
	assert.Equal(t, exitError, missing.code)
	assert.Contains(t, missing.stderr, "nope.txt")
	assert.Contains(t, missing.stdout, "逆转衰老", "the readable file is still reported")
}

// In SARIF, findings a baseline or a comment hides are results marked as
// suppressed rather than left out.
func TestSARIFCarriesSuppressedFindings(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": "新发现\n\n这款产品能逆转衰老。\n\n<!-- hypelint-disable-next-line -- 引用广告原文 -->\n它还是一种神药。\n"})
	file, base := filepath.Join(dir, "a.md"), filepath.Join(dir, "baseline.json")
	r := runCLI(t, nil, false, "--write-baseline", base, file)
	require.Equal(t, exitClean, r.code, r.stderr)
	r = runCLI(t, nil, false, "--format", "sarif", "--baseline", base, file)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct{ Kind, Justification string }
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &log), r.stderr)
	kinds := map[string]string{}
	for _, res := range log.Runs[0].Results {
		require.Len(t, res.Suppressions, 1, "every finding is recorded in the baseline or hidden by the comment: %s", res.RuleID)
		kinds[res.RuleID] = res.Suppressions[0].Kind + ": " + res.Suppressions[0].Justification
	}
	assert.Equal(t, "inSource: 引用广告原文", kinds["miracle-cure-claim"])
	assert.Equal(t, "external: recorded in the baseline "+base, kinds["reverse-aging-claim"])
}
