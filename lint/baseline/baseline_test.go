package baseline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFingerprintIgnoresWidthScriptCaseAndWrapping(t *testing.T) {
	a := NewFingerprinter().Next("reverse-aging-claim", "a.md", "逆轉\n衰老")
	b := NewFingerprinter().Next("reverse-aging-claim", "a.md", "逆转衰老")
	assert.Equal(t, a.Fingerprint, b.Fingerprint)
	c := NewFingerprinter().Next("hype-word", "a.md", "BREAKTHROUGH")
	d := NewFingerprinter().Next("hype-word", "a.md", "breakthrough")
	assert.Equal(t, c.Fingerprint, d.Fingerprint)
}

func TestOccurrencesAreNumbered(t *testing.T) {
	f := NewFingerprinter()
	first := f.Next("r", "a.md", "神药")
	second := f.Next("r", "a.md", "神药")
	other := f.Next("r", "b.md", "神药")
	assert.Equal(t, 0, first.Occurrence)
	assert.Equal(t, 1, second.Occurrence)
	assert.Equal(t, 0, other.Occurrence)
	assert.NotEqual(t, first.Fingerprint, second.Fingerprint)
	assert.NotEqual(t, first.Fingerprint, other.Fingerprint)
}

func TestWriteReadRoundTrip(t *testing.T) {
	f := NewFingerprinter()
	entries := []Entry{f.Next("r", "b.md", "x"), f.Next("r", "a.md", "y")}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, entries))
	assert.Less(t, strings.Index(buf.String(), "a.md"), strings.Index(buf.String(), "b.md"), "sorted by path")
	set, err := Read("base.json", &buf)
	require.NoError(t, err)
	assert.True(t, set.Has(entries[0]))
	assert.True(t, set.Has(entries[1]))
	assert.False(t, set.Has(NewFingerprinter().Next("r", "a.md", "z")))
}

func TestReadRejectsOtherFiles(t *testing.T) {
	_, err := Read("base.json", strings.NewReader(`{"version":1,"findings":[],"extra":1}`))
	assert.ErrorContains(t, err, "base.json: not a hypelint baseline")
	_, err = Read("base.json", strings.NewReader(`{"version":9,"findings":[]}`))
	assert.ErrorContains(t, err, "baseline version 9")
}
