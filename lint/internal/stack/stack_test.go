package stack

import (
	"runtime"
	"sync"
	"testing"
)

// stackInUse is the memory of goroutine stacks after n goroutines have
// each run before (Grow or nothing) and are blocked.
func stackInUse(n int, before func()) uint64 {
	var ready, done sync.WaitGroup
	release := make(chan struct{})
	for range n {
		ready.Add(1)
		done.Go(func() {
			before()
			ready.Done()
			<-release
		})
	}
	ready.Wait()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	close(release)
	done.Wait()
	return m.StackInuse
}

// Goroutines that call Grow hold stacks of at least 32 KiB each; without
// it they stay at the 2 KiB a goroutine starts with.
func TestGrowGivesEachGoroutineABigStack(t *testing.T) {
	const n = 64
	base := stackInUse(n, func() {})
	grown := stackInUse(n, Grow)
	if grown < base+n*30<<10 {
		t.Fatalf("stacks in use: %d KiB with Grow, %d KiB without, for %d goroutines: want at least 30 KiB more each",
			grown>>10, base>>10, n)
	}
}
