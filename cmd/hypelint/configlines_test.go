package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestConfigErrorsCarryTheirLine: every configuration error the command
// reports names the file and the line the problem is on.
func TestConfigErrorsCarryTheirLine(t *testing.T) {
	for src, want := range map[string]string{
		"locale: en\nrules:\n  severity:\n    hype-word: info\n    not-a-rule: info\n": `:5: rules.severity: unknown rule or category "not-a-rule"`,
		"rules:\n  enable: [overclaim]\n  enable: [hype-word]\n":                       `:3: duplicate key "enable" (first on line 2)`,
		"locale: en\nfail_on: error\nrules: {enable: [overclaim]\n":                    `:3: did not find expected ',' or '}'`,
	} {
		dir := writeFiles(t, map[string]string{".hypelint.yaml": src, "a.txt": hypedArticle})
		r := runCLI(t, nil, false, filepath.Join(dir, "a.txt"))
		assert.Equal(t, exitError, r.code, src)
		assert.Contains(t, r.stderr, filepath.Join(dir, ".hypelint.yaml")+want, src)
	}
}
