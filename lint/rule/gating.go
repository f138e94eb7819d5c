package rule

import (
	"math/bits"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/expr-lang/expr/ast"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// Gating: work in proportion to hits. Most sentences cannot satisfy most
// conditions (vague-sample-size needs a sentence that gives a sample size,
// animal-result-generalised a claim resting on preclinical evidence), and
// running the expr VM to find that out was most of the rules' time. Two
// things are derived from each condition when the rule is bound to a
// lexicon, both conservative: where the derivation does not understand a
// part of the condition, that part decides nothing and the VM runs.
//
//   - needs: the lexicon classes a sentence must have (has(sentence, "x"),
//     count(sentence, "x") > 0, claim.class in [...]), checked against the
//     sentence's hits before anything else;
//   - a guard: the parts of the condition Go can decide from the facts
//     already known (the document's, the sentence's, the claim's), read
//     in three-valued logic, so that a condition decided false is never
//     handed to the VM, nor are the hit facts computed for it.

// sentenceNeeds finds the sentence classes a condition cannot be true
// without: has(sentence, "x") and the tests classTest knows, joined by &&
// at the top, and disjunctions of them. A sentence lacking them is skipped without running the
// condition (each clause: at least one of its classes must be present).
func sentenceNeeds(lex *lexicon.Lexicon, n ast.Node) [][]int {
	switch n := n.(type) {
	case *ast.BinaryNode:
		if classes, ok := classTest(lex, n); ok {
			return [][]int{classes}
		}
		left, right := sentenceNeeds(lex, n.Left), sentenceNeeds(lex, n.Right)
		switch n.Operator {
		case "&&", "and":
			return append(left, right...)
		case "||", "or":
			return eitherNeeds(left, right)
		}
	case *ast.CallNode:
		if class, ok := sentenceHas(lex, n); ok {
			return [][]int{{class}}
		}
	}
	return nil
}

// maxNeeds bounds the clauses a disjunction expands to: a prefilter, not
// a second evaluator.
const maxNeeds = 8

// eitherNeeds is what "left || right" needs when each side needs all of its
// clauses: whichever side holds, every clause of the one meets the union of
// it with any clause of the other, so each such union is a clause. A side
// needing nothing makes the disjunction need nothing.
func eitherNeeds(left, right [][]int) [][]int {
	if len(left) == 0 || len(right) == 0 || len(left)*len(right) > maxNeeds {
		return nil
	}
	var out [][]int
	for _, l := range left {
		for _, r := range right {
			clause := append([]int{}, l...)
			for _, c := range r {
				if !slices.Contains(clause, c) {
					clause = append(clause, c)
				}
			}
			out = append(out, clause)
		}
	}
	return out
}

// sentenceHas recognises has(sentence, "class").
func sentenceHas(lex *lexicon.Lexicon, call *ast.CallNode) (int, bool) {
	scope, class, ok := classCall(lex, call, "has")
	return class, ok && scope == "sentence"
}

// classCall recognises name(scope, "class") with a known class.
func classCall(lex *lexicon.Lexicon, call *ast.CallNode, name string) (scope string, class int, ok bool) {
	id, ok := call.Callee.(*ast.IdentifierNode)
	if !ok || id.Value != name || len(call.Arguments) != 2 {
		return "", 0, false
	}
	sc, ok := call.Arguments[0].(*ast.IdentifierNode)
	lit, ok2 := call.Arguments[1].(*ast.StringNode)
	if !ok || !ok2 {
		return "", 0, false
	}
	class = lex.ClassID(lit.Value)
	return sc.Value, class, class >= 0
}

// classTest recognises the comparisons that hold only when the sentence
// has a hit of one of some classes: count(sentence, "x") > 0 (or >= 1,
// != 0), and claim.class or hit.class == "x" or in ["x", "y"] (a claim's
// class, and a reported hit's, is the class of one of the sentence's
// hits; the blank claim's is "", so a list holding "" or a name that is no
// class needs nothing).
func classTest(lex *lexicon.Lexicon, n *ast.BinaryNode) ([]int, bool) {
	if call, ok := n.Left.(*ast.CallNode); ok {
		scope, class, ok := classCall(lex, call, "count")
		lit, isInt := n.Right.(*ast.IntegerNode)
		if !ok || !isInt || scope != "sentence" {
			return nil, false
		}
		switch {
		case n.Operator == ">" && lit.Value >= 0, n.Operator == ">=" && lit.Value >= 1, n.Operator == "!=" && lit.Value == 0:
			return []int{class}, true
		}
		return nil, false
	}
	member, ok := n.Left.(*ast.MemberNode)
	if !ok || (n.Operator != "==" && n.Operator != "in") {
		return nil, false
	}
	scope, ok1 := member.Node.(*ast.IdentifierNode)
	prop, ok2 := member.Property.(*ast.StringNode)
	if !ok1 || !ok2 || (scope.Value != "claim" && scope.Value != "hit") || prop.Value != "class" {
		return nil, false
	}
	names, ok := stringSet(n.Right)
	if !ok || n.Operator == "==" && len(names) != 1 {
		return nil, false
	}
	var classes []int
	for _, name := range names {
		class := lex.ClassID(name)
		if name == "" || class < 0 {
			return nil, false
		}
		classes = append(classes, class)
	}
	slices.Sort(classes)
	return classes, true
}

// stringSet reads a string literal, a literal array of strings, or the
// set the expr optimizer makes of one (`x in ["a", "b"]`).
func stringSet(n ast.Node) ([]string, bool) {
	switch n := n.(type) {
	case *ast.StringNode:
		return []string{n.Value}, true
	case *ast.ArrayNode:
		var out []string
		for _, item := range n.Nodes {
			s, ok := item.(*ast.StringNode)
			if !ok {
				return nil, false
			}
			out = append(out, s.Value)
		}
		return out, true
	case *ast.ConstantNode:
		set, ok := n.Value.(map[string]struct{})
		if !ok {
			return nil, false
		}
		out := make([]string, 0, len(set))
		for s := range set {
			out = append(out, s)
		}
		slices.Sort(out)
		return out, true
	}
	return nil, false
}

// meets reports whether the sentence has, for every clause, one of its
// classes.
func meets(s *facts.Sentence, needs [][]int) bool {
	for _, clause := range needs {
		found := false
		for _, class := range clause {
			if s.Has(class) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// tri is a truth value that may not be known yet.
type tri int8

const (
	unknown tri = iota
	no
	yes
)

func (t tri) not() tri {
	switch t {
	case no:
		return yes
	case yes:
		return no
	}
	return unknown
}

func truth(b bool) tri {
	if b {
		return yes
	}
	return no
}

// gate holds a rule's guards, one per stage of evaluation: each reads only
// the scopes known at its stage (nil: it can decide nothing there).
// Each guard is compiled on first use: linting a small file asks for few of
// them (most rules are sieved out before their later stages), and compiling
// all of them was about a quarter of the start-up cost.
type gate struct {
	onDoc      *lazyGuard // once per document: the doc scope alone
	onSentence *lazyGuard // per sentence: doc, sentence, paragraph
	onClaim    *lazyGuard // per claim or reported hit, before its hit facts: and claim, study
	// onStudy reads the study alone: a sentence rule without report:
	// judges each sentence's own study, the same for runs of sentences,
	// so it is decided once per study (see studyGate) rather than per
	// sentence (most sentences sit in no study, which study.index > 0
	// refuses).
	onStudy *lazyGuard
	// afterSentence is onClaim for a sentence onSentence did not decide
	// false: without the operands of the top && that read nothing
	// onSentence did not (each was yes there, or unknown here as there),
	// so it decides false exactly where onClaim does.
	afterSentence *lazyGuard
	// afterStudy is onClaim for a sentence whose study onStudy did not
	// decide false: without the operands of the top && that read only
	// the study (each was not no there, and reads the same study here),
	// so it decides false exactly where onClaim does.
	afterStudy *lazyGuard
	// full reads every scope: where it understands the whole condition it
	// decides it outright (yes as well as no) and the VM is not run.
	full *lazyGuard
	// hitFields are the hit facts the condition reads, the only ones
	// worked out for it (see hitFieldsRead).
	hitFields facts.HitFields
}

// lazyGuard is a guard compiled on first use; runs of several jobs share
// it, hence the sync.Once.
type lazyGuard struct {
	once  sync.Once
	build func() guard // nil once compiled
	g     guard
	// ready is set once g is: get then reads g without the Once's call
	// (small enough to inline, for a guard asked for every sentence).
	ready atomic.Bool
}

func newLazyGuard(build func() guard) *lazyGuard { return &lazyGuard{build: build} }

// get returns the guard, compiling it the first time; a rule without a
// gate (nil) has no guard.
func (l *lazyGuard) get() guard {
	if l == nil {
		return nil
	}
	if l.ready.Load() {
		return l.g
	}
	return l.compile()
}

// compile is get's first use: it compiles the guard, once.
func (l *lazyGuard) compile() guard {
	l.once.Do(func() {
		l.g, l.build = l.build(), nil
		l.ready.Store(true)
	})
	return l.g
}

// guard decides part of a condition; it returns no only when the
// condition is false.
type guard func(env *HitEnv) tri

// Typed parts of a guard; ok is false when the value is not known.
type (
	intGuard    func(env *HitEnv) (v int, ok bool)
	stringGuard func(env *HitEnv) (v string, ok bool)
)

// newGate compiles the guards of a condition.
func newGate(lex *lexicon.Lexicon, n ast.Node) gate { return compileGate(lex, n, false) }

// compileGate is newGate; plain (tests) compiles the guards as they were
// before the one-step tests and the cheapest-first order, to check those
// against.
func compileGate(lex *lexicon.Lexicon, n ast.Node, plain bool) gate {
	stage := func(want tri, names ...string) *lazyGuard {
		return newLazyGuard(func() guard {
			c := guardCompiler{lex: lex, known: map[string]bool{}, plain: plain}.wanting(want)
			for _, name := range names {
				c.known[name] = true
			}
			return c.bool(n)
		})
	}
	// after is onClaim without the operands of the top && that read
	// only the skipped scopes (see gate.afterSentence).
	after := func(skip ...string) *lazyGuard {
		return newLazyGuard(func() guard {
			c := guardCompiler{lex: lex, known: map[string]bool{}, plain: plain}.wanting(no)
			for _, name := range []string{"doc", "sentence", "paragraph", "claim", "study"} {
				c.known[name] = true
			}
			if b, ok := n.(*ast.BinaryNode); ok && (b.Operator == "&&" || b.Operator == "and") {
				c.skip = map[string]bool{}
				for _, name := range skip {
					c.skip[name] = true
				}
			}
			return c.bool(n)
		})
	}
	return gate{
		onDoc:         stage(no, "doc"),
		onSentence:    stage(no, "doc", "sentence", "paragraph"),
		onClaim:       stage(no, "doc", "sentence", "paragraph", "claim", "study"),
		onStudy:       stage(no, "study"),
		afterSentence: after("doc", "sentence", "paragraph"),
		afterStudy:    after("study"),
		full:          stage(unknown, "doc", "sentence", "paragraph", "claim", "study", "hit"),
		hitFields:     hitFieldsRead(n),
	}
}

// hitFieldsRead finds the hit facts a condition reads: hit.<name> for the
// names facts knows. Anything else (hit used whole, a name it does not
// know) reads them all.
func hitFieldsRead(n ast.Node) facts.HitFields {
	v := &hitReads{}
	ast.Walk(&n, v)
	if v.all || v.idents != v.members {
		return facts.AllHitFields
	}
	return v.fields
}

// hitReads counts the uses of hit: as an identifier, and as the base of a
// known field.
type hitReads struct {
	idents, members int
	fields          facts.HitFields
	all             bool
}

func (v *hitReads) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if n.Value == "hit" {
			v.idents++
		}
	case *ast.MemberNode:
		id, ok := n.Node.(*ast.IdentifierNode)
		if !ok || id.Value != "hit" {
			return
		}
		prop, ok := n.Property.(*ast.StringNode)
		if !ok || n.Method {
			v.all = true
			return
		}
		f, known := facts.HitFieldNamed(prop.Value)
		if !known {
			v.all = true
			return
		}
		v.members++
		v.fields |= f
	}
}

// decidedFalse reports whether g decides the condition false.
func decidedFalse(g guard, env *HitEnv) bool { return g != nil && g(env) == no }

// decided is what g decides (unknown for no guard).
func decided(g guard, env *HitEnv) tri {
	if g == nil {
		return unknown
	}
	return g(env)
}

// guardCompiler compiles what Go can decide of a condition from the scopes
// known. It understands &&, ||, !, bool, int and string fields of the
// scopes (sentence.sampleSize, claim.evidence, study.index,
// doc.evidence.preclinicalOnly), has() and count() on a scope, len() of a
// field, comparisons, + and - of ints and `in` a list of strings; anything
// else (matches, all(), let, ?:, floats, a scope not known yet) compiles
// to nil, which stands for "unknown".
type guardCompiler struct {
	lex   *lexicon.Lexicon
	known map[string]bool
	plain bool // see compileGate
	// skip: the operands of the top && that read only these scopes are
	// left out (see gate.afterSentence).
	skip map[string]bool
	// want is the one value the guard must give wherever the condition
	// has it (no for the stages read by decidedFalse); elsewhere it may
	// give unknown. unknown: every value, as full needs. A chain that
	// then can never give want compiles to nil, and its parent skips it:
	// "(!claim.summary || sentence.isHeading)" at the sentence stage can
	// never be false, so an && above it need not run it.
	want tri
}

// wanting is c compiling a part whose value the guard reads as want.
func (c guardCompiler) wanting(want tri) guardCompiler {
	if c.plain {
		want = unknown // the reference keeps every value
	}
	c.want = want
	return c
}

func (c guardCompiler) bool(n ast.Node) guard {
	switch n := n.(type) {
	case *ast.BoolNode:
		v := truth(n.Value)
		return func(*HitEnv) tri { return v }
	case *ast.UnaryNode:
		if n.Operator != "!" && n.Operator != "not" {
			return nil
		}
		if g := c.test(n.Node, true); g != nil && !c.plain {
			return g // !field and !has(...) in one step
		}
		x := c.wanting(c.want.not()).bool(n.Node)
		if x == nil {
			return nil
		}
		return func(env *HitEnv) tri { return x(env).not() }
	case *ast.MemberNode, *ast.CallNode:
		if c.plain {
			return c.plainTest(n)
		}
		return c.test(n, false)
	case *ast.BinaryNode:
		return c.binary(n)
	}
	return nil
}

// test compiles a bool field or has(scope, "class"), negated when not is
// set: the parts conditions are mostly made of, each read in one step
// (the field at its offset, a sentence's class from its index) rather
// than through a chain of closures.
func (c guardCompiler) test(n ast.Node, not bool) guard {
	if st, ok := c.leaf(n, not); ok {
		return func(env *HitEnv) tri { return st.decide(env) }
	}
	if n, ok := n.(*ast.CallNode); ok {
		scope, class, ok := classCall(c.lex, n, "has")
		if !ok {
			return nil
		}
		count := c.counter(scope)
		if count == nil {
			return nil
		}
		return func(env *HitEnv) tri {
			n, ok := count(env, class)
			if !ok {
				return unknown
			}
			return truth(n > 0 != not)
		}
	}
	return nil
}

// step is an operand of a chain. The tests conditions are mostly made of
// (a bool field, has(scope, "class"), a string field against a literal or
// in a list, an int field against a literal) are read in the chain's own
// loop, from where the field sits; any other operand is a guard, called.
type step struct {
	kind          stepKind
	not           bool    // the test's result is negated
	cmp           intCmp  // stepInt: the comparison
	scope, offset uintptr // the scope's pointer in HitEnv; the field in the scope
	class         int     // stepHas, stepDocHas, stepBlockHas: the class; stepInt: the literal
	size          uintptr // stepBool: the size of the scope (see words)
	lit           string  // stepString: the literal
	lits          []string
	g             guard // stepGuard: the guard (nil: unknown)
	// stepWord: the word at offset holds bool fields of the scope (one
	// byte each, 0 or 1); the step decides unless its bytes under mask
	// are other.
	mask, other uint64
}

type stepKind uint8

const (
	stepGuard    stepKind = iota
	stepBool              // a bool field
	stepHas               // has(sentence, class)
	stepString            // a string field == a literal
	stepWord              // bool fields read as one word (see words)
	stepIn                // a string field in a list of literals (lits)
	stepInt               // an int field compared (cmp) with a literal (class)
	stepDocHas            // has(doc, class)
	stepBlockHas          // has(paragraph, class)
)

// intCmp is the comparison of a stepInt: field cmp literal.
type intCmp uint8

const (
	cmpLess intCmp = iota
	cmpLessEq
	cmpMore
	cmpMoreEq
	cmpEq
	cmpNotEq
)

// holds reports whether a cmp b.
func (c intCmp) holds(a, b int) bool {
	switch c {
	case cmpLess:
		return a < b
	case cmpLessEq:
		return a <= b
	case cmpMore:
		return a > b
	case cmpMoreEq:
		return a >= b
	case cmpEq:
		return a == b
	}
	return a != b
}

// intCmps are the comparisons by operator, and flipped: the same
// comparison with its sides swapped (1 < x is x > 1).
var intCmps = map[string]struct{ cmp, flipped intCmp }{
	"<":  {cmpLess, cmpMore},
	"<=": {cmpLessEq, cmpMoreEq},
	">":  {cmpMore, cmpLess},
	">=": {cmpMoreEq, cmpLessEq},
	"==": {cmpEq, cmpEq},
	"!=": {cmpNotEq, cmpNotEq},
}

// leaf compiles n, negated when not is set, as a step read in place: a
// bool field, has(scope, "class") with the scope known (the sentence, the
// document or the paragraph), a string field compared (==, !=) with a
// literal or in a list of them, or an int field compared with a literal.
// ok is false for anything else.
func (c guardCompiler) leaf(n ast.Node, not bool) (step, bool) {
	switch n := n.(type) {
	case *ast.MemberNode:
		f, ok := c.field(n, reflect.Bool)
		if !ok {
			return step{}, false
		}
		return step{kind: stepBool, not: not, scope: f.scope, offset: f.offset, size: scopeSize(f.scope)}, true
	case *ast.CallNode:
		scope, class, ok := classCall(c.lex, n, "has")
		if !ok {
			return step{}, false
		}
		s, ok := gateScopes[scope]
		if !ok || !c.known[scope] {
			return step{}, false
		}
		switch s.typ {
		case reflect.TypeFor[facts.Sentence]():
			return step{kind: stepHas, not: not, scope: s.offset, class: class}, true
		case reflect.TypeFor[facts.Document]():
			return step{kind: stepDocHas, not: not, scope: s.offset, class: class}, true
		case reflect.TypeFor[facts.Block]():
			return step{kind: stepBlockHas, not: not, scope: s.offset, class: class}, true
		}
	case *ast.BinaryNode:
		if st, ok := c.intLeaf(n, not); ok {
			return st, true
		}
		if n.Operator == "in" {
			m, ok := n.Left.(*ast.MemberNode)
			set, ok2 := stringSet(n.Right)
			if !ok || !ok2 {
				return step{}, false
			}
			f, ok := c.field(m, reflect.String)
			if !ok {
				return step{}, false
			}
			return step{kind: stepIn, not: not, scope: f.scope, offset: f.offset, lits: set}, true
		}
		if n.Operator != "==" && n.Operator != "!=" {
			return step{}, false
		}
		member, lit := n.Left, n.Right
		if _, ok := member.(*ast.StringNode); ok {
			member, lit = lit, member
		}
		m, ok1 := member.(*ast.MemberNode)
		l, ok2 := lit.(*ast.StringNode)
		if !ok1 || !ok2 {
			return step{}, false
		}
		f, ok := c.field(m, reflect.String)
		if !ok {
			return step{}, false
		}
		return step{kind: stepString, not: not != (n.Operator == "!="), scope: f.scope, offset: f.offset, lit: l.Value}, true
	}
	return step{}, false
}

// intLeaf compiles an int field compared with an int literal (either
// side), negated when not is set.
func (c guardCompiler) intLeaf(n *ast.BinaryNode, not bool) (step, bool) {
	op, ok := intCmps[n.Operator]
	if !ok {
		return step{}, false
	}
	cmp := op.cmp
	member, lit := n.Left, n.Right
	if _, ok := member.(*ast.IntegerNode); ok {
		member, lit, cmp = lit, member, op.flipped
	}
	m, ok1 := member.(*ast.MemberNode)
	l, ok2 := lit.(*ast.IntegerNode)
	if !ok1 || !ok2 {
		return step{}, false
	}
	f, ok := c.field(m, reflect.Int)
	if !ok {
		return step{}, false
	}
	return step{kind: stepInt, not: not, cmp: cmp, scope: f.scope, offset: f.offset, class: l.Value}, true
}

// decide is what the step decides in env, for a test outside a chain
// (chain reads its steps in its loop, without this call).
func (st *step) decide(env *HitEnv) tri {
	if st.kind == stepGuard {
		return st.g(env)
	}
	p := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(env), st.scope))
	if p == nil {
		return unknown
	}
	switch st.kind {
	case stepBool:
		return truth(*(*bool)(unsafe.Add(p, st.offset)) != st.not)
	case stepHas:
		return truth((*facts.Sentence)(p).Has(st.class) != st.not) // Has is Count > 0
	case stepDocHas:
		return truth(((*facts.Document)(p).Count(st.class) > 0) != st.not)
	case stepBlockHas:
		return truth(((*facts.Block)(p).Count(st.class) > 0) != st.not)
	case stepIn:
		return truth(slices.Contains(st.lits, *(*string)(unsafe.Add(p, st.offset))) != st.not)
	case stepInt:
		return truth(st.cmp.holds(*(*int)(unsafe.Add(p, st.offset)), st.class) != st.not)
	case stepWord:
		panic("a word step decides only in its chain")
	}
	return truth((*(*string)(unsafe.Add(p, st.offset)) == st.lit) != st.not)
}

