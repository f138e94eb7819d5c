package report

import (
	"fmt"
	"strings"
)

// phrases are the lines of the text report that are not findings (the
// credibility score, the summary, the baseline note) in one language, so
// that they read in the language the messages are in.
type phrases struct {
	score   func(path string, score int, missed []string) string
	summary func(c Counts) []string
	hidden  func(n int, baseline string) string
}

func phrasesFor(locale string) phrases {
	switch locale {
	case "zh-Hans":
		return zhPhrases(zhHans)
	case "zh-Hant":
		return zhPhrases(zhHant)
	}
	return enPhrases
}

// HiddenByBaseline is the line saying how many findings a baseline hid.
func HiddenByBaseline(n int, baseline, locale string) string {
	return phrasesFor(locale).hidden(n, baseline)
}

var enPhrases = phrases{
	score: func(path string, score int, missed []string) string {
		line := fmt.Sprintf("%s: credibility %d/100", path, score)
		if len(missed) > 0 {
			line += " (not met: " + strings.Join(missed, ", ") + ")"
		}
		return line
	},
	summary: func(c Counts) []string {
		total := c.Error + c.Warning + c.Info
		files := plural(c.Files, "file")
		var lines []string
		if total == 0 {
			lines = append(lines, fmt.Sprintf("No findings in %s.", files))
		} else {
			lines = append(lines, fmt.Sprintf("%s (%s, %s, %s) in %s.", plural(total, "finding"),
				plural(c.Error, "error"), plural(c.Warning, "warning"), plural(c.Info, "info"), files))
		}
		if c.Failed > 0 {
			lines = append(lines, fmt.Sprintf("%s could not be read.", plural(c.Failed, "file")))
		}
		return lines
	},
	hidden: func(n int, baseline string) string {
		return fmt.Sprintf("%s hidden by the baseline %s.", plural(n, "finding"), baseline)
	},
}

// zhWords are the words that differ between Simplified and Taiwan
// Traditional in these lines (Taiwan computing usage: 檔案 for a file).
type zhWords struct {
	files, findings, errors, warnings, infos, credibility, notMet, none, unreadable, hidden, comma string
}

var zhHans = zhWords{files: "个文件", findings: "个问题", errors: "个错误", warnings: "个警告", infos: "个提示",
	credibility: "可信度", notMet: "未满足", none: "未发现问题", unreadable: "无法读取", hidden: "被基线文件 %s 隐藏", comma: "，"}

var zhHant = zhWords{files: "個檔案", findings: "個問題", errors: "個錯誤", warnings: "個警告", infos: "個提示",
	credibility: "可信度", notMet: "未滿足", none: "未發現問題", unreadable: "無法讀取", hidden: "被基準檔 %s 隱藏", comma: "，"}

func zhPhrases(w zhWords) phrases {
	return phrases{
		score: func(path string, score int, missed []string) string {
			line := fmt.Sprintf("%s：%s %d/100", path, w.credibility, score)
			if len(missed) > 0 {
				line += "（" + w.notMet + "：" + strings.Join(missed, "、") + "）"
			}
			return line
		},
		summary: func(c Counts) []string {
			total := c.Error + c.Warning + c.Info
			var lines []string
			if total == 0 {
				lines = append(lines, fmt.Sprintf("%d %s中%s。", c.Files, w.files, w.none))
			} else {
				lines = append(lines, fmt.Sprintf("%d %s中共有 %d %s（%d %s%s%d %s%s%d %s）。", c.Files, w.files,
					total, w.findings, c.Error, w.errors, w.comma, c.Warning, w.warnings, w.comma, c.Info, w.infos))
			}
			if c.Failed > 0 {
				lines = append(lines, fmt.Sprintf("%d %s%s。", c.Failed, w.files, w.unreadable))
			}
			return lines
		},
		hidden: func(n int, baseline string) string {
			return fmt.Sprintf("%d %s"+w.hidden+"。", n, w.findings, baseline)
		},
	}
}

func plural(n int, word string) string {
	if n == 1 || word == "info" {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
