package lexicon

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLexiconTooLargeIsAnErrorNotAPanic: a user's lexicon with more
// patterns than a hot record holds, or a term longer than one holds, is
// refused with an error; one pattern fewer compiles.
func TestLexiconTooLargeIsAnErrorNotAPanic(t *testing.T) {
	patterns := func(n int) string {
		var b strings.Builder
		b.WriteString("classes:\n  x:\n    description: d\n    source: s\n    patterns:\n")
		for i := range n {
			fmt.Fprintf(&b, "      - 'p%dq'\n", i)
		}
		return b.String()
	}
	_, err := Parse(map[string]string{"many.yaml": patterns(maxHot)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "65535 patterns")
	l, err := Parse(map[string]string{"most.yaml": patterns(maxHot - 1)})
	require.NoError(t, err)
	assert.Len(t, l.regexes, maxHot-1)

	long := strings.Repeat("a", maxHot+1)
	_, err = Parse(map[string]string{"long.yaml": "classes:\n  x:\n    description: d\n    source: s\n    en: [" + long + "]\n"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "65536 bytes long")
}
