package report

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// plainCell must agree with uniseg for every character it handles: alone,
// before and after another plain character, and not claim a character that
// a following combining mark or variation selector joins.
func TestPlainCellAgreesWithUniseg(t *testing.T) {
	partners := []string{"a", " ", "中", "。", "！"}
	for r := rune(0); r <= 0xFFFF; r++ {
		w := plainWidth(r)
		if w == 0 {
			continue
		}
		for _, p := range partners {
			s := string(r) + p
			cluster, _, uw, _ := uniseg.FirstGraphemeClusterInString(s, -1)
			if cluster != string(r) || uw != w {
				t.Fatalf("U+%04X before %q: uniseg gives %q width %d, plainWidth %d", r, p, cluster, uw, w)
			}
			if n, pw := plainCell([]byte(s)); n != len(string(r)) || pw != w {
				t.Fatalf("U+%04X before %q: plainCell gives %d bytes width %d", r, p, n, pw)
			}
			s = p + string(r)
			if cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1); cluster != p {
				t.Fatalf("U+%04X after %q: uniseg joins them into %q", r, p, cluster)
			}
		}
	}
	for _, s := range []string{"e\u0301", "中\u20dd", "a\ufe0f", "\u200d", "\t", "\x1b", "😀"} {
		if n, _ := plainCell([]byte(s)); n != 0 {
			t.Errorf("plainCell(%q) = %d bytes, want the uniseg path", s, n)
		}
	}
}

// eachCell gives the same clusters and widths with the fast path as
// uniseg alone on mixed text.
func TestCellsMatchesUnisegOnMixedText(t *testing.T) {
	text := "Coffee 咖啡（每天3杯）e\u0301 👩\u200d🔬 研究。\tend\x1b[31m"
	type got struct {
		text  string
		width int
	}
	var want []got
	s, state := text, -1
	for s != "" {
		var c string
		var w int
		c, s, w, state = uniseg.FirstGraphemeClusterInString(s, state)
		switch {
		case c == "\t":
			w = tabWidth
		case needsEscape(c):
			c = TerminalSafe(c)
			w = len(c)
		}
		want = append(want, got{c, w})
	}
	src := []byte(text)
	var have []got
	eachCell(src, 0, func(c cell) {
		var b strings.Builder
		c.write(&b, src)
		have = append(have, got{b.String(), int(c.width)})
	})
	if len(have) != len(want) {
		t.Fatalf("eachCell: %d cells, uniseg %d", len(have), len(want))
	}
	for i := range have {
		if have[i] != want[i] {
			t.Errorf("cell %d: %+v, uniseg %+v", i, have[i], want[i])
		}
	}
}
