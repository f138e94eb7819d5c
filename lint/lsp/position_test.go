package lsp

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// Positions on a long line, past many checkpoints of the count index, agree
// with counting each encoding's units from the line start.
func TestLSPPositionsOnALongLine(t *testing.T) {
	line := strings.Repeat("神药😀é\u0301 ", 500)
	text := "标题\r\n" + line + "\r" + line
	l := newLines(text)
	count := func(s, enc string) int {
		switch enc {
		case UTF8:
			return len(s)
		case UTF32:
			return utf8.RuneCountInString(s)
		}
		return len(utf16.Encode([]rune(s)))
	}
	for _, enc := range []string{UTF8, UTF16, UTF32} {
		for off := 0; off <= len(text); off += 7 {
			for off < len(text) && !utf8.RuneStart(text[off]) {
				off++
			}
			if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
				continue // between \r and \n: not a place on a line
			}
			ln := strings.Count(text[:off], "\n") + strings.Count(strings.ReplaceAll(text[:off], "\r\n", ""), "\r")
			start := l.starts[ln]
			want := Position{Line: ln, Character: count(text[start:off], enc)}
			if !assert.Equal(t, want, l.position(off, enc), "%s at %d", enc, off) {
				return
			}
		}
	}
}
