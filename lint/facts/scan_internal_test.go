package facts

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
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
		"Smith", " J", ", ", "Lee", " K", "et al", "等.", "doi: 10.", "10.1234/", "a", "x", "研究", "(", "4", "Z", "é",
		"The", " study", "O'Neil", "Smith-Jones", " JK", " ABC", " ABCD", "A", ",", "-", "'", "Wu T, "}
	rng := rand.New(rand.NewPCG(7, 8))
	matched := 0
	for range 20000 {
		var b strings.Builder
		if rng.IntN(2) == 0 { // half open as an entry might
			b.WriteString([]string{"[1] ", " 12. ", "Smith J, Lee K. ", "［3］", "\n7、 ", "O'Neil J, Smith-Jones K. ", "The study found. "}[rng.IntN(7)])
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
		"\t3. Doe A et al. doi: 10.1000/xyz", "研究表明 2020;1", "[12]", "O'Neil J, Smith-Jones K. Title. 2020;3", "The Lancet. 2020;3",
		"Smith J, Lee K, et al"} {
		require.Equal(t, byRegexp(text), isReferenceEntry(text), "%q", text)
	}
	assert.Greater(t, matched, 20, "the random texts include entries")
	for _, line := range corpusLines(t) {
		require.Equal(t, byRegexp(line), isReferenceEntry(line), "%q", line)
	}
}

// referenceEntry and authorList are the expressions opensEntry and
// opensAuthorList scan for.
var (
	referenceEntry = regexp.MustCompile(`^\s*(\[\d{1,3}\]|［\d{1,3}］|\d{1,3}[.、)]\s)\s*\S`)
	authorList     = regexp.MustCompile(`^\s*[A-Z][A-Za-z'\-]+ [A-Z]{1,3}(, [A-Z][A-Za-z'\-]+ [A-Z]{1,3})+[,.]`)
)

// opensEntry and opensAuthorList are their expressions: on random texts
// of what each reads and its near misses (long digit and capital runs,
// \v and ideographic space, cut UTF-8), and on corpus lines.
func TestEntryOpeningsAreTheExpressions(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\v", "\u3000", "[", "]", "［", "］", "\xef\xbc", "1", "12", "123", "1234", ".", "、", ")", "\xe3\x80",
		"Smith", "O'Neil", "Smith-Jones", "s", "J", "JK", "ABC", "ABCD", ", ", ",", "é", "x", "研究", "\xff"}
	openings := []string{"[1] ", " 12. ", "3、", "Smith J, ", "Smith J, Lee K", "O'Neil JK, Smith-Jones K", "\tWu T, Li ABC"}
	rng := rand.New(rand.NewPCG(51, 52))
	entries, authors := 0, 0
	for range 200000 {
		var b strings.Builder
		if rng.IntN(2) == 0 { // half open as an entry or a list might
			b.WriteString(openings[rng.IntN(len(openings))])
		}
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		want := referenceEntry.MatchString(text)
		require.Equal(t, want, opensEntry(text), "opensEntry(%q)", text)
		if want {
			entries++
		}
		want = authorList.MatchString(text)
		require.Equal(t, want, opensAuthorList(text), "opensAuthorList(%q)", text)
		if want {
			authors++
		}
	}
	assert.Greater(t, entries, 5000, "the random texts include entries")
	assert.Greater(t, authors, 2000, "the random texts include author lists")
	for _, text := range []string{"[1] Smith", "[1]", "[1]  ", " 12. x", "12.x", "1234. x", "3、 研究", "3) x", "［12］研究",
		"Smith J, Lee K.", "Smith J, Lee K, Wu T.", "Smith J, Lee KLMN.", "Smith J,Lee K.", "SmithJ, Lee K.", "S J, Lee K.", "Smith J, Lee K"} {
		require.Equal(t, referenceEntry.MatchString(text), opensEntry(text), "opensEntry(%q)", text)
		require.Equal(t, authorList.MatchString(text), opensAuthorList(text), "opensAuthorList(%q)", text)
	}
	for _, line := range corpusLines(t) {
		require.Equal(t, referenceEntry.MatchString(line), opensEntry(line), "opensEntry(%q)", line)
		require.Equal(t, authorList.MatchString(line), opensAuthorList(line), "opensAuthorList(%q)", line)
	}
}

// referenceShape is the expression hasReferenceShape scans for.
var referenceShape = regexp.MustCompile(`(?i)\bet al\b|等[.．]|\b(19|20)\d\d\s*[;；]\s*\d|\b(19|20)\d\d\s*\(\d+\)|doi:\s*10\.|\b10\.\d{4,}/`)

