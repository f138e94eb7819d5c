package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// insideTitleOld is dropInsideTitles' test before titleMarks: the last 《
// before the span, no 》 between it and the span, and a 》 after it.
func insideTitleOld(text string, start, end int) bool {
	open := strings.LastIndex(text[:start], "《")
	return open >= 0 && !strings.Contains(text[open:start], "》") && strings.Contains(text[end:], "》")
}

// titleMarks.inside answers as the searches from each span did, on random
// texts of title marks, their bytes cut short, other marks sharing their
// lead bytes and plain text, for every span of each text.
func TestTitleMarksInsideIsSearch(t *testing.T) {
	pieces := []string{"《", "》", "《", "》", "〈", "〉", "。", "\xe3\x80", "\xe3", "\x8a", "\x8b", "研", "a", " "}
	rng := rand.New(rand.NewPCG(7, 12))
	insides := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		m := titleMarksOf(text)
		for start := 0; start <= len(text); start++ {
			for end := start; end <= len(text); end++ {
				want := insideTitleOld(text, start, end)
				if got := m.inside(start, end); got != want {
					t.Fatalf("%q [%d,%d): inside %v, search %v", text, start, end, got, want)
				}
				if want {
					insides++
				}
			}
		}
	}
	if insides == 0 {
		t.Fatal("no span inside a title: the test tests nothing")
	}
}
