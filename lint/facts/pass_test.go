package facts_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
)

// finished analyses a short article up to Finish, without running the
// completion passes, so that a test runs them itself.
func finished(t *testing.T, text string) (*facts.Analyzer, *facts.Document) {
	t.Helper()
	l, err := lint.Default()
	require.NoError(t, err)
	doc, err := document.ParseText("a.txt", []byte(text))
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	d := a.Begin(doc)
	d.Blocks = a.Blocks(d, doc)
	a.Finish(d)
	return a, d
}

func TestPassesRunAfterWhatTheyRequire(t *testing.T) {
	a, d := finished(t, "T\n\nOne study gave 40 mice the drug.\n")
	var order []string
	mk := func(name string, req ...*facts.Pass) *facts.Pass {
		return &facts.Pass{Name: name, Requires: req, Run: func(r *facts.PassRun) (any, error) {
			order = append(order, name)
			for _, q := range req {
				require.Equal(t, q.Name, r.ResultOf(q))
			}
			return name, nil
		}, ResultType: reflect.TypeOf("")}
	}
	base := mk("base")
	mid := mk("mid", base)
	top := mk("top", mid, base)
	results, err := a.RunPasses(d, d.Blocks, top, mid)
	require.NoError(t, err)
	require.Equal(t, []string{"base", "mid", "top"}, order, "each pass once, after its requirements")
	require.Equal(t, "top", results[top])
}

func TestPassErrors(t *testing.T) {
	a, d := finished(t, "T\n\nText.\n")
	loop := &facts.Pass{Name: "loop"}
	loop.Requires = []*facts.Pass{loop}
	loop.Run = func(*facts.PassRun) (any, error) { return nil, nil }
	_, err := a.RunPasses(d, d.Blocks, loop)
	require.ErrorContains(t, err, "requires itself")

	wrong := &facts.Pass{Name: "wrong", Run: func(*facts.PassRun) (any, error) { return 3, nil }, ResultType: reflect.TypeOf("")}
	_, err = a.RunPasses(d, d.Blocks, wrong)
	require.ErrorContains(t, err, "returned int")

	other := &facts.Pass{Name: "other", Run: func(*facts.PassRun) (any, error) { return nil, nil }}
	sneaky := &facts.Pass{Name: "sneaky", Run: func(r *facts.PassRun) (any, error) { return r.ResultOf(other), nil }}
	require.Panics(t, func() { _, _ = a.RunPasses(d, d.Blocks, sneaky) }, "reading a pass it did not require")
}

func TestBuiltinPassesOnAShortArticle(t *testing.T) {
	a, d := finished(t, "这种分子能逆转衰老\n\n一项研究追踪了1200名老年人，发现这种分子随年龄下降。\n\n研究人员随后给老年小鼠补充这种分子，小鼠跑得更远。\n")
	results, err := a.RunPasses(d, d.Blocks, facts.AttributionPass)
	require.NoError(t, err)
	studies := results[facts.StudiesPass].([]*facts.Study)
	require.Len(t, studies, 2)
	claims := results[facts.ClaimsPass].([]*facts.Claim)
	require.NotEmpty(t, claims)
	require.Equal(t, "能逆转", claims[0].Term, "the headline's claims come first")
	require.Positive(t, results[facts.AttributionPass].(int))
	require.Equal(t, "preclinical", claims[0].Evidence)
}