// hasReferenceShape is referenceShape: on random texts of the pieces each
// alternative is made of, their near misses (letters in either case, the
// Kelvin sign and long s, word bytes around them, cut and stray UTF-8)
// and on corpus lines.
func TestHasReferenceShapeIsTheExpression(t *testing.T) {
	pieces := []string{"et al", "ET AL", "Et Al", "e", "t", " ", "al", "a", "l", "_", "x", "K", "ſ", "\u212a", "等", "等.", "等．", ".", "．",
		"\xe7", "\xe7\xad", "\xad\x89", "\xef\xbc", "19", "20", "2024", "1999", "3", "0", ";", "；", "\t", "\n", "\v", "\f", "\r", "(", ")", "12",
		"doi:", "DOI:", "Doi:", "doi", ":", "10.", "10.1234", "/", "1", "2", "1234", "研究", "é"}
	rng := rand.New(rand.NewPCG(31, 32))
	texts := make([]string, 100000)
	for i := range texts {
		texts[i] = randomText(rng, pieces, 10)
	}
	assert.Greater(t, answersAsExpression(t, referenceShape, hasReferenceShape, texts...), 10000, "the random texts include shapes")
	answersAsExpression(t, referenceShape, hasReferenceShape, "Smith J et al. Lancet 2020;395:1.", "2020 ; 3", "2020；\t3", "2020 (12)", "2020()",
		"2020(1", "doi:  10.1/x", "10.1234/abc", "10.123/abc", "x10.1234/", "et alia", "bet al", "et al_", "王某等．", "1999(3)", "21999;3")
	answersAsExpression(t, referenceShape, hasReferenceShape, corpusLines(t)...)
}

// answersAsExpression requires scan to answer as re does on every one of
// texts, and returns how many of them re matches.
func answersAsExpression(t *testing.T, re *regexp.Regexp, scan func(string) bool, texts ...string) int {
	t.Helper()
	matched := 0
	for _, text := range texts {
		want := re.MatchString(text)
		require.Equal(t, want, scan(text), "%q", text)
		if want {
			matched++
		}
	}
	return matched
}

// clauseByRunes is clause as it was written first, rune by rune: the
// reference the byte scan is checked against.
func clauseByRunes(text string, h lexicon.Hit) (start, end int) {
	for i := h.Start; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if breaksClause(r) {
			start = i
			break
		}
		i -= size
	}
	for i := h.End; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if breaksClause(r) {
			return start, i
		}
		i += size
	}
	return start, len(text)
}

