package lint

import (
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/yamlfile"
	"github.com/hypelint/hypelint/rules"
)

var update = flag.Bool("update", false, "rewrite rules/lexicon.snapshot from the lexicon files")

// TestBuiltinSnapshotIsCurrent compiles the built-in lexicon files and
// checks the snapshot in the binary is exactly what they give, so an edited
// lexicon cannot ship with a stale snapshot. -update rewrites it.
func TestBuiltinSnapshotIsCurrent(t *testing.T) {
	files, err := yamlfile.ReadDir(rules.FS, Builtin.Lexicons, Builtin.Prefix)
	require.NoError(t, err)
	lex, err := lexicon.Compile(files)
	require.NoError(t, err)
	want, err := lex.Snapshot()
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile("../rules/lexicon.snapshot", want, 0o644))
		return
	}
	assert.True(t, string(want) == rules.LexiconSnapshot,
		"rules/lexicon.snapshot does not match the lexicon files: run go test ./lint -run TestBuiltinSnapshotIsCurrent -update")
}

// A source that adds lexicons makes the linter compile every lexicon from
// its files, the built-in ones included, rather than use the snapshot.
func TestExtraLexiconsAreCompiledWithTheBuiltinOnes(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(dir+"/lexicon", 0o755))
	require.NoError(t, os.WriteFile(dir+"/lexicon/house.yaml", []byte("classes:\n  house_style:\n    zh: [震撼发布]\n"), 0o644))
	l, err := New(Builtin, Dir(dir))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, l.Lexicon.ClassID("house_style"), 0)
	assert.GreaterOrEqual(t, l.Lexicon.ClassID("animal"), 0)
}
