// Package document turns the bytes of an article into blocks (title,
// headings, paragraphs, list items, table rows) and sentences, each of which
// knows the source bytes it came from.
package document

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"github.com/hypelint/hypelint/lint/runecount"
	"github.com/hypelint/hypelint/lint/textmap"
)

// Kind is the role of a block in the article.
type Kind uint8

// Block kinds.
const (
	Paragraph Kind = iota
	Title
	Heading
	ListItem
	TableRow
	Quote
)

var kindNames = [...]string{"paragraph", "title", "heading", "list-item", "table-row", "quote"}

func (k Kind) String() string { return kindNames[k] }

// KindNames lists the name of every kind.
func KindNames() []string { return kindNames[:] }

// Roles that markup gives a block (see Block.Role); the facts package
// gives the others from cue words.
const (
	RoleCaption    = "caption"    // <figcaption>
	RoleStandfirst = "standfirst" // front matter description, <meta name="description">
)

// dropRepeatedTitle drops the first heading when it repeats the title (a
// front matter or <title> title shown again as the first H1): one title,
// not two, and no finding twice.
func dropRepeatedTitle(blocks []Block) []Block {
	title := -1
	for i := range blocks {
		if blocks[i].Kind == Title {
			title = i
			break
		}
	}
	if title < 0 {
		return blocks
	}
	for i := range blocks {
		if blocks[i].Kind != Heading {
			continue
		}
		if sameText(blocks[i].Text, blocks[title].Text) {
			return slices.Delete(blocks, i, i+1)
		}
		break
	}
	return blocks
}

// sameText compares two block texts ignoring case and surrounding space.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// Span is a half-open byte range.
type Span struct{ Start, End int }

// Block is one unit of the article's structure. Text is the lintable text of
// the block (for plain text, the source bytes themselves; for markup, the text
// without the markup) and Map takes offsets in Text back to the source.
type Block struct {
	Kind      Kind
	Role      string // a role the markup gives ("caption" for <figcaption>, "standfirst" for a description); "" otherwise
	Text      string
	Map       textmap.Map
	Sentences []Span // byte ranges in Text
	// Continues says the block is a piece of an over-long block cut at a
	// sentence end (see Document.SectionParts) and follows the piece before.
	Continues bool
}

// SourceSpan maps a range of the block's Text to source offsets.
func (b *Block) SourceSpan(s Span) Span {
	return Span{b.Map.Start(s.Start), b.Map.End(s.End)}
}

// Comment is a comment in the source: an HTML or Markdown comment, or in
// plain text a directive line ("# hypelint-disable …"). Comments are never
// linted; suppression directives are read from them.
type Comment struct {
	Span Span   // source span of the whole comment
	Text string // the comment's inner text
}

// Document is a parsed article.
type Document struct {
	Path     string
	Source   []byte // the text as decoded (UTF-8); offsets and positions refer to it
	Blocks   []Block
	Comments []Comment
	Format   string // "text", "markdown" or "html"

	// Origin maps offsets in Source to offsets in the file as stored, when
	// the file was decoded from another encoding (nil: the same bytes).
	Origin   *textmap.Map
	Encoding string // the encoding the file was read in ("utf-8" unless decoded)

	// lineStarts are the offsets of the first byte of each line, as int32
	// (every offset is within textmap.MaxOffset): a long book's report
	// holds them to its end, and ints took twice the memory.
	lineStarts []int32
	runes      *runecount.Index[[]byte]           // code points before any offset, for columns
	bodyStart  int                                // offset after a byte-order mark
	last       struct{ line, offset, column int } // the last Position (column 0: none yet): the next is usually on the same line, a little further on
	wrapWidth  int                                // plain text in sections: the PDF wrap width TextSections found (see spacedWrapWidth)
	section    struct {                           // the section last parsed (see sectionText)
		span Span
		text string
	}
}

// Position is a place in the source: Line and Column are 1-based, Column
// counts Unicode code points, Offset is a 0-based byte offset.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// FileOffset converts an offset in Source to a byte offset in the file as
// stored (they differ only for files decoded from GB18030 or Big5).
func (d *Document) FileOffset(offset int) int {
	if d.Origin == nil {
		return offset
	}
	return d.Origin.Start(offset)
}

