package document

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// randomText joins n random pieces.
func randomText(rng *rand.Rand, pieces []string, n int) string {
	var sb strings.Builder
	for ; n > 0; n-- {
		sb.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return sb.String()
}

// splitLines finds line ends with bytes.IndexByte when the text has no
// carriage return: the same lines as the byte-by-byte scan.
func TestSplitLinesMatchesByteScan(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	pieces := []string{"a", "研究", "\n", "\n\n", " ", "\t", "。"}
	for round := 0; round < 5000; round++ {
		src := []byte(randomText(rng, pieces, rng.Intn(20)))
		start := 0
		if len(src) > 0 {
			start = rng.Intn(len(src) + 1)
		}
		want := appendLinesCR(nil, src, start)
		require.Equal(t, want, splitLines(src, start), "%q from %d", src, start)
		// Appending keeps what the list held (a pooled list is emptied first).
		held := []line{{7, 8}}
		require.Equal(t, append(held, want...), appendLines(held[:1:1], src, start), "%q from %d", src, start)
	}
	// With carriage returns the scan itself is used.
	require.Equal(t, []line{{0, 1}, {3, 4}, {5, 5}}, splitLines([]byte("a\r\nb\r"), 0))
}

// referenceCheckUTF8 is checkUTF8 as it was before its whole-file fast
// check: a walk rune by rune.
func referenceCheckUTF8(path string, src []byte) (int, error) {
	start := 0
	if strings.HasPrefix(string(src), "\ufeff") {
		start = 3
	}
	for i := start; i < len(src); {
		if src[i] < utf8.RuneSelf {
			if src[i] == 0 {
				return 0, &InputError{path, i, "NUL byte: this looks like a binary file, not text"}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return 0, &InputError{path, i, fmt.Sprintf("invalid UTF-8 (byte 0x%02X); convert the file to UTF-8", src[i])}
		}
		i += size
	}
	return start, nil
}

// checkUTF8 accepts and refuses exactly what the rune-by-rune walk does,
// naming the same byte.
func TestCheckUTF8MatchesRuneWalk(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	pieces := []string{"a", "中", "\ufeff", "\x00", "\xff", "\xe4\xb8", "\xed\xa0\x80", "\xf4\x90\x80\x80", "😀", "\n"}
	for round := 0; round < 20000; round++ {
		src := []byte(randomText(rng, pieces, rng.Intn(12)))
		wantStart, wantErr := referenceCheckUTF8("f", src)
		start, err := checkUTF8("f", src, false)
		require.Equal(t, wantErr, err, "%q", src)
		require.Equal(t, wantStart, start, "%q", src)
		if utf8.Valid(src) {
			// A source the caller found valid gets the same answer
			// (a NUL byte is still refused) without the second check.
			start, err := checkUTF8("f", src, true)
			require.Equal(t, wantErr, err, "valid %q", src)
			require.Equal(t, wantStart, start, "valid %q", src)
		}
	}
}

// The Valid parsers give the documents the checking ones do.
func TestParseValidMatchesParse(t *testing.T) {
	for _, c := range []struct {
		name         string
		parse, valid func(string, []byte) (*Document, error)
		src          string
	}{
		{"a.txt", ParseText, ParseValidText, "\ufeff标题\n\n第一句。第二句！\nSecond line.\n"},
		{"a.md", ParseMarkdown, ParseValidMarkdown, "# 标题\n\n段落**重点**。\n\n- 一项\n"},
		{"a.html", ParseHTML, ParseValidHTML, "<title>标题</title><p>段落。</p>"},
		{"nul.txt", ParseText, ParseValidText, "a\x00b"},
		{"nul.md", ParseMarkdown, ParseValidMarkdown, "a\x00b"},
		{"nul.html", ParseHTML, ParseValidHTML, "<p>a\x00b</p>"},
	} {
		want, wantErr := c.parse(c.name, []byte(c.src))
		got, err := c.valid(c.name, []byte(c.src))
		require.Equal(t, wantErr, err, c.name)
		require.Equal(t, want, got, c.name)
	}
}

// referenceWrapWidth is wrapWidthOf as it was: one pass that counts every
// line's characters.
func referenceWrapWidth(lines []string) int {
	var lengths []int
	single, gaps, open := 0, 0, 0
	blanks, seen := 0, false
	for n := 0; n < wrapSample && n < len(lines); n++ {
		t := strings.TrimSpace(lines[n])
		if t == "" {
			blanks++
			continue
		}
		if seen {
			gaps++
			if blanks == 1 {
				single++
			}
		}
		seen, blanks = true, 0
		lengths = append(lengths, utf8.RuneCountInString(t))
		last, _ := utf8.DecodeLastRuneInString(t)
		if !strings.ContainsRune("。！？.!?”\"」』…", last) {
			open++
		}
	}
	if len(lengths) < 6 || single*10 < gaps*8 || open*2 < len(lengths) {
		return 0
	}
	sorted := slices.Clone(lengths)
	slices.Sort(sorted)
	median := sorted[len(sorted)/2]
	similar := 0
	for _, n := range lengths {
		if n*10 >= median*7 && n*10 <= median*13 {
			similar++
		}
	}
	if median < 15 || similar*2 < len(lengths) {
		return 0
	}
	return median
}

// wrapWidthOf in two passes gives the one-pass width, on random texts
// shaped like PDF extracts (full lines, single blank lines) and not.
func TestWrapWidthOfMatchesOnePass(t *testing.T) {
	rng := rand.New(rand.NewSource(19))
	words := []string{"研究发现", "患者", "the study ", "found ", "。", ".", "  "}
	found := 0
	for round := 0; round < 3000; round++ {
		var lines []string
		for n := rng.Intn(40); n > 0; n-- {
			switch rng.Intn(6) {
			case 0:
				lines = append(lines, "")
			case 1:
				lines = append(lines, randomText(rng, words, rng.Intn(4)))
			default:
				lines = append(lines, randomText(rng, words[:4], 5+rng.Intn(3)), "")
			}
		}
		if round%500 == 0 {
			lines = slices.Repeat([]string{"研究发现患者研究发现患者研究发现患者研究发现", ""}, wrapSample)
		}
		want := referenceWrapWidth(lines)
		if want > 0 {
			found++
		}
		require.Equal(t, want, wrapWidthOf(slices.Values(lines)), "%q", lines)
	}
	require.Greater(t, found, 10, "the random texts must reach the wrapped case")
}

// plainParser.blank answers from a line's first byte where it can, as
// isBlankLine does.
func TestPlainBlankMatchesTrimSpace(t *testing.T) {
	rng := rand.New(rand.NewSource(25))
	pieces := []string{"a", "研", "\u4e00", "\u9fff", " ", "\t", "\v", "\u3000", "\u00a0", "\u0085", "\u2028", "\x1c", "\x7f", "é", "😀"}
	for round := 0; round < 20000; round++ {
		src := []byte(randomText(rng, pieces, rng.Intn(5)))
		p := &plainParser{src: src, str: string(src)}
		require.Equal(t, isBlankLine(string(src)), p.blank(line{0, len(src)}), "%q", src)
	}
}
