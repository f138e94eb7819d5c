package fix

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestApplySkipsOverlapsAndOutOfRange(t *testing.T) {
	src := []byte("abcdef")
	out, made := Apply(src, []Edit{{4, 5, "E"}, {0, 2, "AB"}, {1, 3, "x"}, {5, 9, "y"}, {6, 6, "!"}})
	assert.Equal(t, "ABcdEf!", string(out))
	assert.Equal(t, []Edit{{0, 2, "AB"}, {4, 5, "E"}, {6, 6, "!"}}, made)
	assert.Equal(t, "abcdef", string(src), "the input is left as it was")
}

func numbered(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat("行", i%3+1))
		b.WriteString(" line\n")
	}
	return b.String()
}

func edit(src, old, new string, nth int) Edit {
	at := -1
	for range nth + 1 {
		at += 1 + strings.Index(src[at+1:], old)
	}
	return Edit{at, at + len(old), new}
}

func TestWriteDiffHunks(t *testing.T) {
	src := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\nthirteen\n"
	edits := []Edit{edit(src, "two", "2", 0), edit(src, "thr", "3", 0), edit(src, "twelve", "12\n12b", 0)}
	_, made := Apply([]byte(src), edits)
	var out bytes.Buffer
	require.NoError(t, WriteDiff(&out, "a.txt", []byte(src), made))
	assert.Equal(t, `--- a/a.txt
+++ b/a.txt
@@ -1,6 +1,6 @@
 one
-two
-three
+2
+3ee
 four
 five
 six
@@ -9,5 +9,6 @@
 nine
 ten
 eleven
-twelve
+12
+12b
 thirteen
`, out.String())
}

// The diff is one that git and patch apply, giving what Apply gives: with
// changes near both ends, at the end of a file without a final newline,
// and in hunks that merge.
func TestWriteDiffAppliesWithGitAndPatch(t *testing.T) {
	cases := map[string]struct {
		src   string
		edits func(string) []Edit
	}{
		"first and last lines": {numbered(20), func(s string) []Edit { return []Edit{edit(s, "line", "行", 0), edit(s, "line", "LINE", 19)} }},
		"no final newline":     {"标题\n\n灵丹妙药", func(s string) []Edit { return []Edit{edit(s, "灵丹妙药", "一种疗法", 0)} }},
		"merged hunks": {numbered(30), func(s string) []Edit {
			return []Edit{edit(s, "line", "L", 5), edit(s, "line", "L", 11), edit(s, "line", "", 25)}
		}},
		"line joined": {numbered(8), func(s string) []Edit { return []Edit{edit(s, " line\n", " ", 3)} }},
	}
	tools := map[string]func(dir string) *exec.Cmd{
		"git":   func(dir string) *exec.Cmd { c := exec.Command("git", "apply", "-"); c.Dir = dir; return c },
		"patch": func(dir string) *exec.Cmd { c := exec.Command("patch", "-p1", "-s"); c.Dir = dir; return c },
	}
	for tool, cmd := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Logf("%s not installed: not checked with it", tool)
			continue
		}
		for name, c := range cases {
			t.Run(tool+"/"+name, func(t *testing.T) {
				want, made := Apply([]byte(c.src), c.edits(c.src))
				require.NotEmpty(t, made)
				var diff bytes.Buffer
				require.NoError(t, WriteDiff(&diff, "a.txt", []byte(c.src), made))
				dir := t.TempDir()
				require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte(c.src), 0o644))
				run := cmd(dir)
				run.Stdin = &diff
				out, err := run.CombinedOutput()
				require.NoError(t, err, "%s\n%s", out, diff.String())
				got, err := os.ReadFile(filepath.Join(dir, "a.txt"))
				require.NoError(t, err)
				assert.Equal(t, string(want), string(got), diff.String())
			})
		}
	}
}

func TestWriteDiffWithoutEditsWritesNothing(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, WriteDiff(&out, "a.txt", []byte("x\n"), nil))
	assert.Empty(t, out.String())
}