// Position converts a source byte offset to line and column. It costs a
// binary search (none for an offset on the line of the last call) and a
// count of at most longLine bytes, however long the line: columns on
// longer lines come from a rune-count index of the text.
func (d *Document) Position(offset int) Position {
	offset = max(0, min(offset, len(d.Source)))
	line := d.lineOf(offset)
	start := d.lineStart(line, offset)
	var col int
	switch {
	case d.last.column > 0 && line == d.last.line && start <= d.last.offset && d.last.offset <= offset && offset-d.last.offset <= longLine:
		// Reports ask for a span's end after its start, and for spans in
		// order: count on from the last position (column 0: none yet).
		col = d.last.column + runecount.Count(d.Source[d.last.offset:offset])
	case offset-start <= longLine:
		col = 1 + runecount.Count(d.Source[start:offset])
	default:
		if d.runes == nil {
			d.runes = runecount.New(d.Source)
		}
		col = d.runes.Runes(offset) - d.runes.Runes(start) + 1
	}
	d.last.line, d.last.offset, d.last.column = line, offset, col
	return Position{Line: line + 1, Column: col, Offset: offset}
}

// longLine is how far Position counts code points byte by byte (eight at
// a time); past it the index is cheaper.
const longLine = 4 * runecount.Step

// RuneOffset is the number of code points from the start of the text
// (after a byte-order mark) to offset.
func (d *Document) RuneOffset(offset int) int {
	if d.runes == nil {
		d.runes = runecount.New(d.Source)
	}
	return d.runes.Runes(offset) - d.runes.Runes(d.bodyStart)
}

// lineOf is the 0-based line holding offset.
func (d *Document) lineOf(offset int) int {
	if d.lineStarts == nil {
		d.indexLines()
	}
	if l := d.last.line; l >= 0 && l < len(d.lineStarts) && int(d.lineStarts[l]) <= offset && (l+1 == len(d.lineStarts) || offset < int(d.lineStarts[l+1])) {
		return l
	}
	return sort.Search(len(d.lineStarts), func(i int) bool { return int(d.lineStarts[i]) > offset }) - 1
}

// lineStart is where the text of a 0-based line starts: after a byte-order
// mark on the first line (but not after offset).
func (d *Document) lineStart(line, offset int) int {
	if line == 0 {
		return min(d.bodyStart, offset)
	}
	return int(d.lineStarts[line])
}

// LineSpan returns the source range of the line holding offset, without its
// line terminator ("\n", "\r\n" or a lone "\r").
func (d *Document) LineSpan(offset int) Span {
	offset = max(0, min(offset, len(d.Source)))
	line := d.lineOf(offset)
	start := int(d.lineStarts[line])
	if line == 0 {
		start = d.bodyStart
	}
	end := len(d.Source)
	if line+1 < len(d.lineStarts) {
		end = int(d.lineStarts[line+1]) - 1
		if d.Source[end] == '\n' && end > start && d.Source[end-1] == '\r' {
			end--
		}
	}
	return Span{start, max(start, end)}
}

// LineStart returns the offset of the first byte of a 1-based line, or
// len(Source) past the last line.
func (d *Document) LineStart(line int) int {
	if d.lineStarts == nil {
		d.indexLines()
	}
	if line < 1 {
		return 0
	}
	if line > len(d.lineStarts) {
		return len(d.Source)
	}
	return int(d.lineStarts[line-1])
}

// Lines returns a copy of the document that keeps only what positions and
// source lines need: no blocks or comments. Reports of many files hold it so
// that they do not hold every file's parse until the run ends.
func (d *Document) Lines() *Document {
	if d.lineStarts == nil {
		d.indexLines()
	}
	return &Document{Path: d.Path, Source: d.Source, Format: d.Format, Origin: d.Origin,
		Encoding: d.Encoding, lineStarts: d.lineStarts, runes: d.runes, bodyStart: d.bodyStart}
}

// LineCount is the number of lines in Source.
func (d *Document) LineCount() int {
	if d.lineStarts == nil {
		d.indexLines()
	}
	return len(d.lineStarts)
}

// indexLines finds the line starts. Lines end at "\n", "\r\n" or a lone
// "\r", as in the language server (LSP's definition).
func (d *Document) indexLines() {
	d.lineStarts = []int32{0}
	src := d.Source
	if bytes.IndexByte(src, '\r') < 0 {
		// Most files end lines with "\n" alone: count and find them with
		// the library's vectorised search rather than byte by byte, into a
		// list allocated once.
		d.lineStarts = make([]int32, 1, 1+bytes.Count(src, []byte{'\n'}))
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return
			}
			i += j + 1
			d.lineStarts = append(d.lineStarts, int32(i))
		}
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			d.lineStarts = append(d.lineStarts, int32(i+1))
		case '\n':
			d.lineStarts = append(d.lineStarts, int32(i+1))
		}
	}
}

// Title returns the title block, or nil when the article has none.
func (d *Document) Title() *Block {
	for i := range d.Blocks {
		if d.Blocks[i].Kind == Title {
			return &d.Blocks[i]
		}
	}
	return nil
}
