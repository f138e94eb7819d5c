package rule

import (
	"errors"
	"strings"
	"sync"

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
//
// Loading parses and checks every condition (every mistake is reported
// then, with its file and line) and optimizes its tree, from which the
// gates are built (a snapshot keeps parsed trees: see compileSnapshot);
// the last step, the bytecode, waits for the first time a condition runs
// (Rule.compiled): most rules never run on a small file.
type compiler struct {
	lex     *lexicon.Lexicon
	options [][]expr.Option // per environment (envKind)
	// configs holds a config per environment, reused from rule to rule:
	// making one copies expr's builtins and walks the environment's
	// type, and its cache of field types fills once instead of per rule.
	// A config's cache is not safe for concurrent use, so each goroutine
	// takes its own set from the pool.
	configs sync.Pool
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
	c.configs.New = func() any {
		set := make([]*conf.Config, len(environments))
		return &set
	}
	return c
}

// withConfig runs f with a config for env that no other goroutine uses
// meanwhile.
func (c *compiler) withConfig(env envKind, f func(*conf.Config)) {
	set := c.configs.Get().(*[]*conf.Config)
	if (*set)[env] == nil {
		(*set)[env] = newConfig(c.options[env])
	}
	f((*set)[env])
	c.configs.Put(set)
}

// newConfig makes a config as expr.Compile does (expr v1.17).
func newConfig(ops []expr.Option) *conf.Config {
	config := conf.CreateNew()
	for _, op := range ops {
		op(config)
	}
	for name := range config.Disabled {
		delete(config.Builtins, name)
	}
	config.Check()
	return config
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

// compile parses, checks and optimizes r's condition (see compiler).
func (c *compiler) compile(r *Rule) error {
	r.env = envOf(r.Scope, r.Report)
	env := environments[r.env]
	// Every mistake the checks find, at once; Bind checks the class names
	// even when the rule is broken.
	var tree *parser.Tree
	var err error
	c.withConfig(r.env, func(config *conf.Config) {
		tree, err = checkedTree(r.When, config, func(tree *parser.Tree) error {
			var refErr error
			r.classRefs, refErr = classRefs(env, tree)
			return errors.Join(checkNames(env, r.Scope, tree), checkEnums(env, r.Scope, tree), refErr)
		})
	})
	if err != nil {
		return err
	}
	c.setTree(r, tree)
	return nil
}

// setTree makes tree, checked and optimized, r's condition.
func (c *compiler) setTree(r *Rule, tree *parser.Tree) {
	r.tree = tree
	r.program = sync.OnceValues(func() (program *vm.Program, err error) {
		c.withConfig(r.env, func(config *conf.Config) { program, err = exprcompiler.Compile(tree, config) })
		return program, err
	})
	r.readsStudy = readsStudy(r.When)
}

// compileSnapshot is compile for a rule read from a snapshot, from cond,
// its condition as snapCondition wrote it. The snapshot was written from
// rules that passed compile's own checks (names, enums), so only the class
// names are gathered for Bind; expr's checker runs as in compile, and its
// optimizer unless the snapshot found it leaves the tree as it is.
func (c *compiler) compileSnapshot(r *Rule, cond snapCondition) error {
	r.env = envOf(r.Scope, r.Report)
	parsed, err := decodeTree(cond.tree, r.When)
	if err != nil {
		return err
	}
	if r.classRefs, err = classRefs(environments[r.env], parsed); err != nil {
		return err
	}
	c.withConfig(r.env, func(config *conf.Config) {
		if cond.optimal {
			_, err = new(checker.Checker).PatchAndCheck(parsed, config)
		} else {
			err = checkOptimize(parsed, config)
		}
	})
	if err != nil {
		return err
	}
	c.setTree(r, parsed)
	return nil
}

// snapCondition is a condition as a rules snapshot keeps it: its parsed
// tree (encodeTree), before expr's checker; "" when it cannot be written
// or does not parse. optimal says expr's optimizer, run after the checker,
// leaves the tree as it is (most conditions: the optimizer rewrites
// "in" lists, constants and a few builtins), so loading can skip it.
type snapCondition struct {
	tree    string
	optimal bool
}

func (c *compiler) snapCondition(r *Rule) snapCondition {
	var out snapCondition
	c.withConfig(envOf(r.Scope, r.Report), func(config *conf.Config) {
		tree, err := parser.ParseWithConfig(r.When, config)
		if err != nil {
			return
		}
		if out.tree, err = encodeTree(tree.Node); err != nil {
			return
		}
		if _, err := new(checker.Checker).PatchAndCheck(tree, config); err != nil {
			return
		}
		checked, err := encodeTree(tree.Node)
		if err != nil || optimizer.Optimize(&tree.Node, config) != nil {
			return
		}
		optimized, err := encodeTree(tree.Node)
		out.optimal = err == nil && optimized == checked
	})
	return out
}

// compiled returns r's condition as a program, compiling it on the first
// call.
func (r *Rule) compiled() (*vm.Program, error) { return r.program() }

// checkedTree does what expr.Compile does (expr v1.17) up to the bytecode,
// running check on the parsed tree before the type checker and the
// optimizer (which turns x in ["a", "b"] into a set): one parse, where
// calling expr.Compile after parsing for the checks took two.
func checkedTree(input string, config *conf.Config, check func(*parser.Tree) error) (*parser.Tree, error) {
	tree, err := parser.ParseWithConfig(input, config)
	if err != nil {
		return nil, err
	}
	if err := check(tree); err != nil {
		return nil, err
	}
	if err := checkOptimize(tree, config); err != nil {
		return nil, err
	}
	return tree, nil
}

// checkOptimize runs expr's type checker and optimizer on a parsed tree.
func checkOptimize(tree *parser.Tree, config *conf.Config) error {
	if _, err := new(checker.Checker).PatchAndCheck(tree, config); err != nil {
		return err
	}
	if config.Optimize {
		if err := optimizer.Optimize(&tree.Node, config); err != nil {
			var fe *file.Error
			if errors.As(err, &fe) {
				return fe.Bind(tree.Source)
			}
			return err
		}
	}
	return nil
}

// readsStudy finds conditions that judge a claim against its study (they
// read study.* or claim.*): their findings carry that study as a related
// location. It is the regexp \b(study|claim)\. as a byte scan: the
// regexp's backtracker over every condition was 2% of a small file's run.
func readsStudy(when string) bool {
	for i := 0; i+len("study.") <= len(when); i++ {
		if (strings.HasPrefix(when[i:], "study.") || strings.HasPrefix(when[i:], "claim.")) &&
			(i == 0 || !isWordByte(when[i-1])) {
			return true
		}
	}
	return false
}

// isWordByte is regexp's \w: an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// checkClasses checks a compiled rule's class names against lex and works
// out which sentence classes it needs.
func checkClasses(lex *lexicon.Lexicon, r *Rule) error {
	if err := checkClassRefs(lex, r); err != nil {
		return err
	}
	r.needs = sentenceNeeds(lex, r.tree.Node)
	r.flags = sentenceFlags(r.tree.Node)
	r.claimNeeds = claimNeeds(r.tree.Node)
	r.gate = newGate(lex, r.tree.Node)
	return nil
}
