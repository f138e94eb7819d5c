package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// zhNumberWordBeforeSearching, zhNounWindowSearching and cjkLeadSearching
// are zhNumberWordBefore, zhNounWindow and cjkLead as they were, asking
// strings.ContainsRune of a string of runes where a switch now decides:
// the references for the switches.
func zhNumberWordBeforeSearching(t string, i int) bool {
	prev, _ := runeBefore(t, i)
	return strings.ContainsRune("多少无总人次例分位指函参系级倍半全大余变本量额据字目计算天年岁", prev)
}

func zhNounWindowSearching(t string, p, limit int) (noun, int, bool) {
	for n := 0; n < limit && p < len(t); n++ {
		if nn, e, ok := zhNounAt(t, p); ok {
			_, size := runeAt(t, p)
			nn, e = zhHeadNoun(t, p, size, nn, e)
			return nn, e, true
		}
		r, size := runeAt(t, p)
		switch {
		case isDigit(t[p]):
			q := p
			for q < len(t) && isDigit(t[q]) {
				q++
			}
			if !strings.HasPrefix(t[q:], "型") && !(p > 0 && (isLetter(t[p-1]) || t[p-1] == '-')) {
				return noun{}, p, false
			}
			size = q - p
		case isCJKRune(r):
			if strings.ContainsRune("名例位只", r) {
				return noun{}, p, false
			}
		case isLetter(t[p]) || t[p] == '-' || t[p] == ' ':
		default:
			return noun{}, p, false
		}
		p += size
	}
	return noun{}, p, false
}

func cjkLeadSearching(t string, i int, r rune) (token, bool) {
	switch r {
	case '成':
		for _, p := range []struct {
			s string
			v float64
		}{{"成千上万", 1000}, {"成百上千", 100}, {"成千上百", 100}} {
			if strings.HasPrefix(t[i:], p.s) {
				return token{start: i, end: i + len(p.s), val: p.v, script: 'c', vague: true, mult: true}, true
			}
		}
	case '数':
		if strings.HasPrefix(t[i:], "数以") {
			tok, ok := cjkNumber(t, i+len("数以"))
			if ok && strings.HasPrefix(t[tok.end:], "计") {
				return token{start: i, end: tok.end + len("计"), val: tok.val, script: 'c', vague: true, mult: tok.mult}, true
			}
		}
	case '上':
		next, _ := runeAt(t, i+len("上"))
		if prev, _ := runeBefore(t, i); prev == '以' || !strings.ContainsRune("百千万亿", next) {
			return token{}, false
		}
		tok, ok := cjkNumber(t, i+len("上"))
		tok.start, tok.vague = i, true
		return tok, ok
	}
	return token{}, false
}

// The switches answer as the searches: zhNumberWordBefore after every rune
// of the plane (and cut and invalid bytes), zhNounWindow and cjkLead at
// every position of random text around their runes and of the corpus.
func TestRuneSwitchesMatchSearching(t *testing.T) {
	texts := []string{"数", "\xe4\xb8数", "\xff数", "\xef\xbf\xbd数"}
	for r := rune(0); r < 0x10000; r++ {
		if utf8.ValidRune(r) {
			texts = append(texts, string(r)+"数")
		}
	}
	words := 0
	for _, text := range texts {
		i := len(text) - len("数")
		want := zhNumberWordBeforeSearching(text, i)
		if got := zhNumberWordBefore(text, i); got != want {
			t.Fatalf("zhNumberWordBefore(%q) = %v, want %v", text, got, want)
		}
		if want {
			words++
		}
	}
	require.Equal(t, 31, words, "each rune of the list is found")

	pieces := []string{"上", "百", "千", "万", "亿", "以", "名", "例", "位", "只", "患者", "小鼠", "的", "2型", "1", "x", " ", "-",
		"成千上万", "数以万计", "数以", "计", "十", "三", "丈", "\xe4\xb8", "\xff"}
	rng := rand.New(rand.NewPCG(111, 112))
	random := gateTexts(t)
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		random = append(random, b.String())
	}
	leads, nouns := 0, 0
	for _, text := range random {
		for p := 0; p < len(text); p++ {
			for _, limit := range []int{5, 10} {
				wn, we, wok := zhNounWindowSearching(text, p, limit)
				gn, ge, gok := zhNounWindow(text, p, limit)
				if wn != gn || we != ge || wok != gok {
					t.Fatalf("zhNounWindow(%q, %d, %d) = %v, %d, %v; want %v, %d, %v", text, p, limit, gn, ge, gok, wn, we, wok)
				}
				if wok {
					nouns++
				}
			}
			r, _ := runeAt(text, p)
			wt, wok := cjkLeadSearching(text, p, r)
			gt, gok := cjkLead(text, p, r)
			if wt != gt || wok != gok {
				t.Fatalf("cjkLead(%q, %d) = %+v, %v; want %+v, %v", text, p, gt, gok, wt, wok)
			}
			if wok {
				leads++
			}
		}
	}
	require.Greater(t, leads, 1000, "the texts hold 上万, 成千上万...")
	require.Greater(t, nouns, 1000, "the texts hold nouns")
}
