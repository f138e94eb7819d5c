package evidence

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hypelint/hypelint/lint/facts"
)

// fill puts each placeholder's value in, the last pair of a name winning,
// and leaves a placeholder with no value, a lone brace and plain text as
// they are.
func TestFillPlaceholders(t *testing.T) {
	assert.Equal(t, "study 2 (n = 3)", fill("{label} ({about})", "label", "study 1", "about", "n = 3", "label", "study 2"))
	assert.Equal(t, "a {missing} b", fill("a {missing} b", "label", "x"))
	assert.Equal(t, "no placeholders", fill("no placeholders", "label", "x"))
	assert.Equal(t, "x { open", fill("{label} { open", "label", "x"))
	assert.Equal(t, "{label}", fill("{label}", "label"), "a name without a value")
	assert.Equal(t, "{x}", fill("{label}", "label", "{x}"), "values are not filled again")
}

// A card's remembered study texts are those the package functions give,
// in each locale, for the card's studies and for one it does not list.
func TestCardWordsAgreeWithThePackageFunctions(t *testing.T) {
	c := &Card{}
	studies := []*Study{
		{Study: &facts.Study{Index: 1, Population: "animals", Design: "lab"}, Model: "小鼠实验"},
		{Study: &facts.Study{Index: 2, Population: "people", Design: "review", Studies: 12, Size: 300}, Venue: "《柳叶刀》"},
		{Study: &facts.Study{Index: 3, Population: "cells"}, Model: "cells", Link: "doi:10.1/x"},
	}
	for range 2 { // the second time from memory
		for _, s := range studies {
			for _, locale := range []string{"en", "zh-Hans", "zh-Hant"} {
				assert.Equal(t, Describe(s, locale), c.Description(s, locale))
				assert.Equal(t, Related(s, locale), c.RelatedMessage(s, locale))
				w := c.words(s, locale)
				assert.Equal(t, studyWords{Label(s, locale), Population(s, locale), Describe(s, locale)}, w)
			}
		}
	}
	assert.Len(t, c.said, 9)
}
