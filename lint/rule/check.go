package rule

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"

	"github.com/hypelint/hypelint/lint/editdist"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// Checks of a condition that expr's type checker cannot make: names that
// exist in another scope's environment, string facts compared with a value
// they never take, lexicon class names. Each reports every mistake of the
// condition, each at its place (an expr *file.Error, which whenError puts
// on the file's line).

// visitor adapts a function to ast.Visitor.
type visitor func(ast.Node)

func (v visitor) Visit(n *ast.Node) { v(*n) }

// conditionError is an error at node n of a condition.
func conditionError(tree *parser.Tree, n ast.Node, format string, args ...any) error {
	e := &file.Error{Location: n.Location(), Message: fmt.Sprintf(format, args...)}
	return e.Bind(tree.Source)
}

// checkNames rejects the names of other scopes' environments (sentence in
// a paragraph rule, hit in a rule without report:) and the facts that
// never hold at the rule's scope (sentence.isLead in a heading rule).
func checkNames(env environment, scope Scope, tree *parser.Tree) error {
	var errs []error
	seen := map[string]bool{}
	never := neverAt[scope]
	ast.Walk(&tree.Node, visitor(func(n ast.Node) {
		if len(never) > 0 {
			if path, _, _, ok := resolve(env.typ, n); ok && never[path] != "" && !seen[path] {
				seen[path] = true
				errs = append(errs, conditionError(tree, root(n), "%s is never true in a %s rule: %s", path, scope, never[path]))
			}
		}
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

// root is the name a member access starts from (sentence in
// sentence.isLead), where an error about it points.
func root(n ast.Node) ast.Node {
	for {
		switch m := n.(type) {
		case *ast.MemberNode:
			n = m.Node
		case *ast.ChainNode:
			n = m.Node
		default:
			return n
		}
	}
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
			out = append(out, comparison{path, owner, field.Name, s})
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
func resolve(env reflect.Type, n ast.Node) (path string, owner reflect.Type, field reflect.StructField, ok bool) {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		if f, ok := exprFields[env][n.Value]; ok {
			return n.Value, env, f, true
		}
	case *ast.ChainNode:
		return resolve(env, n.Node)
	case *ast.MemberNode:
		prop, isName := n.Property.(*ast.StringNode)
		if !isName {
			break
		}
		if path, _, parent, ok := resolve(env, n.Node); ok {
			in := indirect(parent.Type)
			if f, ok := exprFields[in][prop.Value]; ok {
				return path + "." + prop.Value, in, f, true
			}
		}
	}
	return "", nil, reflect.StructField{}, false
}

// checkEnums rejects a comparison of a string fact with a value it never
// takes (doc.design == "rtc", sentence.kind in ["titel"]), or never takes
// where rules of the scope run (paragraph.kind == "title" in a paragraph
// rule), naming the values it takes there.
func checkEnums(env environment, scope Scope, tree *parser.Tree) error {
	var errs []error
	ast.Walk(&tree.Node, visitor(func(n ast.Node) {
		for _, c := range comparisons(env.typ, n) {
			all, _ := facts.Enum(c.owner, c.field)
			values := valuesAt(scope, c.path, all)
			switch v := c.value.Value; {
			case len(all) == 0 || v == "" || slices.Contains(values, v):
			case slices.Contains(all, v):
				errs = append(errs, conditionError(tree, c.value, "%s is never %q in a %s rule: there it is one of %s",
					c.path, v, scope, strings.Join(values, ", ")))
			default:
				errs = append(errs, conditionError(tree, c.value, "%s is never %q: it is one of %s%s",
					c.path, v, strings.Join(values, ", "), didYouMean(v, values)))
			}
		}
	}))
	return errors.Join(errs...)
}

// classRef is a lexicon class name a condition uses, which Bind checks.
type classRef struct {
	name string
	use  string        // has(), count(), hit.class...
	at   file.Location // of the name's literal
}

// classRefs finds the class names a condition uses: those of has() and
// count(), which must be string literals, and those compared with
// hit.class and claim.class.
func classRefs(env environment, tree *parser.Tree) ([]classRef, error) {
	var refs []classRef
	var errs []error
	ast.Walk(&tree.Node, visitor(func(n ast.Node) {
		for _, c := range comparisons(env.typ, n) {
			if _, isClass := facts.Enum(c.owner, c.field); isClass && c.value.Value != "" {
				refs = append(refs, classRef{c.value.Value, c.path, c.value.Location()})
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
			refs = append(refs, classRef{lit.Value, id.Value + "()", lit.Location()})
		} else {
			errs = append(errs, conditionError(tree, call.Arguments[1], "%s(): the class must be a string literal", id.Value))
		}
	}))
	return refs, errors.Join(errs...)
}

// checkClassRefs checks the class names a rule's condition uses against
// lex.
func checkClassRefs(lex *lexicon.Lexicon, r *Rule) error {
	var errs []error
	for _, ref := range r.classRefs {
		if lex.ClassID(ref.name) < 0 {
			e := &file.Error{Location: ref.at, Message: fmt.Sprintf("%s: no lexicon class named %q%s", ref.use, ref.name, didYouMean(ref.name, classNames(lex)))}
			errs = append(errs, e.Bind(file.NewSource(r.When)))
		}
	}
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
