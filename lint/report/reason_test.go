package report

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
)

// A claim's reason written into the JSON from its pieces reads as the
// reason made and escaped whole, in both JSON writers, and NewEvidenceFile
// makes the same reason: every corpus article and the articles with
// quotes, backslashes, control characters, separators and invalid UTF-8
// put into them, in each locale.
func TestClaimReasonJSONFromPieces(t *testing.T) {
	paths, results := corpusResults(t)
	l, err := lint.Default()
	require.NoError(t, err)
	rng := rand.New(rand.NewSource(7))
	odd := []string{`"`, `\`, "\t", "\n", "\x01", "\u2028", "\u2029", `"\"`, "《\"》"}
	for i, res := range results {
		src := string(res.Doc.Source)
		for range 3 {
			b := []byte(src)
			for range 12 {
				at := rng.Intn(len(b) + 1)
				for at < len(b) && b[at]&0xC0 == 0x80 { // at a character's start
					at--
				}
				b = append(b[:at:at], append([]byte(odd[rng.Intn(len(odd))]), b[at:]...)...)
			}
			more, err := l.Lint(lint.Input{Path: paths[i], Data: b, Card: true})
			require.NoError(t, err)
			results = append(results, more)
			paths = append(paths, paths[i]+" (odd)")
		}
	}
	pieces := 0
	for i, res := range results {
		for _, locale := range []string{"en", "zh-Hans", "zh-Hant"} {
			f := NewFile(paths[i], res, locale)
			all := NewEvidenceFile(paths[i], res, locale)
			k := 0
			for _, c := range f.Claims {
				made := c
				made.Why, made.reason, made.said = c.Reason(), nil, nil
				if c.reason != nil {
					pieces++
					require.Empty(t, c.Why)
					require.NotEmpty(t, made.Why)
				}
				require.Equal(t, string(appendClaimItem(nil, &made)), string(appendClaimItem(nil, &c)), paths[i])
				require.Equal(t, string(made.appendJSONBuilt(nil, jsonFileKey)), string(c.appendJSONBuilt(nil, jsonFileKey)), paths[i])
				for all.Claims[k].span != c.span {
					k++
				}
				require.Equal(t, made.Why, all.Claims[k].Why, paths[i])
				checkClaimMarshal(t, c, made.Why)
			}
			f.Recycle()
		}
	}
	require.Greater(t, pieces, 1000)
	require.True(t, strings.Contains(paths[len(paths)-1], "(odd)"))
}

// checkClaimMarshal checks that encoding/json writes c's fields with why
// (made from the pieces when NewFile kept them), and a Why set as it is,
// HTML escaped as the encoder is set to: as the claim's fields with Why
// set would read.
func checkClaimMarshal(t *testing.T, c Claim, why string) {
	t.Helper()
	type fields Claim
	for _, extra := range []string{"", "<a&b>"} {
		f := fields(c)
		f.Why = why + extra
		if extra != "" {
			c.Why = f.Why
		}
		want, err := json.Marshal(f)
		require.NoError(t, err)
		got, err := json.Marshal(c)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
	}
}
