package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// staleToken has every field of a token set, as a token left from the
// number before would.
var staleToken = token{start: -1, end: -1, val: -1, digits: -1, script: 'x', plain: true, seq: true, mult: true,
	approx: true, vague: true, isRange: true, forced: Money, hasForced: true, unscaled: 5}

// cjkNumberInto, filling a stale token in place, reads what cjkNumber
// reads into a new one, at every position of random numeral texts (cut
// and malformed runes among them); it must leave nothing of the stale
// token where it reports a number.
func TestCjkNumberIntoFillsTheWholeToken(t *testing.T) {
	pieces := []string{"一", "二", "两", "三", "十", "百", "千", "万", "亿", "零", "〇", "几", "数", "多", "余",
		"千克", "年", "人", "\xe4", "\xe4\xb8", "1", " "}
	rng := rand.New(rand.NewPCG(181, 182))
	read := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		for i := range len(text) {
			want, wok := cjkNumber(text, i)
			got := staleToken
			if ok := cjkNumberInto(text, i, &got); ok != wok || ok && got != want {
				t.Fatalf("cjkNumberInto(%q, %d) = %+v, %v; want %+v, %v", text, i, got, ok, want, wok)
			}
			if wok {
				read++
			}
		}
	}
	if read == 0 {
		t.Fatal("no numeral read")
	}
}

// fromCJK asks cjkLead only at 成, 数 and 上: at any other rune of the
// Chinese block, before any of the words it reads, it reads nothing.
func TestCjkLeadReadsOnlyAfterItsThreeRunes(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		switch r {
		case '成', '数', '上':
			continue
		}
		for _, rest := range []string{"千上万", "以万计", "百人", "以十计"} {
			if _, ok := cjkLead(string(r)+rest, 0, r); ok {
				t.Fatalf("cjkLead reads from %q", string(r)+rest)
			}
		}
	}
	for _, text := range []string{"成千上万", "数以万计", "上百"} {
		r := []rune(text)[0]
		if _, ok := cjkLead(text, 0, r); !ok {
			t.Fatalf("cjkLead does not read %q", text)
		}
	}
}
