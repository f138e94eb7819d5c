package facts

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The check before the regular expressions turns away only texts they
// would not match: on random texts built from the characters they look
// for, and on shaped entries, isReferenceEntry is the expressions alone.
func TestReferenceEntryPrecheck(t *testing.T) {
	byRegexp := func(text string) bool {
		head := text[:min(len(text), 400)]
		return (referenceEntry.MatchString(head) || authorList.MatchString(head)) && referenceShape.MatchString(head)
	}
	pieces := []string{" ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "　", "[", "］", "［", "]", "1", "12", "2020", ";", "；", "3", ".", "、", ")",
		"Smith", " J", ", ", "Lee", " K", "et al", "等.", "doi: 10.", "10.1234/", "a", "x", "研究", "(", "4", "Z", "é"}
	rng := rand.New(rand.NewPCG(7, 8))
	matched := 0
	for range 20000 {
		var b strings.Builder
		if rng.IntN(2) == 0 { // half open as an entry might
			b.WriteString([]string{"[1] ", " 12. ", "Smith J, Lee K. ", "［3］", "\n7、 "}[rng.IntN(5)])
		}
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		want := byRegexp(text)
		require.Equal(t, want, isReferenceEntry(text), "%q", text)
		if want {
			matched++
		}
	}
	for _, text := range []string{"[1] Smith J, Lee K. Title. Lancet 2020;395:1.", "  ［2］ 王某等. 标题. 2019;3", "Smith J, Lee K, Wu T. A study. 2021;12(3).",
		"\t3. Doe A et al. doi: 10.1000/xyz", "研究表明 2020;1", "[12]"} {
		require.Equal(t, byRegexp(text), isReferenceEntry(text), "%q", text)
	}
	assert.Greater(t, matched, 20, "the random texts include entries")
}

// A word index finds what a search per word finds.
func TestWordIndexIsContainsAny(t *testing.T) {
	pieces := append([]string{"价", "格", "费", "用", "成", "本", "钱", "售", "pri", "ce", "co", "st", "a", "研究", " ", "。"}, moneyWords...)
	rng := rand.New(rand.NewPCG(9, 10))
	found := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		want := containsAnyOf(text, moneyWords)
		require.Equal(t, want, moneyIndex.in(text), "%q", text)
		if want {
			found++
		}
	}
	assert.Greater(t, found, 1000)
	assert.False(t, newWordIndex(nil).in("anything"))
}
