package facts_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
)

var (
	linterOnce sync.Once
	linter     *lint.Linter
)

// analyze lints a plain-text article (first line the title, blank lines
// between blocks) and returns its facts.
func analyze(t *testing.T, text string) *facts.Document {
	t.Helper()
	linterOnce.Do(func() {
		var err error
		linter, err = lint.Default()
		require.NoError(t, err)
	})
	res, err := linter.Lint(lint.Input{Path: "t.txt", Data: []byte(text), Format: "text"})
	require.NoError(t, err)
	return res.Facts
}

// hitOf returns the facts of the first hit of a class whose normalized
// text is term.
func hitOf(t *testing.T, d *facts.Document, class, term string) (facts.Hit, *facts.Sentence) {
	t.Helper()
	id := d.Lex.ClassID(class)
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			for _, h := range s.Hits {
				if h.Class == id && s.Text[h.Start:h.End] == term {
					return d.HitFacts(s, h), s
				}
			}
		}
	}
	t.Fatalf("no hit %q", term)
	return facts.Hit{}, nil
}

// blockWith returns the block whose source text contains text.
func blockWith(t *testing.T, d *facts.Document, text string) *facts.Block {
	t.Helper()
	for _, b := range d.Blocks {
		if strings.Contains(b.Source.Text, text) {
			return b
		}
	}
	t.Fatalf("no block with %q", text)
	return nil
}

// A negation before a word that only feeds phrases (心脏, a body part the
// clock phrases use; slot_only) does not negate the sentence; one before a
// claim term still does.
func TestNegationBeforeAPhraseSlotNegatesNothing(t *testing.T) {
	d := analyze(t, "T\n\n别等到心脏出了问题才想起保养，现在就可以预约干细胞回输。\n")
	require.True(t, d.Lex.Classes[d.Lex.ClassID("body_part")].SlotOnly)
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			require.False(t, s.Negated, "a negation before a body part is not a denial of a claim: %s", s.Text)
		}
	}

	d = analyze(t, "T\n\n这种疗法并不能逆转衰老。\n")
	_, s := hitOf(t, d, "antiaging", "逆转衰老")
	require.True(t, s.Negated, "a negation before a claim term negates the sentence")
}
