package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/rivo/uniseg"
)

// DefaultWidth is the width of the text format in terminal columns when
// the driver knows no better (output not to a terminal).
const DefaultWidth = 80

// tabWidth is what a tab may take at most: windows are sized with it, so
// that tabs, which the terminal expands alike in the source line and the
// caret line, never make the caret line wrap.
const tabWidth = 8

// cell is one grapheme cluster as printed: escaped when it holds control
// characters, and its width in terminal columns.
type cell struct {
	text  string
	width int
}

// window is the part of a source line printed under a finding: the span
// whole, with as much of the line either side as the width leaves, and an
// ellipsis where the line goes on. It costs the window, not the line: a
// one-line file with a finding every few bytes prints in linear time.
type window struct {
	text  string // the line's text, escaped for a terminal
	pad   string // blanks (and the line's tabs) up to the span
	marks string // carets under the span
}

// sourceWindow cuts the window for span (clipped to the line) out of src,
// for a terminal width columns wide (the two-blank indent included).
func sourceWindow(src []byte, line, span document.Span, width int) window {
	start := max(line.Start, min(span.Start, line.End))
	end := max(start, min(span.End, line.End))
	mid := cells(src[start:end])
	spanWidth := max(1, widthOf(mid)) // an empty span still gets one caret
	budget := max(0, width-1-2-spanWidth)

	// Look no further than two bytes per column either side (CJK takes 1.5,
	// emoji 2, ASCII 1): zero-width characters could otherwise make the
	// context the whole line, and a window costs what it looks at.
	reach := 2*budget + 16
	from := max(line.Start, start-reach)
	for from < start && !utf8.RuneStart(src[from]) {
		from++
	}
	to := min(line.End, end+reach)
	for to > end && to < line.End && !utf8.RuneStart(src[to]) {
		to--
	}
	left, right := cells(src[from:start]), cells(src[end:to])
	lw, rw := widthOf(left), widthOf(right)

	// Half the room each side; a side that needs less gives the rest away.
	leftRoom := min(lw, max(budget/2, budget-rw))
	rightRoom := min(rw, budget-leftRoom)
	leftCut := leftRoom < lw || from > line.Start
	rightCut := rightRoom < rw || to < line.End
	if leftCut {
		leftRoom--
	}
	if rightCut {
		rightRoom--
	}
	i, used := len(left), 0
	for i > 0 && used+left[i-1].width <= leftRoom {
		i--
		used += left[i].width
	}
	left, leftCut = left[i:], leftCut || i > 0
	j, used := 0, 0
	for j < len(right) && used+right[j].width <= rightRoom {
		used += right[j].width
		j++
	}
	right, rightCut = right[:j], rightCut || j < len(right)

	var text, pad strings.Builder
	if leftCut {
		text.WriteString("…")
		pad.WriteByte(' ')
	}
	for _, c := range left {
		text.WriteString(c.text)
		if c.text == "\t" {
			pad.WriteByte('\t')
		} else {
			pad.WriteString(strings.Repeat(" ", c.width))
		}
	}
	for _, c := range mid {
		text.WriteString(c.text)
	}
	for _, c := range right {
		text.WriteString(c.text)
	}
	if rightCut {
		text.WriteString("…")
	}
	return window{text: text.String(), pad: pad.String(), marks: strings.Repeat("^", spanWidth)}
}

// cells splits text into grapheme clusters, so that an emoji sequence or a
// letter with combining marks is measured as the terminal draws it.
func cells(b []byte) []cell {
	var out []cell
	s, state := string(b), -1
	for s != "" {
		if n, w := plainCell(s); n > 0 {
			out = append(out, cell{s[:n], w})
			s, state = s[n:], -1
			continue
		}
		var cluster string
		var w int
		cluster, s, w, state = uniseg.FirstGraphemeClusterInString(s, state)
		switch {
		case cluster == "\t":
			w = tabWidth
		case needsEscape(cluster):
			cluster = TerminalSafe(cluster)
			w = len(cluster)
		}
		out = append(out, cell{cluster, w})
	}
	return out
}

// plainCell is the fast path of cells for the bulk of news text: a
// printable ASCII character or a common CJK ideograph or punctuation mark
// followed by another such (or by nothing) is a grapheme cluster of its own
// (neither joins with its neighbours under UAX #29), so uniseg need not be
// asked. It returns the cluster's length in bytes and its width, or 0.
func plainCell(s string) (n, width int) {
	r, n := utf8.DecodeRuneInString(s)
	w := plainWidth(r)
	if w == 0 {
		return 0, 0
	}
	if n < len(s) {
		if next, _ := utf8.DecodeRuneInString(s[n:]); plainWidth(next) == 0 {
			return 0, 0
		}
	}
	return n, w
}

// plainWidth is the width of r in terminal columns when r is one of the
// characters plainCell handles, else 0.
func plainWidth(r rune) int {
	switch {
	case 0x20 <= r && r <= 0x7E:
		return 1
	case 0x4E00 <= r && r <= 0x9FFF, // CJK unified ideographs
		0x3001 <= r && r <= 0x3003, 0x3008 <= r && r <= 0x3011, // 、。〃 and brackets
		0xFF01 <= r && r <= 0xFF5E: // fullwidth punctuation, digits, letters
		return 2
	}
	return 0
}

func widthOf(cs []cell) int {
	n := 0
	for _, c := range cs {
		n += c.width
	}
	return n
}

// TerminalSafe escapes what a terminal would act on rather than show:
// control characters (ESC starts colour and cursor sequences and OSC ones
// that set titles or write the clipboard; BEL, CR, backspace move or
// sound), C1 controls, bidirectional overrides that reorder what is shown,
// and bytes that are not UTF-8. A tab stays a tab. Escapes are written as
// in Go: \r, \x1b, \u202e, and a byte that is not UTF-8 as \xff.
func TerminalSafe(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r) || r == utf8.RuneError && size == 1 {
			return true
		}
		i += size
	}
	return false
}

// unsafeRune: C0 controls but tab, DEL, C1 controls, and the
// bidirectional embeddings, overrides and isolates.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20 || r == 0x7F || 0x80 <= r && r <= 0x9F:
		return true
	case 0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

func escapeRune(r rune) string {
	switch r {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\v':
		return `\v`
	}
	if r < utf8.RuneSelf {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}
