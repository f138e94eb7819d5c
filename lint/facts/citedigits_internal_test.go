package facts

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/normalize"
)

// TestCitesSourceNeedsAViewDigit: sentence skips citesSource when the
// view holds no ASCII digit (normalize.View.Digits). Every text that
// citesSource accepts, from random pieces of the markers' shapes (ASCII,
// superscript and full-width digits, brackets, author-year parts, cut
// and invalid bytes) and every corpus line, normalizes to a view with a
// digit; and some cited texts are found, so the check is not empty.
func TestCitesSourceNeedsAViewDigit(t *testing.T) {
	pieces := []string{"[", "]", "［", "］", "(", ")", "（", "）", "12", "3", "2020", "1999", ",", "，", "-", "–", " ", "\n",
		"¹", "²", "³", "⁰", "⁴", "⁹", "m", "^", "１２", "Smith", " et al.", "王", "等", "研究", "word", "\xc2", "\xe2\x81", "\xff"}
	rng := rand.New(rand.NewPCG(15, 2))
	cited := 0
	check := func(text string) {
		if citesSource(text) {
			cited++
			require.True(t, normalize.Normalize(text).Digits, "%q cites, its view has no digit", text)
		}
	}
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
	files, err := filepath.Glob("../../corpus/*/*.*")
	require.NoError(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range strings.Split(string(data), "\n") {
			check(line)
		}
	}
	require.Greater(t, cited, 1000)
}

// citesSourceIn, which reads no digit run when the view has no [ and no ),
// answers as citesSource on random texts of the markers' pieces (ASCII,
// full-width and superscript digits, every bracket and parenthesis,
// author-year parts, cut and invalid bytes, cut anywhere) and every corpus
// line, each with its normalized view; some texts cite with the view
// lacking both (superscripts), so the gate's other branch is reached.
func TestCitesSourceInAsCitesSource(t *testing.T) {
	pieces := []string{"[", "]", "［", "］", "(", ")", "（", "）", "12", "3", "2020", "1999", ",", "，", "、", "-", "–", " ", "\n",
		"¹", "²", "³", "⁰", "⁴", "⁹", "m", "^", "１２", "２０２０", "Smith", " et al.", "王", "等", "研究", "word",
		"\xc2", "\xe2\x81", "\xef\xbc", "\xff", "﹝", "〔", "⁽", "⁾", "₍", "₎"}
	rng := rand.New(rand.NewPCG(23, 7))
	cited, superscriptOnly := 0, 0
	check := func(text string) {
		view := normalize.Normalize(text).Text
		want := citesSource(text)
		require.Equal(t, want, citesSourceIn(text, view), "%q (view %q)", text, view)
		if want {
			cited++
			if !strings.ContainsAny(view, "[)") {
				superscriptOnly++
			}
		}
	}
	for range 100000 {
		text := randomText(rng, pieces, 9)
		check(text)
		if len(text) > 0 {
			check(text[rng.IntN(len(text)):])
		}
	}
	files, err := filepath.Glob("../../corpus/*/*.*")
	require.NoError(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range strings.Split(string(data), "\n") {
			check(line)
		}
	}
	require.Greater(t, cited, 5000)
	require.Greater(t, superscriptOnly, 500)
}
