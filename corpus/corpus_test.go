// Package corpus_test is the golden test: it lints every annotated article
// in this folder and compares the findings with the annotations beside it.
package corpus_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/corpus"
	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
)

type annotation struct {
	Kind   string `yaml:"kind"`
	About  string `yaml:"about"`
	Expect []struct {
		Rule     string `yaml:"rule"` // when set, only this rule's finding satisfies the entry
		Category string `yaml:"category"`
		Text     string `yaml:"text"`
		Nth      int    `yaml:"nth"`
		Known    string `yaml:"known"` // "miss": a known limitation, reported but tolerated
		Why      string `yaml:"why"`
	} `yaml:"expect"`
	// FalsePositives are findings the rules are known to make wrongly; they
	// are tolerated, counted and printed, so the limitation stays visible.
	FalsePositives []struct {
		Rule     string `yaml:"rule"`
		Category string `yaml:"category"`
		Text     string `yaml:"text"`
		Nth      int    `yaml:"nth"`
		Why      string `yaml:"why"`
	} `yaml:"false_positives"`
	Quiet []struct {
		Text string `yaml:"text"`
		Nth  int    `yaml:"nth"`
	} `yaml:"quiet"`
}

type article struct {
	path string
	src  []byte
	ann  annotation
}

func loadCorpus(t *testing.T) []article {
	t.Helper()
	var paths []string
	for _, ext := range []string{"txt", "md", "html"} {
		found, err := filepath.Glob("*/*." + ext)
		require.NoError(t, err)
		paths = append(paths, found...)
	}
	var out []article
	for _, p := range paths {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		data, err := os.ReadFile(strings.TrimSuffix(p, filepath.Ext(p)) + ".expect.yaml")
		require.NoError(t, err, "every article needs its .expect.yaml")
		var a annotation
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		require.NoError(t, dec.Decode(&a), strings.TrimSuffix(p, filepath.Ext(p))+".expect.yaml")
		require.Contains(t, []string{"hyped", "careful"}, a.Kind, p)
		out = append(out, article{path: p, src: src, ann: a})
	}
	return out
}

// locate returns the byte span of the nth (1-based) occurrence of text.
func locate(src []byte, text string, nth int) (document.Span, bool) {
	nth = max(nth, 1)
	from := 0
	for i := 0; i < nth; i++ {
		j := bytes.Index(src[from:], []byte(text))
		if j < 0 {
			return document.Span{}, false
		}
		from += j
		if i < nth-1 {
			from += len(text)
		}
	}
	return document.Span{Start: from, End: from + len(text)}, true
}

func overlaps(a, b document.Span) bool { return a.Start < b.End && b.Start < a.End }

func TestCorpusShape(t *testing.T) {
	counts := map[string]int{}
	careful := 0
	articles := loadCorpus(t)
	for _, a := range articles {
		counts[filepath.Dir(a.path)]++
		if a.ann.Kind == "careful" {
			careful++
		}
	}
	for _, script := range []string{"zh-Hans", "zh-Hant", "en"} {
		assert.GreaterOrEqual(t, counts[script], 12, "articles in %s", script)
	}
	assert.GreaterOrEqual(t, careful*3, len(articles), "at least a third of the corpus is carefully written")
}

func TestCorpusGolden(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	rules := map[string]string{} // rule id → category
	for _, r := range l.Rules.Rules {
		rules[r.ID] = r.Category
	}
	for _, a := range loadCorpus(t) {
		t.Run(a.path, func(t *testing.T) {
			res, err := l.Lint(lint.Input{Path: a.path, Data: a.src})
			require.NoError(t, err)
			checkArticle(t, a, res, rules)
		})
	}
}

// entry turns one annotation into an expectation: its span located in the
// article, its category checked against (or taken from) the rule it names.
func entry(t *testing.T, a article, rules map[string]string, ruleID, category, text string, nth int) corpus.Expectation {
	t.Helper()
	span, ok := locate(a.src, text, nth)
	require.True(t, ok, "text %q (nth %d) not found in the article", text, nth)
	if ruleID != "" {
		ruleCategory, known := rules[ruleID]
		require.True(t, known, "no rule %q (annotation on %q)", ruleID, text)
		if category == "" {
			category = ruleCategory
		}
		require.Equal(t, ruleCategory, category, "rule %s is in category %s, not %s (annotation on %q)", ruleID, ruleCategory, category, text)
	}
	require.NotEmpty(t, category, "an annotation names a category or a rule: %q", text)
	return corpus.Expectation{Rule: ruleID, Category: category, Span: corpus.Span(span), Text: text}
}

func checkArticle(t *testing.T, a article, res *lint.Result, rules map[string]string) {
	categories := map[string]bool{}
	for _, c := range rules {
		categories[c] = true
	}
	var want, tolerated []corpus.Expectation
	for _, e := range a.ann.Expect {
		require.Contains(t, []string{"", "miss"}, e.Known, "known: takes only miss")
		if e.Known != "" {
			require.NotEmpty(t, e.Why, "a known miss says why: %q", e.Text)
		}
		w := entry(t, a, rules, e.Rule, e.Category, e.Text, e.Nth)
		w.Known = e.Known
		if categories[w.Category] {
			want = append(want, w)
		}
	}
	for _, e := range a.ann.FalsePositives {
		require.NotEmpty(t, e.Why, "a known false positive says why: %q", e.Text)
		if w := entry(t, a, rules, e.Rule, e.Category, e.Text, e.Nth); categories[w.Category] {
			tolerated = append(tolerated, w)
		}
	}
	found := make([]corpus.Finding, len(res.Findings))
	for i, f := range res.Findings {
		found[i] = corpus.Finding{Rule: f.Rule.ID, Category: f.Rule.Category, Span: corpus.Span(f.Span)}
	}
	describe := func(i int) string {
		f := res.Findings[i]
		p := res.Doc.Position(f.Span.Start)
		return fmt.Sprintf("%s:%d:%d [%s] %q (%s)", a.path, p.Line, p.Column, f.Rule.ID, f.Term, f.Rule.Category)
	}
	label := func(w corpus.Expectation) string {
		if w.Rule != "" {
			return w.Rule
		}
		return w.Category
	}
	out := corpus.Match(found, want, tolerated)
	for _, i := range out.Tolerated {
		t.Logf("known false positive: %s", describe(i))
	}
	for _, i := range out.Unexpected {
		t.Errorf("unexpected finding %s (each finding satisfies at most one expectation)", describe(i))
	}
	for _, i := range out.KnownMisses {
		t.Logf("known miss: %s on %q", label(want[i]), want[i].Text)
	}
	for _, i := range out.NowFound {
		t.Errorf("known miss %q (%s) is now found: remove its known: miss", want[i].Text, label(want[i]))
	}
	for _, i := range out.Missing {
		t.Errorf("missing %s finding on %q", label(want[i]), want[i].Text)
	}
	// A recorded false positive that is no longer produced is stale: the
	// list of limitations stays exact both ways.
	for _, i := range out.StaleFalsePositives {
		t.Errorf("false positive %q (%s) is no longer found: remove it", tolerated[i].Text, label(tolerated[i]))
	}
	for _, q := range a.ann.Quiet {
		span, ok := locate(a.src, q.Text, q.Nth)
		require.True(t, ok, "quiet text %q not found in the article", q.Text)
		for i, f := range res.Findings {
			assert.False(t, overlaps(span, f.Span), "careful wording %q was flagged: %s", q.Text, describe(i))
		}
	}
}
