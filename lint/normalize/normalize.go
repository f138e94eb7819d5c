// Package normalize builds the matching view of a sentence: NFKC (full-width
// digits and punctuation become ASCII), Traditional Chinese folded to
// Simplified, lower case, white space collapsed, and line breaks inside
// Chinese text removed. The view carries a map back to the original bytes,
// so a match found in the view reports the exact source span.
package normalize

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/hypelint/hypelint/lint/textmap"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// View is normalized text with a map back to the text it came from.
type View struct {
	Text string
	Map  textmap.Map
}

// Normalize builds the matching view of text.
func Normalize(text string) View {
	s := scratchPool.Get().(*scratch)
	n := normalizer{src: text, out: s.out[:0], nfkc: s.nfkc[:0]}
	n.run()
	v := View{Text: string(n.out), Map: n.b.Map()}
	s.out, s.nfkc = n.out, n.nfkc
	scratchPool.Put(s)
	return v
}

// scratch holds a normalizer's working buffers between calls: allocating
// them per sentence was a fifth of all the bytes linting allocated.
type scratch struct{ out, nfkc []byte }

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

type normalizer struct {
	src  string
	out  []byte
	nfkc []byte // scratch for one NFKC segment
	b    textmap.Builder
}

func (n *normalizer) run() {
	for i := 0; i < len(n.src); {
		c := n.src[i]
		switch {
		case c < utf8.RuneSelf && isASCIISpace(c):
			i = n.space(i)
		case c < utf8.RuneSelf && (i+1 == len(n.src) || n.src[i+1] < utf8.RuneSelf):
			// ASCII not followed by a possible combining mark: lower-case in
			// place; one byte stays one byte, so the map stays linear.
			j := n.asciiRun(i)
			for k := i; k < j; k++ {
				n.out = append(n.out, lowerASCII(n.src[k]))
			}
			n.b.Copy(i, j-i)
			i = j
		default:
			r, size := utf8.DecodeRuneInString(n.src[i:])
			switch {
			case unicode.IsSpace(r):
				i = n.space(i)
			case isCommonHan(r):
				// Common Han characters are NFKC-stable; only fold the script
				// (and written Cantonese's function characters).
				if c, ok := cantonese[r]; ok {
					n.emit(i, size, c)
					i += size
					break
				}
				if f := zhconv.Fold(r); f != r {
					n.emit(i, size, string(f))
					i += size
					break
				}
				j := n.stableHanRun(i + size)
				n.out = append(n.out, n.src[i:j]...)
				n.b.Copy(i, j-i)
				i = j
			default:
				i = n.segment(i)
			}
		}
	}
}

// asciiRun returns the end of the run of ASCII that starts at i (whose
// first byte qualifies): no white space, and no byte followed by a possible
// combining mark. Such a run is copied as a whole.
func (n *normalizer) asciiRun(i int) int {
	j := i + 1
	for j < len(n.src) && n.src[j] < utf8.RuneSelf && !isASCIISpace(n.src[j]) &&
		(j+1 == len(n.src) || n.src[j+1] < utf8.RuneSelf) {
		j++
	}
	return j
}

// stableHanRun returns the end of the run of common Han characters from i
// that folding leaves alone (Simplified text): copied as a whole.
func (n *normalizer) stableHanRun(i int) int {
	for i < len(n.src) {
		r, size := utf8.DecodeRuneInString(n.src[i:])
		if !isCommonHan(r) || zhconv.Fold(r) != r || cantonese[r] != "" {
			break
		}
		i += size
	}
	return i
}

func isCommonHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// segment normalizes one NFKC segment starting at i and returns its end.
func (n *normalizer) segment(i int) int {
	end := len(n.src)
	if k := norm.NFKC.NextBoundaryInString(n.src[i:], true); k > 0 {
		end = i + k
	}
	start := len(n.out)
	if r, size := utf8.DecodeRuneInString(n.src[i:]); i+size == end {
		n.out = append(n.out, singleRune(r)...)
		n.record(i, size, start)
		return end
	}
	n.nfkc = norm.NFKC.AppendString(n.nfkc[:0], n.src[i:end])
	for k := 0; k < len(n.nfkc); {
		r, size := utf8.DecodeRune(n.nfkc[k:])
		n.out = utf8.AppendRune(n.out, unicode.ToLower(zhconv.Fold(r)))
		k += size
	}
	n.record(i, end-i, start)
	return end
}

// singles caches the normalized form of one-rune segments (full-width
// punctuation and digits, "…", "℃"...), nearly all the segments that
// change: the norm package allocates a reorder buffer for each such call.
var singles sync.Map // rune → string

func singleRune(r rune) string {
	if v, ok := singles.Load(r); ok {
		return v.(string)
	}
	var out []byte
	for _, c := range norm.NFKC.String(string(r)) {
		out = utf8.AppendRune(out, unicode.ToLower(zhconv.Fold(c)))
	}
	if r <= 0xFFFF { // bounds the cache whatever the input
		singles.Store(r, string(out))
	}
	return string(out)
}

// emit writes out for src[i:i+size], as a verbatim copy when unchanged.
func (n *normalizer) emit(i, size int, out string) {
	start := len(n.out)
	n.out = append(n.out, out...)
	n.record(i, size, start)
}

// record maps what was written to out from start on to src[i:i+size]: a
// verbatim copy when unchanged.
func (n *normalizer) record(i, size, start int) {
	if string(n.out[start:]) == n.src[i:i+size] {
		n.b.Copy(i, size)
		return
	}
	n.b.Replace(i, size, len(n.out)-start)
}

// space collapses the white-space run at i to one ASCII space, or drops it
// at the ends of the text and at a line break between two Chinese characters
// (a PDF wrap inside a word).
func (n *normalizer) space(i int) int {
	j := i
	newline := false
	for j < len(n.src) {
		r, size := utf8.DecodeRuneInString(n.src[j:])
		if !unicode.IsSpace(r) {
			break
		}
		newline = newline || r == '\n' || r == '\r'
		j += size
	}
	prev, _ := utf8.DecodeLastRune(n.out)
	next, _ := utf8.DecodeRuneInString(n.src[j:])
	switch {
	case len(n.out) == 0 || j == len(n.src), newline && isCJK(prev) && isCJK(next):
		n.b.Replace(i, j-i, 0)
	case j-i == 1 && n.src[i] == ' ':
		n.out = append(n.out, ' ')
		n.b.Copy(i, 1)
	default:
		n.out = append(n.out, ' ')
		n.b.Replace(i, j-i, 1)
	}
	return j
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isCJK reports Han characters, kana and CJK or full-width punctuation:
// text between which a line break is a wrap, not a word break.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”'
}
