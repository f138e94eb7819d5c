package normalize

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// The fast paths give exactly the reference normalizer's text and map on
// random text built from what makes normalization take its other paths:
// Traditional and Cantonese characters, full-width forms, combining marks
// after ASCII, punctuation and Han, ligatures, half-width kana with voicing
// marks, Hangul jamo, white space of every kind, invalid and cut UTF-8.
func TestFastPathsMatchReference(t *testing.T) {
	pieces := []string{"a", "Z", "k", "1", " ", "  ", "\n", "\r\n", "\t", "\u3000", "\u00a0", "\u2009",
		"研究", "发现", "逆轉", "衰老", "發現", "嘅", "冇", "咗", "萬", "隻", "名",
		"，", "。", "“", "”", "《", "》", "！", "１２", "ＮＭＮ", "…", "℃", "％", "～",
		"\u0301", "e\u0301", "，\u0301", "研\u0301", "\u0308", "ﬁ", "ｶ", "ﾞ", "ｶﾞ", "\u1100", "\u1161", "\u11a8", "가",
		"é", "Å", "ß", "İ", "😀", "\xff", "\xe4\xb8", "\xe4", "\xbf", "\u4dff", "\ua000", "\U00020000"}
	rng := rand.New(rand.NewSource(5))
	for round := 0; round < 30000; round++ {
		var sb strings.Builder
		for n := rng.Intn(16); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		got, want := Normalize(text), refNormalize(text)
		require.Equal(t, want.Text, got.Text, "%q", text)
		require.Equal(t, want.Map, got.Map, "%q", text)
	}
}

// The table of Han characters that change holds exactly those the fold
// table or the Cantonese table changes, all 20,992 of them checked.
func TestChangedHanTable(t *testing.T) {
	hanOnce.Do(markChangedHan)
	changed := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		_, canto := cantonese[r]
		want := zhconv.Fold(r) != r || canto
		require.Equal(t, want, changedHan(r), "%c", r)
		if want {
			changed++
		}
	}
	assert.Greater(t, changed, 1000, "Traditional forms are marked")
}

// A segment ends before ASCII and before a common Han character whatever
// comes before them: what norm.NFKC.NextBoundaryInString says, for every
// rune of the Basic Multilingual Plane before each of them.
func TestSegmentsEndBeforeASCIIAndHan(t *testing.T) {
	for _, next := range []string{"a", " ", "\n", "0", "一", "研", "\u9fff"} {
		require.True(t, startsSegment(next, 0), "%q", next)
		for r := rune(0); r <= 0xFFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			first := string(r)
			require.Equal(t, len(first), norm.NFKC.NextBoundaryInString(first+next, true), "%U before %q", r, next)
		}
	}
	for _, next := range []string{"\u0301", "\u3099", "\u1161", "ﾞ", "\u4dff", "\ua000", "\xe4\xb8"} {
		assert.False(t, startsSegment(next, 0), "%q", next)
	}
}

// The punctuation table says a segment ends before a mark exactly where
// norm.NFKC.NextBoundaryInString ends it: every mark of the three blocks
// after ASCII, Han, every mark of the blocks, combining marks, jamo, kana
// and a sample of the rest of the Basic Multilingual Plane.
func TestPunctuationStartsSegmentsAsNFKCSays(t *testing.T) {
	hanOnce.Do(markChangedHan)
	firsts := []rune{'a', '1', ' ', '研', '\u0301', '\u3099', '\u1100', '\u1161', 'ｶ', 'ﾞ', 'é', '\u00a8', 0xFFFD}
	for _, block := range [][2]rune{{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}} {
		for r := block[0]; r <= block[1]; r++ {
			firsts = append(firsts, r)
		}
	}
	rng := rand.New(rand.NewSource(6))
	for range 300 {
		if r := rune(rng.Intn(0x10000)); r < 0xD800 || r > 0xDFFF {
			firsts = append(firsts, r)
		}
	}
	starts := 0
	for _, block := range [][2]rune{{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}} {
		for next := block[0]; next <= block[1]; next++ {
			ns := string(next)
			r, ok := punctAt(ns, 0)
			require.True(t, ok && r == next, "%U", next)
			if !startsSegment(ns, 0) {
				continue
			}
			starts++
			for _, first := range firsts {
				fs := string(first)
				require.Equal(t, len(fs), norm.NFKC.NextBoundaryInString(fs+ns, true), "%U before %U", first, next)
			}
		}
	}
	require.Greater(t, starts, 300, "most marks start a segment")
	for _, s := range []string{"\u1fff", "\u2070", "\u2fff", "\u3040", "\ufeff", "\ufff0", "\xe3\x80", "\xe3\x80a"} {
		_, ok := punctAt(s, 0)
		require.False(t, ok, "%q", s)
	}
}

