package numbers

import (
	"sync"
	"sync/atomic"
)

// The scanner's derived tables (suffixPairs, the rune indexes of units and
// nouns, the trigger sets, ...) are built on first use rather than in the
// package's init: a run that never scans a number (hypelint --version, a
// config check) does not pay for them, and a small file pays once it gets
// to its first sentence. So every exported function calls loadTables
// first, or goes through one that does (TestEntryPointsLoadTables): a
// reader of a table not yet built would panic (zhUnitsOf, zhNounsOf index
// empty slots) or panic (a wordTable not yet made).
var (
	tablesOnce  sync.Once
	tablesBuilt atomic.Bool // for tests: whether buildTables has run
)

// loadTables builds the tables once; it is cheap after the first call.
func loadTables() { tablesOnce.Do(buildTables) }

func buildTables() {
	indexSuffixSets()
	buildLexicon()
	buildTriggers()
	sortHyphenUnits()
	buildStudySet()
	tablesBuilt.Store(true)
}
