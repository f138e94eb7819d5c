package document

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// linePieces are the pieces of the random lines below: indentation (the
// ideographic space whole and cut), list markers whole and in part,
// directive openings, Han, ASCII and ill-formed bytes.
var linePieces = []string{" ", "\t", "\u3000", "\xe3\x80", "\xe3", "\xe3\x80\x81", "- ", "* ", "• ", "· ", "+ ", "-", "•", "·",
	"\xe2", "\xc2", "\xe2\x80", "1", "12", "1234", ". ", ") ", "、", "<!--", "-->", "//", "#", "hypelint-disable", "研究",
	"a", "\xff", "\u00a0", "\r", "\n"}

// trimIndent trims as strings.TrimLeft(s, " \t\u3000").
func TestTrimIndentMatchesTrimLeft(t *testing.T) {
	rng := rand.New(rand.NewSource(41))
	for round := 0; round < 100000; round++ {
		s := randomText(rng, linePieces, rng.Intn(6))
		require.Equal(t, strings.TrimLeft(s, " \t\u3000"), trimIndent(s), "%q", s)
	}
}

// referenceListMarker is listMarker without its first-byte test.
func referenceListMarker(s string) int {
	for _, m := range []string{"- ", "* ", "• ", "· ", "+ "} {
		if strings.HasPrefix(s, m) {
			return len(m)
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(s) {
		return 0
	}
	switch {
	case strings.HasPrefix(s[i:], ". "), strings.HasPrefix(s[i:], ") "):
		return i + 2
	case strings.HasPrefix(s[i:], "、"):
		return i + len("、")
	}
	return 0
}

// listMarker's first-byte test turns away no marker: random lines, and
// every first byte before each marker's rest.
func TestListMarkerMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(42))
	for round := 0; round < 100000; round++ {
		s := randomText(rng, linePieces, rng.Intn(5))
		require.Equal(t, referenceListMarker(s), listMarker(s), "%q", s)
	}
	for c := 0; c < 256; c++ {
		for _, rest := range []string{"", " ", "\x80\xa2 ", "\xb7 ", ". ", ") ", "2. ", "、"} {
			s := string([]byte{byte(c)}) + rest
			require.Equal(t, referenceListMarker(s), listMarker(s), "%q", s)
		}
	}
}

// referenceComment is plainParser.comment's test without its first-byte
// shortcut: the directive's inner text, or false.
func referenceComment(text string) (string, bool) {
	t := trimSpace(text)
	var inner string
	switch {
	case strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->"):
		inner = t[4 : len(t)-3]
	case strings.HasPrefix(t, "//"):
		inner = t[2:]
	case strings.HasPrefix(t, "#"):
		inner = strings.TrimLeft(t, "#")
	default:
		return "", false
	}
	inner = trimSpace(inner)
	if !strings.HasPrefix(inner, "hypelint-") && !strings.HasPrefix(t, "<!--") {
		return "", false
	}
	return inner, true
}

// blank and comment answer as trimming every line would: random lines,
// empty ones among them.
func TestBlankAndCommentMatchTrimming(t *testing.T) {
	rng := rand.New(rand.NewSource(43))
	for round := 0; round < 20000; round++ {
		src := []byte(randomText(rng, linePieces, rng.Intn(12)))
		p := &plainParser{src: src, str: string(src), lines: splitLines(src, 0)}
		for _, l := range p.lines {
			text := string(src[l.start:l.end])
			require.Equal(t, isBlankLine(text), p.blank(l), "%q", text)
			inner, want := referenceComment(text)
			require.Equal(t, want, p.comment(l), "%q", text)
			if want {
				require.Equal(t, Comment{Span: Span{l.start, l.end}, Text: inner}, p.comments[len(p.comments)-1], "%q", text)
			}
		}
	}
}

// hasHan answers as decoding every rune and asking unicode.Is: Han at the
// ends of its ranges (U+2E80, the compatibility ideographs, beyond the
// BMP), other scripts, and cut and ill-formed bytes before Han.
func TestHasHanMatchesDecodingEveryRune(t *testing.T) {
	reference := func(s string) bool {
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				return true
			}
		}
		return false
	}
	pieces := []string{"a", " ", "é", "\u2e7f", "\u2e80", "\u3005", "。", "研", "\uf900", "\U00020000", "\U0002ffff", "\ue000", "한",
		"\xe4\xb8", "\xe4", "\xb8\xad", "\xff", "\xf0\xa0", "\xed\xa0\x80"}
	rng := rand.New(rand.NewSource(44))
	for round := 0; round < 100000; round++ {
		s := randomText(rng, pieces, rng.Intn(6))
		require.Equal(t, reference(s), hasHan(s), "%q", s)
	}
}

// The line starts ParseText keeps from its parser are those indexLines
// finds: random texts with every line ending, a byte-order mark, empty
// lines and none at the end.
func TestParseTextLineStartsMatchIndexLines(t *testing.T) {
	pieces := []string{"研究", "a", " ", "\n", "\r\n", "\r", "\n\n", "。", "# h", "- x"}
	rng := rand.New(rand.NewSource(45))
	for round := 0; round < 20000; round++ {
		src := randomText(rng, pieces, rng.Intn(12))
		if rng.Intn(4) == 0 {
			src = "\ufeff" + src
		}
		d, err := ParseText("f.txt", []byte(src))
		require.NoError(t, err)
		got := d.lineStarts
		require.NotNil(t, got, "%q", src)
		d.lineStarts = nil
		d.indexLines()
		require.Equal(t, d.lineStarts, got, "%q", src)
	}
}
