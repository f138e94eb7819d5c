package numbers

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestZhTailSwitchIsZhTailWords: the words zhTail's switch takes are
// zhTailWords (which gates it, see zhTailFirst), no more and no fewer:
// read from the switch's source, so that a word added to either side only
// fails the test.
func TestZhTailSwitchIsZhTailWords(t *testing.T) {
	f, err := parser.ParseFile(gotoken.NewFileSet(), "units.go", nil, 0)
	require.NoError(t, err)
	var cases []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "zhTail" {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok || sw.Tag == nil {
				return true
			}
			for _, st := range sw.Body.List {
				for _, e := range st.(*ast.CaseClause).List {
					lit, ok := e.(*ast.BasicLit)
					require.True(t, ok && lit.Kind == gotoken.STRING, "zhTail's switch takes string literals")
					w, err := strconv.Unquote(lit.Value)
					require.NoError(t, err)
					cases = append(cases, w)
				}
			}
			return false
		})
	}
	require.NotEmpty(t, cases, "zhTail's switch not found")
	slices.Sort(cases)
	words := slices.Sorted(slices.Values(zhTailWords))
	require.Equal(t, words, cases)
}

// TestUnitWordStripsOnlyTheSignsGatedFor: unitAfter reaches enUnitAt at a
// non-ASCII byte only for 0xC2 and 0xCE, the first bytes of µ, ° and μ,
// the only signs unitWord reads before a unit's letters. Every other
// non-ASCII rune before "g" gives no word.
func TestUnitWordStripsOnlyTheSignsGatedFor(t *testing.T) {
	var stripped []string
	for r := rune(utf8.RuneSelf); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		text := string(r) + "g"
		if w, _ := unitWord(text, 0); w != "" {
			stripped = append(stripped, string(r))
			require.Contains(t, []byte{0xC2, 0xCE}, text[0], "%q starts with a byte the gate in unitAfter does not pass", r)
			require.Equal(t, text, w)
		}
	}
	require.ElementsMatch(t, []string{"μ", "µ", "°"}, stripped)
}
