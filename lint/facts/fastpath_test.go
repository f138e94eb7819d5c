package facts_test

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
)

// corpusTexts returns the corpus articles (text and Markdown).
func corpusTexts(t *testing.T) []lint.Input {
	t.Helper()
	var ins []lint.Input
	err := filepath.WalkDir("../../corpus", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if ext := filepath.Ext(path); ext != ".txt" && ext != ".md" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		ins = append(ins, lint.Input{Path: path, Data: data})
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, ins)
	return ins
}

// TestFastPathsAgreeWithWalks checks the analyzer's shortcuts (class
// masks, the claim-class set test, the quotation mark noted once, the
// early exit of negatesClaim) against the walks they replace, on the
// corpus and on random articles stitched from its lines.
func TestFastPathsAgreeWithWalks(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	ins := corpusTexts(t)
	var lines []string
	sentences := 0
	check := func(in lint.Input) {
		doc, err := lint.Parse(in)
		if err != nil {
			return // the corpus holds files that must fail to parse
		}
		d := a.Analyze(doc)
		sentences += d.Sentences
		require.Empty(t, facts.FastPathCheck(d), in.Path)
	}
	for _, in := range ins {
		check(in)
		lines = append(lines, strings.Split(string(in.Data), "\n")...)
	}
	rng := rand.New(rand.NewPCG(17, 4))
	for i := range 200 {
		var b strings.Builder
		for range 1 + rng.IntN(30) {
			line := lines[rng.IntN(len(lines))]
			if line != "" && rng.IntN(3) == 0 { // cut a line: quotation marks and clauses left open
				line = strings.ToValidUTF8(line[:rng.IntN(len(line))], "")
			}
			b.WriteString(line)
			b.WriteString("\n\n"[:1+rng.IntN(2)])
		}
		check(lint.Input{Path: "random" + string(rune('a'+i%26)) + ".txt", Data: []byte(b.String())})
	}
	require.Greater(t, sentences, 1000)
}

// The sentences of a document, their terms found a batch of blocks at once
// before each is analysed, have the text, span and hits they have when each is
// normalized and matched on its own; on the corpus and on random articles
// stitched from its lines (blocks of one sentence and of many; articles of
// one batch of blocks and of several).
func TestSentencesMatchAsAlone(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	ins := corpusTexts(t)
	var lines []string
	hits := 0
	check := func(in lint.Input) {
		doc, err := lint.Parse(in)
		if err != nil {
			return // the corpus holds files that must fail to parse
		}
		differ, n := facts.SentenceMatchCheck(a, a.Analyze(doc))
		require.Empty(t, differ, in.Path)
		hits += n
	}
	for _, in := range ins {
		check(in)
		lines = append(lines, strings.Split(string(in.Data), "\n")...)
	}
	rng := rand.New(rand.NewPCG(23, 5))
	for i := range 110 {
		n := 1 + rng.IntN(30)
		if i >= 100 { // longer than a batch of blocks (batchBytes)
			n = 500 + rng.IntN(1000)
		}
		var b strings.Builder
		for range n {
			b.WriteString(lines[rng.IntN(len(lines))])
			b.WriteString("\n\n"[:1+rng.IntN(2)])
		}
		check(lint.Input{Path: "random" + string(rune('a'+i%26)) + ".txt", Data: []byte(b.String())})
	}
	require.Greater(t, hits, 5000)
}
