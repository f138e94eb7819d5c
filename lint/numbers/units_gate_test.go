package numbers

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// notBefore answers as strings.ContainsRune on the rune after a unit, for
// every unit's list and every rune of the plane, cut runes and the end.
func TestNotBeforeMatchesContainsRune(t *testing.T) {
	lists := map[string]bool{}
	for _, us := range zhUnits {
		for _, u := range us {
			if u.notBefore != "" {
				lists[u.notBefore] = true
			}
		}
	}
	require.Greater(t, len(lists), 5, "the units have lists")
	texts := []string{"年", "年\xe4\xb8", "年\xff", "年\x00"}
	for r := rune(0); r < 0x10000; r++ {
		if utf8.ValidRune(r) {
			texts = append(texts, "年"+string(r))
		}
	}
	hits := 0
	for list := range lists {
		for _, text := range texts {
			e := len("年")
			nr, _ := runeAt(text, e)
			want := nr != 0 && strings.ContainsRune(list, nr)
			if got := notBefore(text, e, list); got != want {
				t.Fatalf("notBefore(%q, %q) = %v, want %v", text, list, got, want)
			}
			if want {
				hits++
			}
		}
	}
	require.Greater(t, hits, 20)
}

// A unit's refusedBefore, which rules most runes out by their last byte,
// answers as notBefore on its list, for every unit with a list and every
// rune of the plane, cut runes and the end.
func TestRefusedBeforeMatchesNotBefore(t *testing.T) {
	texts := []string{"年", "年\xe4\xb8", "年\xff", "年\x00", "年\xe9\xbe"}
	for r := rune(0); r < 0x10000; r++ {
		if utf8.ValidRune(r) {
			texts = append(texts, "年"+string(r))
		}
	}
	units, refused := 0, 0
	for _, us := range zhUnits {
		for i := range us {
			u := &us[i]
			if u.notBefore == "" {
				require.Zero(t, u.notBeforeEnds, u.s)
				continue
			}
			units++
			for _, text := range texts {
				e := len("年")
				want := notBefore(text, e, u.notBefore)
				if got := u.refusedBefore(text, e); got != want {
					t.Fatalf("%s.refusedBefore(%q) = %v, want %v", u.s, text, got, want)
				}
				if want {
					refused++
				}
			}
		}
	}
	require.Greater(t, units, 20)
	require.Greater(t, refused, 100)
}

// Each indexed unit carries the noun classes classifierNouns gives its
// text, and every classifier there is an indexed unit.
func TestUnitCountsAreClassifierNouns(t *testing.T) {
	loadTables()
	found := 0
	for _, us := range zhUnits {
		for _, u := range us {
			require.Equal(t, classifierNouns[u.s], u.counts, "%s", u.s)
			if u.counts != 0 {
				found++
			}
		}
	}
	require.Equal(t, len(classifierNouns), found)
}
