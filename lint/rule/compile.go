package rule

import (
	"fmt"
	"regexp"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"

	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// Env is what a rule condition sees. README.md documents every field.
type Env struct {
	Sentence  *facts.Sentence `expr:"sentence"`
	Paragraph *facts.Block    `expr:"paragraph"`
	Doc       *facts.Document `expr:"doc"`
	Hit       *facts.Hit      `expr:"hit"`
	// Study is the study in scope: the claim's when there is one, else
	// the sentence's context; a blank one (index 0, population "none")
	// outside any study. Claim is the claim of the reported hit, or the
	// sentence's first claim, or a blank one (class "").
	Study *facts.Study `expr:"study"`
	Claim *facts.Claim `expr:"claim"`
}

// compiler compiles conditions, then binds them to one lexicon, so that
// class names in has() and count() are checked when the rule is loaded, not
// when it runs. Conditions compile before the lexicon is known: has() and
// count() look it up only when they run.
type compiler struct {
	lex     *lexicon.Lexicon
	options []expr.Option
}

func newCompiler() *compiler {
	c := &compiler{}
	c.options = []expr.Option{
		expr.Env(Env{}),
		expr.AsBool(),
		expr.Function("has", c.has, new(func(facts.Counter, string) bool)),
		expr.Function("count", c.count, new(func(facts.Counter, string) int)),
	}
	return c
}

func (c *compiler) has(params ...any) (any, error) {
	n, err := c.count(params...)
	return n.(int) > 0, err
}

func (c *compiler) count(params ...any) (any, error) {
	scope, _ := params[0].(facts.Counter)
	name, _ := params[1].(string)
	if scope == nil {
		return 0, nil
	}
	return scope.Count(c.lex.ClassID(name)), nil
}

func (c *compiler) compile(r *Rule) error {
	if r.Scope == SuppressionScope {
		return nil // no condition
	}
	program, err := expr.Compile(r.When, c.options...)
	if err != nil {
		return err
	}
	r.program = program
	r.readsStudy = readsStudyRE.MatchString(r.When)
	r.readsHit = readsHitRE.MatchString(r.When)
	return nil
}

// readsStudyRE finds conditions that judge a claim against its study: their
// findings carry that study as a related location.
var readsStudyRE = regexp.MustCompile(`\b(study|claim)\.`)

// readsHitRE finds conditions that read hit.*: a claim rule that does not
// is spared computing its hits' facts.
var readsHitRE = regexp.MustCompile(`\bhit\.`)

// checkClasses checks a compiled rule's class names against lex and works
// out which sentence classes it needs.
func checkClasses(lex *lexicon.Lexicon, r *Rule) error {
	v := &classVisitor{lex: lex}
	root := r.program.Node()
	ast.Walk(&root, v)
	if v.err != nil {
		return v.err
	}
	r.needs = sentenceNeeds(lex, r.program.Node())
	r.gate = newGate(lex, r.program.Node())
	return nil
}

// classVisitor rejects has() and count() calls that name an unknown class,
// and class arguments that are not string literals (they could not be
// checked).
type classVisitor struct {
	lex *lexicon.Lexicon
	err error
}

func (v *classVisitor) Visit(node *ast.Node) {
	call, ok := (*node).(*ast.CallNode)
	if !ok || v.err != nil {
		return
	}
	id, ok := call.Callee.(*ast.IdentifierNode)
	if !ok || (id.Value != "has" && id.Value != "count") || len(call.Arguments) != 2 {
		return
	}
	lit, ok := call.Arguments[1].(*ast.StringNode)
	if !ok {
		v.err = fmt.Errorf("%s(): the class must be a string literal", id.Value)
		return
	}
	if v.lex.ClassID(lit.Value) < 0 {
		v.err = fmt.Errorf("%s(): no lexicon class named %q", id.Value, lit.Value)
	}
}
