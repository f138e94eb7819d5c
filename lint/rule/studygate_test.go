package rule

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/facts"
)

// On random facts, a study the onStudy guard refuses never lets a
// built-in rule's condition be true, whatever the other scopes hold; the
// guard reads the study alone (the other scopes unset change nothing).
func TestStudyGuardRefusesOnlyFalseConditions(t *testing.T) {
	set, lex := builtinSet(t)
	rng := rand.New(rand.NewPCG(21, 8))
	rules, refused := 0, 0
	for _, r := range set.Rules {
		g := r.gate.onStudy.get()
		if r.tree == nil || g == nil {
			continue
		}
		rules++
		pool, classes := conditionPool(lex, r)
		for range 3000 {
			env := randomEnv(rng, pool, classes)
			alone := &HitEnv{Study: env.Study}
			require.Equal(t, decided(g, alone), decided(g, env), "%s: the guard reads another scope", r.ID)
			if !decidedFalse(g, env) {
				continue
			}
			refused++
			e := &evaluator{env: *env, doc: env.Doc}
			ok, err := e.runVM(r)
			require.NoError(t, err, r.ID)
			require.False(t, ok, "%s: a refused study meets the condition", r.ID)
		}
	}
	assert.GreaterOrEqual(t, rules, 3, "built-in rules read the study")
	assert.Greater(t, refused, 3000)
}

// refuses keeps the last study's answer: over runs of studies, nil (no
// study, read as the blank one) among them, it answers as the guard does
// for each, also when a study comes back after another.
func TestStudyGateAnswersPerStudy(t *testing.T) {
	lex := gatingLexicon(t)
	r := withCondition(t, lex, `study.index > 0 && !study.sized && !sentence.negated`)
	g := r.gate.onStudy.get()
	require.NotNil(t, g)
	studies := []*facts.Study{nil, {Index: 1}, {Index: 2, Sized: true}, {Index: 3}, {Index: 0}}
	rng := rand.New(rand.NewPCG(2, 5))
	for range 200 {
		e := &evaluator{}
		e.noStudy = facts.Study{Population: facts.None, Design: facts.None}
		e.study = studyGate{g: g}
		for range 30 {
			st := studies[rng.IntN(len(studies))]
			want := st == nil || st.Index == 0 || st.Sized
			require.Equal(t, want, e.refuses(st), "study %+v", st)
		}
	}
}
