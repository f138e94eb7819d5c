package document

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The blocks of a Markdown document are one list sized once, and the
// parser's list of found blocks goes back to foundLists cleared.
func TestMarkdownBlocksSizedOnce(t *testing.T) {
	var src strings.Builder
	src.WriteString("---\ntitle: Trial\ndescription: A short standfirst.\n---\n\n# Trial\n\n")
	for i := range 300 {
		src.WriteString("Paragraph number ")
		src.WriteString(strings.Repeat("x", i%7+1))
		src.WriteString(" of the *body*.\n\n- an item\n\n")
	}
	for _, plain := range []bool{true, false} {
		d, err := parseMarkdownWith(nil, plain, "a.md", []byte(src.String()), false)
		require.NoError(t, err)
		require.Greater(t, len(d.Blocks), 600)
		// dropRepeatedTitle may drop one block after the list is made.
		require.LessOrEqual(t, cap(d.Blocks), len(d.Blocks)+1, "the list of blocks grew by appending")
		for range 5 { // the pool may drop a list now and then
			list := foundLists.Get(0)
			for _, b := range list[:cap(list)] {
				require.Zero(t, b, "a pooled list of found blocks keeps a block")
			}
			foundLists.Put(list)
		}
	}
}

// Parsing a Markdown article allocates no more than it did once the found
// blocks' list came back from the pool and the document's list was sized
// once.
func TestMarkdownParseBytes(t *testing.T) {
	var src strings.Builder
	src.WriteString("# Title\n\n")
	for range 200 {
		src.WriteString("A paragraph of the body, with a sentence.\n\n")
	}
	data := []byte(src.String())
	parse := func() {
		if _, err := parseMarkdownWith(nil, true, "a.md", data, false); err != nil {
			t.Fatal(err)
		}
	}
	parse()
	res := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			parse()
		}
	})
	// 47 KiB with the pooled list; 111 KiB with a list grown per document.
	if !raceEnabled {
		require.LessOrEqual(t, res.AllocedBytesPerOp(), int64(52<<10), "bytes per Markdown parse")
	}
}

// A plain text's blocks are one list of their size, whatever the ratio of
// blocks to lines, and the parser's scratch lists go back cleared.
func TestPlainBlocksSizedOnce(t *testing.T) {
	for _, sep := range []string{"\n", "\n\n", "\r\n", "\n\n\n\n"} {
		var src strings.Builder
		src.WriteString("Title" + sep)
		for i := range 200 {
			src.WriteString("Sentence " + strings.Repeat("y", i%5+1) + " of the text." + sep)
		}
		d, err := ParseText("a.txt", []byte(src.String()))
		require.NoError(t, err)
		require.NotEmpty(t, d.Blocks)
		require.Equal(t, len(d.Blocks), cap(d.Blocks), "%q: the list of blocks is not of its size", sep)
		for range 5 {
			list := blockLists.Get(0)
			for _, b := range list[:cap(list)] {
				require.Zero(t, b, "a pooled list of blocks keeps a block")
			}
			blockLists.Put(list)
		}
	}
	d, err := ParseText("a.txt", nil)
	require.NoError(t, err)
	require.NotNil(t, d.Blocks)
	require.Empty(t, d.Blocks)
}
