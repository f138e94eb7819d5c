package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/textmap"
)

// readThroughOS is readFile as written with package os, the reference.
func readThroughOS(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := document.CheckSize(path, info.Size()); err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, textmap.MaxOffset+1))
	return buf.Bytes(), err
}

// readFile gives the bytes and the errors package os gives: files of
// every size around the read buffer's, a missing file, a directory.
func TestReadFileAgreesWithOS(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, n := range []int{0, 1, bytes.MinRead - 1, bytes.MinRead, bytes.MinRead + 1, 100_000} {
		path := filepath.Join(dir, strings.Repeat("x", 1+n%7)+".txt")
		require.NoError(t, os.WriteFile(path, bytes.Repeat([]byte("神药a"), n/7+1)[:n], 0o644))
		paths = append(paths, path)
	}
	paths = append(paths, filepath.Join(dir, "missing.txt"), dir)
	for _, path := range paths {
		want, wantErr := readThroughOS(path)
		got, err := readFile(path)
		if wantErr != nil {
			require.Error(t, err, path)
			assert.Equal(t, wantErr.Error(), err.Error())
			assert.IsType(t, wantErr, err)
			continue
		}
		require.NoError(t, err, path)
		assert.Equal(t, want, got, path)
	}
}
