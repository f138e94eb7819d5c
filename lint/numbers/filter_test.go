package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lookup finds w in m, folding ASCII case without allocating: the map
// lookup wordTable.get replaced, its reference.
func lookup[T any](m map[string]T, w string) (T, bool) {
	var buf [maxFolded]byte
	if len(w) > len(buf) {
		v, ok := m[w]
		return v, ok
	}
	for k := 0; k < len(w); k++ {
		buf[k] = lower(w[k])
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}

// checkTable compares wordTable.get with lookup, the map lookup it
// replaces, on every key of m in three cases, on each key with one byte
// changed, and on random words.
func checkTable[T comparable](t *testing.T, name string, wt *wordTable[T], m map[string]T) {
	t.Helper()
	same := func(w string) bool {
		v1, ok1 := wt.get(w)
		v2, ok2 := lookup(m, w)
		if v1 != v2 || ok1 != ok2 {
			t.Errorf("%s: get(%q) = %v, %v; lookup = %v, %v", name, w, v1, ok1, v2, ok2)
			return false
		}
		return ok1
	}
	for w := range m {
		if w == "" {
			continue
		}
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if !same(v) && v == w && w == strings.ToLower(w) {
				t.Errorf("%s: key %q not found", name, w)
			}
		}
		for i := range len(w) {
			same(w[:i] + "x" + w[i+1:])
			same(w[:i] + w[i+1:])
		}
		same(w + "s")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const letters = "abcdefghijklmnopqrstuvwxyzABCZ-'.0123"
	for range 20000 {
		b := make([]byte, rng.IntN(44))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		same(string(b))
	}
	same("")
}

// TestWordTablesMatchLookup checks that every word list's table answers
// as looking the word up in the map does.
func TestWordTablesMatchLookup(t *testing.T) {
	loadTables()
	checkTable(t, "enUnits", enUnitTable, enUnits)
	checkTable(t, "enNouns", enNounTable, enNouns)
	checkTable(t, "enStop", enStopTable, enStop)
	checkTable(t, "enTriggers", enTriggerTable, enTriggers)
	checkTable(t, "enTwice", enTwiceTable, enTwice)
	checkTable(t, "enNumWords", enNumWordTable, enNumWords)
	checkTable(t, "enVagueCounts", enVagueCountTable, enVagueCounts)
	checkTable(t, "enScaleWords", enScaleTable, enScaleWords)
	checkTable(t, "enVagueAdj", enVagueAdjTable, enVagueAdj)
	checkTable(t, "enVagueNoun", enVagueNounTable, enVagueNoun)
}

// TestWordTableLongAndOddKeys covers the keys get compares in no group: a
// word longer than lookup folds is asked of the map as it is, and a key
// with an upper-case letter is found by no folded word.
func TestWordTableLongAndOddKeys(t *testing.T) {
	long := strings.Repeat("x", maxFolded+1)
	m := map[string]int{"a": 1, "Bc": 2, long: 3, "": 4, "an": 5, "na": 6}
	checkTable(t, "odd", newWordTable(m), m)
}
