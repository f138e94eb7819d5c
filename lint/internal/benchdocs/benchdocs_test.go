package benchdocs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParsedFromTakesEveryNthFileItCanParse(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	// WalkDir visits in lexical order: a, b, c, d, e, f.
	write("a.txt", "first\n")
	write("b.txt", "second article\n")
	write("c.txt", "third\n")
	write("d.txt", "invalid \xff utf-8\n") // refused by the linter: left out
	write("e.txt", "fifth\n")
	write("f.txt", "sixth article text\n")

	docs, size, err := ParsedFrom(dir, 2)
	require.NoError(t, err)
	require.Len(t, docs, 2) // b and f; d is refused
	require.Equal(t, len("second article\n")+len("sixth article text\n"), size)

	docs, size, err = ParsedFrom(dir, 1)
	require.NoError(t, err)
	require.Len(t, docs, 5)
	require.Equal(t, 6+15+6+6+19, size)

	_, _, err = ParsedFrom(filepath.Join(dir, "missing"), 1)
	require.Error(t, err)
}
