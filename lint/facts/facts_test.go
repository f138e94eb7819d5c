package facts_test

import (
	"reflect"
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

// HitFactsOf works out the fields asked for exactly as HitFacts does, and
// leaves the others zero.
func TestHitFactsOfSelectedFields(t *testing.T) {
	d := analyze(t, "T\n\n所谓“逆转衰老”的神药并不存在。这项研究表明，该药可能显著改善记忆28%，与饮食有关。\n\n"+
		"He said the \"miracle cure\" is not proven. A trial was linked to lower risk.\n")
	fields := map[facts.HitFields]func(facts.Hit) any{
		facts.HitNegated:    func(h facts.Hit) any { return h.Negated },
		facts.HitDistanced:  func(h facts.Hit) any { return h.Distanced },
		facts.HitHedged:     func(h facts.Hit) any { return h.Hedged },
		facts.HitSpecific:   func(h facts.Hit) any { return h.Specific },
		facts.HitVoice:      func(h facts.Hit) any { return h.Voice },
		facts.HitQuoted:     func(h facts.Hit) any { return h.Quoted },
		facts.HitAssociated: func(h facts.Hit) any { return h.Associated },
		facts.HitNumbered:   func(h facts.Hit) any { return h.Numbered },
	}
	set := map[facts.HitFields]bool{}
	hits := 0
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			for _, h := range s.Hits {
				hits++
				whole := d.HitFacts(s, h)
				require.Equal(t, whole, d.HitFactsOf(s, h, facts.AllHitFields))
				for f, get := range fields {
					one := d.HitFactsOf(s, h, f)
					require.Equal(t, get(whole), get(one), "field %d of %q", f, whole.Term)
					require.Equal(t, whole.Term, one.Term)
					require.Equal(t, whole.Class, one.Class)
					for g, other := range fields {
						if g != f {
							require.Zero(t, other(one), "field %d left zero when %d is asked", g, f)
						}
					}
					set[f] = set[f] || get(whole) != reflect.Zero(reflect.TypeOf(get(whole))).Interface()
				}
			}
		}
	}
	require.Greater(t, hits, 5)
	for _, f := range []facts.HitFields{facts.HitNegated, facts.HitDistanced, facts.HitHedged, facts.HitVoice, facts.HitQuoted, facts.HitNumbered} {
		require.True(t, set[f], "the text sets field %d somewhere (the test compares something)", f)
	}
}
