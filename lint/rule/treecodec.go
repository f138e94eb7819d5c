package rule

import (
	"errors"
	"math"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"

	"github.com/hypelint/hypelint/lint/binfmt"
)

// A rules snapshot keeps each condition's parsed tree (before the type
// checker and the optimizer), so that loading it skips expr's lexer and
// parser, about half of a small file's start-up work on conditions. The
// checker and the optimizer still run on it, as on a tree from the parser.
// Only the node kinds the parser makes are written; a tree holding another
// (none of the built-in rules) is left out and its condition parsed.

// Node kinds, as written.
const (
	kindNil = iota
	kindIdentifier
	kindInteger
	kindFloat
	kindBool
	kindString
	kindUnary
	kindBinary
	kindChain
	kindMember
	kindSlice
	kindCall
	kindBuiltin
	kindPredicate
	kindPointer
	kindConditional
	kindVariableDeclarator
	kindSequence
	kindArray
	kindMap
	kindPair
	kindNone // a nil Node (a slice without a bound)
)

var errTreeKind = errors.New("rule: a node kind the tree codec does not write")

// encodeTree writes a parsed tree's nodes, or fails on a node kind that
// only the checker or the optimizer makes.
func encodeTree(n ast.Node) (string, error) {
	w := &binfmt.Writer{}
	if err := writeNode(w, n); err != nil {
		return "", err
	}
	return string(w.Buf), nil
}

// decodeTree reads a tree encodeTree wrote, with source as its source.
func decodeTree(data, source string) (*parser.Tree, error) {
	r, err := binfmt.NewReader(data, "")
	if err != nil {
		return nil, err
	}
	d := treeReader{r: r}
	n := d.node()
	if err := r.Done(); err != nil {
		return nil, err
	}
	if d.bad {
		return nil, errTreeKind
	}
	return &parser.Tree{Node: n, Source: file.NewSource(source)}, nil
}

func writeNode(w *binfmt.Writer, n ast.Node) error {
	kind := func(k uint64) {
		w.U64(&k)
		loc := n.Location()
		w.Num(&loc.From)
		w.Num(&loc.To)
	}
	nodes := func(list ...ast.Node) error {
		for _, m := range list {
			if err := writeNode(w, m); err != nil {
				return err
			}
		}
		return nil
	}
	list := func(list []ast.Node) error {
		nilList := list == nil
		w.Flag(&nilList)
		w.Count(len(list))
		return nodes(list...)
	}
	switch n := n.(type) {
	case nil:
		none := uint64(kindNone)
		w.U64(&none)
	case *ast.NilNode:
		kind(kindNil)
	case *ast.IdentifierNode:
		kind(kindIdentifier)
		w.Text(&n.Value)
	case *ast.IntegerNode:
		kind(kindInteger)
		w.Num(&n.Value)
	case *ast.FloatNode:
		kind(kindFloat)
		bits := math.Float64bits(n.Value)
		w.U64(&bits)
	case *ast.BoolNode:
		kind(kindBool)
		w.Flag(&n.Value)
	case *ast.StringNode:
		kind(kindString)
		w.Text(&n.Value)
	case *ast.UnaryNode:
		kind(kindUnary)
		w.Text(&n.Operator)
		return nodes(n.Node)
	case *ast.BinaryNode:
		kind(kindBinary)
		w.Text(&n.Operator)
		return nodes(n.Left, n.Right)
	case *ast.ChainNode:
		kind(kindChain)
		return nodes(n.Node)
	case *ast.MemberNode:
		kind(kindMember)
		w.Flag(&n.Optional)
		w.Flag(&n.Method)
		return nodes(n.Node, n.Property)
	case *ast.SliceNode:
		kind(kindSlice)
		return nodes(n.Node, n.From, n.To)
	case *ast.CallNode:
		kind(kindCall)
		if err := nodes(n.Callee); err != nil {
			return err
		}
		return list(n.Arguments)
	case *ast.BuiltinNode:
		if n.Throws || n.Map != nil || n.Threshold != nil { // the optimizer's
			return errTreeKind
		}
		kind(kindBuiltin)
		w.Text(&n.Name)
		return list(n.Arguments)
	case *ast.PredicateNode:
		kind(kindPredicate)
		return nodes(n.Node)
	case *ast.PointerNode:
		kind(kindPointer)
		w.Text(&n.Name)
	case *ast.ConditionalNode:
		kind(kindConditional)
		w.Flag(&n.Ternary)
		return nodes(n.Cond, n.Exp1, n.Exp2)
	case *ast.VariableDeclaratorNode:
		kind(kindVariableDeclarator)
		w.Text(&n.Name)
		return nodes(n.Value, n.Expr)
	case *ast.SequenceNode:
		kind(kindSequence)
		return list(n.Nodes)
	case *ast.ArrayNode:
		kind(kindArray)
		return list(n.Nodes)
	case *ast.MapNode:
		kind(kindMap)
		return list(n.Pairs)
	case *ast.PairNode:
		kind(kindPair)
		return nodes(n.Key, n.Value)
	default:
		return errTreeKind
	}
	return nil
}

