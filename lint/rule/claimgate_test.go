package rule

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/facts"
)

// claimNeeds reads equalities and lists of a claim's string fields joined
// by && at the top, a disjunction of them on one field as the values
// joined; anything else (another field in the disjunction, a negation,
// !=, a field of another scope) needs nothing.
func TestClaimNeedsOfConditions(t *testing.T) {
	lex := gatingLexicon(t)
	offset := func(name string) uintptr {
		f, ok := fieldNamed(reflect.TypeFor[facts.Claim](), name)
		require.True(t, ok, name)
		return f.Offset
	}
	type need struct {
		field  string
		values []string
	}
	for when, want := range map[string][]need{
		`claim.evidence == "preclinical" && !sentence.negated`: {{"evidence", []string{"preclinical"}}},
		`claim.subject in ["people", "none"] && claim.voice == "writer"`: {
			{"subject", []string{"none", "people"}}, {"voice", []string{"writer"}}},
		`(claim.design in ["case", "review"] || claim.design == "none" && doc.design != "rct") && has(sentence, "a")`: {
			{"design", []string{"case", "none", "review"}}},
		`claim.class in ["a", "b"] || claim.class == "hype" && has(sentence, "a")`: {{"class", []string{"a", "b", "hype"}}},
		`claim.design == "case" || claim.evidence == "none"`:                       nil,
		`claim.voice != "distanced"`:                                               nil,
		`!(claim.voice == "writer")`:                                               nil,
		`claim.evidence == "none" || sentence.caveat`:                              nil,
		`sentence.kind == "table-row" && study.design == "rct"`:                    nil,
	} {
		var got []need
		for _, n := range withCondition(t, lex, when).claimNeeds {
			var field string
			for _, name := range []string{"evidence", "subject", "voice", "design", "class", "strength"} {
				if offset(name) == n.offset {
					field = name
				}
			}
			got = append(got, need{field, n.values})
		}
		assert.Equal(t, want, got, when)
	}
}

// A claim's need is met exactly when its field holds one of the values:
// the length bits only refuse early.
func TestMeetsClaimNeedsAsValues(t *testing.T) {
	evidence, ok := fieldNamed(reflect.TypeFor[facts.Claim](), "evidence")
	require.True(t, ok)
	subject, ok := fieldNamed(reflect.TypeFor[facts.Claim](), "subject")
	require.True(t, ok)
	needs := []claimNeed{
		newClaimNeed(evidence.Offset, []string{"preclinical", ""}),
		newClaimNeed(subject.Offset, []string{"people", "none", string(make([]byte, 70))}),
	}
	values := []string{"", "preclinical", "preclinicaL", "human", "people", "peoplE", "none", "nonE", string(make([]byte, 70)), string(make([]byte, 71))}
	for _, e := range values {
		for _, s := range values {
			c := &facts.Claim{Evidence: e, Subject: s}
			want := (e == "preclinical" || e == "") && (s == "people" || s == "none" || s == string(make([]byte, 70)))
			assert.Equal(t, want, meetsClaimNeeds(c, needs), "evidence %q subject %q", e, s)
		}
	}
	assert.True(t, meetsClaimNeeds(&facts.Claim{}, nil), "no needs")
}

// On random facts, a claim that does not meet a built-in rule's claim
// needs never makes its condition true; the blank claim meets none of the
// rules' that sieve on them.
func TestClaimNeedsAreNeeded(t *testing.T) {
	set, lex := builtinSet(t)
	rng := rand.New(rand.NewPCG(15, 11))
	refused, rules := 0, 0
	blank := blankClaim()
	for _, r := range set.Rules {
		if r.tree == nil || len(r.claimNeeds) == 0 {
			continue
		}
		rules++
		assert.False(t, meetsClaimNeeds(&blank, r.claimNeeds), r.ID)
		pool, classes := conditionPool(lex, r)
		for range 5000 {
			env := randomEnv(rng, pool, classes)
			if meetsClaimNeeds(env.Claim, r.claimNeeds) {
				continue
			}
			refused++
			e := &evaluator{env: *env, doc: env.Doc}
			ok, err := e.runVM(r)
			require.NoError(t, err, r.ID)
			require.False(t, ok, "%s: a claim that does not meet the needs meets the condition", r.ID)
		}
	}
	assert.GreaterOrEqual(t, rules, 2, "built-in rules need claim values")
	assert.Greater(t, refused, 5000)
}

// claimBlocks keeps exactly the admitted blocks with a sentence whose
// claim meets the needs.
func TestClaimBlocksKeepsBlocksWithAClaim(t *testing.T) {
	evidence, ok := fieldNamed(reflect.TypeFor[facts.Claim](), "evidence")
	require.True(t, ok)
	needs := []claimNeed{newClaimNeed(evidence.Offset, []string{"preclinical"})}
	rng := rand.New(rand.NewPCG(4, 9))
	for range 500 {
		blocks := make([]*facts.Block, 1+rng.IntN(64))
		want := uint64(0)
		admitted := rng.Uint64()
		for bi := range blocks {
			b := &facts.Block{}
			meets := false
			for range rng.IntN(3) {
				s := &facts.Sentence{}
				for range rng.IntN(3) {
					e := []string{"none", "human", "preclinical"}[rng.IntN(3)]
					s.Claims = append(s.Claims, &facts.Claim{Evidence: e})
					meets = meets || e == "preclinical"
				}
				b.Sentences = append(b.Sentences, s)
			}
			blocks[bi] = b
			if meets && admitted&(1<<bi) != 0 {
				want |= 1 << bi
			}
		}
		admitted &= 1<<len(blocks) - 1 // (all bits for 64 blocks)
		require.Equal(t, want, claimBlocks(admitted, blocks, needs))
	}
}
