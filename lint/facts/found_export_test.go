package facts

import (
	"slices"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/normalize"
)

// SentenceMatchCheck compares each sentence of d, whose terms were found
// with all of its document's at once (viewSentences), with the sentence
// normalized and matched on its own, as sentence did before: it returns
// the texts of those that differ and how many hits there were.
func SentenceMatchCheck(a *Analyzer, d *Document) (differ []string, hits int) {
	for _, b := range d.Blocks {
		src := b.Source
		heading := src.Kind == document.Title || src.Kind == document.Heading
		for j, s := range b.Sentences {
			span := src.Sentences[j]
			text := src.Text[span.Start:span.End]
			v := normalize.Normalize(text)
			// true: 《 always searched for, as before View.MayTitle
			want := a.dropNames(text, heading, v.Map, a.dropInsideTitles(v.Text, true, a.Lex.Match(v.Text, nil)))
			hits += len(want)
			if s.Text != v.Text || !slices.Equal(want, s.Hits) || s.Span != src.SourceSpan(span) {
				differ = append(differ, s.Text)
			}
		}
	}
	return differ, hits
}
