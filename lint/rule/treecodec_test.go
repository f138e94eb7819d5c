package rule

import (
	"testing"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/yamlfile"
	"github.com/hypelint/hypelint/rules"
)

// treeCodecInputs hold every node kind the parser makes, nil lists and
// empty ones, and odd literals.
var treeCodecInputs = []string{
	`sentence.isHeading && !has(sentence, "hype") || count(doc, "x") > 2`,
	`nil == nil and not true`,
	`1.5e3 - -2 * 3 % 4 ** 2 / 0.1 + 0x1F`,
	`"a\n\"b\"" in ["x", "y"] || 'c' matches "^d+"`,
	`a?.b.c[1:] ?? a[:2] ?? a[1:2] ?? a[::]`,
	`len(a) > 0 && all(a, # > 1) && any(a, {.x == #index})`,
	`f() + g(1, 2) + foo.Bar(3)`,
	`a ? b : c`,
	`if a { b } else { c }`,
	`let x = 1; let y = x + 2; x * y`,
	`{"k": 1, k2: [1, 2, {}], "k3": []}`,
	`1..3 | map(# * 2) | filter(# > 2)`,
	`a.b?.["c"]`,
	`x == 9223372036854775807 || y == 1e-300`,
	`# + #acc`,
}

// A tree written and read back is the parser's tree: every node and field,
// locations included, so expr's checker, optimizer and compiler make of it
// what they make of the parser's.
func TestTreeCodecRoundTrip(t *testing.T) {
	config := conf.CreateNew()
	parsed := 0
	for _, input := range treeCodecInputs {
		want, err := parser.ParseWithConfig(input, config)
		if err != nil {
			continue // a form this version of expr does not parse
		}
		parsed++
		data, err := encodeTree(want.Node)
		require.NoError(t, err, input)
		got, err := decodeTree(data, input)
		require.NoError(t, err, input)
		assert.Equal(t, want, got, input)
	}
	assert.Greater(t, parsed, len(treeCodecInputs)-3)
	_, err := encodeTree(&ast.ConstantNode{Value: map[string]struct{}{}})
	assert.ErrorIs(t, err, errTreeKind, "the optimizer's node")
}

// Cut or damaged data is refused with an error (the rules then load from
// their files), never a panic.
func TestTreeCodecRefusesDamagedData(t *testing.T) {
	tree, err := parser.Parse(treeCodecInputs[0])
	require.NoError(t, err)
	data, err := encodeTree(tree.Node)
	require.NoError(t, err)
	for n := range len(data) {
		_, err := decodeTree(data[:n], treeCodecInputs[0])
		assert.Error(t, err, "cut at %d", n)
	}
	_, err = decodeTree(data+"\x00", treeCodecInputs[0])
	assert.Error(t, err, "trailing byte")
	_, err = decodeTree("\x63", "x")
	assert.Error(t, err, "unknown kind")
	for i := range len(data) {
		bad := []byte(data)
		bad[i] ^= 0xff
		assert.NotPanics(t, func() { _, _ = decodeTree(string(bad), treeCodecInputs[0]) })
	}
}

// Every built-in condition is in the snapshot as a tree, and the checked,
// optimized tree made from it is the one made from the rule files.
func TestSnapshotTreesAreTheFilesTrees(t *testing.T) {
	ruleFiles, err := yamlfile.ReadDir(rules.FS, ".", "rules")
	require.NoError(t, err)
	fromFiles, err := ParseFiles(ruleFiles)
	require.NoError(t, err)
	fromSnapshot, err := FromSnapshot(string(fromFiles.Snapshot()))
	require.NoError(t, err)
	require.Equal(t, len(fromFiles.rules), len(fromSnapshot.rules))
	c := newCompiler()
	optimal := 0
	for i, pr := range fromFiles.rules {
		r, s := pr.Rule, fromSnapshot.rules[i].Rule
		if r.Scope == SuppressionScope {
			continue
		}
		cond := c.snapCondition(r)
		assert.NotEmpty(t, cond.tree, "%s: condition kept as a tree", r.ID)
		if cond.optimal {
			optimal++
		}
		assert.Equal(t, r.tree.Node.String(), s.tree.Node.String(), r.ID)
		assert.Equal(t, r.classRefs, s.classRefs, r.ID)
		assert.Equal(t, r.env, s.env, r.ID)
		assert.Equal(t, r.readsStudy, s.readsStudy, r.ID)
	}
	assert.Greater(t, optimal, 20, "conditions the optimizer leaves as they are")
}

// The optimizer is skipped only where it would change nothing: a list
// after "in" becomes a set, a constant sum is folded.
func TestSnapConditionOptimalOnlyWhereTheOptimizerChangesNothing(t *testing.T) {
	c := newCompiler()
	for when, optimal := range map[string]bool{
		`sentence.isHeading`:                           true,
		`has(sentence, "x") && !sentence.isHeading`:    true,
		`sentence.text in ["a", "b"]`:                  false,
		`count(sentence, "x") > 1 + 1`:                 false,
		`len(filter(sentence.sampleSizes, # > 0)) > 0`: false,
	} {
		r := &Rule{ID: "r", Scope: SentenceScope, When: when}
		require.NoError(t, c.compile(r), when)
		cond := c.snapCondition(r)
		require.NotEmpty(t, cond.tree, when)
		assert.Equal(t, optimal, cond.optimal, when)
	}
}
