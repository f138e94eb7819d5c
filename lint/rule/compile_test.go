package rule

import (
	"math/rand/v2"
	"regexp"
	"strings"
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

// readsStudy is the regexp \b(study|claim)\. it replaced: on the built-in
// conditions and on random strings over the bytes that matter.
func TestReadsStudyMatchesTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`\b(study|claim)\.`)
	check := func(s string) {
		t.Helper()
		if got, want := readsStudy(s), re.MatchString(s); got != want {
			t.Fatalf("readsStudy(%q) = %v, the regexp says %v", s, got, want)
		}
	}
	yes := 0
	set, _ := builtinSet(t)
	for _, r := range set.Rules {
		check(r.When)
		if readsStudy(r.When) {
			yes++
		}
	}
	assert.Greater(t, yes, 0)
	for _, s := range []string{"study.x", "claim.y", "xstudy.x", "_claim.a", "a.study.b", "(claim.z", "study", "claims.x", "studyx.", "é study.", "9study."} {
		check(s)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"study", "claim", ".", " ", "x", "_", "1", "(", "é", "s", "c"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		check(b.String())
	}
}

// kebabCase is the regexp ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ it replaced.
func TestKebabCaseMatchesTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := "az09-_A.é"
	cases := []string{"", "a", "a-b", "a--b", "-a", "a-", "1a", "absolute-risk", "n2-trial", "Aa", "a_b"}
	for range 50000 {
		b := make([]byte, rng.IntN(7))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := kebabCase(s), re.MatchString(s); got != want {
			t.Fatalf("kebabCase(%q) = %v, the regexp says %v", s, got, want)
		}
	}
}
