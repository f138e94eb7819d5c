package main

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMemoryBudget checks what a run tells the runtime: collect at five
// times the live heap under 48 MiB while inputs are small; default pacing
// and a limit of 48 MiB plus the input's need once one is large (five
// times a sectioned text with its evidence card held, 2.75 times one
// without, twenty-five times anything else), never lowered;
// nothing at all when the user set GOGC or GOMEMLIMIT.
func TestMemoryBudget(t *testing.T) {
	gc, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	defer func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}()
	current := func() (int, int64) {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p, debug.SetMemoryLimit(-1)
	}

	m := newMemoryBudget(true)
	assertBudget := func(wantGC int, wantLimit int64, msg string) {
		t.Helper()
		gotGC, gotLimit := current()
		assert.Equal(t, wantGC, gotGC, msg)
		assert.Equal(t, wantLimit, gotLimit, msg)
	}
	assertBudget(400, 48<<20, "at the start")
	m.reserve(20<<10, false, false)
	assertBudget(400, 48<<20, "a 20 KB article changes nothing")
	m.reserve(10<<20, true, false)
	assertBudget(100, 48<<20+(11*10<<20)/4, "a 10 MB text in sections")
	m.reserve(2<<20, false, true)
	assertBudget(100, 48<<20+50<<20, "a 2 MB Markdown file, linted whole")
	m.reserve(5<<20, true, false)
	assertBudget(100, 48<<20+50<<20, "a smaller need does not lower the limit")
	m.reserve(12<<20, true, true)
	assertBudget(100, 48<<20+60<<20, "a 12 MB text in sections with its evidence card")

	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	user := newMemoryBudget(false)
	user.reserve(100<<20, true, true)
	assertBudget(100, math.MaxInt64, "GOGC or GOMEMLIMIT set by the user wins")
}

// Only a streaming run in a process of its own, with neither GOGC nor
// GOMEMLIMIT set, budgets the collector.
func TestManageMemory(t *testing.T) {
	none := func(string) string { return "" }
	gogc := func(k string) string {
		if k == "GOGC" {
			return "200"
		}
		return ""
	}
	limit := func(k string) string {
		if k == "GOMEMLIMIT" {
			return "1GiB"
		}
		return ""
	}
	assert.True(t, manageMemory(true, none, true), "text streamed to standard output")
	assert.False(t, manageMemory(true, none, false), "a run that keeps every file's report (JSON, SARIF, -o)")
	assert.False(t, manageMemory(false, none, true), "inside another program")
	assert.False(t, manageMemory(true, gogc, true), "GOGC set")
	assert.False(t, manageMemory(true, limit, true), "GOMEMLIMIT set")
}
