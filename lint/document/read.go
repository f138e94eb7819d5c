package document

import (
	"bytes"
	"fmt"
	"unicode/utf8"
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

// checkUTF8 returns the offset after a byte-order mark, or an error naming
// the first byte that is not valid UTF-8.
func checkUTF8(path string, src []byte) (int, error) {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
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
	start, err := checkUTF8(path, src)
	if err != nil {
		return nil, err
	}
	d := &Document{Path: path, Source: src, bodyStart: start, Format: "text", Encoding: "utf-8"}
	d.Blocks, d.Comments = parsePlain(src, start)
	for i := range d.Blocks {
		b := &d.Blocks[i]
		b.Sentences = Sentences(b.Text, b.Kind)
	}
	return d, nil
}
