package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
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

// TestCiteGuardsMatchTheirPatterns checks the byte tests in front of the
// bracket marker and the superscript scan on random text: each says yes
// whenever the pattern it guards is there.
func TestCiteGuardsMatchTheirPatterns(t *testing.T) {
	pieces := []string{"[", "]", "［", "］", "12", "3", ",", "-", " ", "x", "¹", "²", "³", "⁰", "⁴", "⁹", "·", "°", "\u2071", "\u207a",
		"\xc2", "\xe2\x81", "m", "研究", "“"}
	rng := rand.New(rand.NewPCG(11, 12))
	brackets, supers := 0, 0
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
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
