package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The references for the byte gates of proportion, plainKind and
// hyphenUnit: each as it was, trying every word in turn.

func (s *scanner) proportionInTurn(tok token, pc preCtx) (Mention, bool) {
	t := s.text
	if tok.script == 'c' {
		return Mention{}, false
	}
	j := tok.end
	for _, sep := range []string{" in ", " out of "} {
		if !wordAt(t, j, sep) {
			continue
		}
		k := j + len(sep)
		var den token
		ok := false
		if k < len(t) && isDigit(t[k]) {
			den, ok = readArabic(t, k), true
		} else if end, v, good := wordNumber(t, k); good {
			den, ok = token{end: end, val: v}, true
		}
		if !ok || den.val <= tok.val || den.val == 0 {
			return Mention{}, false
		}
		return Mention{Start: pc.start, End: den.end, Value: 100 * tok.val / den.val,
			Approx: tok.approx || pc.approx, Kind: Percent}, true
	}
	return Mention{}, false
}

func (s *scanner) plainKindInTurn(u *unitHit, pc *preCtx) Kind {
	if u.kind == Percent && !(u.kind == Duration && pc.age) && !(u.kind == Other && pc.money) {
		for _, ci := range ciWords {
			if strings.HasPrefix(s.text[u.end:], ci) {
				return Other
			}
		}
	}
	return s.plainKind(u, pc)
}

func hyphenUnitInTurn(t string, k int, val float64) (unitHit, bool) {
	for _, d := range hyphenUnits {
		if !wordAt(t, k, d.s) {
			continue
		}
		h := unitHit{end: k + len(d.s), kind: d.kind, cls: ucPlain, unit: d.s[1:]}
		switch {
		case d.den > 0:
			h.value, h.hasValue = 100*val/d.den, true
		case d.kind == SampleSize:
			h.cls, h.noun, h.subject, h.animal = ucPerson, nPerson, d.s[1:], d.anim
			if d.s == "-strong" {
				h.subject = ""
			}
			if d.anim {
				h.cls, h.noun = ucAnimal, nAnimal
			}
		}
		return h, true
	}
	return unitHit{}, false
}

// At every position of random texts of the words these read (cut runes,
// case changed, the corpus), proportion, plainKind and hyphenUnit answer
// as the references that try every word.
func TestByteGatesMatchTryingEveryWord(t *testing.T) {
	pieces := []string{"1", "3", "10", "one", "five", " in ", " out of ", " IN ", " Out Of ", " in 10", " out of five", " in ten", " ", "in", "of", "-",
		"%", "ci", " ci", "CI", " confidence", "置信区间", "可信区间", "信赖区间", "的置信", "的可信", "的", "置信",
		"\xe7\xbd", "\xe7", "x", "名", "-year-old", "-Week", "-fold", "-third", "-2", "-x"}
	for _, d := range hyphenUnits {
		pieces = append(pieces, d.s)
	}
	rng := rand.New(rand.NewPCG(191, 192))
	texts := gateTexts(t)
	texts = joinPieces(texts, rng, pieces, 30000)
	found := [3]int{}
	for _, text := range texts {
		s := scanner{text: text}
		for j := 0; j <= len(text); j++ {
			for _, v := range []float64{0, 1, 3} {
				tok, pc := token{start: max(j-1, 0), end: j, val: v, script: 'a'}, preCtx{start: max(j-1, 0)}
				wm, wok := s.proportionInTurn(tok, pc)
				gm, gok := s.proportion(&tok, &pc)
				if wm != gm || wok != gok {
					t.Fatalf("proportion(%q at %d) = %+v, %v; want %+v, %v", text, j, gm, gok, wm, wok)
				}
				if wok {
					found[0]++
				}
			}
			for _, k := range []Kind{Percent, Dose, Duration, Other} {
				u := unitHit{end: j, kind: k, cls: ucPlain}
				w, g := s.plainKindInTurn(&u, &preCtx{}), s.plainKind(&u, &preCtx{})
				if w != g {
					t.Fatalf("plainKind(%q at %d, %v) = %v, want %v", text, j, k, g, w)
				}
				if k == Percent && g == Other {
					found[1]++
				}
			}
			if j < len(text) && text[j] == '-' {
				w, wok := hyphenUnitInTurn(text, j, 3)
				g, gok := hyphenUnit(text, j, 3)
				if w != g || wok != gok {
					t.Fatalf("hyphenUnit(%q at %d) = %+v, %v; want %+v, %v", text, j, g, gok, w, wok)
				}
				if gok {
					found[2]++
				}
			}
		}
	}
	for i, n := range found {
		require.Greater(t, n, 1000, "the texts hold what reader %d finds", i)
	}
}