// FuzzFastPathsMatchReference: any bytes normalize as the reference does.
func FuzzFastPathsMatchReference(f *testing.F) {
	for _, s := range []string{"逆轉衰老！ＮＭＮ", "a\u0301研", "，\u0301", "ｶﾞ", "\xe4\xb8研", "嘅冇 in\r\nmice", "。”\u0301，（）！", "……——「」\u3099"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := Normalize(text), refNormalize(text)
		if got.Text != want.Text || !reflect.DeepEqual(got.Map, want.Map) {
			t.Fatalf("%q: %q %+v, reference %q %+v", text, got.Text, got.Map, want.Text, want.Map)
		}
	})
}

// The eight-byte steps over ASCII (wordASCII8 in asciiRun,
// lowerASCIIRun) give the reference normalizer's text and map on random
// mostly-ASCII text with every ASCII byte, long words, single and double
// spaces, combining marks and non-ASCII between them.
func TestASCIIWordStepsMatchReference(t *testing.T) {
	pieces := []string{"Anti-Aging", "NMN", "reverses", "THE", "mice", "2024", "(n=12)", " ", " ", "  ", "\t", "\n", "\x7f", "\x00", "\x1f", "!", "~",
		"@", "[", "`", "{", "Z", "A", "z", "a", "é", "e\u0301", "\u0301", "研究", "，", "\xff", "ＮＭＮ"}
	rng := rand.New(rand.NewSource(11))
	for round := 0; round < 30000; round++ {
		var sb strings.Builder
		for n := rng.Intn(24); n > 0; n-- {
			if rng.Intn(4) == 0 { // any ASCII byte
				sb.WriteByte(byte(rng.Intn(128)))
				continue
			}
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		got, want := Normalize(text), refNormalize(text)
		require.Equal(t, want.Text, got.Text, "%q", text)
		require.Equal(t, want.Map, got.Map, "%q", text)
	}
	for c := 0; c < 256; c++ { // every byte in every lane, beside a space or not
		for lane := 0; lane < 8; lane++ {
			for _, word := range []string{"abcdefgh", "a cd fgh", "ab de gh", " b d f h"} {
				w := []byte(word)
				w[lane] = byte(c)
				want := w[7] != ' '
				for k, b := range w {
					want = want && b >= 0x20 && b < 0x80 && (b != ' ' || k == 7 || w[k+1] != ' ')
				}
				require.Equal(t, want, wordASCII8(swar.Load8(string(w))), "byte %#x in lane %d of %q", c, lane, w)
			}
			w := []byte("abcdefgh")
			w[lane] = byte(c)
			if c < 0x80 {
				got := append([]byte(nil), w...)
				_ = lowerASCIIRun(got)
				for k := range w {
					w[k] = lowerASCII(w[k])
				}
				require.Equal(t, w, got, "byte %#x in lane %d", c, lane)
			}
		}
	}
}

// CommonHanAt decodes exactly the three-byte sequences utf8 decodes to a
// common Han character, every lead byte E0–EF with every pair of bytes
// after it; stableHanRun steps over exactly those of them that neither
// the fold nor the Cantonese table changes, stableHanWord says so of
// them, and changedHan3 has a bit for exactly the others.
func TestCommonHanAtAndStableHanRun(t *testing.T) {
	hanOnce.Do(markChangedHan)
	stable := 0
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0; c1 < 256; c1++ {
			for c2 := 0; c2 < 256; c2++ {
				s := string([]byte{byte(c0), byte(c1), byte(c2)})
				r, size := utf8.DecodeRuneInString(s)
				want := size == 3 && isCommonHan(r)
				got, ok := CommonHanAt(s, 0)
				if ok != want || ok && got != r {
					t.Fatalf("CommonHanAt(%q) = %U, %v; want %v", s, got, ok, want)
				}
				wantStable := want && !changedHan(r)
				if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 { // what hanRun asks of a three-byte shape
					w := uint64(c0) | uint64(c1)<<8 | uint64(c2)<<16
					changed := changedHan3[w&0x3F0F]&(1<<(w>>16&0x3F)) != 0
					if changed != (want && changedHan(r)) || stableHanWord(w) != wantStable {
						t.Fatalf("%q: changedHan3 %v, stableHanWord %v; common Han %v, changed %v", s, changed, stableHanWord(w), want, want && changedHan(r))
					}
				}
				n := normalizer{src: s + s[:2]} // a cut character after it
				if end := n.stableHanRun(0); end != 3 && wantStable || end != 0 && !wantStable {
					t.Fatalf("stableHanRun(%q) = %d, stable %v", s, end, wantStable)
				}
				if wantStable {
					stable++
				}
			}
		}
	}
	assert.Greater(t, stable, 15000, "Simplified characters are stable")
	_, ok := CommonHanAt("研", 1)
	assert.False(t, ok, "a cut character")
}

