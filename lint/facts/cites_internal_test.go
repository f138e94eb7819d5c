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
			if _, year, fullYear := digitContexts(text); !year && !(fullYear && containsMark(text, "等")) {
				t.Fatalf("digitContexts(%q) guards no year, but authorYearMarker matches", text)
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

// bracketBeforeDigit reports what bracketMarker needs to match: a closing
// bracket, and an opening one right before a digit ("[12", "［3"). It
// guarded hasBracketMarker before digitContexts: a reference.
func bracketBeforeDigit(text string) bool {
	if !strings.Contains(text, "]") && !containsMark(text, "］") {
		return false
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], '[')
		if k < 0 {
			break
		}
		i += k
		if i+1 < len(text) && isDigit(text[i+1]) {
			return true
		}
	}
	for i := 0; ; i++ {
		k := indexMark(text[i:], "［")
		if k < 0 {
			return false
		}
		i += k
		if i+len("［") < len(text) && isDigit(text[i+len("［")]) {
			return true
		}
	}
}

// yearBeforeClose (the guard of authorYearMarker before digitContexts, a
// reference) reports what authorYearMarker needs to match: a year
// (19xx or 20xx, perhaps with a letter) right before ")", or a year right
// before "）" in a text that has 等. Most parentheses that close after a
// digit hold a value ("(n=120)", "（61.4%）"), not a year.
func yearBeforeClose(text string) bool {
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], ')')
		if k < 0 {
			break
		}
		i += k
		if yearEndsAt(text, i) || i > 0 && 'a' <= text[i-1] && text[i-1] <= 'z' && yearEndsAt(text, i-1) {
			return true
		}
	}
	// A year before "）" first, then 等: 等 is common in Chinese text, a
	// year before "）" is not.
	for i := 0; ; i++ {
		k := indexMark(text[i:], "）")
		if k < 0 {
			return false
		}
		i += k
		if yearEndsAt(text, i) {
			return containsMark(text, "等")
		}
	}
}

// citesSourceByGuards is citesSource as it was before digitContexts, with
// the guards above: the reference.
func citesSourceByGuards(text string) bool {
	if bracketBeforeDigit(text) && hasBracketMarker(text) || yearBeforeClose(text) && authorYearMarker().MatchString(text) {
		return true
	}
	return superscriptMarker(text)
}

// digitContexts gives a year guard narrower than yearBeforeClose that
// holds wherever authorYearMarker matches, and a bracket guard that holds
// wherever hasBracketMarker finds a marker; citesSource
// answers as with the old guards. Random texts of brackets, parentheses,
// years, digits, letters, 等, Chinese and broken characters, cut anywhere;
// the corpus lines.
func TestDigitContextsGuardAsBefore(t *testing.T) {
	pieces := []string{"[", "]", "［", "］", "(", ")", "（", "）", "2020", "1999", "2101", "19", "20", "3", "12", "a", "b", "Z",
		"Smith", " et al.", ", ", " ", "王", "等", "，", "等，", "、", "\t", "(Smith et al., ", "（王等，", " 2020)", "2019b)", "，2021）", "-", "–", "¹", "²", "m", "研究", "\xef\xbc", "\xbd", "\x89", "\xff"}
	rng := rand.New(rand.NewPCG(13, 14))
	cites, years, brackets := 0, 0, 0
	check := func(text string) {
		bracket, year, fullYear := digitContexts(text)
		guard := year || fullYear && containsMark(text, "等")
		if guard && !yearBeforeClose(text) || !guard && authorYearMarker().MatchString(text) {
			t.Fatalf("digitContexts(%q) year guard = %v, beyond yearBeforeClose or short of the marker", text, guard)
		}
		if hasBracketMarker(text) && !bracket {
			t.Fatalf("digitContexts(%q) bracket = false, but hasBracketMarker finds a marker", text)
		}
		want := citesSourceByGuards(text)
		if got := citesSource(text); got != want {
			t.Fatalf("citesSource(%q) = %v, want %v", text, got, want)
		}
		if want {
			cites++
		}
		if guard {
			years++
		}
		if bracket {
			brackets++
		}
	}
	for range 200000 {
		text := randomText(rng, pieces, 10)
		check(text)
		if len(text) > 0 {
			i := rng.IntN(len(text))
			check(text[i:])
			check(text[:i])
		}
	}
	for _, line := range corpusLines(t) {
		check(line)
	}
	if cites < 1000 || years < 1000 || brackets < 1000 {
		t.Fatalf("too few markers among the random texts: %d cites, %d years, %d brackets", cites, years, brackets)
	}
}

// digitContextsByBytes is digitContexts with its runs found a byte at a
// time: the reference for the eight-byte steps.
func digitContextsByBytes(text string) (bracket, year, fullYear bool) {
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && isDigit(text[i-1]) {
			continue
		}
		end := i + 1
		for end < len(text) && isDigit(text[end]) {
			end++
		}
		if i >= 1 && text[i-1] == '[' || strings.HasSuffix(text[:i], "［") {
			bracket = true
		}
		if end-i == 4 && yearEndsAt(text, end) {
			rest, before := text[end:], text[:i]
			switch {
			case strings.HasPrefix(rest, ")") || len(rest) >= 2 && 'a' <= rest[0] && rest[0] <= 'z' && rest[1] == ')':
				year = year || strings.HasSuffix(before, " ")
			case strings.HasPrefix(rest, "）"):
				fullYear = fullYear || yearOpens(before)
			}
		}
	}
	return bracket, year, fullYear
}

// digitContexts answers as a byte loop does, in texts of every length up
// to 100 with digits, years and runs (or none) at every place, among bytes
// of every kind (Chinese, ':' and '/' beside the digits, brackets and
// parentheses of both widths, cut and invalid UTF-8), and cut anywhere.
func TestDigitContextsMatchesByteLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	fill := []string{"a", "b", ":", "/", " ", "研", "\xe7\xa0", "\xff", "\x80", "Z", "[", "［", ")", "）", "，", "、", "\t", "x)"}
	digits := []string{"0", "7", "12", "2020", "1999", "20191", "2101", "9"}
	found := 0
	for n := range 101 {
		for range 400 {
			var b strings.Builder
			for b.Len() < n {
				if rng.IntN(3) == 0 {
					b.WriteString(digits[rng.IntN(len(digits))])
				} else {
					b.WriteString(fill[rng.IntN(len(fill))])
				}
			}
			text := b.String()[:n]
			for _, s := range []string{text, text[rng.IntN(n+1):]} {
				gb, gy, gf := digitContexts(s)
				wb, wy, wf := digitContextsByBytes(s)
				if gb != wb || gy != wy || gf != wf {
					t.Fatalf("digitContexts(%q) = %v %v %v, want %v %v %v", s, gb, gy, gf, wb, wy, wf)
				}
				if wb || wy || wf {
					found++
				}
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d texts with a bracket or year context: the test checks little", found)
	}
}
