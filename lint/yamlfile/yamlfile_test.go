package yamlfile

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSyntaxErrorsOnTheirLine checks go-yaml's syntax errors are reported
// on the line of the problem (go-yaml numbers its parser errors from 0 and
// leaves out line 1).
func TestSyntaxErrorsOnTheirLine(t *testing.T) {
	for src, want := range map[string]string{
		"a: 1\nb: 2\nc: {x\n":        "f.yaml:3: did not find expected ',' or '}'",
		"a: 1\nb: [x\nc: 2\n":        "f.yaml:2: did not find expected ',' or ']'",
		"a: 1\nb: 2\n- x\n":          "f.yaml:3: did not find expected key",
		"a: 1\nb: @x\n":              "f.yaml:2: found character that cannot start any token",
		"a: 1\n\tb: 2\n":             "f.yaml:2: found a tab character that violates indentation",
		"a: 1\nb: 2\n  c: 3\n":       "f.yaml:3: mapping values are not allowed in this context",
		"@x: 1\n":                    "f.yaml:1: found character that cannot start any token",
		"a: {x\n":                    "f.yaml:1: did not find expected ',' or '}'",
		"a:\n  b: 1\n  c: {d: [1,\n": "f.yaml:3: did not find expected node content",
	} {
		_, err := Parse("f.yaml", []byte(src))
		require.Error(t, err, src)
		assert.Equal(t, want, err.Error(), "%q", src)
	}
}

func TestDuplicateKeysAreErrors(t *testing.T) {
	for src, want := range map[string]string{
		"enable: [a]\nlocale: en\nenable: [b]\n":            `f.yaml:3: duplicate key "enable" (first on line 1); keep one`,
		"rules:\n  enable: [a]\n  disable: []\n  enable:\n": `f.yaml:4: duplicate key "enable" (first on line 2); keep one`,
		"rules:\n  - id: a\n    when: x\n    when: y\n":     `f.yaml:4: duplicate key "when" (first on line 3); keep one`,
		"a: {b: 1, c: {d: 1, d: 2}}\n":                      `f.yaml:1: duplicate key "d" (first on line 1); keep one`,
	} {
		_, err := Parse("f.yaml", []byte(src))
		require.Error(t, err, src)
		assert.Equal(t, want, err.Error(), "%q", src)
	}
	// The same key in different mappings is fine.
	_, err := Parse("f.yaml", []byte("a: {x: 1}\nb: {x: 2}\nc: [{x: 1}, {x: 2}]\n"))
	assert.NoError(t, err)
}