// countLettersByRunes is the reference walk for Letters: every rune of
// text, Han by unicode.Han, Traditional-only by zhconv.Fold, Latin
// letters below U+0250.
func countLettersByRunes(text string) (l Letters) {
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			l.Han++
			if zhconv.Fold(r) != r {
				l.Trad++
			}
		case r < 0x250 && unicode.IsLetter(r):
			l.Latin++
		}
	}
	return l
}

// The letters the normalizer counts on its way are the reference walk's,
// whatever path each character takes: random text of every kind the
// other tests use, every rune of the punctuation blocks, and every common
// Han character; punctHan is exactly unicode.Han over the punctuation
// blocks.
func TestNormalizeCountsLettersAsTheRuneWalk(t *testing.T) {
	pieces := []string{"a", "Z", "k", "1", " ", "  ", "\n", "\r\n", "\t", "\u3000", "\u00a0", "\u2009",
		"研究", "发现", "逆轉", "衰老", "發現", "嘅", "冇", "咗", "萬", "隻", "名", "々", "〇", "〡", "〸",
		"，", "。", "“", "”", "《", "》", "！", "１２", "ＮＭＮ", "…", "℃", "％", "～", "Anti-Aging", "THE mice",
		"\u0301", "e\u0301", "，\u0301", "研\u0301", "\u0308", "ﬁ", "ｶ", "ﾞ", "ｶﾞ", "\u1100", "\u1161", "\u11a8", "가",
		"é", "Å", "ß", "İ", "ɐ", "ʀ", "😀", "\xff", "\xe4\xb8", "\xe4", "\xbf", "\u4dff", "㐀", "\ua000", "\U00020000", "豈"}
	check := func(text string) {
		var got Letters
		NormalizeCount(text, &got)
		var a Arena
		var in Letters
		NormalizeCountIn(text, &a, &in)
		if want := countLettersByRunes(text); got != want || in != want {
			t.Fatalf("%q: counted %+v and %+v, the rune walk %+v", text, got, in, want)
		}
	}
	rng := rand.New(rand.NewSource(15))
	for round := 0; round < 30000; round++ {
		var sb strings.Builder
		for n := rng.Intn(16); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(sb.String())
	}
	for _, block := range [][2]rune{{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}} {
		for r := block[0]; r <= block[1]; r++ {
			require.Equal(t, unicode.Is(unicode.Han, r), punctHan(r), "%U", r)
			check("研" + string(r) + "究")
			check("a" + string(r))
		}
	}
	var sb strings.Builder
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		sb.WriteRune(r)
	}
	check(sb.String())
}

// refStableHanRun is stableHanRun a rune at a time by the general
// decoder: the reference its two-at-a-time word path is tested against.
func refStableHanRun(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size != 3 || !isCommonHan(r) || changedHan(r) {
			break
		}
		i += size
	}
	return i
}

// stableHanRun steps over two characters a word as the reference does
// one at a time: every three-byte sequence with lead byte E0–EF, after
// and before a stable character, within eight bytes of the end and not,
// and random rows of stable, folded, Cantonese, punctuation, ASCII, cut
// and invalid characters from every offset.
func TestStableHanRunWordsAsRunes(t *testing.T) {
	hanOnce.Do(markChangedHan)
	check := func(s string, i int) {
		n := normalizer{src: s}
		if got, want := n.stableHanRun(i), refStableHanRun(s, i); got != want {
			t.Fatalf("stableHanRun(%q, %d) = %d, the rune walk %d", s, i, got, want)
		}
	}
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0x40; c1 < 0x100; c1++ {
			for c2 := 0x40; c2 < 0x100; c2 += 3 {
				c := string([]byte{byte(c0), byte(c1), byte(c2)})
				for _, s := range []string{"研" + c + "研究", c + "研究", "研究" + c, "研" + c, c + "研究发现", "研究发现" + c + "研"} {
					check(s, 0)
				}
			}
		}
	}
	pieces := []string{"研", "究", "发现", "發", "現", "嘅", "冇", "，", "。", "“", "a", " ", "1",
		"\xe4\xb8", "\xe4", "\xbf", "\xff", "\u4dff", "\ua000", "\xe0\x80\x80", "\xed\xa0\x80", "é", "😀"}
	rng := rand.New(rand.NewSource(17))
	for round := 0; round < 20000; round++ {
		var sb strings.Builder
		for k := rng.Intn(12); k > 0; k-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := sb.String()
		for i := 0; i <= len(s); i++ {
			check(s, i)
		}
	}
}