// unitWordInTurn is unitWord as it was, comparing the three signs at every
// unit word; readArabicAskingGroups is readArabic asking readGroups after
// every short lead group. The references for their first-byte gates.
func unitWordInTurn(t string, k int) (string, int) {
	e := k
	for _, p := range []string{"μ", "µ", "°"} {
		if strings.HasPrefix(t[k:], p) {
			e += len(p)
		}
	}
	for e < len(t) && isLetter(t[e]) {
		e++
	}
	return t[k:e], e
}

func readArabicAskingGroups(t string, i int) token {
	tok := token{start: i, script: 'a', plain: true}
	j := i
	for j < len(t) && isDigit(t[j]) {
		tok.val = tok.val*10 + float64(t[j]-'0')
		j++
	}
	tok.digits = j - i
	if tok.digits <= 3 {
		if k, v, g := readGroups(t, j, ',', tok.val); g > 0 {
			j, tok.val, tok.plain = k, v, false
		} else if k, v, g := readGroups(t, j, ' ', tok.val); g > 0 && spaceGroupsOK(t, k, tok.digits, g) {
			j, tok.val, tok.plain = k, v, false
		}
	}
	if j+1 < len(t) && t[j] == '.' && isDigit(t[j+1]) {
		tok.plain = false
		frac, scale := 0.0, 1.0
		for j++; j < len(t) && isDigit(t[j]); j++ {
			frac, scale = frac*10+float64(t[j]-'0'), scale*10
		}
		tok.val += frac / scale
	}
	tok.end = j
	return tok
}

// At every position of random texts of digits, groups, signs and unit
// words (cut runes, the corpus), unitWord and readArabic answer as the
// references.
func TestUnitWordAndGroupGatesMatchReferences(t *testing.T) {
	pieces := []string{"1", "12", "123", "1234", ",", ", ", ",000", " 000", " 585", ".5", " ", "μ", "µ", "°", "g", "mg", "c",
		"\xce", "\xc2", "\xc2\xb5g", "名", "x", "-"}
	rng := rand.New(rand.NewPCG(211, 212))
	texts := gateTexts(t)
	texts = joinPieces(texts, rng, pieces, 30000)
	signs, groups := 0, 0
	for _, text := range texts {
		for j := 0; j < len(text); j++ {
			ww, we := unitWordInTurn(text, j)
			gw, ge := unitWord(text, j)
			if ww != gw || we != ge {
				t.Fatalf("unitWord(%q, %d) = %q, %d; want %q, %d", text, j, gw, ge, ww, we)
			}
			if ww != "" && text[j] >= 0x80 {
				signs++
			}
			if isDigit(text[j]) {
				w, g := readArabicAskingGroups(text, j), readArabic(text, j)
				if w != g {
					t.Fatalf("readArabic(%q, %d) = %+v, want %+v", text, j, g, w)
				}
				if !w.plain {
					groups++
				}
			}
		}
	}
	require.Greater(t, signs, 1000, "the texts hold signs")
	require.Greater(t, groups, 1000, "the texts hold groups")
}