// plainTest is test without the one-step reads: the reference it is
// checked against.
func (c guardCompiler) plainTest(n ast.Node) guard {
	switch n := n.(type) {
	case *ast.MemberNode:
		f, ok := c.field(n, reflect.Bool)
		if !ok {
			return nil
		}
		return func(env *HitEnv) tri {
			p := f.at(env)
			if p == nil {
				return unknown
			}
			return truth(*(*bool)(p))
		}
	case *ast.CallNode:
		scope, class, ok := classCall(c.lex, n, "has")
		if !ok {
			return nil
		}
		count := c.counter(scope)
		if count == nil {
			return nil
		}
		return func(env *HitEnv) tri {
			n, ok := count(env, class)
			if !ok {
				return unknown
			}
			return truth(n > 0)
		}
	}
	return nil
}

func (c guardCompiler) binary(n *ast.BinaryNode) guard {
	switch n.Operator {
	case "&&", "and":
		return wantedChain(c.operands(n, "&&", "and"), no, yes, c.want)
	case "||", "or":
		return wantedChain(c.operands(n, "||", "or"), yes, no, c.want)
	case "in":
		set, ok := stringSet(n.Right)
		left := c.string(n.Left)
		if !ok || left == nil {
			return nil
		}
		return func(env *HitEnv) tri {
			v, ok := left(env)
			if !ok {
				return unknown
			}
			return truth(slices.Contains(set, v))
		}
	case "==", "!=":
		eq := c.equality(n.Left, n.Right)
		if eq == nil {
			return nil
		}
		if n.Operator == "!=" {
			return func(env *HitEnv) tri { return eq(env).not() }
		}
		return eq
	case "<", "<=", ">", ">=":
		l, r := c.int(n.Left), c.int(n.Right)
		if l == nil || r == nil {
			return nil
		}
		return compareInts(l, r, intComparison(n.Operator))
	}
	return nil
}

