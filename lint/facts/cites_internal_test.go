package facts

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestYearBeforeCloseGuardsAuthorYear checks the cheap test in front of
// authorYearMarker on random texts: whenever the marker matches, the guard
// lets it be tried.
func TestYearBeforeCloseGuardsAuthorYear(t *testing.T) {
	pieces := []string{"(", ")", "（", "）", "Smith", " et al.", " and Lee", ", ", " ", "2020", "1999", "2101", "19", "a", "b",
		"王", "等", "，", "n=120", "61.4%", "等，", "x"}
	rng := rand.New(rand.NewPCG(5, 6))
	matched := 0
	markers := []string{"(Smith et al., 2020)", "(Smith and Lee 2019b)", "（王等，2021）", "(Lee, 1998)", "（张三等、2003）"}
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		m := markers[rng.IntN(len(markers))]
		if rng.IntN(2) == 0 { // a changed marker: a piece in place of some of it
			i := rng.IntN(len(m))
			j := i + rng.IntN(len(m)-i+1)
			m = m[:i] + pieces[rng.IntN(len(pieces))] + m[j:]
		}
		b.WriteString(m)
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		if authorYearMarker().MatchString(text) {
			matched++
			if !yearBeforeClose(text) {
				t.Fatalf("yearBeforeClose(%q) = false, but authorYearMarker matches", text)
			}
		}
	}
	if matched == 0 {
		t.Fatal("no random text matched the marker: the test checks nothing")
	}
	for _, text := range []string{"(Smith et al., 2020)", "(Smith and Lee 2019b)", "（王等，2021）"} {
		if !yearBeforeClose(text) {
			t.Errorf("yearBeforeClose(%q) = false", text)
		}
	}
	for _, text := range []string{"(n=120)", "（61.4%）", "(2021）", "（2020）"} {
		if yearBeforeClose(text) {
			t.Errorf("yearBeforeClose(%q) = true", text)
		}
	}
}

// bracketMarker is the expression hasBracketMarker scans for.
var bracketMarker = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[\d{1,3}(?:\s*[,，\-–]\s*\d{1,3})*\]|［\d{1,3}(?:[,，\-–]\d{1,3})*］`)
})

// hasBracketMarker is bracketMarker: on random texts of brackets (ASCII
// and full-width, stray halves of them), digit runs up to four long,
// every separator, white space \s does and does not match, and on corpus
// lines.
func TestHasBracketMarkerIsTheExpression(t *testing.T) {
	pieces := []string{"[", "]", "［", "］", "\xef\xbc", "\xbd", "1", "12", "123", "1234", "7", ",", "，", "-", "–", "—", "\xe2\x80", " ", "\t", "\n",
		"\v", "\u3000", "x", "研究", ".", "é"}
	rng := rand.New(rand.NewPCG(41, 42))
	texts := make([]string, 200000)
	for i := range texts {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) == 0 { // a number after most pieces: lists long enough to close
				b.WriteString(pieces[4+rng.IntN(4)])
			}
		}
		texts[i] = b.String()
	}
	re := bracketMarker()
	assert.Greater(t, answersAsExpression(t, re, hasBracketMarker, texts...), 400, "the random texts include markers")
	answersAsExpression(t, re, hasBracketMarker, "[1]", "[1, 2]", "[1 ,2 - 3]", "[1 ]", "[ 1]", "[1234]", "[12,]", "［1，2］", "［1 ,2］", "［5–7］",
		"[5–7]", "x[3][4]")
	answersAsExpression(t, re, hasBracketMarker, corpusLines(t)...)
}

// TestCiteGuardsMatchTheirPatterns checks the byte tests in front of the
// bracket marker and the superscript scan on random text: each says yes
// whenever the pattern it guards is there.
func TestCiteGuardsMatchTheirPatterns(t *testing.T) {
	pieces := []string{"[", "]", "［", "］", "12", "3", ",", "-", " ", "x", "¹", "²", "³", "⁰", "⁴", "⁹", "·", "°", "\u2071", "\u207a",
		"\xc2", "\xe2\x81", "m", "研究", "“"}
	rng := rand.New(rand.NewPCG(11, 12))
	brackets, supers := 0, 0
	for range 100000 {
		text := randomText(rng, pieces, 8)
		if bracketMarker().MatchString(text) {
			brackets++
			if !bracketBeforeDigit(text) {
				t.Fatalf("bracketBeforeDigit(%q) = false, but bracketMarker matches", text)
			}
		}
		want := strings.ContainsAny(text, superscripts)
		if want {
			supers++
		}
		if got := hasSuperscript(text); got != want {
			t.Fatalf("hasSuperscript(%q) = %v, want %v", text, got, want)
		}
	}
	if brackets == 0 || supers == 0 {
		t.Fatal("no random text had a marker: the test checks nothing")
	}
}
