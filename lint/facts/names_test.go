package facts_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCapitalisedNamesAreNotClaims(t *testing.T) {
	d := analyze(t, "Title\n\nYou can visit Ponce de Leon’s Fountain of Youth Archaeological Park for a fee.")
	assert.Zero(t, d.Count(d.Lex.ClassID("antiaging")), "a place named after the legend")

	d = analyze(t, "Title\n\nThis pill is a fountain of youth for your skin.")
	assert.NotZero(t, d.Count(d.Lex.ClassID("antiaging")), "the phrase in lower case is a claim")

	d = analyze(t, "Scientists Find Fountain Of Youth Pill In Mice\n\nBody text here.")
	assert.NotZero(t, d.Count(d.Lex.ClassID("antiaging")), "a title-case headline is not a name")
}

func TestSentenceStartAndAcronymsMakeNoName(t *testing.T) {
	d := analyze(t, "Title\n\nExosome IV therapy heals joints.")
	assert.NotZero(t, d.Count(d.Lex.ClassID("unapproved_therapy")))
}

// A deck in title case that reads as a paragraph is not a name either.
func TestTitleCaseParagraphIsNoName(t *testing.T) {
	d := analyze(t, "Title\n\nHow I Reversed My Biological Age by 8 Years With a Daily 3-Minute Cold Plunge And Breathing Routine Every Single Morning")
	assert.NotZero(t, d.Count(d.Lex.ClassID("antiaging")))
}
