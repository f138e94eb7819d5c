package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/report"
)

var (
	sarifSchemaOnce sync.Once
	sarifSchema     *jsonschema.Schema
	sarifSchemaErr  error
)

// loadSARIFSchema compiles the vendored OASIS schema (testdata/README.md
// says where it comes from), with format assertions on.
func loadSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sarifSchemaOnce.Do(func() {
		path, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
		if err != nil {
			sarifSchemaErr = err
			return
		}
		f, err := os.Open(path)
		if err != nil {
			sarifSchemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			sarifSchemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if sarifSchemaErr = c.AddResource(path, doc); sarifSchemaErr != nil {
			return
		}
		sarifSchema, sarifSchemaErr = c.Compile(path)
	})
	require.NoError(t, sarifSchemaErr)
	return sarifSchema
}

// writeSARIF writes a run, validates it against the schema and decodes it.
func writeSARIF(t *testing.T, run report.Run) (sarifDoc, []byte) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, report.WriteSARIF(&buf, run))
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.NoError(t, loadSARIFSchema(t).Validate(inst), "SARIF output does not match the 2.1.0 schema:\n%s", buf.String())
	var doc sarifDoc
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	return doc, buf.Bytes()
}

// sarifDoc is the part of a SARIF log the tests read back.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name           string      `json:"name"`
				Version        string      `json:"version"`
				InformationURI string      `json:"informationUri"`
				Rules          []sarifRule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level     string
				Message   struct{ Text string }
				Locations []sarifLocation
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID              string `json:"ruleId"`
			RuleIndex           *int   `json:"ruleIndex"`
			Level               string `json:"level"`
			Message             struct{ Text string }
			Locations           []sarifLocation                        `json:"locations"`
			PartialFingerprints map[string]string                      `json:"partialFingerprints"`
			Suppressions        []struct{ Kind, Justification string } `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifRule struct {
	ID               string                          `json:"id"`
	Name             string                          `json:"name"`
	ShortDescription struct{ Text string }           `json:"shortDescription"`
	FullDescription  struct{ Text string }           `json:"fullDescription"`
	HelpURI          string                          `json:"helpUri"`
	Help             struct{ Text, Markdown string } `json:"help"`
	DefaultConfig    struct{ Level string }          `json:"defaultConfiguration"`
	Properties       struct{ Tags []string }         `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct{ URI string } `json:"artifactLocation"`
		Region           *struct {
			StartLine, StartColumn, EndLine, EndColumn int
			CharOffset, CharLength                     *int
			Snippet                                    struct{ Text string }
		} `json:"region"`
	} `json:"physicalLocation"`
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	emoji := emojiFile(t, "news/emoji.txt")
	en := lintFile(t, "news/en article.txt", "Miracle cure reverses aging in mice\n\nScientists say the pill is a breakthrough that will cure Alzheimer's.\n", "en")
	clean := lintFile(t, "clean.txt", "A note\n\nNothing to see here.\n", "en")
	runs := map[string]report.Run{
		"one file":       newRun(t, emoji),
		"several files":  newRun(t, emoji, en, clean),
		"unreadable":     newRun(t, emoji, unreadable("missing.txt")),
		"empty":          newRun(t),
		"no rule list":   {Files: []report.File{emoji}},
		"chinese locale": {Files: []report.File{lintFile(t, "zh.txt", emojiArticle, "zh-Hans")}, Rules: defaultLinter(t).Rules.Rules, Locale: "zh-Hans"},
		"traditional":    {Files: []report.File{lintFile(t, "zh.txt", emojiArticle, "zh-Hant")}, Rules: defaultLinter(t).Rules.Rules, Locale: "zh-Hant"},
		"absolute path":  newRun(t, lintFile(t, "/tmp/x y/a:b.txt", emojiArticle, "en")),
	}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			doc, _ := writeSARIF(t, run)
			require.Len(t, doc.Runs, 1)
			r := doc.Runs[0]
			assert.Equal(t, "2.1.0", doc.Version)
			assert.Equal(t, "https://json.schemastore.org/sarif-2.1.0.json", doc.Schema)
			assert.Equal(t, "unicodeCodePoints", r.ColumnKind)
			assert.Equal(t, "hypelint", r.Tool.Driver.Name)
			assert.Equal(t, run.Version, r.Tool.Driver.Version)
			assert.Equal(t, "https://github.com/hypelint/hypelint", r.Tool.Driver.InformationURI)
			for _, res := range r.Results {
				require.NotNil(t, res.RuleIndex, res.RuleID)
				assert.Equal(t, res.RuleID, r.Tool.Driver.Rules[*res.RuleIndex].ID, "ruleIndex points at the rule")
			}
		})
	}
}

