package normalize

// The normalizer as it was before its fast paths (a table of the Han
// characters that change, segments ended without asking the norm package
// before ASCII and Han, slots for single-rune segments, a byte table for
// ASCII runs): the reference they are tested against. Only the type name
// differs.

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/hypelint/hypelint/lint/textmap"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// refNormalize is Normalize by the reference normalizer.
func refNormalize(text string) View {
	n := refNormalizer{src: text}
	n.run()
	return View{Text: string(n.out), Map: n.b.Map()}
}

type refNormalizer struct {
	src  string
	out  []byte
	nfkc []byte // scratch for one NFKC segment
	b    textmap.Builder
}

func (n *refNormalizer) run() {
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
func (n *refNormalizer) asciiRun(i int) int {
	j := i + 1
	for j < len(n.src) && n.src[j] < utf8.RuneSelf && !isASCIISpace(n.src[j]) &&
		(j+1 == len(n.src) || n.src[j+1] < utf8.RuneSelf) {
		j++
	}
	return j
}

// stableHanRun returns the end of the run of common Han characters from i
// that folding leaves alone (Simplified text): copied as a whole.
func (n *refNormalizer) stableHanRun(i int) int {
	for i < len(n.src) {
		r, size := utf8.DecodeRuneInString(n.src[i:])
		if !isCommonHan(r) || zhconv.Fold(r) != r || cantonese[r] != "" {
			break
		}
		i += size
	}
	return i
}

// segment normalizes one NFKC segment starting at i and returns its end.
func (n *refNormalizer) segment(i int) int {
	end := len(n.src)
	if k := norm.NFKC.NextBoundaryInString(n.src[i:], true); k > 0 {
		end = i + k
	}
	start := len(n.out)
	if r, size := utf8.DecodeRuneInString(n.src[i:]); i+size == end {
		n.out = append(n.out, normalizeRune(r)...)
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

// emit writes out for src[i:i+size], as a verbatim copy when unchanged.
func (n *refNormalizer) emit(i, size int, out string) {
	start := len(n.out)
	n.out = append(n.out, out...)
	n.record(i, size, start)
}

// record maps what was written to out from start on to src[i:i+size]: a
// verbatim copy when unchanged.
func (n *refNormalizer) record(i, size, start int) {
	if string(n.out[start:]) == n.src[i:i+size] {
		n.b.Copy(i, size)
		return
	}
	n.b.Replace(i, size, len(n.out)-start)
}

// space collapses the white-space run at i to one ASCII space, or drops it
// at the ends of the text and at a line break between two Chinese characters
// (a PDF wrap inside a word).
func (n *refNormalizer) space(i int) int {
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
