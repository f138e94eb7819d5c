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

// heavy weighs every report at the whole allowance for reports run ahead.
func heavy(report.File) int { return aheadBytes }

// light weighs every report at nothing.
func light(report.File) int { return 0 }

// TestInOrderHoldsFewReports makes the first input slow: the others finish
// meanwhile, but only two per worker may run ahead of it when their
// reports are heavy, and every report still comes in input order.
func TestInOrderHoldsFewReports(t *testing.T) {
	for _, c := range []struct {
		name      string
		weight    func(report.File) int
		mostAhead int
	}{{"heavy", heavy, 2 * 3}, {"light", light, aheadPerWorker * 3}} {
		t.Run(c.name, func(t *testing.T) {
			ahead := runAheadOfASlowFirst(t, 3, c.weight)
			assert.LessOrEqual(t, ahead, int64(c.mostAhead), "reports started before the first was used")
			if c.mostAhead > 2*3 {
				assert.Greater(t, ahead, int64(2*3), "light reports run further ahead")
			}
		})
	}
}

// runAheadOfASlowFirst lints 60 inputs whose first is slow and returns the
// most reports started before the first was used.
func runAheadOfASlowFirst(t *testing.T, jobs int, weight func(report.File) int) int64 {
	const n = 60
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
	inOrder(inputs, jobs, lint, weight, func(f report.File) bool {
		used.Add(1)
		got = append(got, f.Path)
		return true
	})
	require.Len(t, got, n)
	assert.Equal(t, inputs, got, "input order")
	return mostAhead.Load()
}

// Stopping early lints no more than what was already under way.
func TestInOrderStopsEarly(t *testing.T) {
	const jobs, n = 3, 60
	inputs := make([]string, n)
	for i := range inputs {
		inputs[i] = fmt.Sprint(i)
	}
	var started atomic.Int64
	var got []string
	inOrder(inputs, jobs, func(in string) report.File {
		started.Add(1)
		return report.File{Path: in}
	}, heavy, func(f report.File) bool {
		got = append(got, f.Path)
		return len(got) < 5
	})
	assert.Equal(t, inputs[:5], got)
	assert.LessOrEqual(t, started.Load(), int64(5+2*jobs))
}
