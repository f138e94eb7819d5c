package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/hypelint/hypelint/lint/reuse"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecycledRunEqualsFreshRun lints the corpus to JSON with each written
// file's text buffer and findings list reused for the next files, on one
// worker and on two, and compares with a run that reuses nothing: no text
// or finding of an earlier file shows through.
func TestRecycledRunEqualsFreshRun(t *testing.T) {
	corpus, err := filepath.Abs("../../corpus")
	require.NoError(t, err)
	lintJSON := func(freshReports bool, jobs string) result {
		var out, errOut bytes.Buffer
		e := &env{stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }, freshReports: freshReports}
		code := e.dispatch([]string{"--jobs", jobs, "--format", "json", "--fail-on", "none", corpus})
		return result{code, out.String(), errOut.String()}
	}
	for _, jobs := range []string{"1", "2"} {
		fresh := lintJSON(true, jobs)
		recycled := lintJSON(false, jobs)
		require.Equal(t, exitClean, fresh.code, fresh.stderr)
		require.Equal(t, exitClean, recycled.code, recycled.stderr)
		require.Greater(t, len(fresh.stdout), 10000)
		require.Equal(t, fresh.stdout, recycled.stdout, "--jobs %s", jobs)
	}
}

// TestReadBufferReusesAWrittenFilesBuffer: a file read after another's
// buffer was given back is read into that buffer, with none of the
// earlier bytes left (a longer file first, then a shorter one).
func TestReadBufferReusesAWrittenFilesBuffer(t *testing.T) {
	dir := t.TempDir()
	long, short := filepath.Join(dir, "long.txt"), filepath.Join(dir, "short.txt")
	require.NoError(t, os.WriteFile(long, []byte("a much longer first file\n"), 0o644))
	require.NoError(t, os.WriteFile(short, []byte("short\n"), 0o644))
	drainReadBuffers()
	reused := 0
	for range 20 { // the pool may drop a buffer now and then (often under -race)
		first, err := readFile(long)
		require.NoError(t, err)
		recycleSource(first)
		second, err := readFile(short)
		require.NoError(t, err)
		assert.Equal(t, "short\n", string(second))
		if &first[:1][0] == &second[:1][0] {
			reused++
		}
	}
	assert.Positive(t, reused, "no round read into the given-back buffer")
}

// TestReadBufferPutsBackABufferTooSmall: a pooled buffer too small for a
// large file stays pooled for the next small one (the pool may drop a
// buffer now and then, hence the rounds).
func TestReadBufferPutsBackABufferTooSmall(t *testing.T) {
	drainReadBuffers()
	kept := 0
	for range 20 {
		small := make([]byte, 1, 64)
		recycleSource(small)
		large := readBuffer(128)
		require.Zero(t, len(large))
		require.GreaterOrEqual(t, cap(large), 128)
		if next := readBuffer(8); cap(next) > 0 && &next[:1][0] == &small[0] {
			kept++
		}
	}
	assert.Positive(t, kept, "a buffer too small for one file never served the next")
}

// drainReadBuffers empties the pool of the buffers earlier tests gave
// back, which a get would return before the one a test just put.
func drainReadBuffers() {
	readBuffers = reuse.Slices[byte]{Max: maxPooledRead}
}
