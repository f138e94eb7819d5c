//go:build race

package document

// raceEnabled: the race detector makes sync.Pool drop items at random, so
// a pooled list may be allocated again (see TestMarkdownParseBytes).
const raceEnabled = true
