package rule

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
)

// corpusFacts analyses the corpus's plain-text, Markdown and HTML articles
// (those that parse: the corpus also holds files that must fail to).
func corpusFacts(t *testing.T, analyzer *facts.Analyzer) ([]string, []*facts.Document) {
	t.Helper()
	parse := map[string]func(string, []byte) (*document.Document, error){
		".txt": document.ParseText, ".md": document.ParseMarkdown, ".html": document.ParseHTML,
	}
	var paths []string
	var docs []*facts.Document
	err := filepath.WalkDir("../../corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || parse[filepath.Ext(path)] == nil {
			return err
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		doc, err := parse[filepath.Ext(path)](path, data)
		if err != nil {
			return nil // the corpus holds files that must fail to parse
		}
		paths = append(paths, path)
		docs = append(docs, analyzer.Analyze(doc))
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, len(docs), 100)
	return paths, docs
}

// evaluateOn runs the set over d on evaluator e (nil: a new one), in
// batches of three blocks as Linter.evaluate runs them in batches, then
// releases the run.
func evaluateOn(t *testing.T, s *Set, d *facts.Document, e *evaluator) []Finding {
	t.Helper()
	run := s.start(d, e)
	for blocks := d.Blocks; len(blocks) > 0; blocks = blocks[min(3, len(blocks)):] {
		require.NoError(t, run.Blocks(blocks[:min(3, len(blocks))]))
	}
	found, err := run.Finish()
	require.NoError(t, err)
	run.Release()
	return found
}

// An evaluator released after one document's run and started on the next
// judges that one as a new evaluator does: nothing of the last document
// (its once-reports, its rules decided off, its findings, block classes
// or masks) carries over. Each corpus article is evaluated, in sequence,
// on the evaluator the one before it released, and the findings compared
// with a new evaluator's; the first results are kept to the end, to show
// the next runs leave them as they were.
func TestReleasedEvaluatorIsAsNew(t *testing.T) {
	set, lex := builtinSet(t)
	paths, docs := corpusFacts(t, facts.NewAnalyzer(lex))
	recycled := &evaluator{}
	kept := make([][]Finding, len(docs))
	total := 0
	for i, d := range docs {
		want := evaluateOn(t, set, d, nil)
		got := evaluateOn(t, set, d, recycled)
		assert.Equal(t, want, got, paths[i])
		kept[i] = got
		total += len(got)
	}
	require.Greater(t, total, len(docs), "the corpus has findings to compare")
	for i, d := range docs {
		assert.Equal(t, evaluateOn(t, set, d, nil), kept[i], "%s, after the others", paths[i])
	}
}

// Release hands the evaluator back once: again does nothing, and the run
// has none to share with another.
func TestRunReleaseOnce(t *testing.T) {
	set, lex := builtinSet(t)
	doc, err := document.ParseText("a.txt", []byte("神药\n\n这种神药能根治癌症。\n"))
	require.NoError(t, err)
	run := set.Start(facts.NewAnalyzer(lex).Analyze(doc))
	_, err = run.Finish()
	require.NoError(t, err)
	run.Release()
	assert.Nil(t, run.e)
	run.Release()
	assert.Panics(t, func() { _ = run.Blocks(nil) }, "a released run has no evaluator to use")
}

// A run taken part by part (Document first, then Take after each batch of
// blocks, Finish last, as a streamed text is linted) hands out every
// finding once: the same ones, in the same order by rule scope, as
// Evaluate in one go, the document-scope ones included.
func TestTakenPartsAreTheWholeRun(t *testing.T) {
	set, lex := builtinSet(t)
	paths, docs := corpusFacts(t, facts.NewAnalyzer(lex))
	documentFindings := 0
	for i, d := range docs {
		whole, err := set.Evaluate(d)
		require.NoError(t, err)
		run := set.Start(d)
		require.NoError(t, run.Document())
		parts := run.Take()
		for _, f := range parts {
			if f.Rule.Scope == DocumentScope {
				documentFindings++
			}
		}
		for blocks := d.Blocks; len(blocks) > 0; blocks = blocks[min(3, len(blocks)):] {
			require.NoError(t, run.Blocks(blocks[:min(3, len(blocks))]))
			parts = append(parts, run.Take()...)
		}
		rest, err := run.Finish()
		require.NoError(t, err)
		parts = append(parts, rest...)
		run.Release()
		assert.ElementsMatch(t, whole, parts, paths[i])
	}
	require.Positive(t, documentFindings, "the corpus has document-scope findings")
}