// The byte scan finds the clause the rune scan finds, on random texts of
// breaks, other runes and stray bytes (invalid UTF-8), for hits at rune
// starts.
func TestClauseScansBytesAsRunes(t *testing.T) {
	// 伌 (E4 BC 8C) and 、 (E3 80 81) end with a byte a break ends with,
	// after a lead that is not a break's or one that is.
	pieces := []string{",", ";", ":", "!", "?", "\n", "，", "；", "：", "。", "！", "？", "a", " ", "研究", "、", "”", "伌",
		"\xef", "\xbc", "\x8c", "\xe3\x80", "\xef\xbc", "\x80", "\xf0\x9f\x98\x80", "é"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 30000 {
		text := randomText(rng, pieces, 12)
		var starts []int
		for i := range len(text) + 1 {
			if i == len(text) || utf8.RuneStart(text[i]) {
				starts = append(starts, i)
			}
		}
		s := starts[rng.IntN(len(starts))]
		e := starts[rng.IntN(len(starts))]
		if e < s {
			s, e = e, s
		}
		h := lexicon.Hit{Start: s, End: e}
		ws, we := clauseByRunes(text, h)
		gs, ge := clause(text, h)
		require.Equal(t, [2]int{ws, we}, [2]int{gs, ge}, "%q hit %d-%d", text, s, e)
	}
}

// opensInference answers as a comparison with every opener does, the
// first-byte table aside: on each opener, cut, after blanks, followed by
// more text, and on random texts of opener pieces and other bytes.
func TestOpensInferenceComparesOnlyAtFirstBytes(t *testing.T) {
	byList := func(text string) bool {
		text = strings.TrimLeft(text, " ")
		for _, w := range inferenceOpeners {
			if strings.HasPrefix(text, w) {
				return true
			}
		}
		return false
	}
	texts := []string{"", " ", "研究", "which", "\xe7"}
	for _, w := range inferenceOpeners {
		for i := range len(w) + 1 {
			texts = append(texts, w[:i], "  "+w[:i], w[:i]+"药物能逆转衰老", " "+w+" it works")
		}
	}
	pieces := append([]string{" ", "a", "w", "t", "等", "这", "也", "换", "意味着", "means", "\xe7", "\xad"}, inferenceOpeners...)
	rng := rand.New(rand.NewPCG(31, 32))
	for range 20000 {
		texts = append(texts, randomText(rng, pieces, 4))
	}
	opened := 0
	for _, text := range texts {
		want := byList(text)
		require.Equal(t, want, opensInference(text), "%q", text)
		if want {
			opened++
		}
	}
	require.Greater(t, opened, 100)
}

// BenchmarkClause compares the byte scan with the rune scan on a long
// Chinese sentence with the hit in its middle clause.
func BenchmarkClause(b *testing.B) {
	text := strings.Repeat("研究人员发现这种药物", 8) + "，" + strings.Repeat("可以显著改善患者的症状", 8) + "。"
	h := lexicon.Hit{Start: len(text) / 2, End: len(text)/2 + 3}
	for h.Start > 0 && !utf8.RuneStart(text[h.Start]) {
		h.Start--
	}
	h.End = h.Start + 3
	b.Run("bytes", func(b *testing.B) {
		for b.Loop() {
			clause(text, h)
		}
	})
	b.Run("runes", func(b *testing.B) {
		for b.Loop() {
			clauseByRunes(text, h)
		}
	})
}

// hasYear is `\b(19|20)\d\d\b`: on random texts of digits, letters, word
// bytes, multi-byte characters and cut UTF-8, and on corpus lines.
func TestHasYearIsTheExpression(t *testing.T) {
	re := regexp.MustCompile(`\b(19|20)\d\d\b`)
	pieces := []string{"1", "2", "9", "0", "19", "20", "2024", "1987", "3", "a", "Z", "_", " ", ".", "-", "年", "é", "\xe5", "\x80", "ß", "(", ";"}
	rng := rand.New(rand.NewPCG(21, 22))
	texts := make([]string, 50000)
	for i := range texts {
		texts[i] = randomText(rng, pieces, 10)
	}
	assert.Greater(t, answersAsExpression(t, re, hasYear, texts...), 1000, "the random texts include years")
	// Long texts, mostly without a 1 or a 2, which hasYear passes eight
	// bytes at a time.
	pieces = append(pieces, "研究发现", "the study of ", "研究发现", "the study of ", "31", "0.9")
	for i := range texts {
		texts[i] = randomText(rng, pieces, 30)
	}
	assert.Greater(t, answersAsExpression(t, re, hasYear, texts...), 1000, "the long texts include years")
	answersAsExpression(t, re, hasYear, corpusLines(t)...)
}

// runesAtMost is the rune count compared with n: on random texts of one-
// to four-byte runes and stray bytes, their lengths around n, n, 4n and
// between.
func TestRunesAtMostIsTheCount(t *testing.T) {
	pieces := []string{"a", "é", "中", "😀", "\xe5", "\xe5\x8f", "\x80", "\n"}
	rng := rand.New(rand.NewPCG(71, 72))
	cut := 0
	for range 100000 {
		text := randomText(rng, pieces, 40)
		n := rng.IntN(45)
		want := utf8.RuneCountInString(text) <= n
		require.Equal(t, want, runesAtMost(text, n), "%q %d", text, n)
		if len(text) > n && len(text) <= utf8.UTFMax*n {
			cut++ // the bytes alone do not settle it
		}
	}
	assert.Greater(t, cut, 20000, "the lengths leave the count open")
	for _, c := range []struct {
		text string
		n    int
	}{{"", 0}, {"a", 0}, {"😀", 1}, {"😀😀", 1}, {"中中中", 2}, {"\xe5\x8f", 1}, {"\xe5\x8f", 2}} {
		require.Equal(t, utf8.RuneCountInString(c.text) <= c.n, runesAtMost(c.text, c.n), "%q %d", c.text, c.n)
	}
}

// The byte scans that pass eight bytes at once find the clause the rune
// scan finds around every rune start of long texts where breaks are rare
// (runs of Han, ASCII, 、, stray bytes and the leads of breaks, longer
// than several words) and cut anywhere.
func TestClauseWordStepsAsRunes(t *testing.T) {
	plain := []string{"a", " ", "研究", "、", "”", "伌", "「", "（", "\xef", "\xbc", "\x8c", "\xe3\x80", "\xef\xbc", "\x80", "é", "\xf0\x9f\x98\x80"}
	breaks := []string{",", ";", "\n", "，", "。", "？"}
	rng := rand.New(rand.NewPCG(13, 17))
	for range 3000 {
		var b strings.Builder
		for n := rng.IntN(80); b.Len() < n || rng.IntN(4) != 0; {
			if rng.IntN(30) == 0 {
				b.WriteString(breaks[rng.IntN(len(breaks))])
			} else {
				b.WriteString(plain[rng.IntN(len(plain))])
			}
			if b.Len() > 300 {
				break
			}
		}
		text := b.String()
		text = text[:rng.IntN(len(text)+1)]
		for s := 0; s <= len(text); s++ {
			if s < len(text) && !utf8.RuneStart(text[s]) {
				continue
			}
			h := lexicon.Hit{Start: s, End: s}
			ws, we := clauseByRunes(text, h)
			require.Equal(t, ws, clauseStart(text[:s]), "clauseStart(%q)", text[:s])
			require.Equal(t, we, clauseEnd(text, s), "clauseEnd(%q, %d)", text, s)
		}
	}
}
