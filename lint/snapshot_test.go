package lint

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/yamlfile"
	"github.com/hypelint/hypelint/rules"
)

var update = flag.Bool("update", false, "rewrite rules/lexicon.snapshot and rules/rules.snapshot from the files")

// TestBuiltinSnapshotsAreCurrent compiles the built-in lexicon files and
// parses the rule files, and checks the snapshots in the binary are exactly
// what they give. A stale snapshot is not used (see ruleSnapshot, loadLexicon), so
// this keeps start-up fast rather than results right. -update rewrites
// them.
func TestBuiltinSnapshotsAreCurrent(t *testing.T) {
	lexFiles, err := yamlfile.ReadDir(rules.FS, Builtin.Lexicons, Builtin.Prefix)
	require.NoError(t, err)
	lex, err := lexicon.Compile(lexFiles)
	require.NoError(t, err)
	lexSnapshot, err := lex.Snapshot()
	require.NoError(t, err)
	ruleFiles, err := yamlfile.ReadDir(rules.FS, Builtin.Rules, Builtin.Prefix)
	require.NoError(t, err)
	parsed, err := rule.ParseFiles(ruleFiles)
	require.NoError(t, err)
	want := map[string][]byte{
		"lexicon.snapshot": StampSnapshot(lexFiles, lexSnapshot),
		"rules.snapshot":   StampSnapshot(ruleFiles, parsed.Snapshot()),
	}
	got := map[string]string{"lexicon.snapshot": rules.LexiconSnapshot, "rules.snapshot": rules.RuleSnapshot}
	for name, data := range want {
		if *update {
			require.NoError(t, os.WriteFile("../rules/"+name, data, 0o644))
			continue
		}
		assert.True(t, string(data) == got[name],
			"rules/%s does not match the files: run go test ./lint -run TestBuiltinSnapshotsAreCurrent -update", name)
	}
}

// A snapshot made from other files than a source's is not used: the rules
// and lexicons come from the files, with the same results.
func TestStaleSnapshotsAreNotUsed(t *testing.T) {
	current, err := New(Builtin)
	require.NoError(t, err)
	stale := Builtin
	stale.Snapshot = strings.Replace(stale.Snapshot, "crc32 ", "crc32 0", 1)
	stale.RuleSnapshot = strings.Replace(stale.RuleSnapshot, "crc32 ", "crc32 0", 1)
	for _, src := range []Source{Builtin, stale} {
		ok := strings.HasPrefix(src.Snapshot, snapshotHeader(mustReadDir(t, src.Lexicons)))
		assert.Equal(t, src.Snapshot == Builtin.Snapshot, ok)
		assert.Equal(t, src.RuleSnapshot == Builtin.RuleSnapshot, ruleSnapshot(src) != nil)
	}
	fromFiles, err := New(stale)
	require.NoError(t, err)
	require.Equal(t, len(current.Rules.Rules), len(fromFiles.Rules.Rules))
	for i, r := range current.Rules.Rules {
		assert.Equal(t, r.ID, fromFiles.Rules.Rules[i].ID)
		assert.Equal(t, r.When, fromFiles.Rules.Rules[i].When)
		assert.Equal(t, r.Examples, fromFiles.Rules.Rules[i].Examples)
		assert.Equal(t, r.Line, fromFiles.Rules.Rules[i].Line)
	}
	assert.Equal(t, current.Lexicon.Classes, fromFiles.Lexicon.Classes)
	text := "逆转衰老！研究表明小鼠实验中，NMN让寿命延长30%。Scientists prove this miracle cure works."
	a, err := current.Lint(Input{Path: "a.txt", Data: []byte(text)})
	require.NoError(t, err)
	b, err := fromFiles.Lint(Input{Path: "a.txt", Data: []byte(text)})
	require.NoError(t, err)
	assert.NotEmpty(t, a.Findings)
	assert.Equal(t, len(a.Findings), len(b.Findings))
}

// dirHeader, which streams the files through the checksum, gives the
// header of the files yamlfile.ReadDir reads, on the built-in directories
// and on a directory with files of other kinds, empty and large files.
func TestDirHeaderMatchesReadDir(t *testing.T) {
	for _, dir := range []string{Builtin.Rules, Builtin.Lexicons} {
		want := snapshotHeader(mustReadDir(t, dir))
		got, err := dirHeader(rules.FS, dir, Builtin.Prefix)
		require.NoError(t, err)
		assert.Equal(t, want, got)
		assert.Zero(t, len(got)%8, "padded: %q", got)
	}
	dir := t.TempDir()
	for name, data := range map[string]string{"b.yaml": strings.Repeat("x: 1\n", 20000), "a.yaml": "", "c.yml": "no",
		"notes.txt": "no", "d.yaml": "rules: []\n"} {
		require.NoError(t, os.WriteFile(dir+"/"+name, []byte(data), 0o644))
	}
	files, err := yamlfile.ReadDir(os.DirFS(dir), ".", "house")
	require.NoError(t, err)
	require.Len(t, files, 3)
	got, err := dirHeader(os.DirFS(dir), ".", "house")
	require.NoError(t, err)
	assert.Equal(t, snapshotHeader(files), got)
}

func mustReadDir(t *testing.T, dir string) []yamlfile.File {
	files, err := yamlfile.ReadDir(rules.FS, dir, Builtin.Prefix)
	require.NoError(t, err)
	return files
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
