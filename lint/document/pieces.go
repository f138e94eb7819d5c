package document

import (
	"iter"
	"unsafe"

	"github.com/hypelint/hypelint/lint/textmap"
)

// pieceMargin is how far short of a window's end a cut must be: how far the
// sentence splitter may look ahead to decide a sentence end (closing quotes,
// a full stop's next word) is far less.
const pieceMargin = 4 << 10

// SectionParts parses a section of a plain-text document (see TextShell and
// TextSections) that follows the sections before it (titled: one of them
// held the title), with offsets of the whole source, and yields it in parts
// that can be analysed one after the other: the section whole when no block
// is longer than size bytes, else its blocks with each over-long one cut at
// sentence ends into pieces of about size bytes, one part per piece. A text
// without blank lines (a 50 MB file on one line) is one block; its
// sentences and facts then need memory for a piece at a time, not the
// file. Sentence spans are those of the whole block: a piece starts where a
// sentence ended, and sentences are found the same from any sentence end.
func (d *Document) SectionParts(sec Span, titled bool, size int) iter.Seq[*Document] {
	return func(yield func(*Document) bool) {
		part := d.newPart()
		part.Blocks, part.Comments = parsePlainText(d.Source[:sec.End], d.sectionText(sec), sec.Start, titled, d.wrapWidth, nil)
		long := false
		for i := range part.Blocks {
			long = long || len(part.Blocks[i].Text) > size
		}
		if !long {
			splitSentences(part.Blocks)
			yield(part)
			return
		}
		blocks := part.Blocks
		part.Blocks = nil
		flush := func() bool {
			if len(part.Blocks) == 0 && len(part.Comments) == 0 {
				return true
			}
			ok := yield(part)
			part = d.newPart()
			return ok
		}
		for _, b := range blocks {
			if len(b.Text) <= size {
				b.Sentences = Sentences(b.Text, b.Kind)
				part.Blocks = append(part.Blocks, b)
				continue
			}
			if !flush() {
				return
			}
			for piece := range cutBlock(b, size) {
				part.Blocks = append(part.Blocks, piece)
				if !flush() {
					return
				}
			}
		}
		flush()
	}
}

// sectionText is the text of a section as a string. The last one made is
// kept for the next pass over the same section: a file without blank
// lines is one section, and a second copy of it would be the file again.
func (d *Document) sectionText(sec Span) string {
	if d.section.span != sec || d.section.text == "" && sec.End > sec.Start {
		d.section.span, d.section.text = sec, string(d.Source[sec.Start:sec.End])
	}
	return d.section.text
}

func (d *Document) newPart() *Document {
	return &Document{Path: d.Path, Source: d.Source, bodyStart: d.bodyStart, Format: d.Format,
		Encoding: d.Encoding, Origin: d.Origin}
}

// cutBlock yields a plain-text block in pieces of at least size bytes, each
// ending at a sentence end, with their sentences. It splits a window a
// little longer than a piece and keeps the sentences that end well before
// the window does; a window with no such sentence end grows.
func cutBlock(b Block, size int) iter.Seq[Block] {
	return func(yield func(Block) bool) {
		start := b.Map.Start(0)
		window := size + pieceMargin
		for from := 0; from < len(b.Text); {
			to := min(len(b.Text), from+window)
			sentences := Sentences(b.Text[from:to], b.Kind)
			cut := len(b.Text) - from // the rest, when the window reaches the end
			if to < len(b.Text) {
				keep := len(sentences)
				for keep > 0 && sentences[keep-1].End > to-from-pieceMargin {
					keep--
				}
				if keep == 0 {
					window *= 2 // no sentence ends early enough: look further
					continue
				}
				sentences = sentences[:keep]
				cut = sentences[keep-1].End
			}
			piece := Block{Kind: b.Kind, Text: b.Text[from : from+cut], Map: textmap.Identity(start+from, cut),
				Sentences: sentences, Continues: from > 0}
			if !yield(piece) {
				return
			}
			from += cut
			window = size + pieceMargin
		}
	}
}

// Rejoin returns block a extended by piece p, the piece of a cut block that
// follows it (see SectionParts): the block as it was before the cut, but
// for its sentences, which stay with the pieces. It shares the pieces'
// text, which lie end to end in one string.
func Rejoin(a, p Block) Block {
	end := unsafe.Add(unsafe.Pointer(unsafe.StringData(a.Text)), len(a.Text))
	if !p.Continues || unsafe.Pointer(unsafe.StringData(p.Text)) != end {
		return a
	}
	joined := a
	joined.Text = unsafe.String(unsafe.StringData(a.Text), len(a.Text)+len(p.Text))
	joined.Map = textmap.Identity(a.Map.Start(0), len(joined.Text))
	joined.Sentences = nil
	return joined
}