// equality compares two ints, two strings or two bools.
func (c guardCompiler) equality(left, right ast.Node) guard {
	if l, r := c.int(left), c.int(right); l != nil && r != nil {
		return compareInts(l, r, func(a, b int) bool { return a == b })
	}
	if l, r := c.string(left), c.string(right); l != nil && r != nil {
		return func(env *HitEnv) tri {
			a, ok := l(env)
			if !ok {
				return unknown
			}
			b, ok := r(env)
			if !ok {
				return unknown
			}
			return truth(a == b)
		}
	}
	if isBool(left) && isBool(right) {
		exact := c.wanting(unknown) // both values of each side count
		l, r := exact.bool(left), exact.bool(right)
		if l == nil || r == nil {
			return nil
		}
		return func(env *HitEnv) tri {
			a, b := l(env), r(env)
			if a == unknown || b == unknown {
				return unknown
			}
			return truth(a == b)
		}
	}
	return nil
}

func compareInts(l, r intGuard, cmp func(a, b int) bool) guard {
	return func(env *HitEnv) tri {
		a, ok := l(env)
		if !ok {
			return unknown
		}
		b, ok := r(env)
		if !ok {
			return unknown
		}
		return truth(cmp(a, b))
	}
}

func isBool(n ast.Node) bool {
	t := n.Type()
	return t != nil && t.Kind() == reflect.Bool
}

