package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/evidence"
)

// TestSectionsCollectTheWholeCard: a long text linted in sections keeps no
// blocks, so its evidence card is collected section by section; it must be
// the card of the text linted whole.
func TestSectionsCollectTheWholeCard(t *testing.T) {
	l := defaultLinter(t)
	paths, err := filepath.Glob("../corpus/*/*.txt")
	require.NoError(t, err)
	var book strings.Builder
	book.WriteString("A reader of health news\n\n")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		book.Write(data)
		book.WriteString("\n\n")
	}
	in := Input{Path: "book.txt", Data: []byte(book.String()), Card: true}
	doc, err := Parse(in)
	require.NoError(t, err)
	whole, err := l.LintDocument(doc)
	require.NoError(t, err)
	want := describeCard(evidence.Build(whole.Facts, whole.Findings))
	require.Greater(t, len(want), 200, "the book has studies and claims")

	parts, err := l.lintSections(context.Background(), in, 20000)
	require.NoError(t, err)
	require.NotNil(t, parts.Card)
	require.Equal(t, want, describeCard(parts.Card))

	in.Card = false
	parts, err = l.lintSections(context.Background(), in, 20000)
	require.NoError(t, err)
	require.Nil(t, parts.Card, "no card unless asked for")
}

func describeCard(c *evidence.Card) []string {
	var out []string
	for _, s := range c.Studies {
		var rules []string
		for _, f := range s.Findings {
			rules = append(rules, f.Rule.ID)
		}
		out = append(out, fmt.Sprintf("study %d %v %s %q %q %q %v", s.Index, s.Span, s.Population, s.Model, s.Venue, s.Link, rules))
	}
	for _, cl := range c.Claims {
		var rules []string
		for _, f := range cl.Findings {
			rules = append(rules, f.Rule.ID)
		}
		study := 0
		if s := c.StudyOf(cl); s != nil {
			study = s.Index
		}
		out = append(out, fmt.Sprintf("claim %v %q %s %q study=%d %v", cl.Span, cl.Term, cl.Where, cl.Excerpt, study, rules))
	}
	return out
}
