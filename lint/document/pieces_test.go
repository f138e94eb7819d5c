package document

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/textmap"
)

// TestCutBlockKeepsSentences cuts a long block at every size and checks
// that the pieces lie end to end, each ends at a sentence end, and their
// sentences, in source offsets, are the whole block's.
func TestCutBlockKeepsSentences(t *testing.T) {
	text := strings.Repeat("神药。It works, says Dr. Smith (e.g. in mice). “真的吗？” 研究表明…… ", 400)
	b := Block{Kind: Paragraph, Text: text}
	b.Map = textmap.Identity(7, len(text)) // a block that starts after a title line
	var want []Span
	for _, s := range Sentences(text, Paragraph) {
		want = append(want, b.SourceSpan(s))
	}
	for _, size := range []int{1, 10, 100, 5000} {
		var got []Span
		at, joined := 7, Block{}
		for piece := range cutBlock(b, size) {
			require.Equal(t, at, piece.Map.Start(0), "size %d: pieces end to end", size)
			require.Equal(t, at > 7, piece.Continues, "size %d", size)
			require.NotEmpty(t, piece.Sentences, "size %d: a piece holds sentences", size)
			at += len(piece.Text)
			for _, s := range piece.Sentences {
				got = append(got, piece.SourceSpan(s))
			}
			if piece.Continues {
				joined = Rejoin(joined, piece)
			} else {
				joined = piece
			}
		}
		require.Equal(t, 7+len(text), at, "size %d: the pieces cover the block", size)
		require.Equal(t, want, got, "size %d: sentences", size)
		require.Equal(t, text, joined.Text, "size %d: rejoined", size)
		require.Equal(t, b.SourceSpan(Span{0, len(text)}), joined.SourceSpan(Span{0, len(joined.Text)}))
	}
}

// TestSectionPartsCutsOnlyLongBlocks: a section whose blocks all fit is
// one part; a long block is cut and the blocks around it stay whole.
func TestSectionPartsCutsOnlyLongBlocks(t *testing.T) {
	src := "Title\n\nShort one. Two.\n\n" + strings.Repeat("Long sentence here. ", 500) + "\n\nAfter it.\n"
	d, err := TextShell("a.txt", []byte(src), false)
	require.NoError(t, err)
	all := Span{0, len(src)}
	var parts []*Document
	for p := range d.SectionParts(all, false, 20000) {
		parts = append(parts, p)
	}
	require.Len(t, parts, 1)
	require.Len(t, parts[0].Blocks, 4)

	var kinds []string
	continues := 0
	for p := range d.SectionParts(all, false, 100) {
		for _, b := range p.Blocks {
			kinds = append(kinds, b.Kind.String())
			if b.Continues {
				continues++
			}
		}
	}
	require.Equal(t, "title", kinds[0])
	require.Equal(t, "paragraph", kinds[len(kinds)-1])
	require.Greater(t, continues, 5)
	require.Equal(t, 4+continues, len(kinds))
}
