package main

import "github.com/hypelint/hypelint/lint/reuse"

// readBuffers holds the buffers of files whose report is written (see
// recycleSource), so that reading a file allocates no buffer of its own.
// A large file's buffer goes to the collector, not to the next small file.
var readBuffers = reuse.Slices[byte]{Max: maxPooledRead}

// maxPooledRead is the largest buffer kept.
const maxPooledRead = 1 << 20

// readBuffer returns an empty buffer with room for n bytes.
func readBuffer(n int) []byte { return readBuffers.Get(n) }

// recycleSource gives the buffer a file was read (or decoded) into back to
// readBuffer: call it only when nothing reads the file's text any more
// (the file's report written by a writer that keeps nothing).
func recycleSource(b []byte) { readBuffers.Put(b) }
