package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	pieces := []string{"“", "”", "「", "」", "『", "』", "‘", "’", "\"", "神药", "cure", " ", "—", "…", "\xe2", "\x80", "\x9c", "\xe2\x80", "\xf0\x9f",
		"、", "。", "〃", "偌", "蚝", "\xe3", "\xe3\x80", "\x8c", "\x98", "\xe2\x81\x9c", "\xe4\x80\x9c", "\xf0\xe2\x80\x9c"}
	rng := rand.New(rand.NewPCG(9, 10))
	quoted := 0
	for range 100000 {
		text := randomText(rng, pieces, 9)
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

// labelsClaimsByPrefix is labelsClaims without the checks of the first
// byte and the first three: the reference those checks are held to.
func labelsClaimsByPrefix(text string) bool {
	for {
		switch {
		case strings.HasPrefix(text, "、"):
			text = text[len("、"):]
			continue
		case strings.HasPrefix(text, "“") || strings.HasPrefix(text, "「"):
			end := strings.IndexAny(text, "”」")
			if end < 0 {
				return false
			}
			_, size := utf8.DecodeRuneInString(text[end:])
			text = text[end+size:]
			continue
		}
		break
	}
	for _, l := range claimLabels {
		if strings.HasPrefix(text, l) {
			return true
		}
	}
	return false
}

func TestLabelsClaimsFirstByteCheck(t *testing.T) {
	// 百 and 上 share their first bytes with 的 and 一; cut characters
	// leave fewer than three bytes.
	pieces := append([]string{"、", "“", "”", "「", "」", "的", "之", "等", "这", "说法", "神", "药", "a", " ", "，", "。", "’",
		"百", "上", "\xe7\x9a", "\xe4"}, claimLabels...)
	rng := rand.New(rand.NewPCG(3, 9))
	labelled := 0
	for range 20000 {
		text := randomText(rng, pieces, 6)
		want := labelsClaimsByPrefix(text)
		require.Equal(t, want, labelsClaims(text), "%q", text)
		if want {
			labelled++
		}
	}
	assert.Greater(t, labelled, 1000, "the random texts include labels")
}

// quotationIn over the marks appendQuoteMarks finds answers as quotation's
// walk, for every hit span of random texts (marks, their cut and
// misplaced bytes, Chinese punctuation that shares their first bytes,
// long enough for the eight-byte search) and of the corpus lines.
func TestQuotationInMatchesWalk(t *testing.T) {
	pieces := []string{"“", "”", "「", "」", "『", "』", "‘", "’", "\"", "神药", "cure", " ", "—", "…", "\xe2", "\x80", "\x9c", "\xe2\x80", "\xf0\x9f",
		"、", "。", "〃", "〜", "\u200c", "偌", "蚝", "\xe3", "\xe3\x80", "\x8c", "\x98", "\xe2\x81\x9c", "\xe4\x80\x9c", "\xf0\xe2\x80\x9c", "\xe2\x80\x22", "abcdefgh"}
	rng := rand.New(rand.NewPCG(11, 12))
	texts := corpusLines(t)
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	quoted, spans := 0, 0
	for _, text := range texts {
		marks := appendQuoteMarks(nil, text)
		step := 1 + len(text)/200 // every span of short texts, a sample of long ones
		for start := 0; start <= len(text); start += step {
			for end := start; end <= len(text); end += step {
				h := lexicon.Hit{Start: start, End: end}
				o1, a1 := quotationIn(marks, h)
				o2, a2 := quotation(text, h)
				if o1 != o2 || a1 != a2 {
					t.Fatalf("quotationIn(%q, %d..%d) = %d, %d; quotation gives %d, %d", text, start, end, o1, a1, o2, a2)
				}
				spans++
				if o1 >= 0 {
					quoted++
				}
			}
		}
	}
	require.Greater(t, quoted, spans/100, "quoted spans are among those checked")
}

// indexQuoteLead finds the first " or E2 or E3 byte as a byte loop does,
// from every offset of texts with such bytes among others of every value.
func TestIndexQuoteLeadMatchesBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	found := 0
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(8) == 0 {
				b[i] = "\"\xe2\xe3\xe1\xe0\x22\x23\x21"[rng.IntN(8)]
			} else {
				b[i] = byte(rng.IntN(256))
			}
		}
		s := string(b)
		want := -1
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '"' || c == 0xE2 || c == 0xE3 {
				want = i
				break
			}
		}
		if got := indexQuoteLead(s); got != want {
			t.Fatalf("indexQuoteLead(%q) = %d, want %d", s, got, want)
		}
		if want >= 0 {
			found++
		}
	}
	require.Greater(t, found, 10000)
}

// The tables labelsClaims reads hold every label and opener: each
// label's lead in its slot, the label among those of its slot, and its
// sixth byte in labelSecond (every label is at least two runes long).
func TestLabelTablesHoldEveryLabel(t *testing.T) {
	for _, l := range labelOpeners() {
		require.Equal(t, lead3(l), labelLeads[l[2]&0x3F], "%q", l)
	}
	for _, l := range claimLabels {
		require.GreaterOrEqual(t, len(l), 6, "%q", l)
		assert.Contains(t, labelsByLead[l[2]&0x3F], l)
		assert.NotZero(t, labelSecond&(1<<(l[5]&0x3F)), "%q", l)
		assert.True(t, labelsClaims(l+"x"), "%q", l)
	}
}
