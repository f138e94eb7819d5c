package encoding

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// edgeBytes are the bytes where UTF-8's rules change: ASCII, the ends of
// the continuation range and of its narrowed forms after 0xE0, 0xED, 0xF0
// and 0xF4, the lead bytes that are never valid, and common Han leads.
var edgeBytes = []byte{
	0x00, 'a', '.', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
	0xE0, 0xE1, 0xE4, 0xE9, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF,
}

// randomUTF8ish is a byte string mixing valid text, edge bytes and
// truncated characters, so that about half of such strings are valid.
func randomUTF8ish(r *rand.Rand) []byte {
	var b []byte
	for range r.IntN(40) {
		switch r.IntN(6) {
		case 0:
			b = append(b, edgeBytes[r.IntN(len(edgeBytes))])
		case 1:
			b = append(b, "plain ascii words "[:r.IntN(18)]...)
		case 2:
			b = utf8.AppendRune(b, rune(0x4E00+r.IntN(0x5000)))
		case 3:
			b = utf8.AppendRune(b, rune(r.IntN(0x110000)))
		case 4:
			c := utf8.AppendRune(nil, rune(0x800+r.IntN(0x10F800)))
			b = append(b, c[:r.IntN(len(c))+1]...)
		default:
			b = utf8.AppendRune(b, '。')
		}
	}
	if r.IntN(20) == 0 && len(b) > 0 {
		b[r.IntN(len(b))] ^= byte(1 << r.IntN(8))
	}
	return b
}

func TestValidUTF8IsUTF8Valid(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 3))
	valid := 0
	for range 200000 {
		b := randomUTF8ish(r)
		want := utf8.Valid(b)
		if want {
			valid++
		}
		require.Equal(t, want, validUTF8(b), "%q", b)
	}
	// Both answers must be common for the comparison to mean anything.
	require.Greater(t, valid, 10000)
	require.Less(t, valid, 180000)
	// Every sequence of up to three edge bytes, and each after ASCII and Han.
	for _, a := range edgeBytes {
		for _, b := range edgeBytes {
			for _, c := range edgeBytes {
				for _, pre := range []string{"", "abcdefgh", "中"} {
					for _, post := range []string{"", "文字ab"} {
						s := append(append([]byte(pre), a, b, c), post...)
						for k := len(pre); k <= len(s); k++ {
							require.Equal(t, utf8.Valid(s[:k]), validUTF8(s[:k]), "%q", s[:k])
						}
					}
				}
			}
		}
	}
}

