package facts

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/textmap"
)

// dropNamesByCopy is dropNames as it was, copying every hit it keeps: the
// reference.
func (a *Analyzer) dropNamesByCopy(src string, heading bool, local textmap.Map, hits []lexicon.Hit) []lexicon.Hit {
	if len(hits) == 0 || !hasUpperLatin(src) {
		return hits
	}
	out := hits[:0]
	checked, titled := false, false
	for _, h := range hits {
		if a.ids.modifier(h.Class) || h.Class == a.ids.journal || h.Class == a.ids.doi || h.Start >= len(src) || src[0] >= 0x80 && !isLatinHitAt(src, local, h) {
			out = append(out, h)
			continue
		}
		start, end := local.Start(h.Start), local.End(h.End)
		if start < 0 || end > len(src) || start >= end || !inName(src, start, end) {
			out = append(out, h)
			continue
		}
		if !checked {
			checked, titled = true, titleCase(src, heading)
		}
		if titled {
			out = append(out, h)
		}
	}
	return out
}

func isLatinHitAt(src string, local textmap.Map, h lexicon.Hit) bool {
	start := local.Start(h.Start)
	return start >= 0 && start < len(src) && src[start] < 0x80
}

// dropNames keeps and drops the hits the copying loop did, on random
// sentences of names, small words, Chinese, quotes and broken UTF-8, with
// hits of claim, modifier, journal and doi classes over random spans
// (some past the text, some empty), in titles, headings and paragraphs.
func TestDropNamesMatchesCopyingLoop(t *testing.T) {
	lex, err := lexicon.Parse(map[string]string{"l.yaml": `
classes:
  effect: {description: d, source: s, en: [cures]}
  hype: {description: d, source: s, en: [miracle]}
  negation: {description: d, source: s, en: [not]}
  hedge: {description: d, source: s, en: [may]}
  journal: {description: d, source: s, en: [lancet]}
  doi: {description: d, source: s, en: [doi]}
`})
	require.NoError(t, err)
	a := NewAnalyzer(lex)
	classes := []int{lex.ClassID("effect"), lex.ClassID("hype"), lex.ClassID("negation"), lex.ClassID("hedge"),
		lex.ClassID("journal"), lex.ClassID("doi")}
	pieces := []string{" ", " ", " ", "Fountain", "of", "Youth", "Park", "Miracle", "Cure", "Sight", "for", "the", "Fight",
		"miracle", "cures", "people", "MRI", "Dr.", "Smith,", "\"", "“", "”", "(", ")", ".", "神药", "《柳叶刀》", "研究",
		"ＡＢＣ", "Ｆｏｕｎｔａｉｎ", "é", "\xe2", "\xff", "\u00a0", "\u3000",
		// Chinese sentences (a hit on Han is ruled out from the view)
		// with Latin names, Traditional forms the view folds, marks
		// the view changes, and letters before combining marks.
		"研究显示", "長壽", "，", "。", "Sight", "E\u0301", "A\u3099", "\u3099", "x\u0308"}
	rng := rand.New(rand.NewPCG(10, 11))
	dropped, kept := 0, 0
	for n := range 200000 {
		src := randomText(rng, pieces, 14)
		v := normalize.Normalize(src)
		var hits []lexicon.Hit
		for range rng.IntN(7) {
			start := rng.IntN(len(v.Text) + 3)
			hits = append(hits, lexicon.Hit{Class: classes[rng.IntN(len(classes))], Start: start, End: start + rng.IntN(12)})
		}
		heading := n%3 == 0
		want := a.dropNamesByCopy(src, heading, v.Map, slices.Clone(hits))
		got := a.dropNames(src, v.Text, heading, v.Map, slices.Clone(hits))
		require.Equal(t, want, got, "dropNames(%q, %v, %v)", src, heading, hits)
		dropped += len(hits) - len(want)
		kept += len(want)
	}
	require.Greater(t, dropped, 1000, "hits dropped") // the test must reach names
	require.Greater(t, kept, 1000, "hits kept")
}