func intComparison(op string) func(a, b int) bool {
	switch op {
	case "<":
		return func(a, b int) bool { return a < b }
	case "<=":
		return func(a, b int) bool { return a <= b }
	case ">":
		return func(a, b int) bool { return a > b }
	}
	return func(a, b int) bool { return a >= b }
}

// operands compiles the operands of a chain of one operator (a && b && c,
// however parenthesised), each nil where it decides nothing.
// The operands come cheapest first (by the size of their syntax tree):
// Kleene's && and || do not depend on the order of their operands, and
// guards have no effects, so a cheap test that decides spares the dearer.
func (c guardCompiler) operands(n *ast.BinaryNode, ops ...string) []step {
	type operand struct {
		st   step
		cost int
	}
	var list []operand
	var walk func(n *ast.BinaryNode)
	skip := c.skip
	c.skip = nil // the top && only
	walk = func(n *ast.BinaryNode) {
		for _, side := range []ast.Node{n.Left, n.Right} {
			if b, ok := side.(*ast.BinaryNode); ok && slices.Contains(ops, b.Operator) {
				walk(b)
				continue
			}
			if skip != nil && readsOnly(side, skip) {
				continue
			}
			list = append(list, operand{c.step(side), nodeCount(side)})
		}
	}
	walk(n)
	if !c.plain {
		slices.SortStableFunc(list, func(a, b operand) int { return a.cost - b.cost })
	}
	out := make([]step, len(list))
	for i, o := range list {
		out[i] = o.st
	}
	return out
}

