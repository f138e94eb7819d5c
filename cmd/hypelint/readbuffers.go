package main

import "sync"

// readBuffers holds the buffers of files whose report is written (see
// recycleSource), so that reading a file allocates no buffer of its own.
var readBuffers sync.Pool // of *[]byte

// maxPooledRead is the largest buffer kept: a large file's goes to the
// collector, not to the next small file.
const maxPooledRead = 1 << 20

// readBuffer returns an empty buffer with room for n bytes. A pooled
// buffer too small for n goes back for a smaller file.
func readBuffer(n int) []byte {
	if p, ok := readBuffers.Get().(*[]byte); ok {
		if cap(*p) >= n {
			return (*p)[:0]
		}
		readBuffers.Put(p)
	}
	return make([]byte, 0, n)
}

// recycleSource gives the buffer a file was read (or decoded) into back to
// readBuffer: call it only when nothing reads the file's text any more
// (the file's report written by a writer that keeps nothing).
func recycleSource(b []byte) {
	if cap(b) == 0 || cap(b) > maxPooledRead {
		return
	}
	b = b[:0]
	readBuffers.Put(&b)
}
