//go:build !unix

package main

import (
	"bytes"
	"io"
	"os"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/textmap"
)

// readFile reads a file whose size stat allows (see document.CheckSize).
func readFile(path string) ([]byte, error) {
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
	buf := bytes.NewBuffer(readBuffer(int(info.Size()) + bytes.MinRead)) // read without regrowing
	_, err = buf.ReadFrom(io.LimitReader(f, textmap.MaxOffset+1))
	return buf.Bytes(), err
}
