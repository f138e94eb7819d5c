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

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/rule"
)

type annotation struct {
	Kind   string `yaml:"kind"`
	About  string `yaml:"about"`
	Expect []struct {
		Category string `yaml:"category"`
		Text     string `yaml:"text"`
		Nth      int    `yaml:"nth"`
		Known    string `yaml:"known"` // "miss": a known limitation, reported but tolerated
		Why      string `yaml:"why"`
	} `yaml:"expect"`
	// FalsePositives are findings the rules are known to make wrongly; they
	// are tolerated, counted and printed, so the limitation stays visible.
	FalsePositives []struct {
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
	categories := map[string]bool{}
	for _, r := range l.Rules.Rules {
		categories[r.Category] = true
	}
	for _, a := range loadCorpus(t) {
		t.Run(a.path, func(t *testing.T) {
			res, err := l.Lint(lint.Input{Path: a.path, Data: a.src})
			require.NoError(t, err)
			checkArticle(t, a, res, categories)
		})
	}
}

func checkArticle(t *testing.T, a article, res *lint.Result, categories map[string]bool) {
	type expected struct {
		category string
		span     document.Span
		text     string
		known    string
	}
	var want, tolerated []expected
	for _, e := range a.ann.Expect {
		span, ok := locate(a.src, e.Text, e.Nth)
		require.True(t, ok, "expect text %q (nth %d) not found in the article", e.Text, e.Nth)
		require.Contains(t, []string{"", "miss"}, e.Known, "known: takes only miss")
		if e.Known != "" {
			require.NotEmpty(t, e.Why, "a known miss says why: %q", e.Text)
		}
		if categories[e.Category] {
			want = append(want, expected{e.Category, span, e.Text, e.Known})
		}
	}
	for _, e := range a.ann.FalsePositives {
		span, ok := locate(a.src, e.Text, e.Nth)
		require.True(t, ok, "false_positives text %q not found in the article", e.Text)
		require.NotEmpty(t, e.Why, "a known false positive says why: %q", e.Text)
		tolerated = append(tolerated, expected{e.Category, span, e.Text, "false-positive"})
	}
	describe := func(f rule.Finding) string {
		p := res.Doc.Position(f.Span.Start)
		return fmt.Sprintf("%s:%d:%d [%s] %q", a.path, p.Line, p.Column, f.Rule.ID, f.Term)
	}
	matches := func(w expected, f rule.Finding) bool {
		return w.category == f.Rule.Category && overlaps(w.span, f.Span)
	}
	for _, f := range res.Findings {
		matched, known := false, false
		for _, w := range want {
			matched = matched || matches(w, f)
		}
		for _, w := range tolerated {
			known = known || matches(w, f)
		}
		switch {
		case known:
			t.Logf("known false positive: %s", describe(f))
		default:
			assert.True(t, matched, "unexpected finding %s (%s)", describe(f), f.Rule.Category)
		}
	}
	for _, w := range want {
		matched := false
		for _, f := range res.Findings {
			matched = matched || matches(w, f)
		}
		switch {
		case w.known == "miss" && matched:
			t.Errorf("known miss %q (%s) is now found: remove its known: miss", w.text, w.category)
		case w.known == "miss":
			t.Logf("known miss: %s on %q", w.category, w.text)
		default:
			assert.True(t, matched, "missing %s finding on %q", w.category, w.text)
		}
	}
	// A recorded false positive that is no longer produced is stale: the
	// list of limitations stays exact both ways.
	for _, w := range tolerated {
		if !categories[w.category] {
			continue
		}
		found := false
		for _, f := range res.Findings {
			found = found || matches(w, f)
		}
		if !found {
			t.Errorf("false positive %q (%s) is no longer found: remove it", w.text, w.category)
		}
	}
	for _, q := range a.ann.Quiet {
		span, ok := locate(a.src, q.Text, q.Nth)
		require.True(t, ok, "quiet text %q not found in the article", q.Text)
		for _, f := range res.Findings {
			assert.False(t, overlaps(span, f.Span), "careful wording %q was flagged: %s", q.Text, describe(f))
		}
	}
}
