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
			want := a.dropNames(text, v.Text, heading, v.Map, a.dropInsideTitles(v.Text, true, a.Lex.Match(v.Text, nil)))
			hits += len(want)
			if s.Text != v.Text || !slices.Equal(want, s.Hits) || s.Span != src.SourceSpan(span) {
				differ = append(differ, s.Text)
			}
		}
	}
	return differ, hits
}

// SentenceViewCheck compares each sentence of d's span and view map, which
// viewSentences moves straight from its block's map when that is one
// verbatim piece, with those the general path gives (the block's map
// searched, the view's map composed through it), at every offset of the
// view: it returns the texts of those that differ, and how many sentences
// were in blocks of one verbatim piece and how many in others.
func SentenceViewCheck(d *Document) (differ []string, plain, other int) {
	for _, b := range d.Blocks {
		src := b.Source
		if _, _, _, ok := src.Map.Verbatim(); ok {
			plain += len(b.Sentences)
		} else {
			other += len(b.Sentences)
		}
		for j, s := range b.Sentences {
			span := src.Sentences[j]
			text := src.Text[span.Start:span.End]
			want := normalize.Normalize(text).Map.ComposeSlice(span.Start, len(text), src.Map)
			same := s.Span == document.Span{Start: src.Map.Start(span.Start), End: src.Map.End(span.End)}
			for k := 0; same && k <= len(s.Text)+1; k++ {
				same = s.View.Map.Start(k) == want.Start(k) && s.View.Map.End(k) == want.End(k)
			}
			if !same {
				differ = append(differ, s.Text)
			}
		}
	}
	return differ, plain, other
}
