//go:build race

package normalize

// raceEnabled: the race detector makes sync.Pool drop items at random, so
// a pooled scratch buffer may be allocated again (see TestArenaReusesItsMemory).
const raceEnabled = true
