package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
)

// TestSectionsCollectTheWholeCard: a long text linted in sections keeps no
// blocks, so its evidence card is collected section by section; it must be
// the card of the text linted whole.
func TestSectionsCollectTheWholeCard(t *testing.T) {
	l := defaultLinter(t)
	book := corpusBook(t)
	in := Input{Path: "book.txt", Data: []byte(book), Card: true}
	doc, err := Parse(in)
	require.NoError(t, err)
	whole, err := l.LintDocument(doc)
	require.NoError(t, err)
	want := describeCard(evidence.Build(whole.Facts, whole.Findings))
	require.Greater(t, len(want), 200, "the book has studies and claims")

	parts, err := l.lintSections(context.Background(), in, 20000, PieceSize, nil)
	require.NoError(t, err)
	require.NotNil(t, parts.Card)
	require.Equal(t, want, describeCard(parts.Card))

	in.Card = false
	parts, err = l.lintSections(context.Background(), in, 20000, PieceSize, nil)
	require.NoError(t, err)
	require.Nil(t, parts.Card, "no card unless asked for")
}

// cardParts collects the evidence card a long text hands out part by part,
// counting the claims the card still holds after each part.
type cardParts struct {
	card     *evidence.Card
	claims   []*evidence.Claim
	parts    int
	retained int // the most claims the card held after a part
}

func (c *cardParts) Begin(_ *document.Document, _ *facts.Document, card *evidence.Card) error {
	c.card = card
	return nil
}

func (c *cardParts) Part(_ []rule.Finding, claims []*evidence.Claim) error {
	c.claims = append(c.claims, claims...)
	c.parts++
	c.retained = max(c.retained, len(c.card.Claims))
	return nil
}

// TestSectionsHandOutTheCard: streamed, a long text's card comes part by
// part: its studies at the start, its claims with their findings as each
// part is linted, together the card of the text linted whole; the card
// itself keeps none of the claims, however long the text.
func TestSectionsHandOutTheCard(t *testing.T) {
	l := defaultLinter(t)
	book := corpusBook(t)
	in := Input{Path: "book.txt", Data: []byte(book), Card: true}
	doc, err := Parse(in)
	require.NoError(t, err)
	whole, err := l.LintDocument(doc)
	require.NoError(t, err)
	want := describeCard(evidence.Build(whole.Facts, whole.Findings))

	for _, copies := range []int{1, 4} {
		in.Data = []byte(book + strings.Repeat(book[len(bookTitle):], copies-1))
		var got cardParts
		res, err := l.lintSections(context.Background(), in, 20000, PieceSize, &got)
		require.NoError(t, err)
		require.True(t, res.Streamed)
		require.Same(t, got.card, res.Card, "the studies come back with the result")
		require.Greater(t, got.parts, 10*copies, "%d copies: claims come part by part", copies)
		require.Zero(t, got.retained, "%d copies: the card holds no claim once handed out", copies)
		require.Greater(t, len(got.claims), 100*copies)
		if copies == 1 {
			res.Card.Claims = got.claims
			require.Equal(t, want, describeCard(res.Card), "the parts make the whole card")
		}
	}
}

// bookTitle opens corpusBook.
const bookTitle = "A reader of health news\n\n"

// corpusBook is every plain-text corpus article joined under one title: a
// text long enough to be linted in sections.
func corpusBook(t *testing.T) string {
	t.Helper()
	paths, err := filepath.Glob("../corpus/*/*.txt")
	require.NoError(t, err)
	var book strings.Builder
	book.WriteString(bookTitle)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		book.Write(data)
		book.WriteString("\n\n")
	}
	return book.String()
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
