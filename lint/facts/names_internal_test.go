package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFieldEdgesMatchFields checks lastField and firstField against
// strings.Fields on random text with Unicode spaces and broken UTF-8.
func TestFieldEdgesMatchFields(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u3000", "\u2003", "Fountain", "of", "Youth,", "神药", "a",
		"\xe2", "\x80", "\xc2", "\xff", "é"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		s := randomText(rng, pieces, 7)
		fields := strings.Fields(s)
		n, last := lastField(s)
		wantLast := ""
		if len(fields) > 0 {
			wantLast = fields[len(fields)-1]
		}
		if n != min(len(fields), 2) || last != wantLast {
			t.Fatalf("lastField(%q) = %d, %q; want %d, %q", s, n, last, min(len(fields), 2), wantLast)
		}
		wantFirst := ""
		if len(fields) > 0 {
			wantFirst = fields[0]
		}
		if first := firstField(s); first != wantFirst {
			t.Fatalf("firstField(%q) = %q; want %q", s, first, wantFirst)
		}
	}
}

func TestHasUpperLatinMatchesByteLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for range 100000 {
		b := make([]byte, rng.IntN(20))
		for k := range b {
			switch rng.IntN(3) {
			case 0:
				b[k] = byte(rng.IntN(256))
			case 1:
				b[k] = byte(0x3F + rng.IntN(0x20)) // around the capitals
			default:
				b[k] = byte(0xBF + rng.IntN(0x20)) // the same with the high bit set
			}
		}
		want := false
		for _, c := range b {
			want = want || 'A' <= c && c <= 'Z'
		}
		if got := hasUpperLatin(string(b)); got != want {
			t.Fatalf("hasUpperLatin(%q) = %v, want %v", b, got, want)
		}
	}
}

// inNameByFields is inName as first written, with strings.Fields: the
// reference.
func inNameByFields(src string, start, end int) bool {
	words := strings.Fields(src[start:end])
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !capitalised(w) && !smallWords[strings.ToLower(w)] {
			return false
		}
	}
	if !capitalised(words[0]) {
		return false
	}
	before := strings.Fields(src[:start])
	after := strings.Fields(src[end:])
	if len(before) == 0 && len(words) == 1 {
		return false
	}
	prevName := len(before) > 1 && capitalised(before[len(before)-1]) && !strings.HasSuffix(before[len(before)-1], ",")
	nextName := len(after) > 0 && capitalised(after[0]) && !acronym(after[0])
	return prevName || nextName
}

func TestInNameMatchesFields(t *testing.T) {
	pieces := []string{" ", "  ", "\u00a0", "Fountain", "of", "Youth", "Park,", "park", "IV", "NMN", "“Fight", "for", "Sight”", "神药", "\xff", "\x80", "\u2003", "É", "the",
		"(Fountain", "'Youth", "‘Park", "\"Sight", "(of", "\t", "\u3000", "\u0085", "é", "2020", "-", "Ω",
		"研究发现", "NMN", "可以", "。", "，", "“", "\u2003Park"}
	rng := rand.New(rand.NewPCG(19, 20))
	names := 0
	for range 50000 {
		src := randomText(rng, pieces, 8)
		start := rng.IntN(len(src) + 1)
		end := start + rng.IntN(len(src)-start+1)
		want := inNameByFields(src, start, end)
		if want {
			names++
		}
		if got := inName(src, start, end); got != want {
			t.Fatalf("inName(%q, %d, %d) = %v, want %v", src, start, end, got, want)
		}
	}
	if names == 0 {
		t.Fatal("no random span was a name: the test checks nothing")
	}
}

// TestHasSpaceMatchesDecoding checks hasSpace against decoding with
// unicode.IsSpace on random texts of white space, its look-alikes (the
// same lead bytes: “, 。, U+200B, U+2060) and cut or broken bytes.
func TestHasSpaceMatchesDecoding(t *testing.T) {
	pieces := []string{" ", "\t", "\r", "\x1f", "!", "\u0085", "\u00a0", "\u00a1", "\u0084", "\u1680", "\u1681", "\u2000", "\u200a",
		"\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u2060", "\u3000", "\u3001", "。", "“", "神", "é", "a",
		"\xc2", "\xe1\x9a", "\xe2\x80", "\xe3\x80", "\xe3", "\x80", "\xff"}
	rng := rand.New(rand.NewPCG(23, 24))
	spaced := 0
	for range 100000 {
		s := randomText(rng, pieces, 6)
		want := strings.ContainsFunc(s, unicode.IsSpace)
		if want {
			spaced++
		}
		if got := hasSpace(s); got != want {
			t.Fatalf("hasSpace(%q) = %v, want %v", s, got, want)
		}
	}
	if spaced == 0 {
		t.Fatal("no random text had white space: the test checks nothing")
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if s := string(r); hasSpace(s) != unicode.IsSpace(r) {
			t.Fatalf("hasSpace(%q) = %v for U+%04X", s, hasSpace(s), r)
		}
	}
}

// capitalisedByTrim is capitalised without its fast paths: the reference.
func capitalisedByTrim(w string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'“‘("))
	return unicode.IsUpper(r)
}

// TestCapitalisedMatchesTrim checks capitalised against its reference on
// every rune alone and after each mark, and on random texts with cut and
// broken bytes.
func TestCapitalisedMatchesTrim(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r += 1 + rune(r>>16) { // all of the BMP, every few beyond
		for _, pre := range []string{"", "\"", "“", "(‘"} {
			if w := pre + string(r); capitalised(w) != capitalisedByTrim(w) {
				t.Fatalf("capitalised(%q) = %v", w, capitalised(w))
			}
		}
	}
	pieces := []string{"A", "a", "Z", "神", "É", "é", "Ω", "“", "‘", "\"", "'", "(", "\xe4", "\xe3\x80", "\xe9\xbf", "\xff", "\x80", "Ａ", "1", " "}
	rng := rand.New(rand.NewPCG(29, 30))
	upper := 0
	for range 50000 {
		w := randomText(rng, pieces, 4)
		want := capitalisedByTrim(w)
		if want {
			upper++
		}
		if got := capitalised(w); got != want {
			t.Fatalf("capitalised(%q) = %v, want %v", w, got, want)
		}
	}
	if upper == 0 {
		t.Fatal("no random word was capitalised: the test checks nothing")
	}
}
