package facts

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A wordSet finds a word exactly when containsAnyOf does, on random texts
// made of the words, their pieces and other text.
func TestWordSetIsContainsAnyOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	pieces := []string{"价", "格", "费用", "成", "本", "价钱", "售", "pri", "ce", "co", "st", "price", "cost", "a", " ", "的", "费", "钱", "c", "p", "\xe4"}
	found, missed := 0, 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		want := containsAnyOf(text, moneyWords)
		assert.Equal(t, want, moneyWordSet.in(text), text)
		if want {
			found++
		} else {
			missed++
		}
	}
	assert.Greater(t, found, 1000)
	assert.Greater(t, missed, 1000)
	assert.False(t, newWordSet(nil).in("price"))
	assert.True(t, newWordSet([]string{"xy", "本"}).in("成本"))
	assert.False(t, newWordSet([]string{"本子"}).in("成本"))
	assert.Panics(t, func() { newWordSet([]string{"x"}) })
}
