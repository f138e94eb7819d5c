package report

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
)

// spanPositions gives what the document resolves, for every corpus
// claim's span and every finding's, in order and shuffled, and for spans
// no finding has; it finds most flagged claims' positions among the findings.
func TestSpanPositionsAsResolved(t *testing.T) {
	paths, results := corpusResults(t)
	r := rand.New(rand.NewPCG(3, 5))
	found, claims := 0, 0
	for i, res := range results {
		f := NewFile(paths[i], res, "en")
		doc := f.Doc()
		var spans []document.Span
		for _, c := range res.Card.Claims {
			spans = append(spans, c.Span)
		}
		for _, x := range f.Findings {
			spans = append(spans, x.span, document.Span{Start: x.span.Start, End: x.span.End + 1}, document.Span{Start: x.span.Start + 1, End: x.span.End})
		}
		check := func(spans []document.Span) {
			p := &spanPositions{findings: f.Findings}
			for _, span := range spans {
				span.End = min(span.End, len(doc.Source))
				span.Start = min(span.Start, span.End)
				wantStart, wantEnd := positions(doc, span)
				gotStart, gotEnd := p.positions(doc, span)
				require.Equal(t, wantStart, gotStart, "%s %v", paths[i], span)
				require.Equal(t, wantEnd, gotEnd, "%s %v", paths[i], span)
			}
		}
		check(spans[:len(res.Card.Claims)])
		check(spans)
		r.Shuffle(len(spans), func(a, b int) { spans[a], spans[b] = spans[b], spans[a] })
		check(spans)
		p := &spanPositions{findings: f.Findings}
		for _, c := range res.Card.Claims {
			if !c.Flagged() {
				continue
			}
			claims++
			before := p.next
			for _, x := range f.Findings[p.next:] {
				if x.span == c.Span {
					found++
					break
				}
			}
			p.positions(doc, c.Span)
			require.GreaterOrEqual(t, p.next, before)
		}
	}
	require.Greater(t, found, claims/2, "most flagged claims have a finding on their span")
}

// Each finding that carries a study relates to it as related resolves it
// on its own, in a list of its own: appending to one finding's leaves the
// others' as they were.
func TestRelatedResolvedOncePerStudy(t *testing.T) {
	paths, results := corpusResults(t)
	withStudy := 0
	for i, res := range results {
		f := NewFile(paths[i], res, "en")
		for j, x := range res.Findings {
			if x.Study == nil {
				require.Empty(t, f.Findings[j].Related)
				continue
			}
			withStudy++
			got := f.Findings[j].Related
			require.Len(t, got, 1, paths[i])
			// Its message comes with its JSON string, made once per study.
			r := got[0]
			require.NotNil(t, r.text, paths[i])
			require.Equal(t, r.Message, r.text.message)
			require.Equal(t, string(appendJSONString(nil, r.Message)), r.text.json)
			r.text = nil
			require.Equal(t, related(f.Doc(), res.Card, x.Study, "en"), r, paths[i])
		}
		for j := range f.Findings {
			if len(f.Findings[j].Related) > 0 {
				var before [][]Related
				for _, x := range f.Findings[j+1:] {
					before = append(before, append([]Related(nil), x.Related...))
				}
				_ = append(f.Findings[j].Related, Related{Message: "appended"})
				for k, x := range f.Findings[j+1:] {
					require.Equal(t, before[k], []Related(x.Related))
				}
			}
		}
	}
	require.Positive(t, withStudy)
}
