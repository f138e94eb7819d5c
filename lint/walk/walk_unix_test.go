//go:build unix

package walk

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A named pipe among the articles would block the read for ever (as root
// too); the walk names it as an error and goes on. A link to a pipe is
// judged by its target; a link to a folder is not followed.
func TestPipesAreReportedNotHandedOn(t *testing.T) {
	root := tree(t, "a.md=x", "sub/b.md=x")
	require.NoError(t, syscall.Mkfifo(filepath.Join(root, "pipe.md"), 0o644))
	require.NoError(t, os.Symlink("pipe.md", filepath.Join(root, "link-to-pipe.md")))
	require.NoError(t, os.Symlink("sub", filepath.Join(root, "folder.md")))
	require.NoError(t, os.Symlink("missing", filepath.Join(root, "broken.md")))
	files, err := Files([]string{root}, func(string) Filter { return extFilter{} })
	assert.Equal(t, []string{"a.md", "broken.md", "sub/b.md"}, rel(t, root, files), "a broken link is handed on: reading it names the problem")
	errs := Errors(err)
	require.Len(t, errs, 2)
	for i, name := range []string{"link-to-pipe.md", "pipe.md"} {
		var pe *fs.PathError
		require.ErrorAs(t, errs[i], &pe)
		assert.Equal(t, filepath.Join(root, name), pe.Path)
		assert.ErrorIs(t, errs[i], errNotRegular)
	}
}
