package main

import (
	"runtime/debug"
	"sync"
)

// memoryBudget is what a lint run tells the Go runtime about the memory it
// may use, which decides how often the collector runs.
//
// Many small files keep little alive (the rules and lexicon, a few
// articles in flight), and the default pacing collects every time the heap
// doubles: dozens of collections per archive, most of the extra CPU two
// workers spent over one. Such a run collects when the heap has grown
// fivefold, under a soft limit of 48 MiB (archive runs then peak near
// 45 MiB, within the 64 MiB allowance).
//
// A large input needs memory in proportion to its size. Linted in
// sections and written as it is linted, in every format (the evidence card
// of JSON and SARIF handed out part by part, see lint.Linter.LintParts),
// 2.75 times it: the text and what a report keeps to its end (the line
// index, the card's studies, JSON's claims or JUnit's findings held until
// they can be written), about 1.6 times the text, and room for garbage
// between collections, as much as saves the collector's CPU and no more.
// Five times when its report is kept whole with the card, which then
// holds every claim of the text to the end (one of several inputs, or a
// text with suppression comments); whole, about twenty-five times. A limit
// below what the input keeps alive makes the collector run without pause.
// When one comes, the run returns to the default pacing and raises the
// limit to 48 MiB plus that need (the default pacing alone lets the heap
// grow further).
//
// A GOGC or GOMEMLIMIT the user sets turns all of this off.
type memoryBudget struct {
	mu      sync.Mutex
	managed bool
	large   int64 // the largest need reserved so far
}

const (
	baseMemory = 48 << 20
	// largeNeed is a need past which the base allowance is not enough.
	largeNeed = baseMemory / 2
)

// manageMemory says whether a run budgets the collector: only when it owns
// the runtime, the user set neither GOGC nor GOMEMLIMIT, and it streams
// (writes each file's report in turn and forgets it, which every format
// does). A run that keeps every file's report for the end (--fix) has a
// live heap that grows with the archive; under the small-file soft limit
// the collector then ran without pause (an archive's JSON took 2.6 times
// the CPU), so such a run keeps the runtime's default pacing.
func manageMemory(ownsRuntime bool, getenv func(string) string, streams bool) bool {
	return ownsRuntime && streams && getenv("GOGC") == "" && getenv("GOMEMLIMIT") == ""
}

// newMemoryBudget starts a run's budget; managed is false when the user set
// GOGC or GOMEMLIMIT, or the driver runs inside another program (tests).
func newMemoryBudget(managed bool) *memoryBudget {
	m := &memoryBudget{managed: managed}
	if managed {
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(baseMemory)
	}
	return m
}

// reserve makes room for linting an input of size bytes, with its whole
// evidence card held when card is set.
func (m *memoryBudget) reserve(size int, sectioned, card bool) {
	need := 25 * int64(size)
	switch {
	case sectioned && card:
		need = 5 * int64(size)
	case sectioned:
		need = 11 * int64(size) / 4
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.managed || need <= largeNeed || need <= m.large {
		return
	}
	if m.large == 0 {
		debug.SetGCPercent(100)
	}
	m.large = need
	debug.SetMemoryLimit(baseMemory + need)
}
