package document

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// Stepping over ASCII and Han undecoded splits exactly as decoding every
// rune did: the splitter as it was (below) against Sentences on random
// text full of terminators, titles, table bars, invalid and cut UTF-8, and
// on every corpus article.
func TestSentencesMatchesDecodingEveryRune(t *testing.T) {
	pieces := []string{"研究", "发现", "。", "！", "？", "；", "…", "｡", "《", "》", "\n", "|", ".", "!", "?", ";",
		" ", "Dr", "U.S", "J", "e.g", "0", "5", "a", "The", "”", "」", "）", "\"", "'", "\xe4\xb8", "\xff", "\xe9\xbf\xbf",
		"\u4dff", "\u3000", "é", "😀", "\ufe12", "．"}
	rng := rand.New(rand.NewSource(6))
	for round := 0; round < 20000; round++ {
		text := randomText(rng, pieces, rng.Intn(30))
		for _, kind := range []Kind{Paragraph, TableRow} {
			require.Equal(t, referenceSentences(text, kind), Sentences(text, kind), "%q", text)
		}
	}
	articles, _ := filepath.Glob("../../corpus/*/*")
	require.NotEmpty(t, articles)
	for _, a := range articles {
		data, err := os.ReadFile(a)
		require.NoError(t, err)
		require.Equal(t, referenceSentences(string(data), Paragraph), Sentences(string(data), Paragraph), a)
	}
}

// referenceSentences is Sentences as it was before it stepped over runes
// undecoded.
func referenceSentences(text string, kind Kind) []Span {
	var out []Span
	start := 0
	add := func(end int) {
		if s, ok := trimSpan(text, start, end); ok {
			out = append(out, s)
		}
		start = end
	}
	inTitle := false // inside 《…》: a headline quoted by its title marks is one sentence of the text
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		next := i + n
		switch r {
		case '《':
			inTitle = titleCloses(text[next:])
		case '》', '\n':
			inTitle = false
		}
		switch {
		case kind == TableRow && r == '|':
			add(i)
			start = next
		case inTitle && r != '\n':
			// 一篇题为《吃它一个月，年轻20岁！哈佛都在研究的神药》的文章: the ！ is the title's
		case isTerminator(r):
			add(closeRun(text, next))
			next = start
		case r == '.' && fullStop(text, i):
			add(closeRun(text, next))
			next = start
		}
		i = next
	}
	add(len(text))
	return out
}

// FuzzSentencesMatchDecodingEveryRune: any bytes split as the reference
// splitter splits them.
func FuzzSentencesMatchDecodingEveryRune(f *testing.F) {
	for _, s := range []string{"研究发现。小鼠！", "Dr. Smith said so. Then|x", "《吃它，年轻20岁！》的文章", "\xe4\xb8。\xff."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, kind := range []Kind{Paragraph, TableRow} {
			if got, want := Sentences(text, kind), referenceSentences(text, kind); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: %v, reference %v", text, got, want)
			}
		}
	})
}

// sentenceStop holds exactly the ASCII marks and the lead bytes of the
// wide marks; and the splitter, stepping from one such byte to the next
// eight bytes a test, splits as the reference does long runs of ASCII,
// Han and stray bytes with a mark at every offset of a word, from every
// start (so that a stop also meets the end of the text at every offset).
func TestSentenceStopsMatchReference(t *testing.T) {
	for c := 0; c < 256; c++ {
		stop := c < utf8.RuneSelf && strings.ContainsRune("!?;.\n|", rune(c))
		for _, m := range []rune{'《', '》', '。', '！', '？', '；', '…', '｡'} {
			stop = stop || string(m)[0] == byte(c)
		}
		require.Equal(t, stop, sentenceStop[c] == 1, "%#x", c)
		for k := range stopAt {
			require.Equal(t, stop, stopAt[k][c] == 1<<k, "%#x at %d", c, k)
			require.Equal(t, stop, stopAt[k][c] != 0, "%#x at %d", c, k)
		}
	}
	pieces := []string{"研究", "发现", "abcdefgh", "the quick brown fox", " ", "0.5", "!", "?", ";", ".", "\n", "|",
		"，", "。", "“", "…", "《", "》", "！", "\xe2", "\xe3\x80", "\xef", "\x80", "\xff", "é", "😀", "a", "Dr"}
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 5000; round++ {
		text := randomText(rng, pieces, rng.Intn(30))
		for i := 0; i <= len(text); i++ {
			for _, kind := range []Kind{Paragraph, TableRow} {
				require.Equal(t, referenceSentences(text[i:], kind), Sentences(text[i:], kind), "%q", text[i:])
			}
		}
	}
}

