package numbers

import (
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/utf8x"
)

// Byte-level helpers. The text is normalized, but matching still folds
// ASCII case so that an "N = 48" that escaped lower-casing is found too.

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold reports whether t[i:] begins with p (p is lower case).
func hasPrefixFold(t string, i int, p string) bool {
	if len(t)-i < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if lower(t[i+k]) != p[k] {
			return false
		}
	}
	return true
}

// endsWithFold reports whether t[:k] ends with p (p is lower case). It
// compares from the end, where most candidates already differ.
func endsWithFold(t string, k int, p string) bool {
	for n := len(p) - 1; n >= 0; n-- {
		k--
		if lower(t[k]) != p[n] {
			return false
		}
	}
	return true
}

// wordAt reports whether the word p starts at i and ends at a word boundary.
func wordAt(t string, i int, p string) bool {
	if !hasPrefixFold(t, i, p) {
		return false
	}
	e := i + len(p)
	return e == len(t) || !isLetter(t[e]) || !isLetter(p[len(p)-1])
}

// suffixAt looks for an entry of list (longest first) ending at k. Entries
// that begin with an ASCII letter must start a word, so "over" does not
// match inside "moreover". It returns where the match starts.
func suffixAt(t string, k int, ss *suffixSet) (int, bool) {
	if pairBits(t, k)&ss.bit == 0 { // most lists at most positions
		return k, false
	}
	return ss.matchAt(t, k)
}

// at is suffixAt with the pairBits of k already read: one bit test
// where the list is ruled out, inlined at the call.
func (ss *suffixSet) at(t string, k int, bits uint32) (j int, ok bool) {
	if j = k; bits&ss.bit != 0 {
		j, ok = ss.matchAt(t, k)
	}
	return j, ok
}

// matchAt is suffixAt past the pair gate.
func (ss *suffixSet) matchAt(t string, k int) (int, bool) {
	g := ss.group[lower(t[k-1])]
	for _, p := range ss.byLast[g[0]:g[1]] {
		j := k - len(p)
		if j < 0 || !endsWithFold(t, k, p) {
			continue
		}
		if isLetter(p[0]) && j > 0 && isLetter(t[j-1]) {
			continue
		}
		return j, true
	}
	return k, false
}

// trimSpaceBack moves k left over spaces.
func trimSpaceBack(t string, k int) int {
	for k > 0 && t[k-1] == ' ' {
		k--
	}
	return k
}

// skipSpace moves j right over one space (runs are already collapsed).
func skipSpace(t string, j int) int {
	if j < len(t) && t[j] == ' ' {
		return j + 1
	}
	return j
}

