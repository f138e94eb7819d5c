package evidence_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/evidence"
)

// A reason kept as pieces reads as the reason filled by name, and as Why;
// appended piece by piece it reads the same, and what it hands to add is
// exactly the article's words among it: every flagged corpus claim in
// each locale.
func TestReasonPiecesReadAsWhy(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	flagged := 0
	err = filepath.WalkDir("../../corpus", func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(path) == ".yaml" {
			return err
		}
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		res, err := l.Lint(lint.Input{Path: path, Data: src, Card: true})
		require.NoError(t, err)
		for _, cl := range res.Card.Claims {
			for _, locale := range []string{"en", "zh-Hans", "zh-Hant"} {
				var r evidence.Reason
				res.Card.Reason(&r, cl, locale, nil)
				why := res.Card.Why(cl, locale)
				require.Equal(t, why, r.String(), "%s %s", path, locale)
				require.Equal(t, why, r.FilledByName(), "%s %s", path, locale)
				require.Equal(t, !cl.Flagged(), r.Empty())
				if !cl.Flagged() {
					continue
				}
				flagged++
				var given []string
				marked := string(r.Append(nil, func(b []byte, v string) []byte {
					given = append(given, v)
					return append(append(append(b, "⟦"...), v...), "⟧"...)
				}))
				require.Equal(t, why, strings.NewReplacer("⟦", "", "⟧", "").Replace(marked))
				for _, v := range given {
					require.Contains(t, why, v)
				}
				// Every reason quotes the claim's term or a finding's message.
				require.NotEmpty(t, given, why)
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, flagged, 300)
}

// The card's own texts, which Append writes unescaped, hold nothing a JSON
// string escapes: no quote, backslash, control character, line or
// paragraph separator, and no invalid UTF-8.
func TestReasonTextsNeedNoEscaping(t *testing.T) {
	for _, locale := range []string{"en", "zh-Hans", "zh-Hant"} {
		texts := evidence.ReasonTexts(locale)
		require.Greater(t, len(texts), 40)
		for _, s := range texts {
			require.True(t, utf8.ValidString(s), "%q", s)
			require.False(t, strings.ContainsFunc(s, func(r rune) bool {
				return r == '"' || r == '\\' || r < 0x20 || r == '\u2028' || r == '\u2029'
			}), "%s: %q", locale, s)
		}
	}
}
