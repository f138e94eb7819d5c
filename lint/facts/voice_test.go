package facts_test

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
)

// The voice of a term in a sentence with no voice cue (no quotation mark,
// question, distancing, framing, rebuttal, hedge, critique or speech term)
// is worked out without reading the cues: on the corpus and on random
// sentences built from the lexicon's cue terms it is the full reading's.
func TestPlainVoiceMatchesFullVoice(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	check := func(name string, data []byte) (plain, full int) {
		doc, err := lint.Parse(lint.Input{Path: name, Data: data})
		if err != nil {
			return 0, 0
		}
		differ, plain, full := facts.VoiceCheck(a.Analyze(doc))
		require.Empty(t, differ, "%s", name)
		return plain, full
	}

	// The corpus, and the terms its sentences hit, by class.
	cueClasses := map[int]bool{}
	for _, name := range []string{"distancing", "framing", "rebuttal", "hedge", "critique", "speech"} {
		id := l.Lexicon.ClassID(name)
		require.GreaterOrEqual(t, id, 0, name)
		cueClasses[id] = true
	}
	seen := map[string]bool{}
	var cues, others []string
	err = filepath.WalkDir("../../corpus", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		check(path, data)
		doc, err := lint.Parse(lint.Input{Path: path, Data: data})
		if err != nil {
			return nil
		}
		for _, b := range a.Analyze(doc).Blocks {
			for _, s := range b.Sentences {
				for _, h := range s.Hits {
					term := s.Text[h.Start:h.End]
					if seen[term] {
						continue
					}
					seen[term] = true
					if cueClasses[h.Class] {
						cues = append(cues, term)
					} else {
						others = append(others, term)
					}
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, len(cues), 20, "the corpus hits cue terms")
	require.Greater(t, len(others), 100)

	marks := []string{"“", "”", "「", "」", "『", "』", "‘", "’", "\"", "、", "，", "：", ":", "？", "吗", "的说法", "之类", "的神话", " ", "。", "它", "研究", "the ", "1"}
	rng := rand.New(rand.NewPCG(17, 2))
	plain, full := 0, 0
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			switch n := rng.IntN(10); {
			case n < 4:
				b.WriteString(others[rng.IntN(len(others))])
			case n < 5:
				b.WriteString(cues[rng.IntN(len(cues))])
			default:
				b.WriteString(marks[rng.IntN(len(marks))])
			}
		}
		b.WriteString("。\n")
		p, f := check("random.txt", []byte(b.String()))
		plain, full = plain+p, full+f
	}
	t.Logf("plain %d full %d cues %d others %d", plain, full, len(cues), len(others))
	assert.Greater(t, plain, 1000, "hits in plain sentences")
	assert.Greater(t, full, 1000, "hits in sentences with cues")
}