// firstNameHit rules out a hit whose view starts with a lead byte
// 0xE4-0xE9 in a sentence opening with Chinese without mapping it: the
// source under its start is then a byte of a multi-byte character, as the
// normalizer copies such a character or replaces it (folded, or with
// the marks of a segment) from a source that starts with one. Checked at
// every offset of random texts of Han, letters before combining marks
// (which NFKC composes), full-width forms and white space.
func TestHanViewStartsInSource(t *testing.T) {
	pieces := []string{"研究", "長壽", "藥", "神药", "，", "。", "「", "《", "A", "e", "Z", "E\u0301", "A\u3099", "o\u0308\u0301",
		"\u3099", "\u0301", "Ａ", "ｆ", "㈱", "⼀", "\uf900", " ", "\n", "\u3000", "\xe4", "\xe4\xb8", "\xff", "1", "%"}
	rng := rand.New(rand.NewPCG(21, 22))
	han := 0
	for range 100000 {
		src := randomText(rng, pieces, 10)
		v := normalize.Normalize(src)
		for d := 0; d < len(v.Text); d++ {
			if c := v.Text[d]; c < 0xE4 || c > 0xE9 {
				continue
			}
			han++
			start := v.Map.Start(d)
			require.True(t, start >= 0 && start < len(src) && src[start] >= 0x80,
				"view %q of %q: byte %d (%#x) maps to %d", v.Text, src, d, v.Text[d], start)
		}
	}
	require.Greater(t, han, 100000)
}

// sentence skips dropNames in a block without Latin letters: normalize
// counts every ASCII letter of the text, so such a block has no ASCII
// capital, and dropNames, which asks hasUpperLatin, would keep
// every hit. Checked on random texts of
// capitals alone, before combining marks and among forms NFKC changes.
func TestNoLatinLettersMeansNoCapitals(t *testing.T) {
	pieces := []string{"A", "Z", "q", "A\u0301", "E\u0308\u0301", "Ａ", "ｚ", "É", "é", "ﬁ", "\u212a", "Ⅻ", "研究", "神药", "，", "。",
		" ", "  ", "\t", "\n", "\u3000", "1", "%", "\"", "“", "\xe2", "\xff", "\u0301"}
	rng := rand.New(rand.NewPCG(12, 13))
	none, capitals := 0, 0
	for range 200000 {
		text := randomText(rng, pieces, 8)
		var letters normalize.Letters
		normalize.NormalizeCount(text, &letters)
		upper := strings.ContainsFunc(text, func(r rune) bool { return 'A' <= r && r <= 'Z' })
		if upper {
			capitals++
			require.Positive(t, letters.Latin, "%q has an ASCII capital and no Latin letter counted", text)
		} else if letters.Latin == 0 && text != "" {
			none++
		}
	}
	require.Greater(t, none, 10000)
	require.Greater(t, capitals, 10000)
}

// firstLatinNameHit (a sentence opening with no Chinese whose view is one
// verbatim piece) keeps and drops the hits the copying loop did: random
// English sentences of single-spaced words, capitalised and not, with
// hits inside, at the edges of and past the view, most of them on
// verbatim views (counted, so that the test reaches the fast loop).
func TestDropNamesVerbatimMatchesCopyingLoop(t *testing.T) {
	lex, err := lexicon.Parse(map[string]string{"l.yaml": `
classes:
  effect: {description: d, source: s, en: [cures]}
  hedge: {description: d, source: s, en: [may]}
  journal: {description: d, source: s, en: [lancet]}
`})
	require.NoError(t, err)
	a := NewAnalyzer(lex)
	classes := []int{lex.ClassID("effect"), lex.ClassID("hedge"), lex.ClassID("journal")}
	words := []string{"Fountain", "of", "Youth", "Park", "Miracle", "Cure", "Sight", "for", "the", "Fight", "miracle",
		"cures", "MRI", "Dr.", "Smith,", "\"Quoted", "(Paren", "1", "é", "研究"}
	rng := rand.New(rand.NewPCG(30, 31))
	verbatim, dropped := 0, 0
	for n := range 100000 {
		w := make([]string, 1+rng.IntN(9))
		for i := range w {
			w[i] = words[rng.IntN(len(words))]
		}
		src := strings.Join(w, " ")
		if src[0] >= 0x80 {
			continue
		}
		v := normalize.Normalize(src)
		if _, _, _, ok := v.Map.Verbatim(); ok {
			verbatim++
		}
		var hits []lexicon.Hit
		for range rng.IntN(7) {
			start := rng.IntN(len(v.Text) + 3)
			hits = append(hits, lexicon.Hit{Class: classes[rng.IntN(len(classes))], Start: start, End: start + rng.IntN(16)})
		}
		heading := n%4 == 0
		want := a.dropNamesByCopy(src, heading, v.Map, slices.Clone(hits))
		got := a.dropNames(src, v.Text, heading, v.Map, slices.Clone(hits))
		require.Equal(t, want, got, "dropNames(%q, %v, %v)", src, heading, hits)
		dropped += len(hits) - len(want)
	}
	require.Greater(t, verbatim, 50000, "verbatim views")
	require.Greater(t, dropped, 1000, "hits dropped")
}
