package encoding

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// The map back to the file's bytes has a piece per run of like characters,
// not one per character: a 50 MB GB18030 file took 1.66 GB, 20 bytes per
// character.
func TestOriginMapsRunsNotCharacters(t *testing.T) {
	for _, tc := range []struct{ text, enc string }{
		{strings.Repeat(hansParagraph+"\n", 200), GB18030},
		{strings.Repeat(hantParagraph+"\n", 200), Big5},
	} {
		data := encode(t, encodingOf(tc.enc), tc.text)
		d, err := Decode("long.txt", data, "auto")
		require.NoError(t, err)
		assert.Equal(t, tc.enc, d.Encoding)
		assert.Equal(t, tc.text, string(d.Text))
		runes := utf8.RuneCountInString(tc.text)
		assert.Less(t, d.Origin.Pieces(), runes/8, "%s: %d pieces for %d characters", tc.enc, d.Origin.Pieces(), runes)
		checkOrigin(t, d, data)
	}
}

// Detecting and decoding allocate about the decoded text (1.5× the file)
// and the map, well within the 3× the file a run may take: the
// encoding is decided on the start of the file and the file decoded once.
func TestDecodeAllocatesAboutTheText(t *testing.T) {
	// Text without Latin letters or digits in it: two pieces a line.
	data := encode(t, traditionalchinese.Big5, strings.Repeat(hantParagraph+"\n", 4000))    // ~0.8 MB
	_, err := Decode("warm.txt", encode(t, traditionalchinese.Big5, hantParagraph), "auto") // builds the tables once
	require.NoError(t, err)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d, err := Decode("big.txt", data, "auto")
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	allocated := after.TotalAlloc - before.TotalAlloc
	assert.Equal(t, Big5, d.Encoding)
	assert.LessOrEqual(t, float64(allocated), 2.5*float64(len(data)),
		"%d bytes allocated for a %d-byte file (%d bytes of text)", allocated, len(data), len(d.Text))
}

// The encoding is decided on the start of the file, but a reading that
// meets an invalid sequence later still fails.
func TestInvalidAfterTheEvidenceIsAnError(t *testing.T) {
	head := encode(t, simplifiedchinese.GB18030, strings.Repeat(hansParagraph, Evidence/50))
	data := append(append([]byte{}, head...), 0xFF, 0xFF)
	_, err := Decode("late.txt", data, "auto")
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, Auto, de.Encoding)
	assert.Equal(t, firstInvalidUTF8(data), de.Offset)

	// A Big5 file is still recognised when its start is plain ASCII.
	data = append([]byte(strings.Repeat("ascii line\n", 10000)), encode(t, traditionalchinese.Big5, hantParagraph)...)
	d, err := Decode("tw.txt", data, "auto")
	require.NoError(t, err)
	assert.Equal(t, Big5, d.Encoding)
}

func TestUTF16IsNamed(t *testing.T) {
	le := func(s string) []byte {
		var b bytes.Buffer
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
		return b.Bytes()
	}
	be := func(s string) []byte {
		var b bytes.Buffer
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		}
		return b.Bytes()
	}
	for name, data := range map[string][]byte{
		"little-endian with a BOM": le("\ufeff研究显示 NMN"),
		"big-endian with a BOM":    be("\ufeff研究显示 NMN"),
		"little-endian, no BOM":    le("NMN reverses ageing, study says"),
		"big-endian, no BOM":       be("NMN reverses ageing, study says"),
	} {
		for _, enc := range []string{"auto", "utf-8"} {
			_, err := Decode("win.txt", data, enc)
			assert.EqualError(t, err, "win.txt: UTF-16 is not supported; convert to UTF-8", name)
		}
	}
	// A NUL here and there is not UTF-16 (the parser calls it binary).
	_, err := Decode("x.txt", []byte("abc\x00def\x00ghijkl"), "utf-8")
	assert.NoError(t, err)
}
