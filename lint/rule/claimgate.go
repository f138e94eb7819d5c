package rule

import (
	"math/bits"
	"reflect"
	"slices"
	"unsafe"

	"github.com/expr-lang/expr/ast"

	"github.com/hypelint/hypelint/lint/facts"
)

// claimNeed is a string field of the claim that a condition cannot be
// true without having one of some values (claim.evidence == "preclinical").
// A rule whose needs the blank claim does not meet cannot report in a
// sentence none of whose claims meets them: the sieve refuses it, where
// the class needs admit many (claim terms are common, a claim resting on
// animal work only is not).
type claimNeed struct {
	offset uintptr // of the field in facts.Claim
	values []string
	// lengths has bit n set when a value is n bytes long (n < 64) and bit
	// 63 for any longer: most fields are refused on their length alone.
	lengths uint64
}

// newClaimNeed is the need of one of values in the field at offset.
func newClaimNeed(offset uintptr, values []string) claimNeed {
	need := claimNeed{offset: offset, values: values}
	for _, v := range values {
		need.lengths |= 1 << min(len(v), 63)
	}
	return need
}

// claimNeeds finds the claim needs of a condition: claim.f == "x",
// claim.f in ["x", "y"], and disjunctions of those on one field (their
// values joined), or a conjunction with one of them inside a disjunction,
// joined by && at the top.
func claimNeeds(n ast.Node) []claimNeed {
	var out []claimNeed
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if b, ok := n.(*ast.BinaryNode); ok && (b.Operator == "&&" || b.Operator == "and") {
			walk(b.Left)
			walk(b.Right)
			return
		}
		if need, ok := claimTest(n); ok {
			out = append(out, need)
		}
	}
	walk(n)
	return out
}

// claimTest reads one claim need from n, ok false when n is none.
func claimTest(n ast.Node) (claimNeed, bool) {
	b, ok := n.(*ast.BinaryNode)
	if !ok {
		return claimNeed{}, false
	}
	switch b.Operator {
	case "==", "in":
		member, ok := b.Left.(*ast.MemberNode)
		if !ok {
			return claimNeed{}, false
		}
		c := guardCompiler{known: map[string]bool{"claim": true}}
		f, ok := c.field(member, reflect.String)
		if !ok || f.scope != gateScopes["claim"].offset {
			return claimNeed{}, false
		}
		values, ok := stringSet(b.Right)
		if !ok || b.Operator == "==" && len(values) != 1 {
			return claimNeed{}, false
		}
		return newClaimNeed(f.offset, values), true
	case "||", "or":
		l, okl := claimTest(b.Left)
		r, okr := claimTest(b.Right)
		if !okl || !okr || l.offset != r.offset {
			return claimNeed{}, false
		}
		values := slices.Concat(l.values, r.values)
		slices.Sort(values)
		return newClaimNeed(l.offset, slices.Compact(values)), true
	case "&&", "and":
		// Inside a disjunction: either side's need is the conjunction's.
		if need, ok := claimTest(b.Left); ok {
			return need, true
		}
		return claimTest(b.Right)
	}
	return claimNeed{}, false
}

// meetsClaimNeeds reports whether c has, for every need, one of its values.
func meetsClaimNeeds(c *facts.Claim, needs []claimNeed) bool {
	for i := range needs {
		need := &needs[i]
		v := *(*string)(unsafe.Add(unsafe.Pointer(c), need.offset))
		if need.lengths&(1<<min(len(v), 63)) == 0 || !slices.Contains(need.values, v) {
			return false
		}
	}
	return true
}

// blankClaim is the claim a sentence rule sees in a sentence without one
// (and a paragraph rule always).
func blankClaim() facts.Claim {
	return facts.Claim{Subject: facts.None, Strength: facts.None, Voice: facts.VoiceWriter, Evidence: facts.None}
}

// claimMeets reports whether some claim of s meets the needs.
func claimMeets(s *facts.Sentence, needs []claimNeed) bool {
	for _, c := range s.Claims {
		if meetsClaimNeeds(c, needs) {
			return true
		}
	}
	return false
}

// claimBlocks returns the blocks of admitted (bit i: blocks[i]) with a
// sentence that has a claim meeting the needs.
func claimBlocks(admitted uint64, blocks []*facts.Block, needs []claimNeed) uint64 {
	out := admitted
	for rest := admitted; rest != 0; rest &= rest - 1 {
		bi := bits.TrailingZeros64(rest)
		if !slices.ContainsFunc(blocks[bi].Sentences, func(s *facts.Sentence) bool { return claimMeets(s, needs) }) {
			out &^= 1 << bi
		}
	}
	return out
}