// step compiles an operand of a chain: in place where leaf can (not in
// plain guards), else as a guard.
func (c guardCompiler) step(n ast.Node) step {
	if !c.plain {
		if st, ok := c.leaf(n, false); ok {
			return st
		}
		if u, ok := n.(*ast.UnaryNode); ok && (u.Operator == "!" || u.Operator == "not") {
			if st, ok := c.leaf(u.Node, true); ok {
				return st
			}
		}
	}
	return step{g: c.bool(n)}
}

// nodeCount is the size of a syntax tree, a guess at what deciding it
// costs.
func nodeCount(n ast.Node) int {
	v := &nodeCounter{}
	ast.Walk(&n, v)
	return v.n
}

type nodeCounter struct{ n int }

func (v *nodeCounter) Visit(*ast.Node) { v.n++ }

// allOf is the conjunction of guards in three-valued logic: no as soon as
// one says no, yes when all say yes, else unknown (a nil guard is unknown).
// One loop rather than a closure per &&: guards run for every sentence.
func allOf(gs []guard) guard {
	return chain(guardSteps(gs), no, yes)
}

// anyOf is the disjunction: yes as soon as one says yes, no when all say
// no, else unknown.
func anyOf(gs []guard) guard {
	return chain(guardSteps(gs), yes, no)
}

func guardSteps(gs []guard) []step {
	out := make([]step, len(gs))
	for i, g := range gs {
		out[i] = step{g: g}
	}
	return out
}

// wantedChain is chain for a guard read only as want (see
// guardCompiler.want), nil where it can never give it. A chain gives
// other only when every step is known and gives it; decisive only when
// a step does, and its steps were compiled wanting decisive, so that
// those that could never give it are nil already, left out.
func wantedChain(steps []step, decisive, other tri, want tri) guard {
	if want == other {
		if _, all := known(steps); !all {
			return nil
		}
	}
	return chain(steps, decisive, other)
}

// chain evaluates steps in order: the first to give decisive decides;
// when all give other, so does the chain; otherwise it is unknown. The
// tests of leaf are read here, as step.decide does, without a call.
func chain(steps []step, decisive, other tri) guard {
	known, all := known(steps)
	if len(known) == 0 {
		return nil
	}
	decides := decisive == yes // the value of a test that decides
	known = words(known, decides)
	return func(env *HitEnv) tri {
		undecided := !all
		for i := range known {
			st := &known[i]
			if st.kind != stepGuard {
				p := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(env), st.scope))
				if p == nil {
					undecided = true
					continue
				}
				var v bool
				switch st.kind {
				case stepWord:
					if *(*uint64)(unsafe.Add(p, st.offset))&st.mask != st.other {
						return decisive
					}
					continue
				case stepBool:
					v = *(*bool)(unsafe.Add(p, st.offset))
				case stepHas:
					v = (*facts.Sentence)(p).Has(st.class)
				case stepString:
					v = *(*string)(unsafe.Add(p, st.offset)) == st.lit
				case stepIn:
					v = slices.Contains(st.lits, *(*string)(unsafe.Add(p, st.offset)))
				case stepInt:
					v = st.cmp.holds(*(*int)(unsafe.Add(p, st.offset)), st.class)
				case stepDocHas:
					v = (*facts.Document)(p).Count(st.class) > 0
				default:
					v = (*facts.Block)(p).Count(st.class) > 0
				}
				if v != st.not == decides {
					return decisive
				}
				continue
			}
			switch st.g(env) {
			case decisive:
				return decisive
			case unknown:
				undecided = true
			}
		}
		if undecided {
			return unknown
		}
		return other
	}
}

// known returns the steps that can decide (not a nil guard), and whether
// all can.
func known(steps []step) ([]step, bool) {
	out := make([]step, 0, len(steps))
	for _, st := range steps {
		if st.kind != stepGuard || st.g != nil {
			out = append(out, st)
		}
	}
	return out, len(out) == len(steps)
}

