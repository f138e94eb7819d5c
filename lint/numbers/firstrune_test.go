package numbers

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// zhNounAt, zhUnitStart and zhUnitAt take an entry as long as the rune
// the list is looked up by without comparing its bytes. They match what a
// comparison of every entry finds, for every entry of every list, alone,
// followed by text, cut short, and behind a malformed byte or a rune of
// another length.
func TestFirstRuneEntriesMatchPrefix(t *testing.T) {
	loadTables()
	var words []string
	for _, l := range zhUnits {
		for _, u := range l {
			words = append(words, u.s)
		}
	}
	for _, l := range zhNouns {
		for _, n := range l {
			words = append(words, n.s)
		}
	}
	var texts []string
	for _, w := range words {
		for _, tail := range []string{"", "研究", "人", "\xff", "a"} {
			texts = append(texts, w+tail, w[:len(w)-1]+tail, "\xe4"+w+tail, "\xff"+w, "é"+w, "a"+w)
		}
	}
	require.Greater(t, len(words), 100)
	for _, text := range texts {
		r, _ := runeAt(text, 0)
		wantNoun, wantEnd := noun{}, 0
		for _, n := range zhNounsOf(r) {
			if strings.HasPrefix(text, n.s) {
				wantNoun, wantEnd = n, len(n.s)
				break
			}
		}
		n, e, ok := zhNounAt(text, 0)
		require.Equal(t, wantEnd > 0, ok, "%q", text)
		if ok {
			require.Equal(t, wantNoun, n, "%q", text)
			require.Equal(t, wantEnd, e, "%q", text)
		}
		wantUnit, found := zhUnit{}, false
		for _, u := range zhUnitsOf(r) {
			if strings.HasPrefix(text, u.s) {
				wantUnit, found = u, true
				break
			}
		}
		s := scanner{text: text}
		u, ok := s.zhUnitStart(text, 0)
		require.Equal(t, found, ok, "%q", text)
		require.Equal(t, wantUnit, u, "%q", text)
		// zhUnitAt after digits: a unit found starts the hit it returns.
		tok := token{start: 0, end: 0, script: 'a', val: 12}
		var h unitHit
		ok = s.zhUnitAt(&tok, 0, &h)
		if found && !ok {
			continue // notBefore may refuse it
		}
		if ok && h.unit != "" {
			require.True(t, strings.HasPrefix(text, h.unit), "%q: unit %q", text, h.unit)
		}
	}
}

// entryAt answers as strings.HasPrefix for every entry of every unit and
// noun list against every other entry of the same list (the texts where
// the first rune matches), cut short, and followed by text.
func TestEntryAtMatchesHasPrefix(t *testing.T) {
	loadTables()
	var lists [][]string
	for _, l := range zhUnits {
		var ws []string
		for _, u := range l {
			ws = append(ws, u.s)
		}
		lists = append(lists, ws)
	}
	for _, l := range zhNouns {
		var ws []string
		for _, n := range l {
			ws = append(ws, n.s)
		}
		lists = append(lists, ws)
	}
	found := 0
	for _, ws := range lists {
		for _, text := range ws {
			for _, tt := range []string{text, text[:len(text)-1], text + "人", text + "\xe4"} {
				_, size := runeAt(tt, 0)
				for _, w := range ws {
					want := strings.HasPrefix(tt, w)
					if got := entryAt(tt, 0, w, size); got != want {
						t.Fatalf("entryAt(%q, %q) = %v, want %v", tt, w, got, want)
					}
					if want && len(w) > size {
						found++
					}
				}
			}
		}
	}
	require.Greater(t, found, 50)
}
