package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func TestLoadFullConfig(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, FileName, `
rules:
  enable: [overclaim, animal-as-human]
  disable: [hype-word]
  severity: {sample-size: info, reverse-aging-claim: warning}
  extra: [house-rules]
include: ["articles/**/*.md"]
exclude: ["articles/drafts/**"]
fail_on: warning
locale: zh-Hant
encoding: big5
`)
	c, err := Load(p)
	require.NoError(t, err)
	assert.Equal(t, []Name{{"overclaim", 3}, {"animal-as-human", 3}}, c.Enable)
	assert.Equal(t, "hype-word", c.Disable[0].Value)
	assert.Equal(t, map[string]string{"sample-size": "info", "reverse-aging-claim": "warning"}, c.Severity)
	assert.Equal(t, 5, c.Line("rules.severity.sample-size"))
	assert.Equal(t, 5, c.Line("rules.severity.reverse-aging-claim"))
	assert.Equal(t, []string{filepath.Join(dir, "house-rules")}, c.Rules)
	assert.Equal(t, "warning", c.FailOn)
	assert.Equal(t, "zh-Hant", c.Locale)
	assert.Equal(t, "big5", c.Encoding)
	assert.True(t, c.Included(filepath.Join(dir, "articles", "2024", "a.md")))
	assert.False(t, c.Included(filepath.Join(dir, "articles", "drafts", "a.md")))
	assert.False(t, c.Included(filepath.Join(dir, "notes.md")))
	assert.True(t, c.Excluded(filepath.Join(dir, "articles", "drafts")))
}

func TestConfigErrorsNameFileAndLine(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"unknown top key":  {"rulez: {}\n", `:1: unknown key "rulez"`},
		"unknown rule key": {"rules:\n  enabled: [x]\n", `:2: unknown key "enabled"`},
		"bad severity":     {"rules:\n  severity:\n    hype-word: loud\n", `:3: severity "loud" for hype-word`},
		"bad fail_on":      {"fail_on: sometimes\n", `:1: fail_on "sometimes"`},
		"bad glob":         {"include: [\"[\"]\n", `:1: include: bad glob`},
		"yaml syntax":      {"rules: [\n", FileName + ":1: did not find expected node content"},
		"syntax on line 3": {"fail_on: error\nlocale: en\nrules: {enable: [x]\n", FileName + ":3: did not find expected ',' or '}'"},
		"duplicate enable": {"rules:\n  enable: [overclaim]\n  enable: [hype-word]\n", `:3: duplicate key "enable" (first on line 2)`},
		"duplicate top":    {"locale: en\nfail_on: error\nlocale: zh-Hans\n", `:3: duplicate key "locale" (first on line 1)`},
		"duplicate name":   {"rules:\n  severity:\n    hype-word: info\n    hype-word: error\n", `:4: duplicate key "hype-word"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := write(t, t.TempDir(), FileName, c.src)
			_, err := Load(p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), p)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	p := write(t, root, FileName, "fail_on: none\n")
	deep := filepath.Join(root, "a", "b", "c")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	found, err := Find(deep)
	require.NoError(t, err)
	assert.Equal(t, p, found)
	nearer := write(t, filepath.Join(root, "a"), FileName, "fail_on: info\n")
	found, err = Find(deep)
	require.NoError(t, err)
	assert.Equal(t, nearer, found, "the nearest file wins")
}

func TestStarterLoadsAndIsNotOverwritten(t *testing.T) {
	dir := t.TempDir()
	p, err := WriteStarter(dir)
	require.NoError(t, err)
	c, err := Load(p)
	require.NoError(t, err, "the starter file is a valid configuration")
	assert.Equal(t, "error", c.FailOn)
	require.NoError(t, os.WriteFile(p, []byte("fail_on: none\n"), 0o644))
	_, err = WriteStarter(dir)
	assert.ErrorIs(t, err, ErrExists)
	data, _ := os.ReadFile(p)
	assert.Equal(t, "fail_on: none\n", string(data), "an existing file is left as it is")
}

func TestFailOnTakesEitherSpelling(t *testing.T) {
	for _, key := range []string{"fail_on", "fail-on"} {
		c, err := Load(write(t, t.TempDir(), FileName, "locale: en\n"+key+": warning\n"))
		require.NoError(t, err, key)
		assert.Equal(t, "warning", c.FailOn, key)
		assert.Equal(t, 2, c.Line("fail_on"), key)
	}
	_, err := Load(write(t, t.TempDir(), FileName, "fail_on: info\nfail-on: warning\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), ":2: fail-on and fail_on are the same setting")
	_, err = Load(write(t, t.TempDir(), FileName, "fail-on: sometimes\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), ":1: fail_on \"sometimes\"")
}

func TestLineOfEachSetting(t *testing.T) {
	c, err := Load(write(t, t.TempDir(), FileName, "rules:\n  disable: [hype-word]\n  severity:\n    sample-size: info\nencoding: big5\n"))
	require.NoError(t, err)
	assert.Equal(t, 1, c.Line("rules"))
	assert.Equal(t, 2, c.Line("rules.disable"))
	assert.Equal(t, 4, c.Line("rules.severity.sample-size"))
	assert.Equal(t, 5, c.Line("encoding"))
	assert.Equal(t, 0, c.Line("locale"), "not set")
}

func TestStarterLeavesLocaleToTheEnvironment(t *testing.T) {
	c, err := Load(write(t, t.TempDir(), FileName, Starter))
	require.NoError(t, err)
	assert.Empty(t, c.Locale, "the starter must not pin a language")
	assert.Contains(t, Starter, "# locale:")
}
