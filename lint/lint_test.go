package lint

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/rules"
)

func defaultLinter(t testing.TB) *Linter {
	t.Helper()
	l, err := Default()
	require.NoError(t, err)
	return l
}

func TestEveryRuleHasCompleteMetadata(t *testing.T) {
	for _, r := range defaultLinter(t).Rules.Rules {
		for _, loc := range []string{"en", "zh-Hans", "zh-Hant"} {
			assert.NotEmpty(t, r.Message(loc, ""), "%s: message %s", r.ID, loc)
			assert.NotEmpty(t, r.ExplanationIn(loc), "%s: explanation %s", r.ID, loc)
		}
		assert.NotEmpty(t, r.Source, r.ID)
		if r.Messages["zh-Hant"] == "" {
			assert.NotEqual(t, r.Message("zh-Hans", ""), r.Message("zh-Hant", ""), "%s: zh-Hant is derived", r.ID)
		}
	}
}

// A term twice on one line is reported twice, each at its own position.
func TestRepeatedTermReportedAtEachPosition(t *testing.T) {
	src := "标题\n\n它能逆转衰老，真的能逆转衰老吗？NMN逆轉衰老！\n"
	res, err := defaultLinter(t).LintText("a.txt", []byte(src))
	require.NoError(t, err)
	var offsets []int
	for _, f := range res.Findings {
		if f.Rule.ID == "reverse-aging-claim" {
			offsets = append(offsets, f.Span.Start)
			assert.Contains(t, []string{"逆转衰老", "逆轉衰老"}, f.Term)
		}
	}
	first := strings.Index(src, "逆转衰老")
	second := first + len("逆转衰老") + strings.Index(src[first+len("逆转衰老"):], "逆转衰老")
	third := strings.Index(src, "逆轉衰老")
	assert.Equal(t, []int{first, second, third}, offsets)
}

// Every finding's span covers whole characters of the source and its
// excerpt is exactly the source bytes.
func TestFindingSpansAreSourceBytes(t *testing.T) {
	src := "重磅！ＮＭＮ「逆轉衰老」\n\n研究顯示，這款\n青春分子讓患者返老還童，無副作用。\n"
	res, err := defaultLinter(t).LintText("a.txt", []byte(src))
	require.NoError(t, err)
	require.NotEmpty(t, res.Findings)
	for _, f := range res.Findings {
		require.True(t, 0 <= f.Span.Start && f.Span.Start < f.Span.End && f.Span.End <= len(src))
		assert.True(t, utf8.ValidString(src[f.Span.Start:f.Span.End]), f.Rule.ID)
		assert.Equal(t, src[f.Span.Start:f.Span.End], f.Term)
	}
}

// The README's rule table lists every built-in rule.
func TestReadmeListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	for _, r := range defaultLinter(t).Rules.Rules {
		row := "| " + r.ID + " | " + r.Category + " | " + r.Severity.String() + " |"
		assert.True(t, strings.Contains(string(readme), row), "README.md's rule table lacks the row %q", row)
	}
}

// The built-in lexicon snapshot, which loads without its consistency
// check, passes it.
func TestBuiltinLexiconSnapshotIsConsistent(t *testing.T) {
	require.True(t, Builtin.trustsSnapshot())
	header, err := dirHeader(Builtin.FS, Builtin.Lexicons, Builtin.Prefix)
	require.NoError(t, err)
	content, ok := strings.CutPrefix(Builtin.Snapshot, header)
	require.True(t, ok, "stale snapshot")
	assert.NoError(t, lexicon.CheckSnapshot(content))
}

// Only Builtin's own snapshot loads unchecked: not a copy of Builtin
// given another snapshot, nor a source made elsewhere with the same one.
func TestOnlyTheBuiltinSnapshotIsTrusted(t *testing.T) {
	assert.True(t, Builtin.trustsSnapshot())
	foreign := Builtin
	foreign.Snapshot = strings.Replace(Builtin.Snapshot, "\n", "\n\n", 1)
	assert.False(t, foreign.trustsSnapshot(), "a copy of Builtin with another snapshot")
	other := Source{FS: rules.FS, Prefix: "rules", Rules: ".", Lexicons: "lexicon", Snapshot: rules.LexiconSnapshot}
	assert.False(t, other.trustsSnapshot(), "a source that is not Builtin")
}

func TestBuiltinChecksumMatchesTheSnapshots(t *testing.T) {
	sum, err := Builtin.Checksum()
	require.NoError(t, err)
	// The snapshots are stamped with the same checksums (and
	// TestBuiltinSnapshotsAreCurrent keeps them current).
	for _, snap := range []string{rules.RuleSnapshot, rules.LexiconSnapshot} {
		header, _, _ := strings.Cut(snap, "\n")
		crc := header[strings.LastIndex(header, " ")+1:]
		assert.Contains(t, sum, "crc32 "+crc)
	}
	assert.Regexp(t, `^\d+ rule files crc32 [0-9a-f]{8}, \d+ lexicon files crc32 [0-9a-f]{8}$`, sum)
}

// A rule with cover: story (single-patient-as-evidence) reports the person
// and runs through the sentence that tells how they improved, so a reader
// sees the story, while {term} stays the person.
func TestCoverStorySpansTheStory(t *testing.T) {
	l := defaultLinter(t)
	text := "T\n\n65岁的王阿姨患糖尿病十余年，每天要打两次胰岛素。她坚持喝了三个月，血糖完全恢复正常。\n"
	res, err := l.LintText("example.txt", []byte(text))
	require.NoError(t, err)
	var found bool
	for _, f := range res.Findings {
		if f.Rule.ID != "single-patient-as-evidence" || !strings.Contains(f.Term, "王阿姨") {
			continue
		}
		found = true
		got := text[f.Span.Start:f.Span.End]
		assert.True(t, strings.HasPrefix(got, "65岁的王阿姨"), "starts at the person: %q", got)
		assert.True(t, strings.HasSuffix(got, "恢复正常。"), "ends with the sentence telling the improvement: %q", got)
		assert.Equal(t, "65岁的王阿姨", f.Term, "{term} is the person, not the whole span")
	}
	require.True(t, found, "the story is flagged")
}

// A lexicon class the engine reads, renamed in the lexicon files, stops
// loading with its name instead of switching a mechanism off.
func TestRenamedEngineClassIsALoadError(t *testing.T) {
	files, err := fs.ReadDir(rules.FS, "lexicon")
	require.NoError(t, err)
	mem := fstest.MapFS{}
	for _, f := range files {
		data, err := fs.ReadFile(rules.FS, "lexicon/"+f.Name())
		require.NoError(t, err)
		mem["lexicon/"+f.Name()] = &fstest.MapFile{Data: bytes.ReplaceAll(data, []byte("\n  negation:\n"), []byte("\n  negations:\n"))}
	}
	_, err = New(Source{FS: mem, Prefix: "rules", Lexicons: "lexicon"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `negation`)
	assert.Contains(t, err.Error(), "no lexicon file defines")
}
