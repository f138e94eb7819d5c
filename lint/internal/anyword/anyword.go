// Package anyword finds whether a text contains any of a list of words, in
// one pass over the text instead of one search per word.
package anyword

import "strings"

// Set is a list of words looked for anywhere in a text. One pass over the
// text looks each three bytes up in bit sets of the words' first and
// second pairs of bytes and compares the words only where one may start
// (in Chinese text a first byte alone matches most characters).
type Set struct {
	words []string
	// The pairs of bytes, each folded to its low six bits: first[a] has
	// bit b for a word that begins with bytes a, b; second the same for
	// its second and third bytes.
	first, second [64]uint64
	// either is first | second: a pair in neither place of any word lets
	// the search step two bytes.
	either [64]uint64
}

// New makes the set of the words of lists, each of them at least three
// bytes long (it panics on a shorter one).
func New(lists ...[]string) *Set {
	ws := &Set{}
	for _, l := range lists {
		for _, w := range l {
			if len(w) < 3 {
				panic("anyword: a word shorter than three bytes: " + w)
			}
			ws.words = append(ws.words, w)
			ws.first[w[0]&0x3F] |= 1 << (w[1] & 0x3F)
			ws.second[w[1]&0x3F] |= 1 << (w[2] & 0x3F)
		}
	}
	for i := range ws.either {
		ws.either[i] = ws.first[i] | ws.second[i]
	}
	return ws
}

// In reports whether s contains one of the words. Each step looks at the
// pair of bytes s[p-1], s[p]: a word starting at p-2 has it as its second
// pair, one starting at p-1 as its first, so when neither holds it, both
// starts are ruled out and p moves on two bytes.
func (ws *Set) In(s string) bool {
	for p := 2; p < len(s); {
		// &0x3F folds each byte (and tells the compiler no index or
		// shift is out of range).
		b1, b2 := uint(s[p-1]), uint(s[p])
		if ws.either[b1&0x3F]&(1<<(b2&0x3F)) == 0 {
			p += 2
			continue
		}
		if ws.first[uint(s[p-2])&0x3F]&(1<<(b1&0x3F)) != 0 && ws.second[b1&0x3F]&(1<<(b2&0x3F)) != 0 && ws.startsWithWord(s[p-2:]) {
			return true
		}
		p++
	}
	return false
}

// startsWithWord reports whether s begins with one of the words.
func (ws *Set) startsWithWord(s string) bool {
	for _, w := range ws.words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
