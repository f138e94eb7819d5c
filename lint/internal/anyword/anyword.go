// Package anyword finds whether a text contains any of a list of words, in
// one pass over the text instead of one search per word.
package anyword

import "strings"

// Set is a list of words looked for anywhere in a text. One pass over the
// text looks pairs of bytes up in a bit set of the pairs the words open
// with and compares the words only where one may start (in Chinese text a
// first byte alone matches most characters).
type Set struct {
	words []string
	// shortest is the length of the shortest word (at least three bytes).
	shortest int
	// The pairs of bytes a, b, the second folded to its low six bits:
	// first[a] has bit b for a word that begins with bytes a, b; second
	// the same for its second and third bytes; inner for a pair at any of
	// the first shortest-1 places of a word. The first byte is not folded:
	// folded, a UTF-8 continuation byte (0x80-0xBF) would stand for an
	// ASCII letter, and inside Chinese text the English words' pairs
	// would let most steps through to the comparison.
	first, second, inner [256]uint64
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
			if ws.shortest == 0 || len(w) < ws.shortest {
				ws.shortest = len(w)
			}
		}
	}
	for _, w := range ws.words {
		ws.first[w[0]] |= 1 << (w[1] & 0x3F)
		ws.second[w[1]] |= 1 << (w[2] & 0x3F)
		for j := range ws.shortest - 1 {
			ws.inner[w[j]] |= 1 << (w[j+1] & 0x3F)
		}
	}
	return ws
}

// In reports whether s contains one of the words. Each step looks at the
// pair of bytes s[p-1], s[p]: every word starting in [p-n+1, p-1], n the
// shortest word's length, has it at one of its first n-1 places, so when
// no word has it there, those n-1 starts are ruled out and p moves on n-1
// bytes (the money words step three, not two as by a word's first and
// second pairs).
func (ws *Set) In(s string) bool {
	n := ws.shortest
	if n == 0 { // no words
		return false
	}
	for p := n - 1; p < len(s); p += n - 1 {
		// &0x3F folds the second byte (and tells the compiler the
		// shift is in range); a byte indexes 256 entries.
		if ws.inner[s[p-1]]&(1<<(uint(s[p])&0x3F)) == 0 {
			continue
		}
		for q := max(p-n+1, 0); q < p && q+2 < len(s); q++ {
			b1 := uint(s[q+1])
			if ws.first[s[q]]&(1<<(b1&0x3F)) != 0 && ws.second[b1]&(1<<(uint(s[q+2])&0x3F)) != 0 && ws.startsWithWord(s[q:]) {
				return true
			}
		}
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