// treeReader reads the nodes writeNode wrote; on bad data r fails (see
// binfmt.Reader.Done) or bad is set, and the nodes read are of no use.
type treeReader struct {
	r   *binfmt.Reader
	bad bool // a kind writeNode never writes
}

func (d *treeReader) node() ast.Node {
	r := d.r
	var k uint64
	r.U64(&k)
	if k == kindNone {
		return nil
	}
	var loc file.Location
	r.Num(&loc.From)
	r.Num(&loc.To)
	list := func() []ast.Node {
		var nilList bool
		r.Flag(&nilList)
		n := r.Count(0)
		if nilList {
			return nil
		}
		out := make([]ast.Node, n)
		for i := range out {
			out[i] = d.node()
		}
		return out
	}
	var n ast.Node
	switch k {
	case kindNil:
		n = &ast.NilNode{}
	case kindIdentifier:
		x := &ast.IdentifierNode{}
		r.Text(&x.Value)
		n = x
	case kindInteger:
		x := &ast.IntegerNode{}
		r.Num(&x.Value)
		n = x
	case kindFloat:
		var bits uint64
		r.U64(&bits)
		n = &ast.FloatNode{Value: math.Float64frombits(bits)}
	case kindBool:
		x := &ast.BoolNode{}
		r.Flag(&x.Value)
		n = x
	case kindString:
		x := &ast.StringNode{}
		r.Text(&x.Value)
		n = x
	case kindUnary:
		x := &ast.UnaryNode{}
		r.Text(&x.Operator)
		x.Node = d.node()
		n = x
	case kindBinary:
		x := &ast.BinaryNode{}
		r.Text(&x.Operator)
		x.Left = d.node()
		x.Right = d.node()
		n = x
	case kindChain:
		n = &ast.ChainNode{Node: d.node()}
	case kindMember:
		x := &ast.MemberNode{}
		r.Flag(&x.Optional)
		r.Flag(&x.Method)
		x.Node = d.node()
		x.Property = d.node()
		n = x
	case kindSlice:
		x := &ast.SliceNode{}
		x.Node = d.node()
		x.From = d.node()
		x.To = d.node()
		n = x
	case kindCall:
		x := &ast.CallNode{Callee: d.node()}
		x.Arguments = list()
		n = x
	case kindBuiltin:
		x := &ast.BuiltinNode{}
		r.Text(&x.Name)
		x.Arguments = list()
		n = x
	case kindPredicate:
		n = &ast.PredicateNode{Node: d.node()}
	case kindPointer:
		x := &ast.PointerNode{}
		r.Text(&x.Name)
		n = x
	case kindConditional:
		x := &ast.ConditionalNode{}
		r.Flag(&x.Ternary)
		x.Cond = d.node()
		x.Exp1 = d.node()
		x.Exp2 = d.node()
		n = x
	case kindVariableDeclarator:
		x := &ast.VariableDeclaratorNode{}
		r.Text(&x.Name)
		x.Value = d.node()
		x.Expr = d.node()
		n = x
	case kindSequence:
		n = &ast.SequenceNode{Nodes: list()}
	case kindArray:
		n = &ast.ArrayNode{Nodes: list()}
	case kindMap:
		n = &ast.MapNode{Pairs: list()}
	case kindPair:
		x := &ast.PairNode{}
		x.Key = d.node()
		x.Value = d.node()
		n = x
	default:
		d.bad = true
		return &ast.NilNode{}
	}
	n.SetLocation(loc)
	return n
}
