package main

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMemoryLimitFollowsTheLongestSectionedInput checks the soft limit a
// run gives the runtime: raised for a longer input, never lowered, and left
// alone when the user set GOMEMLIMIT.
func TestMemoryLimitFollowsTheLongestSectionedInput(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	debug.SetMemoryLimit(math.MaxInt64)

	m := &memoryLimit{enabled: true}
	m.reserve(10 << 20)
	assert.Equal(t, int64(48<<20+30<<20), debug.SetMemoryLimit(-1))
	m.reserve(5 << 20)
	assert.Equal(t, int64(48<<20+30<<20), debug.SetMemoryLimit(-1), "a shorter input does not lower it")
	m.reserve(100 << 20)
	assert.Equal(t, int64(48<<20+300<<20), debug.SetMemoryLimit(-1))

	debug.SetMemoryLimit(math.MaxInt64)
	user := &memoryLimit{enabled: false}
	user.reserve(100 << 20)
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "GOMEMLIMIT set by the user wins")
}
