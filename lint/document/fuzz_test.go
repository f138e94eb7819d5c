package document

import (
	"testing"
	"unicode/utf8"
)

// FuzzParseText checks that any input either fails cleanly or yields blocks
// and sentences whose spans lie inside the source, in order, on rune
// boundaries, and map back to the block's text.
func FuzzParseText(f *testing.F) {
	for _, seed := range []string{
		"标题\n\n正文第一句。第二句！\n- 列表\n| a | b |\n# 标题\n",
		"\ufeffTitle\r\n\r\nDr. Smith et al. found p<0.05 vs. placebo. Next.\n",
		"一行\n两行\n三行。\n\n\n\n",
		"> quote\n1. item\n\u3000\u3000全角缩进。",
		"\xff\xfe",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ParseText("fuzz.txt", src)
		if err != nil {
			if utf8.Valid(src) && !containsNUL(src) {
				t.Fatalf("valid UTF-8 rejected: %v", err)
			}
			return
		}
		prev := 0
		for _, b := range d.Blocks {
			whole := b.SourceSpan(Span{0, len(b.Text)})
			if whole.Start < prev || whole.End > len(src) || whole.Start > whole.End {
				t.Fatalf("block span %v out of order or bounds (prev %d, len %d)", whole, prev, len(src))
			}
			if string(src[whole.Start:whole.End]) != b.Text {
				t.Fatalf("block text %q is not its source %q", b.Text, src[whole.Start:whole.End])
			}
			prev = whole.End
			last := 0
			for _, s := range b.Sentences {
				if s.Start < last || s.End > len(b.Text) || s.Start >= s.End {
					t.Fatalf("sentence span %v bad in block %q", s, b.Text)
				}
				if !utf8.ValidString(b.Text[s.Start:s.End]) {
					t.Fatalf("sentence %v splits a rune in %q", s, b.Text)
				}
				last = s.End
			}
		}
		for off := 0; off <= len(src); off++ {
			p := d.Position(off)
			if p.Line < 1 || p.Column < 1 {
				t.Fatalf("position %v for offset %d", p, off)
			}
		}
	})
}

func containsNUL(b []byte) bool {
	for _, c := range b {
		if c == 0 {
			return true
		}
	}
	return false
}