// runeAt decodes the rune at i; size is 0 at the end of the text.
func runeAt(t string, i int) (rune, int) {
	if i >= len(t) {
		return 0, 0
	}
	if c := t[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	if r, n := utf8x.Rune3At(t, i); n > 0 { // Chinese: decoded inline
		return r, n
	}
	return utf8x.RuneAt(t, i)
}

// runeBefore decodes the rune ending at k; size is 0 at the start of the
// text.
func runeBefore(t string, k int) (rune, int) {
	if k <= 0 {
		return 0, 0
	}
	if c := t[k-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	if r, n := utf8x.Rune3Before(t, k); n > 0 { // Chinese: decoded inline
		return r, n
	}
	return utf8x.RuneBefore(t, k)
}

// backRunes returns the offset n runes before k (Chinese runes stepped
// over by runeBefore's inline path, not the general decoder).
func backRunes(t string, k, n int) int {
	for ; n > 0 && k > 0; n-- {
		_, size := utf8x.Rune3Before(t, k) // Chinese: inline, no call
		if size == 0 {
			_, size = runeBefore(t, k)
		}
		k -= size
	}
	return k
}

// fwdRunes returns the offset n runes after k.
func fwdRunes(t string, k, n int) int {
	for ; n > 0 && k < len(t); n-- {
		_, size := utf8x.Rune3At(t, k) // Chinese: inline, no call
		if size == 0 {
			_, size = runeAt(t, k)
		}
		k += size
	}
	return k
}

// word returns the run of ASCII letters at i (possibly empty) and its end.
func word(t string, i int) (string, int) {
	j := i
	for j < len(t) && isLetter(t[j]) {
		j++
	}
	return t[i:j], j
}

// maxFolded is the longest word a wordTable folds to lower case; a longer
// one is looked up as it is.
const maxFolded = 40

// wordTable is a map of lower-case words looked up with ASCII case folded,
// without hashing: its keys are grouped by shape (first and last byte,
// case folded, and length; see wordShape), and a word is compared with
// the few keys of its shape, most often none. The words after a number
// are looked up in three lists each, and most are in none; a map lookup
// hashed every one of them.
type wordTable[T any] struct {
	m     map[string]T            // the source: asked for words get does not fold (empty, or too long)
	first [tableShapes + 1]uint16 // the keys of shape b are keys[first[b]:first[b+1]]
	keys  []string
	vals  []T
}

// tableShapes is the number of shapes a wordTable groups its keys by.
const tableShapes = 1024

// wordShape is the shape of w, which is not empty.
func wordShape(w string) uint {
	return (uint(lower(w[0]))*67 + uint(lower(w[len(w)-1]))*7 + uint(len(w))) % tableShapes
}

// newWordTable groups the keys of m by shape. Only the built-in word
// lists are tables, each of a few hundred words at most: one too large for
// first's uint16 indexes is a programming error, caught at table build.
func newWordTable[T any](m map[string]T) *wordTable[T] {
	wt := &wordTable[T]{m: m}
	if len(m) > 1<<16-1 {
		panic("numbers: a word table holds at most 65535 words (its indexes are uint16)")
	}
	var count [tableShapes]int
	for w := range m {
		if w != "" {
			count[wordShape(w)]++
		}
	}
	n := 0
	for b, c := range count {
		wt.first[b] = uint16(n)
		n += c
	}
	wt.first[tableShapes] = uint16(n)
	wt.keys, wt.vals = make([]string, n), make([]T, n)
	next := wt.first
	for w, v := range m {
		if w != "" {
			b := wordShape(w)
			wt.keys[next[b]], wt.vals[next[b]] = w, v
			next[b]++
		}
	}
	return wt
}

// get is wt.m[w] with w's ASCII letters lower-cased.
func (wt *wordTable[T]) get(w string) (T, bool) {
	if w == "" || len(w) > maxFolded {
		v, ok := wt.m[w]
		return v, ok
	}
	b := wordShape(w)
	for i := wt.first[b]; i < wt.first[b+1]; i++ {
		if k := wt.keys[i]; len(k) == len(w) && equalFolded(k, w) {
			return wt.vals[i], true
		}
	}
	var zero T
	return zero, false
}

// equalFolded reports whether k is w with ASCII letters lower-cased; they
// have the same length.
func equalFolded(k, w string) bool {
	for i := 0; i < len(w); i++ {
		if k[i] != lower(w[i]) {
			return false
		}
	}
	return true
}

// asciiRunEnd returns the end of the identifier-like run at i
// ("10.1038/s41586-023-0123", "covid-19", "v2.3.1").
func asciiRunEnd(t string, i int) int {
	j := i
	for j < len(t) && (isAlnum(t[j]) || strings.IndexByte("._-/:+#", t[j]) >= 0) {
		j++
	}
	if j == i {
		j++
	}
	return j
}

// isCJKRune reports a Han ideograph.
func isCJKRune(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FFFF
}

// byteSet is a set of bytes: the first bytes of a list of words, so that
// a position where none of them starts costs one load.
type byteSet [4]uint64

func newByteSet(words ...string) *byteSet {
	bs := new(byteSet)
	for _, w := range words {
		bs[w[0]/64] |= 1 << (w[0] % 64)
	}
	return bs
}

func (bs *byteSet) has(c byte) bool { return bs[c/64]&(1<<(c%64)) != 0 }
