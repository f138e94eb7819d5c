package lsp

import (
	"sort"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/runecount"
)

// Position encodings (LSP 3.17 PositionEncodingKind): what a Position's
// Character counts.
const (
	UTF8  = "utf-8"  // bytes
	UTF16 = "utf-16" // UTF-16 code units: the protocol's default
	UTF32 = "utf-32" // code points
)

// pickEncoding chooses the first encoding the client offers that the
// server supports; UTF-16 when it offers none.
func pickEncoding(offered []string) string {
	for _, e := range offered {
		switch e {
		case UTF8, UTF16, UTF32:
			return e
		}
	}
	return UTF16
}

// lines converts between byte offsets in a text and LSP positions. Lines
// end at "\n", "\r\n" or "\r", as the protocol defines.
type lines struct {
	text   string
	starts []int                    // byte offset of each line's first byte
	count  *runecount.Index[string] // code points and UTF-16 units before an offset
}

func newLines(text string) *lines {
	l := &lines{text: text, starts: []int{0}, count: runecount.New(text)}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			l.starts = append(l.starts, i+1)
		case '\n':
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// line returns the zero-based line holding a byte offset.
func (l *lines) line(offset int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
}

// end returns the offset where a line's content ends (before its break).
func (l *lines) end(line int) int {
	if line+1 >= len(l.starts) {
		return len(l.text)
	}
	e := l.starts[line+1] - 1
	if e > l.starts[line] && l.text[e] == '\n' && l.text[e-1] == '\r' {
		e--
	}
	return e
}

// position converts a byte offset to a position in an encoding. It costs a
// binary search and a bounded scan (see package runecount), not the length
// of the line: diagnostics on a one-line file stay linear.
func (l *lines) position(offset int, enc string) Position {
	offset = max(0, min(offset, len(l.text)))
	line := l.line(offset)
	return Position{Line: line, Character: l.units(l.starts[line], offset, enc)}
}

// units counts text[from:to] in an encoding's units.
func (l *lines) units(from, to int, enc string) int {
	switch enc {
	case UTF8:
		return to - from
	case UTF32:
		return l.count.Runes(to) - l.count.Runes(from)
	}
	return l.count.UTF16(to) - l.count.UTF16(from)
}

// offset converts a position to a byte offset. A line past the end means
// the end of the text; a character past the end of its line means the end
// of the line; one inside a character means its start.
func (l *lines) offset(p Position, enc string) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(l.starts) {
		return len(l.text)
	}
	start, end := l.starts[p.Line], l.end(p.Line)
	s, n := l.text[start:end], 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		w := runeUnits(r, size, enc)
		if n+w > p.Character {
			return start + i
		}
		n, i = n+w, i+size
	}
	return end
}

func (l *lines) rangeOf(start, end int, enc string) Range {
	return Range{l.position(start, enc), l.position(end, enc)}
}

// runeUnits is the size of one rune in an encoding; size is its length in
// the UTF-8 text (1 for an invalid byte).
func runeUnits(r rune, size int, enc string) int {
	switch enc {
	case UTF8:
		return size
	case UTF32:
		return 1
	}
	if r >= 0x10000 {
		return 2
	}
	return 1
}
