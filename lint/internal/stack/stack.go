// Package stack grows a goroutine's stack ahead of deep recursion.
package stack

// Grow makes the calling goroutine's stack 64 KiB in one step (a 32 KiB
// frame; with what the stack already holds the runtime's doubling ends
// at 64 KiB). A goroutine starts with 2 KiB and doubles its stack each time
// it runs out, copying it and walking every frame's tables each time;
// parsing and checking a rule's condition (expr's recursive descent) grew
// the loading goroutines' stacks four or five times each, about 5% of a
// small file's start-up. Growing once, while the stack is still shallow,
// copies almost nothing.
func Grow() { grow32K() }

//go:noinline
func grow32K() {
	var frame [32 << 10]byte
	use(frame[:])
}

//go:noinline
func use(b []byte) {
	if len(b) > 0 && b[0] != 0 {
		panic("unreachable")
	}
}