// One mark (or a wide character that is none) at every offset of runs of
// ASCII, Han and mixed text up to 80 bytes long, cut at every length: the
// steps of four words, one word and one byte all meet it.
func TestSentenceStopAtEveryOffsetMatchesReference(t *testing.T) {
	fills := []string{"abcdefghijklmnopqrstuvwxyz0123456789 ", "研究发现小鼠实验结果显示", "ab研究c发d现", "\xe4\xb8\x80\xff"}
	marks := []string{"。", "！", "，", "“", "、", ".", "!", "\n", "|", "《", "…", "\xe3\x80", "\xef"}
	for _, fill := range fills {
		run := strings.Repeat(fill, 80/len(fill)+1)[:80]
		for at := 0; at <= len(run); at++ {
			for _, m := range marks {
				text := run[:at] + m + run[at:]
				for _, n := range []int{len(text), len(text) - 1, len(text) - 3, at + len(m), at + len(m) + 8} {
					if n < 0 || n > len(text) {
						continue
					}
					for _, kind := range []Kind{Paragraph, TableRow} {
						require.Equal(t, referenceSentences(text[:n], kind), Sentences(text[:n], kind), "%q", text[:n])
					}
				}
			}
		}
	}
}

// Long runs of plain ASCII (stepped over a word at a time) split as the
// reference splits them, with marks at every offset of a word.
func TestSentencesLongASCIIRunsMatchReference(t *testing.T) {
	pieces := []string{"the quick brown fox jumps over", "abcdefghijklmnopq", "Dr", ". ", ".", "!", "?", ";", "\n", "|",
		"研究", "。", "”", "é", "\xff", "a", "ab", "abc", "Smith et al", "0.05", " "}
	rng := rand.New(rand.NewSource(8))
	for round := 0; round < 20000; round++ {
		text := randomText(rng, pieces, rng.Intn(20))
		for _, kind := range []Kind{Paragraph, TableRow} {
			require.Equal(t, referenceSentences(text, kind), Sentences(text, kind), "%q", text)
		}
	}
}

// lastWord, stepping back over ASCII undecoded, returns what decoding
// every rune returned: every ASCII byte and random words of letters,
// dots, Han, accented and ill-formed bytes.
func TestLastWordMatchesDecoding(t *testing.T) {
	decoding := func(s string) string {
		j := len(s)
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			if !unicode.IsLetter(r) && r != '.' || r >= 0x2E80 {
				break
			}
			j -= n
		}
		return s[j:]
	}
	for c := 0; c < 256; c++ {
		for _, s := range []string{string([]byte{byte(c)}), "ab" + string([]byte{byte(c)}) + "cd", string([]byte{byte(c)}) + "x.y"} {
			require.Equal(t, decoding(s), lastWord(s), "%q", s)
		}
	}
	pieces := []string{"a", "Z", "e.g", ".", " ", "0", "é", "Ä", "研", "\u2e80", "\u2e7f", "\xff", "\xc3", "K", "_", "@", "[", "`", "{"}
	rng := rand.New(rand.NewSource(13))
	for round := 0; round < 50000; round++ {
		s := randomText(rng, pieces, rng.Intn(8))
		require.Equal(t, decoding(s), lastWord(s), "%q", s)
	}
}

// closeRun, passing a Han character undecoded, ends where decoding every
// rune does: random runs of terminators, closers, Han (and the lead bytes
// E4 to E9 cut or ill-formed), ASCII and other marks.
func TestCloseRunMatchesDecoding(t *testing.T) {
	reference := func(text string, i int) int {
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isTerminator(r) && r != '.' && !sentenceCloser(r) {
				break
			}
			i += n
		}
		return i
	}
	pieces := []string{"。", "！", "？", "；", "…", "｡", ".", "!", "?", ";", "”", "’", "」", "』", "）", ")", "]", "\"", "'",
		"研", "\u4e00", "\u9fff", "\xe4", "\xe9\xbf", "\xe4\x80\x80", "\xe9", "a", " ", "，", "“", "\xff", "😀"}
	rng := rand.New(rand.NewSource(46))
	for round := 0; round < 100000; round++ {
		text := randomText(rng, pieces, rng.Intn(8))
		i := rng.Intn(len(text) + 1)
		require.Equal(t, reference(text, i), closeRun(text, i), "%q from %d", text, i)
	}
}
