package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkFilter compares filteredLookup with lookup on every key of m, in
// three cases, and on random words, and returns how many random words the
// filter ruled out.
func checkFilter[T comparable](t *testing.T, name string, f *wordFilter, m map[string]T) int {
	t.Helper()
	same := func(w string) bool {
		v1, ok1 := filteredLookup(f, m, w)
		v2, ok2 := lookup(m, w)
		if v1 != v2 || ok1 != ok2 {
			t.Errorf("%s: filteredLookup(%q) = %v, %v; lookup = %v, %v", name, w, v1, ok1, v2, ok2)
			return false
		}
		return ok1
	}
	for w := range m {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if !same(v) && v == w {
				t.Errorf("%s: key %q not found", name, w)
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const letters = "abcdefghijklmnopqrstuvwxyzABCZ-'.0123"
	ruled := 0
	for range 20000 {
		b := make([]byte, rng.IntN(44))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		w := string(b)
		same(w)
		if w != "" && len(w) <= maxFolded {
			if s := wordShape(w); f[s/64]&(1<<(s%64)) == 0 {
				ruled++
			}
		}
	}
	return ruled
}

// TestWordFiltersMatchLookup checks that the filters in front of enUnits,
// enNouns and enStop never change a lookup's answer, and that they rule
// out most words.
func TestWordFiltersMatchLookup(t *testing.T) {
	for _, c := range []struct {
		name  string
		ruled int
	}{
		{"enUnits", checkFilter(t, "enUnits", &enUnitFilter, enUnits)},
		{"enNouns", checkFilter(t, "enNouns", &enNounFilter, enNouns)},
		{"enStop", checkFilter(t, "enStop", &enStopFilter, enStop)},
	} {
		if c.ruled < 10000 {
			t.Errorf("%s: the filter ruled out only %d of 20000 random words", c.name, c.ruled)
		}
	}
}
