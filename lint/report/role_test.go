package report_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Each finding inside a block carries the block's role; document findings
// carry none.
func TestFindingsCarryTheirRole(t *testing.T) {
	f := lintFile(t, "a.txt", "重磅！NMN逆转衰老\n\n研究显示，这款神药让患者返老还童。\n\n图注：这款神药的包装。\n", "en")
	assert.Equal(t, "headline", findingOf(t, f, "hype-word", "重磅").Role)
	assert.Equal(t, "standfirst", findingOf(t, f, "miracle-cure-claim", "神药").Role)
	captions, documents := 0, 0
	for _, x := range f.Findings {
		switch {
		case x.Rule == "missing-disclosure":
			documents++
			assert.Empty(t, x.Role)
		case x.Start.Line == 5:
			captions++
			assert.Equal(t, "caption", x.Role, x.Rule)
		}
	}
	assert.Equal(t, 1, documents)
	assert.NotZero(t, captions, "a caption can overclaim")
}