func TestSARIFRules(t *testing.T) {
	set := defaultLinter(t).Rules.Rules
	doc, _ := writeSARIF(t, newRun(t, emojiFile(t, "a.txt")))
	rules := doc.Runs[0].Tool.Driver.Rules
	require.Len(t, rules, len(set), "every rule of the set is described")
	for i, r := range set {
		got := rules[i]
		assert.Equal(t, r.ID, got.ID)
		assert.NotEmpty(t, got.Name)
		assert.NotContains(t, got.Name, "-")
		assert.NotEmpty(t, got.ShortDescription.Text, r.ID)
		assert.NotContains(t, got.ShortDescription.Text, "{term}", r.ID)
		assert.Equal(t, strings.TrimSpace(r.ExplanationIn("en")), got.FullDescription.Text, r.ID)
		assert.Contains(t, got.Help.Text, strings.TrimSpace(r.ExplanationIn("en")), r.ID)
		assert.Contains(t, got.Help.Text, r.Source, r.ID)
		assert.Equal(t, []string{r.Category}, got.Properties.Tags, r.ID)
		want := map[string]string{"error": "error", "warning": "warning", "info": "note"}[r.Severity.String()]
		assert.Equal(t, want, got.DefaultConfig.Level, r.ID)
	}
	byID := map[string]int{}
	for i, r := range rules {
		byID[r.ID] = i
	}
	hype := rules[byID["hype-word"]]
	assert.Equal(t, "HypeWord", hype.Name)
	assert.Equal(t, "This term is hype; let the size of the result speak for itself.", hype.ShortDescription.Text)

	zh, _ := writeSARIF(t, report.Run{Rules: set, Locale: "zh-Hans"})
	for _, r := range zh.Runs[0].Tool.Driver.Rules {
		if r.ID == "hype-word" {
			assert.Equal(t, "该用语属于夸大用语；请让结果本身的大小说话。", r.ShortDescription.Text)
		}
	}
}

func TestSARIFEmojiLinePositions(t *testing.T) {
	f := emojiFile(t, "news/a.txt")
	doc, _ := writeSARIF(t, newRun(t, f))
	type region struct{ line, col, endLine, endCol, off, n int }
	got := map[string]region{}
	for _, res := range doc.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		assert.Equal(t, "news/a.txt", loc.ArtifactLocation.URI, "relative paths stay relative")
		reg := loc.Region
		require.NotNil(t, reg)
		require.NotNil(t, reg.CharOffset)
		require.NotNil(t, reg.CharLength)
		got[res.RuleID+" "+reg.Snippet.Text] = region{reg.StartLine, reg.StartColumn, reg.EndLine, reg.EndColumn, *reg.CharOffset, *reg.CharLength}
	}
	// "😀重磅！NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n": the emoji is
	// one code point, so 重 is column 2 and code point 1; line 3 starts at
	// code point 13 (11 on line 1, two newlines).
	assert.Equal(t, region{1, 2, 1, 4, 1, 2}, got["hype-word 重磅"])
	assert.Equal(t, region{1, 8, 1, 12, 7, 4}, got["reverse-aging-claim 逆转衰老"])
	assert.Equal(t, region{3, 8, 3, 10, 20, 2}, got["miracle-cure-claim 神药"])
	assert.Equal(t, region{3, 13, 3, 17, 25, 4}, got["reverse-aging-claim 返老还童"])

	// charOffset and charLength pick the excerpt out of the text by code points.
	runes := []rune(emojiArticle)
	for key, r := range got {
		excerpt := key[strings.IndexByte(key, ' ')+1:]
		assert.Equal(t, excerpt, string(runes[r.off:r.off+r.n]), key)
	}
}

func TestSARIFResultsAndFingerprints(t *testing.T) {
	// The same hype word twice: the two findings differ only by occurrence.
	src := "重磅！重磅！NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n"
	f := lintFile(t, "a.txt", src, "en")
	doc, _ := writeSARIF(t, newRun(t, f))
	results := doc.Runs[0].Results
	require.Len(t, results, len(f.Findings))
	seen := map[string]bool{}
	for i, res := range results {
		x := f.Findings[i]
		assert.Equal(t, x.Rule, res.RuleID)
		assert.Equal(t, x.Message, res.Message.Text)
		assert.Equal(t, map[string]string{"error": "error", "warning": "warning", "info": "note"}[x.Severity], res.Level)
		fp := res.PartialFingerprints["hypelint/v1"]
		assert.Regexp(t, `^[0-9a-f]{64}$`, fp)
		assert.False(t, seen[fp], "fingerprints are unique within a file: %s", fp)
		seen[fp] = true
	}

	// Stable: the same finding moved down by an added paragraph keeps its
	// fingerprint.
	moved := lintFile(t, "a.txt", "重磅！重磅！NMN逆转衰老\n\n新增一段。\n\n研究显示，这款神药让患者返老还童。\n", "en")
	doc2, _ := writeSARIF(t, newRun(t, moved))
	prints := func(d sarifDoc) map[string]string {
		m := map[string]string{}
		for _, res := range d.Runs[0].Results {
			m[res.RuleID+" "+res.Locations[0].PhysicalLocation.Region.Snippet.Text] = res.PartialFingerprints["hypelint/v1"]
		}
		return m
	}
	before, after := prints(doc), prints(doc2)
	key := "reverse-aging-claim 返老还童"
	require.Contains(t, before, key)
	assert.Equal(t, before[key], after[key])
	assert.Equal(t, doc.Runs[0].Invocations[0].ExecutionSuccessful, true)
}

