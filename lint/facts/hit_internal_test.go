package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// quotationByRunes is quotation as a rune-by-rune walk: the reference the
// byte-skipping walk must agree with.
func quotationByRunes(text string, h lexicon.Hit) (open, after int) {
	open = -1
	for i := h.Start; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		if closesQuote(r) && r != '"' {
			return -1, -1
		}
		if opensQuote(r) {
			open = i
			break
		}
	}
	if open < 0 {
		return -1, -1
	}
	for i := h.End; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if closesQuote(r) {
			return open, i + size
		}
		i += size
	}
	return -1, -1
}

func TestQuotationMatchesRuneWalk(t *testing.T) {
	pieces := []string{"“", "”", "「", "」", "『", "』", "‘", "’", "\"", "神药", "cure", " ", "—", "…", "\xe2", "\x80", "\x9c", "\xe2\x80", "\xf0\x9f"}
	rng := rand.New(rand.NewPCG(9, 10))
	quoted := 0
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		start := rng.IntN(len(text) + 1)
		h := lexicon.Hit{Start: start, End: start + rng.IntN(len(text)-start+1)}
		o1, a1 := quotation(text, h)
		o2, a2 := quotationByRunes(text, h)
		if o1 != o2 || a1 != a2 {
			t.Fatalf("quotation(%q, %d..%d) = %d, %d; want %d, %d", text, h.Start, h.End, o1, a1, o2, a2)
		}
		if o1 >= 0 {
			quoted++
		}
	}
	if quoted == 0 {
		t.Fatal("no random hit was quoted: the test checks nothing")
	}
}
