package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Release gives the result's list of findings back cleared (it keeps no
// term, fix or study of the article alive), and the result forgets it.
func TestReleaseClearsTheFindings(t *testing.T) {
	l, err := Default()
	require.NoError(t, err)
	res, err := l.LintText("a.txt", []byte("神药问世\n\n这种神药能根治癌症，效果百分之百，是奇迹。\n"))
	require.NoError(t, err)
	require.NotEmpty(t, res.Findings)
	require.NotNil(t, res.kept, "the findings went into a kept list")
	list := res.kept[:cap(res.kept)]
	res.Release()
	for i, f := range list {
		assert.Zero(t, f, "slot %d", i)
	}
	assert.Nil(t, res.kept)
	assert.Nil(t, res.Findings)
	res.Release() // again: nothing more to give back
}
