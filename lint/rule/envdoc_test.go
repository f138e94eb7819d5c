package rule

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the environment tables of README.md")

const (
	readme   = "../../README.md"
	envBegin = "<!-- environment tables: generated from lint/rule/env.go and facts.Enum by `go test ./lint/rule -run TestREADMEEnvironment -update` -->\n"
	envEnd   = "<!-- end of the environment tables -->\n"
)

// Every field a condition can read is documented, and nothing else.
func TestEveryEnvironmentFieldIsDocumented(t *testing.T) {
	fields := map[string]bool{}
	for _, f := range envFields() {
		fields[f.path] = true
		assert.NotEmpty(t, fieldDocs[f.path], "%s has no entry in fieldDocs (lint/rule/envdoc.go)", f.path)
	}
	for path := range fieldDocs {
		assert.True(t, fields[path], "fieldDocs documents %s, which no environment has", path)
	}
	assert.True(t, fields["hit.specific"] && fields["doc.evidence.preclinicalOnly"] && fields["study.openedBy"])
}

// README.md's environment tables are EnvironmentDoc's; -update rewrites
// them.
func TestREADMEEnvironment(t *testing.T) {
	data, err := os.ReadFile(readme)
	require.NoError(t, err)
	text := string(data)
	begin, end := strings.Index(text, envBegin), strings.Index(text, envEnd)
	require.True(t, begin >= 0 && end > begin, "README.md lacks the markers %q and %q", envBegin, envEnd)
	got := text[begin+len(envBegin) : end]
	want := EnvironmentDoc()
	if *update {
		require.NoError(t, os.WriteFile(readme, []byte(text[:begin+len(envBegin)]+want+text[end:]), 0o644))
		return
	}
	assert.Equal(t, want, got, "README.md's environment tables are stale: go test ./lint/rule -run TestREADMEEnvironment -update")
	assert.Contains(t, got, "| `hit.specific` | true/false |")
	assert.Contains(t, got, "| `doc.design` | `rct`, `observational`, `preclinical`, `trial`, `unknown` |")
}
