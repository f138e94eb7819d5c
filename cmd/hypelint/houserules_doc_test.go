package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
)

// docBlock is a fenced block of docs/house-rules.md and the comment before
// it that says what to do with it.
type docBlock struct {
	directive, arg, body string
	line                 int
}

var directiveRE = regexp.MustCompile(`^<!-- (file|output|rules):? ?(.*?) ?-->$`)

func docBlocks(t *testing.T, path string) []docBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	var out []docBlock
	for i := 0; i < len(lines); i++ {
		m := directiveRE.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		require.True(t, i+1 < len(lines) && strings.HasPrefix(lines[i+1], "```"), "%s:%d: a directive goes right before a fenced block", path, i+1)
		end := i + 2
		for end < len(lines) && lines[end] != "```" {
			end++
		}
		require.Less(t, end, len(lines), "%s:%d: unclosed block", path, i+2)
		out = append(out, docBlock{m[1], m[2], strings.Join(lines[i+2:end], "\n") + "\n", i + 1})
		i = end
	}
	return out
}

// TestHouseRulesDocWorksAsShown plays docs/house-rules.md in an empty
// folder: it writes each file the page shows, runs each command and
// compares what it prints with the page, and loads each rule the page
// shows on its own.
func TestHouseRulesDocWorksAsShown(t *testing.T) {
	doc, err := filepath.Abs(filepath.Join("..", "..", "docs", "house-rules.md"))
	require.NoError(t, err)
	blocks := docBlocks(t, doc)
	dir := t.TempDir()
	t.Chdir(dir)
	outputs := 0
	for _, b := range blocks {
		switch b.directive {
		case "file":
			require.NoError(t, os.MkdirAll(filepath.Dir(b.arg), 0o755))
			require.NoError(t, os.WriteFile(b.arg, []byte(b.body), 0o644))
		case "output":
			args := strings.Fields(b.arg)
			require.Equal(t, "hypelint", args[0])
			r := runCLI(t, nil, false, args[1:]...)
			assert.Equal(t, b.body, r.stdout, "docs/house-rules.md:%d: %s (stderr: %s)", b.line, b.arg, r.stderr)
			outputs++
		case "rules":
			require.NoError(t, os.MkdirAll("more", 0o755))
			require.NoError(t, os.WriteFile(filepath.Join("more", "rules.yaml"), []byte(b.body), 0o644))
			_, err := lint.New(lint.Builtin, lint.Dir("more"))
			assert.NoError(t, err, "docs/house-rules.md:%d", b.line)
		}
	}
	assert.GreaterOrEqual(t, outputs, 3)
	data, err := os.ReadFile("draft.txt")
	require.NoError(t, err)
	assert.Contains(t, string(data), "靈丹妙藥", "--diff-fixes wrote nothing")
}
