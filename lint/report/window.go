package report

import (
	"fmt"
	"io"
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

// cell is one grapheme cluster as printed: the bytes it covers, whether
// they are escaped (control characters), and its width in terminal columns.
// It points into the source rather than holding a copy: a one-line file
// with a finding every few bytes measures hundreds of cells per finding.
type cell struct {
	from, to int32 // offsets in the bytes cells was given
	width    int32
	escaped  bool
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
	var scratch []cell
	return layOut(src, line, span, width, &scratch).strings(src)
}

// layout is a window measured: the cells either side of the span that fit,
// and where the line goes on beyond them.
type layout struct {
	start, end        int // the span, clipped to the line
	spanWidth         int
	left, right       []cell
	leftCut, rightCut bool
}

// layOut measures the window for span, with cells in *scratch, which the
// printer keeps from one finding to the next.
func layOut(src []byte, line, span document.Span, width int, scratch *[]cell) layout {
	start := max(line.Start, min(span.Start, line.End))
	end := max(start, min(span.End, line.End))
	// The span itself is measured and printed cell by cell, never held:
	// a document-level finding spans the title, a whole one-line file.
	spanWidth := 0
	eachCell(src[start:end], start, func(c cell) { spanWidth += int(c.width) })
	spanWidth = max(1, spanWidth) // an empty span still gets one caret
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
	all := cells((*scratch)[:0], src[from:start], from)
	nLeft := len(all)
	all = cells(all, src[end:to], end)
	*scratch = all
	left, right := all[:nLeft], all[nLeft:]
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
	for i > 0 && used+int(left[i-1].width) <= leftRoom {
		i--
		used += int(left[i].width)
	}
	left, leftCut = left[i:], leftCut || i > 0
	j, used := 0, 0
	for j < len(right) && used+int(right[j].width) <= rightRoom {
		used += int(right[j].width)
		j++
	}
	right, rightCut = right[:j], rightCut || j < len(right)
	return layout{start: start, end: end, spanWidth: spanWidth, left: left, right: right, leftCut: leftCut, rightCut: rightCut}
}

// sink is where a window is written: a strings.Builder or the output's
// buffer (a span can be a whole 50 MB line, so it is not built first).
type sink interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// writeText writes the window's source text.
func (l layout) writeText(w sink, src []byte) {
	if l.leftCut {
		w.WriteString("…")
	}
	for _, c := range l.left {
		c.write(w, src)
	}
	eachCell(src[l.start:l.end], l.start, func(c cell) { c.write(w, src) })
	for _, c := range l.right {
		c.write(w, src)
	}
	if l.rightCut {
		w.WriteString("…")
	}
}

// writePad writes the blanks (and the line's tabs) up to the span.
func (l layout) writePad(w sink, src []byte) {
	if l.leftCut {
		w.WriteByte(' ')
	}
	for _, c := range l.left {
		if c.to-c.from == 1 && src[c.from] == '\t' {
			w.WriteByte('\t')
		} else {
			for range c.width {
				w.WriteByte(' ')
			}
		}
	}
}

// writeMarks writes the carets under the span.
func (l layout) writeMarks(w sink) {
	for range l.spanWidth {
		w.WriteByte('^')
	}
}

func (l layout) strings(src []byte) window {
	var text, pad, marks strings.Builder
	l.writeText(&text, src)
	l.writePad(&pad, src)
	l.writeMarks(&marks)
	return window{text: text.String(), pad: pad.String(), marks: marks.String()}
}

// cells appends to out the grapheme clusters of b, which starts at offset
// base of the source, so that an emoji sequence or a letter with combining
// marks is measured as the terminal draws it.
func cells(out []cell, b []byte, base int) []cell {
	eachCell(b, base, func(c cell) { out = append(out, c) })
	return out
}

// eachCell calls fn with each grapheme cluster of b (see cells).
func eachCell(b []byte, base int, fn func(cell)) {
	state, at := -1, 0
	for at < len(b) {
		if n, w := plainCell(b[at:]); n > 0 {
			fn(cell{from: int32(base + at), to: int32(base + at + n), width: int32(w)})
			at, state = at+n, -1
			continue
		}
		var cluster []byte
		var w int
		cluster, _, w, state = uniseg.FirstGraphemeCluster(b[at:], state)
		c := cell{from: int32(base + at), to: int32(base + at + len(cluster))}
		switch {
		case len(cluster) == 1 && cluster[0] == '\t':
			w = tabWidth
		case needsEscape(string(cluster)): // no copy: the string does not escape
			c.escaped = true
			w = len(TerminalSafe(string(cluster)))
		}
		c.width = int32(w)
		fn(c)
		at += len(cluster)
	}
}

// plainCell: a printable ASCII character or a common CJK character
// followed by another such (or by nothing) is a grapheme cluster of its own
// (neither joins with its neighbours under UAX #29), so uniseg need not be
// asked. It returns the cluster's length in bytes and its width, or 0.
func plainCell(b []byte) (n, width int) {
	r, n := utf8.DecodeRune(b)
	w := plainWidth(r)
	if w == 0 {
		return 0, 0
	}
	if n < len(b) {
		if next, _ := utf8.DecodeRune(b[n:]); plainWidth(next) == 0 {
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

// write prints the cell's bytes of src, escaped if need be.
func (c cell) write(w sink, src []byte) {
	if c.escaped {
		w.WriteString(TerminalSafe(string(src[c.from:c.to])))
	} else {
		w.Write(src[c.from:c.to])
	}
}

func widthOf(cs []cell) int {
	n := 0
	for _, c := range cs {
		n += int(c.width)
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
