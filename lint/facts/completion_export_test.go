package facts

// CompleteByPasses is Complete as it was, the reference for its fused
// walks: Complete's own walk over the sentences, then the completion
// passes run by runPasses, each with its walks.
func (a *Analyzer) CompleteByPasses(d *Document, blocks []*Block) {
	for _, b := range blocks {
		for _, s := range b.Sentences {
			s.SizeKnown = s.SizeKnown || s.study < len(d.sizedStudies) && d.sizedStudies[s.study]
			s.Distanced = s.Distanced || (d.Critical || s.Critical) && s.Voice != VoiceWriter
			s.NamesModel = s.Has(a.ids.animal) || s.Has(a.ids.invitro) || s.Has(a.ids.speciesCaveat) ||
				d.Evidence.InVitro && s.Has(a.ids.cells)
		}
	}
	var results [8]passResult
	rs := passResults(results[:0])
	if err := a.runPasses(d, blocks, completionPasses, &rs); err != nil {
		panic(err)
	}
}

// completionPasses are the passes Complete ran.
var completionPasses = []*Pass{StoriesPass, AttributionPass}
