package lint

import (
	"sync"
	"testing"
	"unicode/utf8"
)

var (
	fuzzLinterOnce sync.Once
	fuzzLinter     *Linter
)

// FuzzLintText runs the whole pipeline on arbitrary input: no panic, and
// every finding's span lies inside the source on rune boundaries.
func FuzzLintText(f *testing.F) {
	for _, seed := range []string{
		"重磅！NMN逆轉衰老\n\n研究顯示，這款青春分子讓患者返老還童，無副作用。相當於人類80歲。\n",
		"Mice reverse aging\n\nThe drug is a miracle cure; n = 12 patients, equivalent to a 70-year-old human.\n",
		"逆转\n衰老\r\n\r\n| 组别 | 120名 |\n- 扫码购买\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzLinterOnce.Do(func() { fuzzLinter = defaultLinter(t) })
		res, err := fuzzLinter.LintText("fuzz.txt", src)
		if err != nil {
			return
		}
		for _, x := range res.Findings {
			if x.Span.Start < 0 || x.Span.End > len(src) || x.Span.Start > x.Span.End {
				t.Fatalf("%s: span %v outside %d bytes", x.Rule.ID, x.Span, len(src))
			}
			if !utf8.Valid(src[x.Span.Start:x.Span.End]) {
				t.Fatalf("%s: span %v splits a character", x.Rule.ID, x.Span)
			}
		}
	})
}
