package evidence

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
