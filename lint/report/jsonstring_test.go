package report

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// appendJSONStringByRune is appendJSONString as it was before its table:
// every non-ASCII character decoded as a rune. The table's fast steps
// must leave exactly what it wrote.
func appendJSONStringByRune(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', jsonHex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Every one-, two- and three-byte string, each also between ASCII and
// truncated at the end, reads as the rune-by-rune writer writes it.
func TestJSONStringTableEqualsByRune(t *testing.T) {
	check := func(s string) {
		if got, want := string(appendJSONString(nil, s)), string(appendJSONStringByRune(nil, s)); got != want {
			t.Fatalf("%q: table %s, by rune %s", s, got, want)
		}
	}
	buf := make([]byte, 0, 8)
	for a := range 256 {
		check(string([]byte{byte(a)}))
		for b := range 256 {
			check(string([]byte{byte(a), byte(b)}))
			if a < 0xC0 {
				continue // no lead byte: the third byte changes nothing new
			}
			for c := range 256 {
				buf = append(buf[:0], 'x', byte(a), byte(b), byte(c), 'y')
				check(string(buf))
				check(string(buf[1:4]))
			}
		}
	}
}

// Random byte strings built from lead, continuation and ASCII bytes, and
// every corpus article cut at random places.
func TestJSONStringTableEqualsByRuneRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 17))
	bytesOf := []byte{'a', ' ', '"', '\\', '\n', 0x00, 0x01, 0x1f, 0x7e, 0x7f, 0x80, 0xA8, 0xA9, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE2, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF}
	for range 200000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(6) == 0 {
				b[i] = bytesOf[r.IntN(len(bytesOf))]
			} else {
				b[i] = byte(0x20 + r.IntN(0x60)) // printable ASCII: runs of eight at a time
			}
		}
		s := string(b)
		require.Equal(t, string(appendJSONStringByRune(nil, s)), string(appendJSONString(nil, s)), "%q", s)
	}
	names, err := filepath.Glob("../../corpus/*/*")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		s := string(src)
		require.Equal(t, string(appendJSONStringByRune(nil, s)), string(appendJSONString(nil, s)), name)
		for range 50 {
			i := r.IntN(len(s) + 1)
			j := i + r.IntN(len(s)-i+1)
			require.Equal(t, string(appendJSONStringByRune(nil, s[i:j])), string(appendJSONString(nil, s[i:j])), "%s[%d:%d]", name, i, j)
		}
	}
}

// sizeRecorder keeps what is written to it and the size of each write;
// it fails every write after failAfter writes (when failAfter > 0).
type sizeRecorder struct {
	got       []byte
	sizes     []int
	failAfter int
}

func (w *sizeRecorder) Write(p []byte) (int, error) {
	if w.failAfter > 0 && len(w.sizes) >= w.failAfter {
		return 0, os.ErrClosed
	}
	w.got = append(w.got, p...)
	w.sizes = append(w.sizes, len(p))
	return len(p), nil
}

// The JSON writer sends its document in writes of at least jsonFlushAt
// bytes (the last one excepted), the same bytes as one write at the end,
// and returns the first write error. (TestStreamingWritersMatchWholeDocuments
// checks the bytes against encoding/json.)
func TestJSONWriterWritesInLargePieces(t *testing.T) {
	f := benchmarkFile(t)
	write := func(w *sizeRecorder, files int) error {
		j := NewJSONWriter(w, "test")
		for range files {
			if err := j.File(f); err != nil {
				return err
			}
		}
		return j.Close()
	}
	var pieces sizeRecorder
	require.NoError(t, write(&pieces, 200))
	require.Greater(t, len(pieces.sizes), 3)
	for _, n := range pieces.sizes[:len(pieces.sizes)-1] {
		require.GreaterOrEqual(t, n, jsonFlushAt)
	}
	var doc JSON
	require.NoError(t, json.Unmarshal(pieces.got, &doc))
	require.Len(t, doc.Files, 200)
	failing := sizeRecorder{failAfter: 2}
	require.ErrorIs(t, write(&failing, 200), os.ErrClosed)
	require.Len(t, failing.sizes, 2)
	require.Equal(t, pieces.got[:len(failing.got)], failing.got)
}

// BenchmarkJSONString quotes a Chinese and an English corpus article with
// the table and rune by rune.
func BenchmarkJSONString(b *testing.B) {
	for _, name := range []string{"zh-Hans/cordyceps-youth-molecule-ad.txt", "en/blind-senolytic-hype.txt"} {
		src, err := os.ReadFile(filepath.Join("../../corpus", name))
		require.NoError(b, err)
		s := string(src)
		buf := make([]byte, 0, 2*len(s))
		b.Run(filepath.Dir(name)+"/table", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				buf = appendJSONString(buf[:0], s)
			}
		})
		b.Run(filepath.Dir(name)+"/by-rune", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				buf = appendJSONStringByRune(buf[:0], s)
			}
		})
	}
}

