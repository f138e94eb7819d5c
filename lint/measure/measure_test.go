package measure

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfusionMetrics(t *testing.T) {
	c := Confusion{TP: 6, FP: 2, FN: 4, TN: 8}
	assert.InDelta(t, 0.75, c.Precision(), 1e-9)
	assert.InDelta(t, 0.6, c.Recall(), 1e-9)
	assert.InDelta(t, 2*0.75*0.6/1.35, c.F1(), 1e-9)
	// (6*8-2*4)/sqrt(8*10*10*12)
	assert.InDelta(t, 40/math.Sqrt(9600), c.MCC(), 1e-9)
	assert.InDelta(t, 0.5, c.Positives(), 1e-9)
}

func TestConstantAnswerHasZeroMCC(t *testing.T) {
	c := Confusion{TP: 10, FP: 30}
	assert.Equal(t, 0.0, c.MCC())
	assert.Equal(t, 0.0, Confusion{}.MCC())
}

func TestReadItemsAndScore(t *testing.T) {
	in := `{"id":"a","lang":"en","text":"x","expect":{"overclaim":true}}
{"id":"b","lang":"en","text":"y","expect":{"overclaim":false}}
`
	items, err := ReadItems("v.jsonl", strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, items, 2)
	scores, err := Score(items, func(it Item) (map[string]bool, error) {
		return map[string]bool{"overclaim": it.Text == "x"}, nil
	})
	require.NoError(t, err)
	assert.Equal(t, Confusion{TP: 1, TN: 1}, *scores["overclaim"])

	_, err = ReadItems("bad.jsonl", strings.NewReader("{\"id\":1}\nnot json\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.jsonl:1:")
}
