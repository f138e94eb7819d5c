package zhconv

import (
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/rules"
)

// The tables parsed line by line into entries, then built into a fold table
// or a dictionary: the straightforward reading foldTableOf, dictOf,
// sortedFold and sortedTable are tested against.

// entry is one "KEY<TAB>VALUE" line of a table.
type entry struct{ key, value string }

// parseLine splits one table line. It reports false for anything the
// generator would never write (no tab, several tabs, empty side, invalid
// UTF-8), so a damaged table degrades to fewer conversions, never to a panic
// in the middle of a lint run.
func parseLine(line string) (entry, bool) {
	line = strings.TrimSuffix(line, "\r")
	key, value, ok := strings.Cut(line, "\t")
	if !ok || key == "" || value == "" || strings.Contains(value, "\t") {
		return entry{}, false
	}
	if !utf8.ValidString(key) || !utf8.ValidString(value) {
		return entry{}, false
	}
	return entry{key, value}, true
}

// singleRune returns the only rune of s, or false if s is not exactly one
// valid rune.
func singleRune(s string) (rune, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || size != len(s) {
		return 0, false
	}
	return r, true
}

// parseTable returns the well-formed entries of a table's text, skipping
// blank and malformed lines.
func parseTable(data string) []entry {
	var out []entry
	for line := range strings.Lines(data) {
		if e, ok := parseLine(strings.TrimSuffix(line, "\n")); ok {
			out = append(out, e)
		}
	}
	return out
}

// readTable loads a table from rules.FS (no entries when it is missing).
func readTable(name string) []entry {
	data, err := rules.FS.ReadFile(name)
	if err != nil {
		return nil
	}
	return parseTable(string(data))
}

// newFoldTable builds the lookup structure, skipping entries that are not
// one rune to one rune.
func newFoldTable(entries []entry) *foldTable {
	t := &foldTable{lo: utf8.MaxRune + 1, astral: map[rune]rune{}}
	pairs := make(map[rune]rune, len(entries))
	for _, e := range entries {
		k, okK := singleRune(e.key)
		v, okV := singleRune(e.value)
		if !okK || !okV || k == v {
			continue
		}
		pairs[k] = v
		if k <= maxBMP && k < t.lo {
			t.lo = k
		}
	}
	if t.lo <= maxBMP {
		t.bmp = make([]rune, maxBMP-t.lo+1)
	}
	for k, v := range pairs {
		if k <= maxBMP {
			t.bmp[k-t.lo] = v
		} else {
			t.astral[k] = v
		}
	}
	return t
}

// newDict builds a dictionary from parsed entries.
func newDict(entries []entry) *dict {
	d := &dict{m: make(map[string]string, len(entries))}
	for _, e := range entries {
		if _, dup := d.m[e.key]; dup {
			continue // keep the first, as the generator sorted it
		}
		d.m[e.key] = e.value
		d.maxRunes = max(d.maxRunes, utf8.RuneCountInString(e.key))
	}
	return d
}
