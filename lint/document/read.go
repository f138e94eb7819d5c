package document

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/textmap"
)

// InputError says what is wrong with a file's bytes and where.
type InputError struct {
	Path   string
	Offset int
	Reason string
}

func (e *InputError) Error() string {
	return fmt.Sprintf("%s: byte offset %d: %s", e.Path, e.Offset, e.Reason)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// CheckSize refuses a file larger than hypelint reads (2 GiB). Drivers call
// it with the size from stat, before reading: a larger file would be read
// whole only to be refused.
func CheckSize(path string, size int64) error {
	if size > textmap.MaxOffset {
		return &InputError{path, textmap.MaxOffset, "the file is larger than 2 GiB, the most hypelint reads"}
	}
	return nil
}

// checkUTF8 returns the offset after a byte-order mark, or an error naming
// the first byte that is not valid UTF-8 or NUL. A source the caller has
// already found valid (valid) is only searched for NUL bytes.
func checkUTF8(path string, src []byte, valid bool) (int, error) {
	if err := CheckSize(path, int64(len(src))); err != nil {
		return 0, err
	}
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	// Nearly every file is valid: check it whole with the library's fast
	// scans, and walk it rune by rune only to name the first bad byte.
	if (valid || utf8.Valid(src[start:])) && bytes.IndexByte(src[start:], 0) < 0 {
		return start, nil
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

// ParseText reads a plain-text article. The title is the first non-empty
// line; blocks are separated by blank lines.
func ParseText(path string, src []byte) (*Document, error) {
	return parseText(path, src, false)
}

// ParseValidText is ParseText for a source already found to be valid UTF-8
// (encoding.Decoded.ValidUTF8): it is not checked again.
func ParseValidText(path string, src []byte) (*Document, error) {
	return parseText(path, src, true)
}

func parseText(path string, src []byte, valid bool) (*Document, error) {
	start, err := checkUTF8(path, src, valid)
	if err != nil {
		return nil, err
	}
	d := &Document{Path: path, Source: src, bodyStart: start, Format: "text", Encoding: "utf-8"}
	d.Blocks, d.Comments, d.lineStarts = parsePlain(src, start, false)
	splitSentences(d.Blocks)
	return d, nil
}

// splitSentences sets the sentences of every block. They share one array
// (one allocation, not one per block); each block's slice is capped so
// that appending to it copies.
func splitSentences(blocks []Block) {
	size := 0
	for i := range blocks {
		size += len(blocks[i].Text)
	}
	all := make([]Span, 0, size/64+len(blocks)) // a sentence is rarely under 64 bytes
	for i := range blocks {
		b := &blocks[i]
		from := len(all)
		all = appendSentences(all, b.Text, b.Kind)
		if len(all) > from {
			b.Sentences = all[from:len(all):len(all)]
		}
	}
}

// TextShell checks a plain-text source and returns a document for it with
// no blocks: the frame in which TextSections are linted one at a time;
// valid says src is already known to be valid UTF-8.
func TextShell(path string, src []byte, valid bool) (*Document, error) {
	start, err := checkUTF8(path, src, valid)
	if err != nil {
		return nil, err
	}
	return &Document{Path: path, Source: src, bodyStart: start, Format: "text", Encoding: "utf-8"}, nil
}

// TextSections cuts the body of a plain-text document into sections of at
// least size bytes, each ending just after a blank line that ends a block.
// Blocks never cross such a blank line, so every block lies in one
// section. A text without blank lines is one section. For text with a
// blank line after every wrapped line (see spacedWrapWidth), the wrap is
// judged once, on the whole text, and sections are cut only between
// paragraphs.
func (d *Document) TextSections(size int) []Span {
	// Lines as [start, end) offsets, read one at a time: a book is not
	// split into a slice of lines or copied.
	lineAt := func(i int) (start, end int) {
		end = i
		for end < len(d.Source) && d.Source[end] != '\n' {
			end++
		}
		return i, end
	}
	text := func(start, end int) string { return string(bytes.TrimRight(d.Source[start:end], "\r")) }
	d.wrapWidth = wrapWidthOf(func(yield func(string) bool) {
		for pos := d.bodyStart; pos < len(d.Source); {
			start, end := lineAt(pos)
			pos = end + 1
			if !yield(text(start, end)) {
				return
			}
		}
	})
	var out []Span
	from := d.bodyStart
	prevStart, prevEnd, prevBlank := -1, -1, true
	for i := d.bodyStart; i < len(d.Source); {
		start, end := lineAt(i)
		blank := len(bytes.TrimSpace(d.Source[start:end])) == 0 // isBlankLine, without a copy per line
		i = end + 1
		if !blank {
			prevStart, prevEnd, prevBlank = start, end, false
			continue
		}
		cut := i-from >= size && i < len(d.Source)
		if cut && d.wrapWidth > 0 && !prevBlank {
			nextStart, nextEnd := lineAt(i)
			cut = !wrapJoins(text(prevStart, prevEnd), text(nextStart, nextEnd), d.wrapWidth)
		}
		prevBlank = true
		if cut {
			out = append(out, Span{Start: from, End: i})
			from = i
		}
	}
	return append(out, Span{Start: from, End: len(d.Source)})
}
