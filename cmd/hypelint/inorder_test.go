package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/report"
)

// TestInOrderHoldsFewReports makes the first input slow: the others finish
// meanwhile, but only two per worker may run ahead of it, and every report
// still comes in input order.
func TestInOrderHoldsFewReports(t *testing.T) {
	const jobs, n = 3, 60
	inputs := make([]string, n)
	for i := range inputs {
		inputs[i] = fmt.Sprint(i)
	}
	var started, used atomic.Int64
	var mostAhead atomic.Int64
	release := make(chan struct{})
	var once sync.Once
	lint := func(in string) report.File {
		s := started.Add(1)
		if ahead := s - used.Load(); ahead > mostAhead.Load() {
			mostAhead.Store(ahead)
		}
		if in == "0" {
			// Wait until every other input has started (which a bounded
			// pool never lets happen) or a while has passed.
			select {
			case <-release:
			case <-time.After(200 * time.Millisecond):
			}
		} else if started.Load() == n {
			once.Do(func() { close(release) })
		}
		return report.File{Path: in}
	}
	var got []string
	inOrder(inputs, jobs, lint, func(f report.File) bool {
		used.Add(1)
		got = append(got, f.Path)
		return true
	})
	require.Len(t, got, n)
	assert.Equal(t, inputs, got, "input order")
	assert.LessOrEqual(t, mostAhead.Load(), int64(2*jobs), "reports started before the first was used")

	// Stopping early lints no more than what was already under way.
	started.Store(0)
	got = nil
	inOrder(inputs, jobs, func(in string) report.File {
		started.Add(1)
		return report.File{Path: in}
	}, func(f report.File) bool {
		got = append(got, f.Path)
		return len(got) < 5
	})
	assert.Equal(t, inputs[:5], got)
	assert.LessOrEqual(t, started.Load(), int64(5+2*jobs))
}
