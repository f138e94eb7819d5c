package rule

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/expr-lang/expr/ast"
	exprfile "github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"

	"github.com/hypelint/hypelint/lint/editdist"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// Checks of a condition that expr's type checker cannot make: names that
// exist in another scope's environment, string facts compared with a value
// they never take, lexicon class names. Each reports every mistake of the
// condition, each at its place (an *exprfile.Error, which whenError puts
// on the file's line).

// visitor adapts a function to ast.Visitor.
type visitor func(ast.Node)

func (v visitor) Visit(n *ast.Node) { v(*n) }

// conditionError is an error at node n of a condition.
func conditionError(tree *parser.Tree, n ast.Node, format string, args ...any) error {
	e := &exprfile.Error{Location: n.Location(), Message: fmt.Sprintf(format, args...)}
	return e.Bind(tree.Source)
}

// checkNames rejects the names of other scopes' environments: sentence in
// a paragraph rule, hit in a rule without report:.
func checkNames(env environment, tree *parser.Tree) error {
	var errs []error
	seen := map[string]bool{}
	ast.Walk(&tree.Node, visitor(func(n ast.Node) {
		id, ok := n.(*ast.IdentifierNode)
		if !ok || seen[id.Value] {
			return
		}
		if why := notInScope(env, id.Value); why != "" {
			seen[id.Value] = true
			errs = append(errs, conditionError(tree, id, "%s", why))
		}
	}))
	return errors.Join(errs...)
}

// comparison is a string literal a condition compares a fact with.
type comparison struct {
	path  string       // the fact as written: doc.design
	owner reflect.Type // the struct it is a field of
	field string       // its Go name
	value *ast.StringNode
}

// comparisons returns the string literals node n compares a fact with:
// fact == "x", "x" == fact, fact != "x", fact in ["x", "y"].
func comparisons(env reflect.Type, n ast.Node) []comparison {
	b, ok := n.(*ast.BinaryNode)
	if !ok {
		return nil
	}
	var out []comparison
	add := func(fact, lit ast.Node) {
		path, owner, field, ok := resolve(env, fact)
		if s, isString := lit.(*ast.StringNode); ok && isString {
			out = append(out, comparison{path, owner, field, s})
		}
	}
	switch b.Operator {
	case "==", "!=":
		add(b.Left, b.Right)
		add(b.Right, b.Left)
	case "in":
		if list, ok := b.Right.(*ast.ArrayNode); ok {
			for _, item := range list.Nodes {
				add(b.Left, item)
			}
		}
	}
	return out
}

// resolve follows a member access from the environment (doc.design) to
// the struct field it reads.
func resolve(env reflect.Type, n ast.Node) (path string, owner reflect.Type, field string, ok bool) {
	var name string
	var in reflect.Type
	switch n := n.(type) {
	case *ast.IdentifierNode:
		in, name = env, n.Value
	case *ast.ChainNode:
		return resolve(env, n.Node)
	case *ast.MemberNode:
		prop, isName := n.Property.(*ast.StringNode)
		var parent reflect.StructField
		if !isName {
			return "", nil, "", false
		}
		if path, in, field, ok = resolve(env, n.Node); !ok {
			return "", nil, "", false
		}
		parent, _ = in.FieldByName(field)
		in, name = parent.Type, prop.Value
		if in.Kind() == reflect.Pointer {
			in = in.Elem()
		}
		path += "."
	default:
		return "", nil, "", false
	}
	if in.Kind() != reflect.Struct {
		return "", nil, "", false
	}
	for f := range in.Fields() {
		if f.Tag.Get("expr") == name {
			return path + name, in, f.Name, true
		}
	}
	return "", nil, "", false
}

// checkEnums rejects a comparison of a string fact with a value it never
// takes (doc.design == "rtc", sentence.kind in ["titel"]), naming the
// values it takes.
func checkEnums(env environment, tree *parser.Tree) error {
	var errs []error
	ast.Walk(&tree.Node, visitor(func(n ast.Node) {
		for _, c := range comparisons(env.typ, n) {
			values, _ := facts.Enum(c.owner, c.field)
			if len(values) > 0 && c.value.Value != "" && !slices.Contains(values, c.value.Value) {
				errs = append(errs, conditionError(tree, c.value, "%s is never %q: it is one of %s%s",
					c.path, c.value.Value, strings.Join(values, ", "), didYouMean(c.value.Value, values)))
			}
		}
	}))
	return errors.Join(errs...)
}

// checkLexicon checks the class names a condition uses against lex: those
// of has() and count(), which must be string literals, and those compared
// with hit.class and claim.class.
func checkLexicon(lex *lexicon.Lexicon, env environment, tree *parser.Tree) error {
	var errs []error
	unknown := func(n *ast.StringNode, format string, args ...any) {
		if lex.ClassID(n.Value) < 0 {
			msg := fmt.Sprintf(format, args...)
			errs = append(errs, conditionError(tree, n, "%s: no lexicon class named %q%s", msg, n.Value, didYouMean(n.Value, classNames(lex))))
		}
	}
	ast.Walk(&tree.Node, visitor(func(n ast.Node) {
		for _, c := range comparisons(env.typ, n) {
			if _, isClass := facts.Enum(c.owner, c.field); isClass && c.value.Value != "" {
				unknown(c.value, "%s", c.path)
			}
		}
		call, ok := n.(*ast.CallNode)
		if !ok {
			return
		}
		id, ok := call.Callee.(*ast.IdentifierNode)
		if !ok || (id.Value != "has" && id.Value != "count") || len(call.Arguments) != 2 {
			return
		}
		if lit, ok := call.Arguments[1].(*ast.StringNode); ok {
			unknown(lit, "%s()", id.Value)
		} else {
			errs = append(errs, conditionError(tree, call.Arguments[1], "%s(): the class must be a string literal", id.Value))
		}
	}))
	return errors.Join(errs...)
}

// didYouMean is ` (did you mean "x"?)` when a name is near s, else "".
func didYouMean(s string, names []string) string {
	if near, ok := editdist.Closest(s, names); ok {
		return fmt.Sprintf(" (did you mean %q?)", near)
	}
	return ""
}

func classNames(lex *lexicon.Lexicon) []string {
	names := make([]string, len(lex.Classes))
	for i, c := range lex.Classes {
		names[i] = c.Name
	}
	return names
}
