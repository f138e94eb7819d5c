package document

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Position agrees with counting code points from the line start at every
// character boundary, on long lines and across every kind of line end.
func TestPositionAgreesWithCountingFromTheLineStart(t *testing.T) {
	src := "\ufeff" + strings.Repeat("神药。", 400) + "\r\n" + strings.Repeat("é😀x", 300) + "\r" +
		"中\n\nlast 逆转"
	d := &Document{Source: []byte(src), bodyStart: 3}
	line, start := 1, 3
	for off := 3; off <= len(src); off++ {
		if off < len(src) && !utf8.RuneStart(src[off]) {
			continue
		}
		want := Position{Line: line, Column: utf8.RuneCountInString(src[start:off]) + 1, Offset: off}
		if !assert.Equal(t, want, d.Position(off)) {
			return
		}
		if off < len(src) && (src[off] == '\n' || src[off] == '\r' && !strings.HasPrefix(src[off:], "\r\n")) {
			line, start = line+1, off+1
		}
	}
	assert.Equal(t, 5, d.LineCount())
}

// Position agrees with a count from the line start for offsets asked in
// any order (counting on from the last position, from the line start, or
// through the index on long lines), at any byte, inside a character or
// not, and in the byte-order mark.
func TestPositionInAnyOrderAgreesWithCountingFromTheLineStart(t *testing.T) {
	src := "\ufeff短 line\n" + strings.Repeat("神药。", 2000) + "\r\n" + strings.Repeat("é😀x", 100) + "\r" +
		"中\n\n" + strings.Repeat("ab", 300) + "\nlast 逆转"
	want := func(off int) Position {
		line, start := 0, 0
		for i := 0; i < off; i++ {
			if src[i] == '\n' || src[i] == '\r' && !strings.HasPrefix(src[i:], "\r\n") {
				line, start = line+1, i+1
			}
		}
		if line == 0 {
			start = min(3, off)
		}
		col := 1
		for i := start; i < off; i++ {
			if src[i]&0xC0 != 0x80 {
				col++
			}
		}
		return Position{Line: line + 1, Column: col, Offset: off}
	}
	fresh := &Document{Source: []byte("abcdef")}
	assert.Equal(t, Position{Line: 1, Column: 6, Offset: 5}, fresh.Position(5), "a first call on the first line")
	rng := rand.New(rand.NewPCG(3, 4))
	d := &Document{Source: []byte(src), bodyStart: 3}
	for range 3000 {
		off := rng.IntN(len(src) + 1)
		if rng.IntN(3) == 0 { // a span's end a little after its start
			off = min(len(src), d.last.offset+rng.IntN(40))
		}
		if !assert.Equal(t, want(off), d.Position(off), "offset %d", off) {
			return
		}
	}
}

// A lone CR ends a line, as in the language server: old Mac files and text
// pasted from some editors use it.
func TestLoneCREndsALine(t *testing.T) {
	src := "标题\r第二行 神药\r\r第四行\r\n第五行"
	d, err := ParseText("mac.txt", []byte(src))
	require.NoError(t, err)
	off := strings.Index(src, "神药")
	assert.Equal(t, Position{Line: 2, Column: 5, Offset: off}, d.Position(off))
	assert.Equal(t, "第二行 神药", lineText(d, off))
	assert.Equal(t, "", lineText(d, strings.Index(src, "\r\r")+1), "the empty third line")
	assert.Equal(t, "第四行", lineText(d, strings.Index(src, "第四行")), "CRLF still ends a line once")
	assert.Equal(t, 5, d.Position(strings.Index(src, "第五行")).Line)
	assert.Equal(t, 5, d.LineCount())
}

func lineText(d *Document, offset int) string {
	s := d.LineSpan(offset)
	return string(d.Source[s.Start:s.End])
}

// The plain-text parser cuts lines where positions do: a CR-only file has
// a title and paragraphs, not one block.
func TestPlainTextSplitsLinesAtLoneCR(t *testing.T) {
	d, err := ParseText("mac.txt", []byte("标题\r\r第一段。\r\r第二段。\r"))
	require.NoError(t, err)
	require.Len(t, d.Blocks, 3)
	assert.Equal(t, Title, d.Blocks[0].Kind)
	assert.Equal(t, "标题", d.Blocks[0].Text)
	assert.Equal(t, "第二段。", d.Blocks[2].Text)
}

// The line index of a text without CR (found with bytes.IndexByte) is the
// one a byte-by-byte scan finds, including empty lines and a final "\n",
// in a list allocated at its size.
func TestLineIndexWithoutCR(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "\n", "神", "\n\n", "xyz"}
	for range 500 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		want := []int32{0}
		for i := 0; i < len(src); i++ {
			if src[i] == '\n' {
				want = append(want, int32(i+1))
			}
		}
		d := &Document{Source: []byte(src)}
		d.indexLines()
		if !assert.Equal(t, want, d.lineStarts, "%q", src) || !assert.Equal(t, len(want), cap(d.lineStarts), "allocated once at its size: %q", src) {
			return
		}
	}
}