// carve hands out empty, non-nil lists from one slab in turn, each capped
// to its room: filling one and appending past it leaves the next alone. A
// nil or short slab gives a list of its own.
func TestCarveListsDoNotOverlap(t *testing.T) {
	slab := make([]string, 0, 5)
	a, b, empty := carve(&slab, 2), carve(&slab, 3), carve(&slab, 0)
	require.NotNil(t, empty)
	require.Len(t, empty, 0)
	a = append(a, "a1", "a2")
	b = append(b, "b1")
	a = append(a, "a3") // past its room: moves, b stays
	require.Equal(t, []string{"a1", "a2", "a3"}, a)
	require.Equal(t, []string{"b1"}, b)
	b = append(b, "b2", "b3")
	require.Equal(t, []string{"a1", "a2"}, slab[:2])
	require.Equal(t, []string{"b1", "b2", "b3"}, slab[2:5])
	own := carve(&slab, 1) // no room left
	own = append(own, "x")
	require.Equal(t, []string{"b1", "b2", "b3"}, b)
	require.Equal(t, []string{"x"}, own)
	require.NotNil(t, carve(nil, 0))
	require.Equal(t, 4, cap(carve(nil, 4)))
}

// Runs of plain ASCII and of three-byte characters are stepped over in
// loops of their own: whatever ends a run, at any distance from its start
// and from the end of the string, is escaped as encoding/json escapes it.
func TestJSONStringRunsEndAnywhere(t *testing.T) {
	enders := []string{"", `"`, `\`, "\n", "\x01", "\u2028", "\u2029", "\xff", "\xe4\xb8", "\xe4", "é", "😀", "\xed\xa0\x80", "\xe0\xa4\x85", "“"}
	for _, run := range []string{"a", "中", "“"} {
		for n := range 20 {
			for _, end := range enders {
				for _, tail := range []string{"", "z", "藥", "藥b"} {
					s := strings.Repeat(run, n) + end + tail
					require.Equal(t, viaEncodingJSON(t, s, ""), string(appendJSONString(nil, s)), "%q", s)
				}
			}
		}
	}
}

// plainASCIIEnd stops where a byte-by-byte scan stops, from every start,
// on strings of every length up to three words: a run ended by each kind
// of byte at each place in a word, in the string's last (overlapping)
// word and at its end.
func TestPlainASCIIEndMatchesBytes(t *testing.T) {
	byBytes := func(s string, i int) int {
		for i < len(s) && jsonByte[s[i]] == jsonCopy {
			i++
		}
		return i
	}
	enders := []byte{'"', '\\', 0x00, '\n', 0x1f, 0x80, 0xC2, 0xE4, 0xFF}
	plain := []byte{' ', '!', '#', 'a', '[', ']', '~', 0x7F}
	r := rand.New(rand.NewPCG(6, 9))
	for n := range 25 {
		for range 400 {
			b := make([]byte, n)
			for k := range b {
				b[k] = plain[r.IntN(len(plain))]
				if r.IntN(8) == 0 {
					b[k] = enders[r.IntN(len(enders))]
				}
			}
			s := string(b)
			for i := range n + 1 {
				if got, want := plainASCIIEnd(s, i), byBytes(s, i); got != want {
					t.Fatalf("plainASCIIEnd(%q, %d) = %d, want %d", s, i, got, want)
				}
			}
		}
	}
}

// plainWideEnd stops where stepping with plain3 one character at a time
// stops, from every start, on random runs of three-byte characters (with
// “ and the separators, which share E2, and leads plain3 refuses) cut
// anywhere and mixed with ASCII and stray bytes.
// TestPlainASCIIMatchesBytes compares plainASCII with a byte loop on
// strings of every length to 40 with one byte or none that is not plain
// ASCII, at every place (fails when the last word, the four-byte halves
// or the sixteen-byte step miss a byte).
func TestPlainASCIIMatchesBytes(t *testing.T) {
	byBytes := func(s string) bool {
		for i := range len(s) {
			if jsonByte[s[i]] != jsonCopy {
				return false
			}
		}
		return true
	}
	enders := []byte{'"', '\\', 0x00, '\n', 0x1f, 0x80, 0xC2, 0xE4, 0xFF}
	plain := []byte{' ', '!', '#', 'a', '[', ']', '~', 0x7F, '0'}
	r := rand.New(rand.NewPCG(6, 10))
	for n := range 41 {
		for range 50 {
			b := make([]byte, n)
			for k := range b {
				b[k] = plain[r.IntN(len(plain))]
			}
			for at := -1; at < n; at++ {
				c := append([]byte(nil), b...)
				if at >= 0 {
					c[at] = enders[r.IntN(len(enders))]
				}
				s := string(c)
				if got, want := plainASCII(s), byBytes(s); got != want {
					t.Fatalf("plainASCII(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

func TestPlainWideEndMatchesPlain3(t *testing.T) {
	byChars := func(s string, i int) int {
		for i < len(s) && plain3(s, i) {
			i += 3
		}
		return i
	}
	pieces := []string{"中", "药", "“", "”", "\u2028", "\u2029", "\ufeff", "\u1e00", "\xed\x9f\xbf", "\xe0\xa4\x85", "a", "\xe4\xb8", "\x80", "é"}
	r := rand.New(rand.NewPCG(8, 3))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			for r.IntN(3) > 0 {
				b.WriteString(pieces[r.IntN(2)]) // runs of Chinese
			}
		}
		s := b.String()
		for i := range len(s) + 1 {
			if got, want := plainWideEnd(s, i), byChars(s, i); got != want {
				t.Fatalf("plainWideEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