func TestValidUTF8OnCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../corpus/*/*")
	require.NotEmpty(t, files)
	r := rand.New(rand.NewPCG(5, 8))
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.Equal(t, utf8.Valid(data), validUTF8(data), f)
		// Cut anywhere and with one byte changed: mostly invalid now.
		for range 20 {
			b := append([]byte(nil), data[:r.IntN(len(data)+1)]...)
			if len(b) > 0 && r.IntN(2) == 0 {
				b[r.IntN(len(b))] = edgeBytes[r.IntN(len(edgeBytes))]
			}
			require.Equal(t, utf8.Valid(b), validUTF8(b), "%s cut to %d", f, len(b))
		}
	}
}

// longRuns is text of long runs of three-byte characters (Han, full-width
// punctuation, and the leads 0xE0 and 0xED that the word tests leave to
// the decoder), four-byte characters and ASCII runs of every length, so
// that the 24-, 16-, 8- and 6-byte steps start and stop everywhere.
func longRuns(r *rand.Rand) []byte {
	var b []byte
	for range r.IntN(12) {
		switch r.IntN(5) {
		case 0:
			b = append(b, "plain ascii words, 2024 and more text"[:r.IntN(38)]...)
		case 1:
			b = utf8.AppendRune(b, []rune{0x800, 0xFFF, 0xD000, 0xD7FF, 0x1F600, 0x10FFFF, 'é'}[r.IntN(7)])
		default:
			for range r.IntN(30) {
				b = utf8.AppendRune(b, []rune{rune(0x4E00 + r.IntN(0x5000)), '，', '。', '（', 0x1000 + rune(r.IntN(0xC000))}[r.IntN(5)])
			}
		}
	}
	return b
}

func TestValidUTF8OnLongRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 24))
	valid, invalid := 0, 0
	for range 100000 {
		b := longRuns(r)
		switch r.IntN(3) {
		case 0: // cut anywhere
			b = b[:r.IntN(len(b)+1)]
		case 1: // one byte changed
			if len(b) > 0 {
				b[r.IntN(len(b))] = edgeBytes[r.IntN(len(edgeBytes))]
			}
		}
		want := utf8.Valid(b)
		if want {
			valid++
		} else {
			invalid++
		}
		require.Equal(t, want, validUTF8(b), "%q", b)
	}
	require.Greater(t, valid, 20000)
	require.Greater(t, invalid, 20000)
}

// hanLike is whether c is a three-byte character with a lead 0xE1–0xEF
// other than 0xED and continuation bytes after it (checked byte by byte).
func hanLike(c []byte) bool {
	return 0xE1 <= c[0] && c[0] <= 0xEF && c[0] != 0xED && c[1]&0xC0 == 0x80 && c[2]&0xC0 == 0x80
}

// skipHanByChar is skipHan a character at a time: it steps over whole
// blocks of eight such characters, then over those that start the next
// block of 24 bytes, if there are 24 left.
func skipHanByChar(p []byte) []byte {
	for len(p) >= 24 {
		n := 0
		for n < 24 && hanLike(p[n:n+3]) {
			n += 3
		}
		if p = p[n:]; n < 24 {
			break
		}
	}
	return p
}

func TestSkipHanStepsOverHanLikeCharacters(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 13))
	stops := make(map[int]int) // where in its block the run ended
	for range 200000 {
		var b []byte
		for len(b) < 24+r.IntN(48) {
			b = utf8.AppendRune(b, rune(0x800+r.IntN(0xF800)))
		}
		for range r.IntN(3) {
			b[r.IntN(len(b))] = byte(r.IntN(256))
		}
		want := len(b) - len(skipHanByChar(b))
		got := len(b) - len(skipHan(b))
		require.Equal(t, want, got, "% x", b)
		require.True(t, utf8.Valid(b[:got]))
		if len(b)-got >= 24 {
			stops[got%24]++
		}
	}
	// Every place of the first failure in a block is met.
	for n := 0; n < 24; n += 3 {
		require.Greater(t, stops[n], 500, "stop at %d", n)
	}
}

func FuzzValidUTF8(f *testing.F) {
	f.Add([]byte("中文 text。"))
	f.Add([]byte{0xED, 0xA0, 0x80})
	f.Add([]byte{0xE0, 0x80, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		if utf8.Valid(b) != validUTF8(b) {
			t.Fatalf("validUTF8(%q) = %v", b, !utf8.Valid(b))
		}
	})
}

// looksUTF16Counting is looksUTF16 without its first test for a zero byte.
func looksUTF16Counting(data []byte) bool {
	return hasUTF16Mark(data) || zerosOnOneSide(data[:min(len(data), 4096)])
}

func TestLooksUTF16IsCounting(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 1))
	yes := 0
	for range 50000 {
		b := make([]byte, r.IntN(64))
		zeroRate := r.IntN(4) // none, some, half, most
		for i := range b {
			switch {
			case zeroRate == 2 && i%2 == r.IntN(2)*0, zeroRate == 3 && r.IntN(4) > 0, zeroRate == 1 && r.IntN(16) == 0:
				b[i] = 0
			default:
				b[i] = byte(r.IntN(256))
			}
		}
		want := looksUTF16Counting(b)
		if want {
			yes++
		}
		require.Equal(t, want, looksUTF16(b), "%q", b)
	}
	require.Greater(t, yes, 1000)
	long := make([]byte, 9000)
	for i := range long {
		long[i] = 'a'
	}
	long[5000] = 0 // past the head: not looked at
	require.False(t, looksUTF16(long))
	require.Equal(t, looksUTF16Counting(long[4000:]), looksUTF16(long[4000:]))
}
