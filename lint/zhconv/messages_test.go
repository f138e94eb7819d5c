package zhconv_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/zhconv"
	"github.com/hypelint/hypelint/rules"
)

// substitution is one entry of rules/zhconv/tw_computing.txt: a word
// (Traditional) whose Taiwan value is only its computing sense.
type substitution struct{ key, value string }

func computingOnly(t *testing.T) []substitution { return table(t, "zhconv/tw_computing.txt") }

// kept are the phrase tables the conversion applies: a longer phrase in
// them may legitimately contain a computing-only value (數據庫→資料庫).
func kept(t *testing.T) []substitution {
	return append(table(t, "zhconv/tw_phrases.txt"), table(t, "zhconv/tw_terms.txt")...)
}

func table(t *testing.T, name string) []substitution {
	t.Helper()
	data, err := rules.FS.ReadFile(name)
	require.NoError(t, err)
	var out []substitution
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		key, value, ok := strings.Cut(line, "\t")
		require.True(t, ok, "malformed line %q", line)
		out = append(out, substitution{key, value})
	}
	return out
}

// substituted returns the computing-only values that appear in a zh-Hant
// text more often than the zh-Hans text it renders has them (folded to
// Simplified), not counting those inside a longer phrase of the kept
// tables that converts the same word (數據庫→資料庫): those the
// conversion put there for the word alone.
func substituted(hans, hant string, list, kept []substitution) []string {
	var out []string
	for _, s := range list {
		n := strings.Count(hant, s.value)
		for _, k := range kept {
			if k.key != s.key && strings.Contains(k.key, s.key) && strings.Contains(k.value, s.value) {
				n -= strings.Count(hant, k.value)
			}
		}
		if n > strings.Count(hans, zhconv.FoldString(s.value)) {
			out = append(out, s.key+"→"+s.value)
		}
	}
	return out
}

// The examples are on the list.
func TestComputingListHasTheKnownCases(t *testing.T) {
	list := computingOnly(t)
	for _, want := range []substitution{{"對象", "物件"}, {"聲明", "宣告"}, {"支持", "支援"}, {"文件", "檔案"}, {"循環", "迴圈"}} {
		assert.Contains(t, list, want)
	}
}

// The check fails on a text converted with the computing vocabulary, and
// passes a word that was in the source already.
func TestSubstitutedCatchesComputingVocabulary(t *testing.T) {
	list := []substitution{{"聲明", "宣告"}, {"支持", "支援"}, {"文件", "檔案"}, {"數據", "資料"}}
	kept := []substitution{{"數據庫", "資料庫"}}
	assert.Equal(t, []string{"聲明→宣告", "支持→支援"}, substituted("利益冲突声明与所能支持的程度", "利益衝突宣告與所能支援的程度", list, kept))
	assert.Empty(t, substituted("利益冲突声明", "利益衝突聲明", list, kept))
	assert.Empty(t, substituted("病历档案", "病歷檔案", list, kept), "檔案 from 档案 is not a substitution")
	assert.Equal(t, []string{"文件→檔案"}, substituted("档案与文件", "檔案與檔案", list, kept))
	assert.Empty(t, substituted("数据库", "資料庫", list, kept), "a longer phrase converts the same word")
	assert.Equal(t, []string{"數據→資料"}, substituted("数据库的数据", "資料庫的資料", list, kept))
}

// Every message and explanation of every rule, in zh-Hant, is Taiwan
// prose: none of the computing-only substitutions of the OpenCC Taiwan
// phrase table.
func TestZhHantMessagesUseProseVocabulary(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	list, kept := computingOnly(t), kept(t)
	require.NotEmpty(t, list)
	for _, r := range l.Rules.Rules {
		for _, text := range []struct{ kind, hans, hant string }{
			{"message", r.Message("zh-Hans", ""), r.Message("zh-Hant", "")},
			{"explanation", r.ExplanationIn("zh-Hans"), r.ExplanationIn("zh-Hant")},
		} {
			require.NotEqual(t, text.hans, text.hant, "%s %s: zh-Hant is not converted", r.ID, text.kind)
			assert.Empty(t, substituted(text.hans, text.hant, list, kept), "%s %s in zh-Hant:\n%s", r.ID, text.kind, text.hant)
		}
	}
}