// int compiles an int literal, an int field, count(scope, "class"), len()
// of a field, or a sum or difference of those.
func (c guardCompiler) int(n ast.Node) intGuard {
	switch n := n.(type) {
	case *ast.IntegerNode:
		v := n.Value
		return func(*HitEnv) (int, bool) { return v, true }
	case *ast.MemberNode:
		f, ok := c.field(n, reflect.Int)
		if !ok {
			return nil
		}
		return valueOf[int](f)
	case *ast.CallNode:
		scope, class, ok := classCall(c.lex, n, "count")
		if !ok {
			return nil
		}
		count := c.counter(scope)
		if count == nil {
			return nil
		}
		return func(env *HitEnv) (int, bool) { return count(env, class) }
	case *ast.BuiltinNode:
		return c.len(n)
	case *ast.BinaryNode:
		if n.Operator != "+" && n.Operator != "-" {
			return nil
		}
		l, r := c.int(n.Left), c.int(n.Right)
		if l == nil || r == nil {
			return nil
		}
		sign := 1
		if n.Operator == "-" {
			sign = -1
		}
		return func(env *HitEnv) (int, bool) {
			a, ok := l(env)
			if !ok {
				return 0, false
			}
			b, ok := r(env)
			return a + sign*b, ok
		}
	}
	return nil
}

// len compiles len() of a slice field. (Not of a string: expr counts its
// runes or its bytes depending on how the call was compiled.)
func (c guardCompiler) len(n *ast.BuiltinNode) intGuard {
	if n.Name != "len" || len(n.Arguments) != 1 {
		return nil
	}
	member, ok := n.Arguments[0].(*ast.MemberNode)
	if !ok {
		return nil
	}
	f, ok := c.field(member, reflect.Slice)
	if !ok {
		return nil
	}
	return func(env *HitEnv) (int, bool) {
		p := f.at(env)
		if p == nil {
			return 0, false
		}
		return reflect.NewAt(f.typ, p).Elem().Len(), true
	}
}

// valueOf reads f, a field of type T; ok is false when its scope is not
// known at this stage.
func valueOf[T any](f fieldAt) func(*HitEnv) (T, bool) {
	return func(env *HitEnv) (T, bool) {
		p := f.at(env)
		if p == nil {
			var zero T
			return zero, false
		}
		return *(*T)(p), true
	}
}

// string compiles a string literal or a string field.
func (c guardCompiler) string(n ast.Node) stringGuard {
	switch n := n.(type) {
	case *ast.StringNode:
		v := n.Value
		return func(*HitEnv) (string, bool) { return v, true }
	case *ast.MemberNode:
		f, ok := c.field(n, reflect.String)
		if !ok {
			return nil
		}
		return valueOf[string](f)
	}
	return nil
}

// fieldAt locates a field of a scope: the scope's pointer sits at offset
// scope in Env, the field at offset within what it points to. Guards run
// for every sentence and rule, so they read fields at offsets worked out
// here, from reflect, with the field's kind checked, rather than through
// reflect on each read.
type fieldAt struct {
	scope, offset uintptr
	typ           reflect.Type
}

// at returns the field's address, or nil when its scope is not set.
func (f fieldAt) at(env *HitEnv) unsafe.Pointer {
	p := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(env), f.scope))
	if p == nil {
		return nil
	}
	return unsafe.Add(p, f.offset)
}

// field compiles scope.field or scope.struct.field of the given kind, for
// a known scope.
func (c guardCompiler) field(n *ast.MemberNode, kind reflect.Kind) (fieldAt, bool) {
	var path []string
	var node ast.Node = n
	for {
		m, ok := node.(*ast.MemberNode)
		if !ok {
			break
		}
		prop, ok := m.Property.(*ast.StringNode)
		if !ok || m.Optional || m.Method {
			return fieldAt{}, false
		}
		path = append([]string{prop.Value}, path...)
		node = m.Node
	}
	id, ok := node.(*ast.IdentifierNode)
	if !ok || !c.known[id.Value] {
		return fieldAt{}, false
	}
	scope, ok := gateScopes[id.Value]
	if !ok || len(path) == 0 {
		return fieldAt{}, false
	}
	f := fieldAt{scope: scope.offset, typ: scope.typ}
	for i, name := range path {
		sf, ok := fieldNamed(f.typ, name)
		if !ok || i < len(path)-1 && sf.Type.Kind() != reflect.Struct {
			return fieldAt{}, false
		}
		f.offset += sf.Offset
		f.typ = sf.Type
	}
	return f, f.typ.Kind() == kind
}

// fieldNamed finds a struct's field by the name expr gives it (its own
// fields only: promoted ones are left to the VM).
func fieldNamed(t reflect.Type, name string) (reflect.StructField, bool) {
	f, ok := fieldsByExprName(t)[name]
	return f, ok
}

// fieldIndex holds each struct type's own fields by expr name, made on
// first use: building every gate asked reflect for the same few types'
// fields and tags again and again, a tenth of start-up.
var fieldIndex sync.Map // reflect.Type → map[string]reflect.StructField

func fieldsByExprName(t reflect.Type) map[string]reflect.StructField {
	if m, ok := fieldIndex.Load(t); ok {
		return m.(map[string]reflect.StructField)
	}
	m := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		if n, ok := exprName(f); ok {
			if _, dup := m[n]; !dup { // the first field of a name, as a scan finds
				m[n] = f
			}
		}
	}
	fieldIndex.Store(t, m)
	return m
}

