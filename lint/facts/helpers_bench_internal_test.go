package facts

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/normalize"
)

// benchSentences returns the source and normalized texts of the
// sentences of every tenth article under HYPELINT_BENCH_DIR.
func benchSentences(b *testing.B) (raw, normalized []string) {
	dir := os.Getenv("HYPELINT_BENCH_DIR")
	if dir == "" {
		b.Skip("HYPELINT_BENCH_DIR names no directory of articles")
	}
	n := 0
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if n++; n%10 != 0 {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		parse := document.ParseText
		if strings.HasSuffix(path, ".md") {
			parse = document.ParseMarkdown
		}
		doc, err := parse(path, data)
		if err != nil {
			return nil
		}
		for _, bl := range doc.Blocks {
			for _, sp := range bl.Sentences {
				text := bl.Text[sp.Start:sp.End]
				raw = append(raw, text)
				normalized = append(normalized, normalize.Normalize(text).Text)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return raw, normalized
}

// BenchmarkSentenceHelpers runs each helper Analyzer.sentence calls on
// every sentence of the benchmark articles.
func BenchmarkSentenceHelpers(b *testing.B) {
	raw, normalized := benchSentences(b)
	n := 0
	count := func(ok bool) {
		if ok {
			n++
		}
	}
	for _, c := range []struct {
		name string
		f    func(raw, normalized string)
	}{
		{"hasQuotation", func(_, v string) { count(hasQuotation(v)) }},
		{"citesSource", func(r, _ string) { count(citesSource(r)) }},
		{"citesSourceBySearch", func(r, _ string) {
			count(bracketBeforeDigit(r) && bracketMarker().MatchString(r) ||
				yearBeforeClose(r) && authorYearMarker().MatchString(r) || hasSuperscript(r))
		}},
		{"testimonialBySearch", func(_, v string) { count(testimonialBySearch(v)) }},
		{"isQuestion", func(_, v string) { count(isQuestion(v)) }},
		{"testimonial", func(_, v string) { count(testimonial(v)) }},
		{"hasUpperLatin", func(r, _ string) { count(hasUpperLatin(r)) }},
		{"title", func(_, v string) { count(strings.Contains(v, "《")) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for i := range raw {
					c.f(raw[i], normalized[i])
				}
			}
		})
	}
}