// The table punctSegment reads holds, for every rune of the punctuation
// blocks, its single-rune form and what the rune tests say of it; and
// each of them, before and between Han characters, after ASCII, last, and
// before a combining mark, normalizes as the reference normalizer does it
// (text, map, and the quotation and title marks noted).
func TestPunctFormsMatchTheirDefinitions(t *testing.T) {
	hanOnce.Do(markChangedHan)
	for _, block := range [][2]rune{{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}} {
		for r := block[0]; r <= block[1]; r++ {
			f := punctForms[punctIndex(r)]
			require.Equal(t, singleRune(r), f.out, "%U", r)
			k := punctIndex(r)
			require.Equal(t, punctStarts[k/64]&(1<<(k%64)) != 0 && !unicode.IsSpace(r), f.flags&punctTaken != 0, "%U", r)
			require.Equal(t, f.out == string(r), f.flags&punctSame != 0, "%U", r)
			require.Equal(t, opensQuote(r), f.flags&punctQuote != 0, "%U", r)
			require.Equal(t, r == '《', f.flags&punctTitle != 0, "%U", r)
			require.Equal(t, punctHan(r), f.flags&punctIsHan != 0, "%U", r)
			c := string(r)
			for _, text := range []string{"研" + c + "究", c + "研", "a" + c, c, c + c + "究", c + "\u0301", "研" + c + " " + c} {
				got, want := Normalize(text), refNormalize(text)
				require.Equal(t, want.Text, got.Text, "%q", text)
				require.Equal(t, want.Map, got.Map, "%q", text)
				// Only a mark written makes these true, and every one does.
				require.Equal(t, strings.ContainsAny(got.Text, quoteMarks), got.MayQuote, "%q", text)
				require.Equal(t, strings.Contains(got.Text, "《"), got.MayTitle, "%q", text)
			}
		}
	}
}

// hanFoldOf gives, for every common Han character that changes, its fold
// as three bytes, or 0 exactly for written Cantonese and a fold to
// another length, once its table is built; and every changed character,
// in every context of stable, changed and Cantonese characters, cut
// characters and what ends a run, normalizes as the reference normalizer
// does it (text, map and letters), before the table is built (unless
// another test built it) and after.
func TestHanFoldsMatchTheFoldTable(t *testing.T) {
	hanOnce.Do(markChangedHan)
	var changed []string
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if changedHan(r) {
			changed = append(changed, string(r))
		}
	}
	check := func(text string) {
		var l Letters
		got, want := NormalizeCount(text, &l), refNormalize(text)
		require.Equal(t, want.Text, got.Text, "%q", text)
		require.Equal(t, want.Map, got.Map, "%q", text)
		require.Equal(t, countLettersByRunes(text), l, "%q", text)
	}
	contexts := func() {
		for _, c := range changed {
			for _, text := range []string{c, "研" + c, c + "究", "研究" + c + "发现", c + c, c + "，", "a" + c + "b", c + "\u0301", c + "\xe4\xb8"} {
				check(text)
			}
		}
	}
	t.Logf("table built before the test: %v", hanFoldsBuilt.Load())
	contexts() // asks for more folds than the budget: builds the table midway
	require.True(t, hanFoldsBuilt.Load(), "the table is built after %d folds", hanFoldsBudget)
	require.Len(t, hanFolds, len(changed))
	for _, c := range changed {
		r := []rune(c)[0]
		f := hanFoldOf(r)
		_, canto := cantonese[r]
		fold := string(zhconv.Fold(r))
		if canto || len(fold) != 3 {
			require.Zero(t, f, "%c", r)
			continue
		}
		require.Equal(t, fold, string([]byte{byte(f), byte(f >> 8), byte(f >> 16)}), "%c", r)
	}
	contexts()
	pieces := []string{"研", "究", "发现", "發", "現", "衛", "臺", "嘅", "冇", "咗", "萬", "隻", "，", "。", "a", "Z", " ", "\n",
		"\xe4\xb8", "\xe4", "\xbf", "\u4dff", "\ua000", "\u0301", "ＮＭＮ"}
	rng := rand.New(rand.NewSource(23))
	for range 20000 {
		var sb strings.Builder
		for k := rng.Intn(16); k > 0; k-- {
			if rng.Intn(3) == 0 {
				sb.WriteString(changed[rng.Intn(len(changed))])
				continue
			}
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(sb.String())
	}
}