// counter compiles the scope has() and count() ask: a function counting a
// class's hits in it, ok false when the scope is not set. The scopes with
// hits are read directly; another Counter through reflect.
func (c guardCompiler) counter(name string) func(env *HitEnv, class int) (int, bool) {
	scope, ok := gateScopes[name]
	if !ok || !c.known[name] || !reflect.PointerTo(scope.typ).Implements(reflect.TypeFor[facts.Counter]()) {
		return nil
	}
	f := fieldAt{scope: scope.offset, typ: scope.typ}
	switch scope.typ {
	case reflect.TypeFor[facts.Sentence]():
		return func(env *HitEnv, class int) (int, bool) {
			p := f.at(env)
			if p == nil {
				return 0, false
			}
			return (*facts.Sentence)(p).Count(class), true
		}
	case reflect.TypeFor[facts.Block]():
		return func(env *HitEnv, class int) (int, bool) {
			p := f.at(env)
			if p == nil {
				return 0, false
			}
			return (*facts.Block)(p).Count(class), true
		}
	case reflect.TypeFor[facts.Document]():
		return func(env *HitEnv, class int) (int, bool) {
			p := f.at(env)
			if p == nil {
				return 0, false
			}
			return (*facts.Document)(p).Count(class), true
		}
	}
	return func(env *HitEnv, class int) (int, bool) {
		p := f.at(env)
		if p == nil {
			return 0, false
		}
		return reflect.NewAt(f.typ, p).Interface().(facts.Counter).Count(class), true
	}
}

// gateScopes maps the names conditions use (sentence, doc, hit...) to the
// Env fields holding them: pointers to structs.
var gateScopes = func() map[string]envScope {
	m := map[string]envScope{}
	t := reflect.TypeFor[HitEnv]()
	for i := range t.NumField() {
		f := t.Field(i)
		name, ok := exprName(f)
		if ok && f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct {
			m[name] = envScope{offset: f.Offset, typ: f.Type.Elem()}
		}
	}
	return m
}()

type envScope struct {
	offset uintptr
	typ    reflect.Type
}

// exprName is the name expr gives a struct field: its expr tag, else its
// Go name; "-" hides it.
func exprName(f reflect.StructField) (string, bool) {
	if !f.IsExported() || f.Anonymous {
		return "", false
	}
	switch tag := f.Tag.Get("expr"); tag {
	case "-":
		return "", false
	case "":
		return f.Name, true
	default:
		return tag, true
	}
}

// sentenceFlags finds the bool fields of the sentence a condition cannot be
// true without: sentence.x (not !sentence.x: most such flags are clear, and
// testing them would refuse few sentences) joined by && at the top. A
// sentence with one of them clear is skipped as one lacking a needed class
// is.
func sentenceFlags(n ast.Node) []uintptr {
	c := guardCompiler{known: map[string]bool{"sentence": true}}
	sentence := gateScopes["sentence"].offset
	var out []uintptr
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.BinaryNode:
			if n.Operator == "&&" || n.Operator == "and" {
				walk(n.Left)
				walk(n.Right)
			}
		case *ast.MemberNode:
			if f, ok := c.field(n, reflect.Bool); ok && f.scope == sentence {
				out = append(out, f.offset)
			}
		}
	}
	walk(n)
	return out
}

// sieve is a rule's needs (and its reported class) as class bitsets: a
// sentence, or a block through the union of its sentences' classes, can
// only meet the needs when it has a class of every clause, one AND per
// clause instead of a lookup per class.
type sieve struct {
	clauses []facts.ClassSet
	// classes are the classes of each clause, listed: the masks are
	// read class by class (see admitted).
	classes [][]int
	ok      bool // every class fits a ClassSet: the sieve may be used
	// flags are the offsets in facts.Sentence of the bool fields the
	// condition needs set (see sentenceFlags).
	flags []uintptr
	// flagBits are the same fields as bits of a block's flags (see
	// blockFlags): a block none of whose sentences has one of them set
	// is refused whole.
	flagBits uint64
	// claims are the rule's claim needs when the blank claim does not
	// meet them (see claimNeeds): a sentence none of whose claims meets
	// them is refused, and a block none of whose sentences has one.
	claims []claimNeed
}

// newSieve builds the sieve of a rule's needs and reported class.
func newSieve(needs [][]int, reportClass int) sieve {
	sv := sieve{ok: true}
	add := func(clause []int) {
		var set facts.ClassSet
		for _, c := range clause {
			if c < 0 || c >= facts.ClassSetSize {
				sv.ok = false
				return
			}
			set[c/64] |= 1 << (c % 64)
		}
		sv.clauses = append(sv.clauses, set)
		var classes []int
		for w, word := range set {
			for ; word != 0; word &= word - 1 {
				classes = append(classes, w*64+bits.TrailingZeros64(word))
			}
		}
		sv.classes = append(sv.classes, classes)
	}
	for _, clause := range needs {
		add(clause)
	}
	if reportClass >= 0 {
		add([]int{reportClass})
	}
	return sv
}

// admits reports whether a sentence or block with the classes in set may
// meet the needs (false only when it cannot).
func (sv *sieve) admits(set *facts.ClassSet) bool {
	for i := range sv.clauses {
		c := &sv.clauses[i]
		if c[0]&set[0]|c[1]&set[1]|c[2]&set[2]|c[3]&set[3] == 0 {
			return false
		}
	}
	return true
}

// flagsSet reports whether every bool field the sieve's condition needs
// set is set in s (false only when the condition cannot hold).
func (sv *sieve) flagsSet(s *facts.Sentence) bool {
	for _, off := range sv.flags {
		if !*(*bool)(unsafe.Add(unsafe.Pointer(s), off)) {
			return false
		}
	}
	return true
}

// blockClasses is what the sieves need to know of a block: the union of
// its sentences' classes, whether they were all indexed, and whether one
// of them opens a study (which resets "once: study").
type blockClasses struct {
	union      facts.ClassSet
	indexed    bool
	opensStudy bool
	// flags has bit i set when a sentence has the bool field at the
	// rule set's blockFlags[i] set.
	flags uint64
}

// blockMasks are the classes of up to 64 blocks as, for each class, the
// set of blocks (one bit each) that have it: the blocks a sieve admits are
// then an AND over its clauses of an OR over their classes, instead of a
// test per block.
type blockMasks struct {
	ok       bool // at most 64 blocks, every sentence indexed: the masks may be used
	of       [facts.ClassSetSize]uint64
	content  uint64 // blocks a rule reads (not facts.Excluded)
	headings uint64 // of those, titles and headings
	used     []int  // classes whose mask is set, to clear them for the next call
	// flag[i] are the blocks with a sentence whose bool field at the rule
	// set's blockFlags[i] is set.
	flag [64]uint64
}

// masksPool keeps the masks (2 KB) from one document's run to the next.
var masksPool = sync.Pool{New: func() any { return new(blockMasks) }}

