package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A file over 2 GiB is refused from its size, before a byte is read: it was
// read whole first (2.3 GB resident, and for 0xFF bytes a misleading "not
// valid UTF-8"). The file is sparse, so the test writes nothing to disk.
func TestOversizedFileRefusedBeforeReading(t *testing.T) {
	dir := writeFiles(t, map[string]string{"ok.txt": hyped})
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(3<<30))
	require.NoError(t, f.Close())

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r := runCLI(t, nil, false, "--format", "json", big, filepath.Join(dir, "ok.txt"))
	runtime.ReadMemStats(&after)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(256<<20), "the 3 GiB file was not read")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "huge.txt: byte offset 2147483647: the file is larger than 2 GiB")
	assert.NotContains(t, r.stderr, "UTF-8")
	assert.Contains(t, r.stdout, "ok.txt", "the other file is still linted")
}

func TestUTF16InputIsNamed(t *testing.T) {
	dir := writeFiles(t, map[string]string{"win.txt": "\xff\xfeN\x00M\x00N\x00"})
	r := runCLI(t, nil, false, filepath.Join(dir, "win.txt"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "win.txt: UTF-16 is not supported; convert to UTF-8")
}

// Lone CR line ends count as line ends, as in the language server.
func TestLoneCRLineEndsInTheCLI(t *testing.T) {
	dir := writeFiles(t, map[string]string{"mac.txt": "标题\r\r研究显示，这款神药让患者返老还童。\r"})
	r := runCLI(t, nil, false, filepath.Join(dir, "mac.txt"))
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, "mac.txt:3:8: ", "神药 on line 3, column 8")
	assert.NotContains(t, r.stdout, "\r")
}

// A file name that holds control characters reaches standard error escaped.
func TestErrorsEscapeFileNames(t *testing.T) {
	dir := writeFiles(t, map[string]string{"evil\x1b]0;owned\a.txt": "ok\xff\n"})
	r := runCLI(t, nil, false, filepath.Join(dir, "evil\x1b]0;owned\a.txt"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `evil\x1b]0;owned\a.txt: byte offset 2`)
	assert.NotContains(t, r.stderr, "\x1b")
}
