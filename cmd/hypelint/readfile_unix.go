//go:build unix

package main

import (
	"bytes"
	"io/fs"
	"slices"
	"syscall"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/textmap"
)

// readFile reads a file whose size stat allows (see document.CheckSize),
// with the errors os.Open, Stat and Read give. It makes the system calls
// itself: os.Open also offers each file to the runtime's poller (which
// refuses regular files), makes it non-blocking and sets a finalizer,
// which came to a third of reading an archive's articles.
func readFile(path string) ([]byte, error) {
	fd, err := retry(func() (int, error) { return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if _, err := retry(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if err := document.CheckSize(path, int64(st.Size)); err != nil {
		return nil, err
	}
	const limit = textmap.MaxOffset + 1
	buf := readBuffer(int(st.Size) + bytes.MinRead) // read without regrowing
	for len(buf) < limit {
		if len(buf) == cap(buf) { // a file that grew, or a pipe
			buf = slices.Grow(buf, bytes.MinRead)
		}
		n, err := retry(func() (int, error) { return syscall.Read(fd, buf[len(buf):min(cap(buf), limit)]) })
		if err != nil {
			return buf, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n <= 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	return buf, nil
}

// retry makes a system call again when a signal interrupted it.
func retry(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
