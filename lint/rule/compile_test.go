package rule

import (
	"testing"

	"github.com/expr-lang/expr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/yamlfile"
	"github.com/hypelint/hypelint/rules"
)

// A condition's bytecode waits for its first run, compiled with configs
// reused from rule to rule; it must be the bytecode expr.Compile makes of
// the condition on its own, for every built-in rule, whether it came from
// the files or from the snapshot.
func TestLazyBytecodeMatchesExprCompile(t *testing.T) {
	ruleFiles, err := yamlfile.ReadDir(rules.FS, ".", "rules")
	require.NoError(t, err)
	fromFiles, err := ParseFiles(ruleFiles)
	require.NoError(t, err)
	fromSnapshot, err := FromSnapshot(string(fromFiles.Snapshot()))
	require.NoError(t, err)
	ref := newCompiler()
	for _, p := range []*Parsed{fromFiles, fromSnapshot} {
		compiled := 0
		for _, pr := range p.rules {
			r := pr.Rule
			if r.Scope == SuppressionScope {
				assert.Nil(t, r.tree, r.ID)
				continue
			}
			require.NotNil(t, r.tree, r.ID)
			program, err := r.compiled()
			require.NoError(t, err, r.ID)
			want, err := expr.Compile(r.When, ref.options[r.env]...)
			require.NoError(t, err, r.ID)
			assert.Equal(t, want.Disassemble(), program.Disassemble(), r.ID)
			again, err := r.compiled()
			require.NoError(t, err)
			assert.Same(t, program, again, "%s: compiled once", r.ID)
			compiled++
		}
		assert.Greater(t, compiled, 20)
	}
}

// A mistake the type checker finds is still reported when the rule file is
// loaded, although the bytecode is made later.
func TestTypeErrorsReportedAtLoad(t *testing.T) {
	for _, when := range []string{`sentence.text`, `hit.negated + 1 > 0`, `len(sentence.text) == "x"`} {
		_, err := Parse(testLexicon(t), "r.yaml", []byte(replace(validRule, `when: "!hit.negated"`, "when: '"+when+"'")))
		require.Error(t, err, when)
		assert.Contains(t, err.Error(), "r.yaml:7: rule hype-word:", when)
	}
}
