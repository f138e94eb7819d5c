// Package fix applies suggested edits to a file's bytes and shows them as
// a unified diff (what `hypelint --fix` and `--diff-fixes` do).
package fix

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Edit replaces the bytes [Start, End) of a file by Text.
type Edit struct {
	Start, End int
	Text       string
}

// Apply makes the edits that fit in src, in order of position; an edit
// that overlaps one before it, or lies outside src, is left out. It
// returns the new bytes and the edits made.
func Apply(src []byte, edits []Edit) ([]byte, []Edit) {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(a, b Edit) int { return a.Start - b.Start })
	var out bytes.Buffer
	var made []Edit
	at := 0
	for _, e := range sorted {
		if e.Start < at || e.End < e.Start || e.End > len(src) {
			continue
		}
		out.Write(src[at:e.Start])
		out.WriteString(e.Text)
		at = e.End
		made = append(made, e)
	}
	out.Write(src[at:])
	return out.Bytes(), made
}

// context is how many unchanged lines a hunk shows around a change.
const context = 3

// block is a run of old lines [oldFrom, oldTo) that the edits replace by
// new lines [newFrom, newTo).
type block struct{ oldFrom, oldTo, newFrom, newTo int }

// WriteDiff writes a unified diff of applying made (as Apply returned
// them) to old, with name as both file names (a/ and b/ prefixes, as git
// writes them). Nothing is written when there are no edits.
func WriteDiff(w io.Writer, name string, old []byte, made []Edit) error {
	if len(made) == 0 {
		return nil
	}
	oldLines := lines(old)
	new, _ := Apply(old, made)
	newLines := lines(new)
	blocks := changedBlocks(old, made)
	prefixed := "/" + strings.TrimPrefix(name, "/") // an absolute path: a/tmp/x, as git writes it
	if _, err := fmt.Fprintf(w, "--- a%s\n+++ b%s\n", prefixed, prefixed); err != nil {
		return err
	}
	for i := 0; i < len(blocks); {
		// A hunk holds the blocks whose context lines meet.
		j := i + 1
		for j < len(blocks) && blocks[j].oldFrom-blocks[j-1].oldTo <= 2*context {
			j++
		}
		first, last := blocks[i], blocks[j-1]
		oldFrom, oldTo := max(0, first.oldFrom-context), min(len(oldLines), last.oldTo+context)
		newFrom, newTo := first.newFrom-(first.oldFrom-oldFrom), last.newTo+(oldTo-last.oldTo)
		var h bytes.Buffer
		fmt.Fprintf(&h, "@@ -%s +%s @@\n", hunkRange(oldFrom, oldTo), hunkRange(newFrom, newTo))
		at := oldFrom
		for _, b := range blocks[i:j] {
			writeLines(&h, " ", oldLines[at:b.oldFrom])
			writeLines(&h, "-", oldLines[b.oldFrom:b.oldTo])
			writeLines(&h, "+", newLines[b.newFrom:b.newTo])
			at = b.oldTo
		}
		writeLines(&h, " ", oldLines[at:oldTo])
		if _, err := w.Write(h.Bytes()); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// changedBlocks groups the edits by the lines they touch, in both texts.
func changedBlocks(old []byte, made []Edit) []block {
	var blocks []block
	shift := 0 // bytes the edits so far added
	lineOf := func(b []byte, off int) int { return bytes.Count(b[:off], []byte("\n")) }
	newText, _ := Apply(old, made)
	for _, e := range made {
		from := lineOf(old, e.Start)
		to := lineOf(old, e.End) + 1
		newFrom := lineOf(newText, e.Start+shift)
		shift += len(e.Text) - (e.End - e.Start)
		newTo := lineOf(newText, e.End+shift) + 1
		if n := len(blocks); n > 0 && blocks[n-1].oldTo >= from { // touching or adjacent lines
			blocks[n-1].oldTo, blocks[n-1].newTo = max(blocks[n-1].oldTo, to), max(blocks[n-1].newTo, newTo)
			continue
		}
		blocks = append(blocks, block{from, to, newFrom, newTo})
	}
	return blocks
}

// lines splits text after each line end, keeping them.
func lines(text []byte) [][]byte {
	var out [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	return out
}

func writeLines(w *bytes.Buffer, prefix string, ls [][]byte) {
	for _, l := range ls {
		w.WriteString(prefix)
		w.Write(l)
		if !bytes.HasSuffix(l, []byte("\n")) {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange writes a range as unified diffs do: 1-based start, and the
// count unless it is 1 (an empty range names the line before it).
func hunkRange(from, to int) string {
	n := to - from
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", from)
	case 1:
		return fmt.Sprintf("%d", from+1)
	}
	return fmt.Sprintf("%d,%d", from+1, n)
}
