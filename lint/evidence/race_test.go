//go:build race

package evidence

// raceEnabled: allocation counts differ under the race detector (its
// instrumentation changes what escapes), so the tests that count
// allocations do not hold them to their figures then.
const raceEnabled = true