// set builds the masks of blocks, whose classes are classes, for the
// classes in need (admitted reads no other: see sieveClasses).
func (m *blockMasks) set(blocks []*facts.Block, classes []blockClasses, need *facts.ClassSet) {
	for _, c := range m.used {
		m.of[c] = 0
	}
	m.used, m.content, m.headings = m.used[:0], 0, 0
	clear(m.flag[:])
	m.ok = len(blocks) <= 64
	if !m.ok {
		return
	}
	for bi, b := range blocks {
		bc := &classes[bi]
		if !bc.indexed {
			m.ok = false
			return
		}
		if facts.Excluded(b.Role) {
			continue
		}
		bit := uint64(1) << bi
		m.content |= bit
		if b.Source != nil && (b.Source.Kind == document.Title || b.Source.Kind == document.Heading) {
			m.headings |= bit
		}
		for f := bc.flags; f != 0; f &= f - 1 {
			m.flag[bits.TrailingZeros64(f)] |= bit
		}
		for w, word := range bc.union {
			word &= need[w]
			for word != 0 {
				c := w*64 + bits.TrailingZeros64(word)
				word &= word - 1
				if m.of[c] == 0 {
					m.used = append(m.used, c)
				}
				m.of[c] |= bit
			}
		}
	}
}

// sieveClasses is the union of the classes the sieves' clauses name: the
// only masks admitted reads.
func sieveClasses(list []sieve) facts.ClassSet {
	var need facts.ClassSet
	for i := range list {
		for _, clause := range list[i].clauses {
			for w := range need {
				need[w] |= clause[w]
			}
		}
	}
	return need
}

// admitted returns the blocks of a rule's scope that sv admits.
func (m *blockMasks) admitted(sv *sieve, headings bool) uint64 {
	out := m.content
	if headings {
		out = m.headings
	}
	for _, classes := range sv.classes {
		var any uint64
		for _, c := range classes {
			any |= m.of[c]
		}
		out &= any
	}
	return out
}

// flagged returns the blocks that have, for each of the fields sv needs
// set, a sentence with it set.
func (m *blockMasks) flagged(sv *sieve) uint64 {
	out := ^uint64(0)
	for f := sv.flagBits; f != 0; f &= f - 1 {
		out &= m.flag[bits.TrailingZeros64(f)]
	}
	return out
}

// admitsBlock reports whether sv may admit a sentence of the block whose
// classes are bc (false only when none can meet the needs).
func (sv *sieve) admitsBlock(bc *blockClasses) bool {
	return bc.flags&sv.flagBits == sv.flagBits && (!bc.indexed || sv.admits(&bc.union))
}

// blockFlags lists the sentence bool fields the sieves of rules need set
// (at most 64: those beyond are left to each sentence's test), and sets
// each sieve's flagBits from it.
func blockFlags(list []sieve) []uintptr {
	var offsets []uintptr
	for i := range list {
		for _, off := range list[i].flags {
			k := slices.Index(offsets, off)
			if k < 0 && len(offsets) < 64 {
				k = len(offsets)
				offsets = append(offsets, off)
			}
			if k >= 0 {
				list[i].flagBits |= 1 << k
			}
		}
	}
	return offsets
}

// classesOfBlock sets bc to what the sieves need of block b; flags are the
// rule set's blockFlags. (Written in place: a call per block.)
func classesOfBlock(bc *blockClasses, b *facts.Block, newStudy int, flags []uintptr) {
	*bc = blockClasses{indexed: true}
	for _, s := range b.Sentences {
		for k, off := range flags {
			if *(*bool)(unsafe.Add(unsafe.Pointer(s), off)) {
				bc.flags |= 1 << k
			}
		}
		set, ok := s.Classes()
		bc.indexed = bc.indexed && ok
		bc.union[0] |= set[0]
		bc.union[1] |= set[1]
		bc.union[2] |= set[2]
		bc.union[3] |= set[3]
		if s.OpensStudy || s.Has(newStudy) {
			bc.opensStudy = true
		}
	}
}

// words merges a chain's bool-field steps that read the same aligned word
// of the same scope into one stepWord at the place of the first: conditions
// test many of a sentence's flags (!sentence.inLimitations &&
// !sentence.inEndMatter && ...), which sit side by side. The step's other
// is the word's bytes when no test among them gives decides.
func words(steps []step, decides bool) []step {
	type key struct{ scope, offset uintptr }
	at := map[key]int{} // the word step of each word, by index in out
	var out []step
	for _, st := range steps {
		word := st.offset &^ 7
		if st.kind != stepBool || word+8 > st.size {
			out = append(out, st)
			continue
		}
		var mask, other [8]byte
		mask[st.offset-word] = 0xff
		if st.not == decides { // the field set does not decide
			other[st.offset-word] = 1
		}
		m, o := *(*uint64)(unsafe.Pointer(&mask)), *(*uint64)(unsafe.Pointer(&other))
		k := key{st.scope, word}
		i, ok := at[k]
		switch {
		case !ok:
			at[k] = len(out)
			out = append(out, step{kind: stepWord, scope: st.scope, offset: word, mask: m, other: o})
		case out[i].mask&m != 0: // a field tested twice (x && !x): not merged
			out = append(out, st)
		default:
			out[i].mask |= m
			out[i].other |= o
		}
	}
	return out
}

// scopeSize is the size of the struct whose pointer sits at offset in
// HitEnv, as far as words may read it: 0 (none) unless the struct is
// aligned to 8 bytes, as its words then are.
func scopeSize(offset uintptr) uintptr {
	for _, s := range gateScopes {
		if s.offset == offset && s.typ.Align() >= 8 {
			return s.typ.Size()
		}
	}
	return 0
}

// readsOnly reports whether every scope n reads is one of scopes.
func readsOnly(n ast.Node, scopes map[string]bool) bool {
	v := &scopeReads{scopes: scopes, only: true}
	ast.Walk(&n, v)
	return v.only
}

type scopeReads struct {
	scopes map[string]bool
	only   bool
}

func (v *scopeReads) Visit(n *ast.Node) {
	if id, ok := (*n).(*ast.IdentifierNode); ok {
		if _, scope := gateScopes[id.Value]; scope && !v.scopes[id.Value] {
			v.only = false
		}
	}
}