func TestSARIFUnreadableFile(t *testing.T) {
	doc, _ := writeSARIF(t, newRun(t, emojiFile(t, "a.txt"), unreadable(`dir\missing.txt`)))
	inv := doc.Runs[0].Invocations
	require.Len(t, inv, 1)
	assert.False(t, inv[0].ExecutionSuccessful)
	require.Len(t, inv[0].Notifications, 1)
	n := inv[0].Notifications[0]
	assert.Equal(t, "error", n.Level)
	assert.Contains(t, n.Message.Text, "permission denied")
	require.Len(t, n.Locations, 1)
	want := "dir/missing.txt"
	if filepath.Separator != '\\' {
		want = "dir%5Cmissing.txt" // a backslash is a file-name character here
	}
	assert.Equal(t, want, n.Locations[0].PhysicalLocation.ArtifactLocation.URI)
}

func TestSARIFAbsolutePathIsFileURI(t *testing.T) {
	if filepath.Separator == '\\' {
		t.Skip("POSIX path")
	}
	doc, _ := writeSARIF(t, newRun(t, lintFile(t, "/tmp/x y/a.txt", emojiArticle, "en")))
	assert.Equal(t, "file:///tmp/x%20y/a.txt", doc.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI)
}

// Rules link to their section of docs/rules.md and carry the explanation
// as text and Markdown, with the category as a tag.
func TestSARIFRuleHelp(t *testing.T) {
	doc, _ := writeSARIF(t, newRun(t, emojiFile(t, "a.txt")))
	rules := doc.Runs[0].Tool.Driver.Rules
	require.NotEmpty(t, rules)
	for _, r := range rules {
		assert.Equal(t, lint.RulesDoc+"#"+r.ID, r.HelpURI, r.ID)
		assert.Contains(t, r.Help.Text, "What it does:", r.ID)
		assert.Contains(t, r.Help.Markdown, "**What it does.**", r.ID)
		assert.Contains(t, r.Help.Markdown, "**Source.**", r.ID)
		assert.Len(t, r.Properties.Tags, 1, r.ID)
	}
	hype := rules[slices.IndexFunc(rules, func(r sarifRule) bool { return r.ID == "hype-word" })]
	assert.Equal(t, []string{"overclaim"}, hype.Properties.Tags)
}

// Findings hidden by a comment or a baseline are results with a
// suppression, not dropped; the others' fingerprints do not change.
func TestSARIFSuppressions(t *testing.T) {
	const hidden = "# hypelint-disable-next-line hype-word -- the advert's words\n"
	plain := emojiFile(t, "a.txt")

	src := "重磅！NMN逆转衰老\n\n" + hidden + "重磅研究显示，这款神药让患者返老还童。\n"
	f := lintFile(t, "b.txt", src, "en")
	require.Len(t, f.Suppressed, 1)
	assert.Equal(t, report.InSource, f.Suppressed[0].Kind)
	assert.Equal(t, "the advert's words", f.Suppressed[0].Justification)
	// A baseline's hidden finding, as the command line marks it.
	base := f.Findings[0]
	f.Findings = f.Findings[1:]
	f.Suppressed = append(f.Suppressed, report.Suppressed{Finding: base, Kind: report.External, Justification: "baseline b.json"})

	doc, _ := writeSARIF(t, newRun(t, f, plain))
	var kinds []string
	shown := 0
	for _, r := range doc.Runs[0].Results {
		if len(r.Suppressions) == 0 {
			shown++
			continue
		}
		require.Len(t, r.Suppressions, 1)
		kinds = append(kinds, r.Suppressions[0].Kind+": "+r.Suppressions[0].Justification)
	}
	assert.ElementsMatch(t, []string{"inSource: the advert's words", "external: baseline b.json"}, kinds)
	assert.Equal(t, len(f.Findings)+len(plain.Findings), shown)

	// The same article without the comment: every finding shown, with the
	// same fingerprints.
	open := lintFile(t, "b.txt", strings.Replace(src, hidden, "", 1), "en")
	want, _ := writeSARIF(t, newRun(t, open))
	var prints, wantPrints []string
	for _, r := range doc.Runs[0].Results {
		if r.Locations[0].PhysicalLocation.ArtifactLocation.URI == "b.txt" {
			prints = append(prints, r.PartialFingerprints["hypelint/v1"])
		}
	}
	for _, r := range want.Runs[0].Results {
		wantPrints = append(wantPrints, r.PartialFingerprints["hypelint/v1"])
	}
	assert.ElementsMatch(t, wantPrints, prints)
}
