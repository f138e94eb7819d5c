package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSummaryInEachLocale(t *testing.T) {
	c := Counts{Error: 1, Warning: 2, Info: 3, Files: 4, Failed: 1}
	none := Counts{Files: 1}
	cases := map[string]struct {
		summary, clean []string
		score, hidden  string
	}{
		"en": {[]string{"6 findings (1 error, 2 warnings, 3 info) in 4 files.", "1 file could not be read."},
			[]string{"No findings in 1 file."},
			"a.md: credibility 40/100 (not met: overclaim, source)", "2 findings hidden by the baseline b.json."},
		"zh-Hans": {[]string{"4 个文件中共有 6 个问题（1 个错误，2 个警告，3 个提示）。", "1 个文件无法读取。"},
			[]string{"1 个文件中未发现问题。"},
			"a.md：可信度 40/100（未满足：overclaim、source）", "2 个问题被基线文件 b.json 隐藏。"},
		"zh-Hant": {[]string{"4 個檔案中共有 6 個問題（1 個錯誤，2 個警告，3 個提示）。", "1 個檔案無法讀取。"},
			[]string{"1 個檔案中未發現問題。"},
			"a.md：可信度 40/100（未滿足：overclaim、source）", "2 個問題被基準檔 b.json 隱藏。"},
	}
	for locale, want := range cases {
		p := phrasesFor(locale)
		assert.Equal(t, want.summary, p.summary(c), locale)
		assert.Equal(t, want.clean, p.summary(none), locale)
		assert.Equal(t, want.score, p.score("a.md", 40, []string{"overclaim", "source"}), locale)
		assert.Equal(t, want.hidden, HiddenByBaseline(2, "b.json", locale), locale)
	}
	assert.Equal(t, phrasesFor("en").summary(c), phrasesFor("").summary(c), "no locale is English")
}
