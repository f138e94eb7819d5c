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
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/textmap"
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

// The sentences' spans and view maps, moved straight from their block's
// map when it is one verbatim piece, are those the general path gives, on
// the corpus and on random articles stitched from its lines, some cut
// mid-character (invalid UTF-8), in plain text and in Markdown, whose
// emphasis and links leave block maps of many pieces.
func TestSentenceViewsMatchTheGeneralPath(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	a := facts.NewAnalyzer(l.Lexicon)
	ins := corpusTexts(t)
	var lines []string
	plain, other := 0, 0
	check := func(in lint.Input) {
		doc, err := lint.Parse(in)
		if err != nil {
			return // the corpus holds files that must fail to parse
		}
		differ, p, o := facts.SentenceViewCheck(a.Analyze(doc))
		require.Empty(t, differ, in.Path)
		plain, other = plain+p, other+o
	}
	for _, in := range ins {
		check(in)
		lines = append(lines, strings.Split(string(in.Data), "\n")...)
	}
	marks := [][2]string{{"**", "**"}, {"*", "*"}, {"`", "`"}, {"[", "](https://example.org/a)"}, {"<b>", "</b>"}, {"\\", ""}}
	rng := rand.New(rand.NewPCG(31, 7))
	for i := range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(30) {
			line := lines[rng.IntN(len(lines))]
			if line != "" && rng.IntN(3) == 0 { // cut: quotation marks and clauses left open
				line = strings.ToValidUTF8(line[:rng.IntN(len(line))], "")
			}
			if line != "" && rng.IntN(2) == 0 { // markup dropped from the block's text
				from, to := rng.IntN(len(line)), rng.IntN(len(line))
				from, to = min(from, to), max(from, to)
				m := marks[rng.IntN(len(marks))]
				line = line[:from] + m[0] + line[from:to] + m[1] + line[to:]
			}
			b.WriteString(line)
			b.WriteString("\n\n"[:1+rng.IntN(2)])
		}
		ext := ".txt"
		if i%2 == 1 {
			ext = ".md"
		}
		check(lint.Input{Path: "random" + string(rune('a'+i%26)) + ext, Data: []byte(b.String())})
	}
	// Blocks built by hand, as no parser leaves them: texts cut
	// mid-character (invalid UTF-8), maps of one verbatim piece anywhere
	// in the source or of many (copies with gaps, atomic replacements).
	for range 300 {
		doc := &document.Document{Format: "text"}
		for range 1 + rng.IntN(20) {
			text := lines[rng.IntN(len(lines))] + lines[rng.IntN(len(lines))]
			text = text[rng.IntN(len(text)/2+1) : len(text)-rng.IntN(len(text)/2+1)]
			if text == "" {
				continue
			}
			b := document.Block{Kind: document.Paragraph, Text: text, Sentences: document.Sentences(text, document.Paragraph)}
			if rng.IntN(2) == 0 {
				b.Map = textmap.Identity(rng.IntN(100), len(text))
			} else {
				var m textmap.Builder
				src := rng.IntN(100)
				for m.Len() < len(text) {
					k := min(1+rng.IntN(12), len(text)-m.Len())
					if rng.IntN(4) == 0 {
						m.Replace(src, 1+rng.IntN(4), k)
					} else {
						m.Copy(src, k)
					}
					src += k + rng.IntN(3)
				}
				b.Map = m.Map()
			}
			doc.Blocks = append(doc.Blocks, b)
		}
		differ, p, o := facts.SentenceViewCheck(a.Analyze(doc))
		require.Empty(t, differ)
		plain, other = plain+p, other+o
	}
	require.Greater(t, plain, 3000)
	require.Greater(t, other, 1500)
}
