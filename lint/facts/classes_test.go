package facts_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/yamlfile"
)

// The built-in lexicon defines every class the engine reads; a lexicon
// without one of them is reported by name.
func TestMissingClasses(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	assert.Empty(t, facts.MissingClasses(l.Lexicon))

	small, err := lexicon.Compile([]yamlfile.File{{Name: "x.yaml", Data: []byte("classes:\n  negations:\n    description: a misspelt class\n    source: test\n    en: [\"not\"]\n")}})
	require.NoError(t, err)
	missing := facts.MissingClasses(small)
	assert.Contains(t, missing, "negation")
	assert.Contains(t, missing, "antiaging")
}
