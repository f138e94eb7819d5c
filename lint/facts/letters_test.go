package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/normalize"
)

// A block's letters as the normalizer counts them over its sentences are
// countLetters' over the block's whole text: the sentences leave out only
// white space and table bars. Every block of every corpus article, and of
// the testdata texts, in every format.
func TestBlockLettersMatchCountLetters(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../corpus/*/*", "../document/testdata/*"} {
		found, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, found...)
	}
	require.NotEmpty(t, files)
	blocks := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			continue // a directory
		}
		parse := document.ParseText
		switch {
		case strings.HasSuffix(name, ".md"):
			parse = document.ParseMarkdown
		case strings.HasSuffix(name, ".html"):
			parse = document.ParseHTML
		}
		doc, err := parse(name, data)
		if err != nil {
			continue // a file the parsers refuse, as they should
		}
		for _, b := range doc.Blocks {
			var got normalize.Letters
			for _, span := range b.Sentences {
				normalize.NormalizeCount(b.Text[span.Start:span.End], &got)
			}
			var want normalize.Letters
			countLetters(b.Text, &want.Han, &want.Trad, &want.Latin)
			require.Equal(t, want, got, "%s: %q", name, b.Text)
			blocks++
		}
	}
	require.Greater(t, blocks, 500)
}
