package rule

import (
	"errors"
	"regexp"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/checker"
	exprcompiler "github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"

	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// compiler compiles conditions, then binds them to one lexicon, so that
// class names in has() and count() are checked when the rule is loaded, not
// when it runs. Conditions compile before the lexicon is known: has() and
// count() look it up only when they run.
type compiler struct {
	lex     *lexicon.Lexicon
	options [][]expr.Option // per environment (envKind)
}

func newCompiler() *compiler {
	c := &compiler{}
	for _, env := range environments {
		c.options = append(c.options, []expr.Option{
			expr.Env(env.zero),
			expr.AsBool(),
			expr.Function("has", c.has, new(func(facts.Counter, string) bool)),
			expr.Function("count", c.count, new(func(facts.Counter, string) int)),
		})
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
	r.env = envOf(r.Scope, r.Report)
	env := environments[r.env]
	// Every mistake the checks find, at once; Bind checks the class names
	// even when the rule is broken.
	program, err := compileChecked(r.When, c.options[r.env], func(tree *parser.Tree) error {
		var refErr error
		r.classRefs, refErr = classRefs(env, tree)
		return errors.Join(checkNames(env, r.Scope, tree), checkEnums(env, r.Scope, tree), refErr)
	})
	if err != nil {
		return err
	}
	r.program = program
	r.readsStudy = readsStudyRE.MatchString(r.When)
	return nil
}

// compileChecked compiles a condition as expr.Compile does (expr v1.17),
// running check on the parsed tree before the type checker and the
// optimizer (which turns x in ["a", "b"] into a set): one parse, where
// calling expr.Compile after parsing for the checks took two.
func compileChecked(input string, ops []expr.Option, check func(*parser.Tree) error) (*vm.Program, error) {
	config := conf.CreateNew()
	for _, op := range ops {
		op(config)
	}
	for name := range config.Disabled {
		delete(config.Builtins, name)
	}
	config.Check()
	tree, err := parser.ParseWithConfig(input, config)
	if err != nil {
		return nil, err
	}
	if err := check(tree); err != nil {
		return nil, err
	}
	if _, err := new(checker.Checker).PatchAndCheck(tree, config); err != nil {
		return nil, err
	}
	if config.Optimize {
		if err := optimizer.Optimize(&tree.Node, config); err != nil {
			var fe *file.Error
			if errors.As(err, &fe) {
				return nil, fe.Bind(tree.Source)
			}
			return nil, err
		}
	}
	return exprcompiler.Compile(tree, config)
}

// readsStudyRE finds conditions that judge a claim against its study: their
// findings carry that study as a related location.
var readsStudyRE = regexp.MustCompile(`\b(study|claim)\.`)

// checkClasses checks a compiled rule's class names against lex and works
// out which sentence classes it needs.
func checkClasses(lex *lexicon.Lexicon, r *Rule) error {
	if err := checkClassRefs(lex, r); err != nil {
		return err
	}
	r.needs = sentenceNeeds(lex, r.program.Node())
	r.gate = newGate(lex, r.program.Node())
	return nil
}
