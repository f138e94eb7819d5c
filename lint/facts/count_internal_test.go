package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// countLettersByRunes is countLetters as a plain walk over the runes: the
// reference for the byte-level one.
func countLettersByRunes(text string, han, trad, latin *int) {
	for _, r := range text {
		switch {
		case r < 0x80:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				*latin++
			}
		case r >= 0x4E00 && r <= 0x9FFF || unicode.Is(unicode.Han, r):
			*han++
			if zhconv.Fold(r) != r {
				*trad++
			}
		case r < 0x250 && unicode.IsLetter(r):
			*latin++
		}
	}
}

func TestCountLettersMatchesRuneWalk(t *testing.T) {
	pieces := []string{"研究", "發現", "體重", "中", "a", "Z", "é", "ß", "ɐ", "㐀", "𠀀", "，", "“", "1", " ", "\xe4", "\xe4\xb8", "\xff",
		"\xed\xa0\x80", "\xe4\xb7\xbf", "\u9fff", "\ua000", "@", "[", "`", "{", "Hello, world", "\x7f", "\x00", "study 12 "}
	rng := rand.New(rand.NewPCG(13, 14))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(30) { // long enough for the eight-byte steps
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		var h1, t1, l1, h2, t2, l2 int
		countLetters(text, &h1, &t1, &l1)
		countLettersByRunes(text, &h2, &t2, &l2)
		if h1 != h2 || t1 != t2 || l1 != l2 {
			t.Fatalf("countLetters(%q) = %d, %d, %d; want %d, %d, %d", text, h1, t1, l1, h2, t2, l2)
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		var h, tr, l int
		countLetters(string(r), &h, &tr, &l)
		if h != 1 || (tr == 1) != (zhconv.Fold(r) != r) {
			t.Fatalf("countLetters(%q) = %d Han, %d Traditional; zhconv.Fold gives %q", r, h, tr, zhconv.Fold(r))
		}
	}
}

// isQuestionByTrim is isQuestion as first written: the reference.
func isQuestionByTrim(text string) bool {
	t := strings.TrimRight(text, " \t\r\n”」』\"'’)）")
	for _, end := range []string{"?", "？", "吗", "么"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

func TestIsQuestionMatchesTrim(t *testing.T) {
	pieces := []string{"?", "？", "吗", "么", "”", "」", "』", "\"", "'", "’", ")", "）", " ", "\n", "研究", "a", "\x97", "\xe5\x90", "\xbc", "\xff"}
	rng := rand.New(rand.NewPCG(15, 16))
	asks := 0
	for range 50000 {
		text := randomText(rng, pieces, 6)
		want := isQuestionByTrim(text)
		if want {
			asks++
		}
		if got := isQuestion(text); got != want {
			t.Fatalf("isQuestion(%q) = %v, want %v", text, got, want)
		}
	}
	if asks == 0 {
		t.Fatal("no random text asked: the test checks nothing")
	}
}

// firstPersonByFields is firstPersonSingular's word test as first written,
// with strings.FieldsFunc: the reference.
func firstPersonByFields(text string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’') }) {
		switch w {
		case "i", "my", "me", "i'm", "i’m", "i've", "i’ve", "myself":
			return true
		}
	}
	return false
}

func TestFirstPersonWordsMatchFields(t *testing.T) {
	pieces := []string{"i", "my", "me", "'m", "’m", "'ve", "self", "a", "b", " ", ",", "“", "\xe2\x80", "\x99", "’", "'", "mine", "time",
		"\xe2", "\x80\x99", "é", "研", "I", "\xff"}
	rng := rand.New(rand.NewPCG(23, 24))
	first := 0
	for range 50000 {
		text := randomText(rng, pieces, 6)
		if strings.Contains(text, "我") || strings.Contains(text, "自己") {
			continue
		}
		want := firstPersonByFields(text)
		if want {
			first++
		}
		if got := firstPersonSingular(text); got != want {
			t.Fatalf("firstPersonSingular(%q) = %v, want %v", text, got, want)
		}
	}
	if first == 0 {
		t.Fatal("no random text was in the first person: the test checks nothing")
	}
}

// TestTestimonialMatchesQuotedText checks the letter test in front of
// testimonial against copying out the quoted parts every time, on random
// texts of quotation marks, first-person words and their pieces.
func TestTestimonialMatchesQuotedText(t *testing.T) {
	pieces := []string{"“", "”", "「", "」", "『", "』", "\"", "‘", "’", "我", "们", "国", "自", "己", "自己", "i", "m", "y", "my", "'", "’m",
		" ", "，", "研究", "he said", "self", "e"}
	rng := rand.New(rand.NewPCG(7, 9))
	found := 0
	for range 100000 {
		text := randomText(rng, pieces, 12)
		want := firstPersonSingular(quotedText(text))
		if got := testimonial(text); got != want {
			t.Fatalf("testimonial(%q) = %v, want %v", text, got, want)
		}
		if want {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d random texts were testimonials: the test says little", found)
	}
}

// countLetters adds the Han characters of text (and how many of them are
// Traditional-only forms, those that fold to another character) and its
// Latin letters to the counts. The normalizer counts a block's letters as
// it goes (normalize.Letters); this walk over the text, test code only, is
// what its counts are tested against (TestBlockLettersMatchCountLetters).
func countLetters(text string, han, trad, latin *int) {
	h, t, l := 0, 0, 0 // counted here, not through the pointers, to stay in registers
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(text) { // eight ASCII bytes at once where there is one (English text)
				if w := swar.Load8(text[i : i+8]); w&swar.Highs == 0 {
					l += swar.LowerLetters(w | 0x20*swar.Ones)
					i += 8
					continue
				}
			}
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				l++
			}
			i++
			continue
		}
		if r, ok := normalize.CommonHanAt(text, i); ok { // most of Chinese text: no decoding, no fold table
			h++
			k := uint32(r - 0x4E00) // unsigned: the division and remainder are shifts
			if hanFolds[k/64]&(1<<(k%64)) != 0 {
				t++
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.Is(unicode.Han, r):
			h++
			if zhconv.Fold(r) != r {
				t++
			}
		case r < 0x250 && unicode.IsLetter(r):
			l++
		}
	}
	*han, *trad, *latin = *han+h, *trad+t, *latin+l
}

// hanFolds has a bit for each character of the common Han block that
// zhconv.Fold changes.
var hanFolds = zhconv.CommonHanFolds()
