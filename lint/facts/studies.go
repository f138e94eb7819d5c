package facts

import (
	"strings"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/numbers"
)

// The studies pass segments the article into the studies it reports, as
// blocks are analysed (it needs nothing but each sentence's hits and
// numbers, so it adds no pass over the text). A study opens at an
// indefinite mention (study_intro), another study (new_study), a change of
// population (animal work after people, or people after animal work) or a
// new venue; it closes at a heading or the end matter. A sentence that
// reports research with no study open opens one as well.

// population is what one sentence says about who was studied.
type population struct{ human, animal, cells bool }

func (a *Analyzer) populationOf(s *Sentence) population {
	return population{
		human:  a.humanEvidence(s),
		animal: s.Has(a.ids.animal) || animalSize(s),
		cells:  s.Has(a.ids.invitro),
	}
}

// openStudy is what the segmentation knows of the open study so far (not
// the study's final facts, which a replay already has: the decisions must
// be the same on both passes).
type openStudy struct {
	population
	venue     bool
	sentences int
}

// opensStudy reports whether sentence s, with population p, starts a study
// other than cur (nil when none is open).
func (a *Analyzer) opensStudy(s *Sentence, p population, cur *openStudy) (bool, string) {
	// "这项试验证实了此前一项研究的结果": a sentence that opens with a
	// demonstrative is about the study in hand; another one named in
	// passing does not take its place.
	inHand := cur != nil && startsWith(s, a.ids.demonstrative)
	if s.Has(a.ids.newStudy) && !inHand {
		return true, OpenedByMention
	}
	reports := s.Has(a.ids.study) || s.Has(a.ids.finding) || s.Has(a.ids.intervention)
	if cur == nil {
		// A reporting verb alone (卫福部公告指出, "experts found") names no study.
		return s.Has(a.ids.study) || s.Has(a.ids.studyIntro) || s.Has(a.ids.intervention) ||
			p.human && s.HumanSize || p.animal || p.cells, OpenedByMention
	}
	// An indefinite mention opens another study when the sentence reports
	// one (a finding, something given, a size, a venue): "a randomised
	// trial avoids that problem" and "a study website" do not.
	if s.Has(a.ids.studyIntro) && !inHand && !(s.Has(a.ids.subAnalysis) || s.Has(a.ids.continuation)) && (s.Has(a.ids.finding) || s.Has(a.ids.intervention) || s.Has(a.ids.journal) || s.SampleSize) {
		return true, OpenedByMention
	}
	if !reports {
		return false, ""
	}
	switch {
	case (p.animal || p.cells) && !p.human && cur.human && !cur.animal && !cur.cells:
		return true, OpenedByPopulation // a mouse experiment after a human cohort
	case p.human && !p.animal && !p.cells && (cur.animal || cur.cells) && !cur.human:
		return true, OpenedByPopulation // a human study after animal work
	}
	return false, ""
}

// markStudy places each sentence of block b in a study, opening and
// closing studies as it goes; the first pass over the blocks records them
// in d.Studies, a replay (see Restart) finds the same ones again.
func (a *Analyzer) markStudy(d *Document, b *Block) {
	r := &d.run
	if b.Source.Kind == document.Heading || b.Source.Kind == document.Title || b.InEndMatter {
		r.current = nil
		return
	}
	for _, s := range b.Sentences {
		if a.ids.quietForStudies(s) {
			// What the general path comes to for such a sentence: no
			// population, no study opened, nothing added but the count.
			s.Study = r.current
			if r.current != nil {
				r.open.sentences++
				if !r.replay {
					r.current.Sentences++
				}
			}
			continue
		}
		p := a.populationOf(s)
		var open *openStudy
		if r.current != nil {
			open = &r.open
		}
		if opens, why := a.opensStudy(s, p, open); opens {
			r.studies++
			if !r.replay {
				d.Studies = append(d.Studies, &Study{Index: r.studies, Span: s.Span, Opens: s.Index, OpenedBy: why})
			}
			r.current, r.open = d.Studies[r.studies-1], openStudy{}
			s.OpensStudy = true

		}
		s.Study = r.current
		if r.current == nil {
			continue
		}
		r.open.human, r.open.animal, r.open.cells = r.open.human || p.human, r.open.animal || p.animal, r.open.cells || p.cells
		r.open.venue = r.open.venue || hasVenue(a, s)
		r.open.sentences++
		if !r.replay {
			a.addToStudy(r.current, s, p)
		}
	}
}

// studyCueIDs are the classes populationOf, opensStudy, hasVenue and
// addToStudy ask a sentence for (those tentative and promisedCrowd ask
// for only matter together with one of them, or with a sample size).
func (c *classIDs) studyCueIDs() []int {
	return []int{c.animal, c.invitro, c.humanSubject, c.study, c.newStudy, c.finding, c.intervention, c.studyIntro,
		c.journal, c.doi, c.review, c.rct, c.observational, c.caseReport, c.trial}
}

// quietForStudies reports a sentence the studies pass learns nothing from:
// no hit of a study cue class, no number and no citation marker. Most
// sentences are; they are placed in the open study without the dozen
// class tests of the general path. Only with the class sets (masked) of
// an indexed sentence.
func (c *classIDs) quietForStudies(s *Sentence) bool {
	return c.masked && s.indexed && len(s.Nums) == 0 && !s.Cites && !s.classes.meets(&c.studyCues)
}

// addToStudy gathers the facts sentence s gives about its study.
func (a *Analyzer) addToStudy(st *Study, s *Sentence, p population) {
	st.Sentences++
	st.Human = st.Human || p.human
	st.Animal = st.Animal || p.animal
	st.Cells = st.Cells || p.cells
	st.Venue = st.Venue || hasVenue(a, s)
	st.Intervened = st.Intervened || s.Has(a.ids.intervention) && !s.Negated
	for _, m := range s.Nums {
		if m.Kind != numbers.SampleSize || m.Animal && !p.animal || a.promisedCrowd(s, m) {
			continue
		}
		if !m.Animal && (!m.Vague || m.Value > 0) { // "tens of thousands" sizes a study, "a large study" does not
			st.Sized = true
		}
		st.Size = max(st.Size, int(m.Value))
	}
	// A trial planned or denied ("human trials will begin") is no design.
	planned := s.Has(a.ids.future) || s.Has(a.ids.timeline) || s.Negated
	if !planned && (st.Design == "" || st.Design == Unknown || st.Design == DesignTrial) {
		switch {
		case s.Has(a.ids.review):
			st.Design = DesignReview
		case s.Has(a.ids.rct):
			st.Design = DesignRCT
		case s.Has(a.ids.observational):
			st.Design = DesignObservational
		case s.Has(a.ids.caseReport):
			st.Design = DesignCase
		case s.Has(a.ids.trial):
			st.Design = DesignTrial
		}
	}
}

// finishStudies sets the facts of each study that need all its sentences.
func finishStudies(studies []*Study) {
	shareVenues(studies)
	for _, st := range studies {
		st.Preclinical = (st.Animal || st.Cells) && !st.Human
		switch {
		case st.Human:
			st.Population = People
		case st.Animal:
			st.Population = Animals
		case st.Cells:
			st.Population = Cells
		default:
			st.Population = Unknown
		}
		// A trial gives its participants something by definition.
		st.Intervened = st.Intervened || st.Design == DesignRCT || st.Design == DesignTrial
		if st.Design == "" {
			st.Design = Unknown
			if st.Preclinical {
				st.Design = DesignLab
			}
		}
	}
}

// hasVenue reports a sentence naming where a study appeared: a journal, a
// DOI or link, a citation marker ([3], ²), or a title in 《》 in a sentence about a study (据《某某期刊》
// 发表的一项统合分析).
func hasVenue(a *Analyzer, s *Sentence) bool {
	return s.Has(a.ids.journal) || s.Has(a.ids.doi) || s.Cites ||
		(s.Has(a.ids.study) || s.Has(a.ids.studyIntro)) && strings.Contains(s.Text, "《")
}

// shareVenues gives one venue to the studies of one paper: a study opened
// by a change of population (the mouse experiment after the cohort, in the
// same report) and the study it split from share where they appeared, which
// an article usually names once ("the work is published in Aging Cell").
func shareVenues(studies []*Study) {
	for start := 0; start < len(studies); {
		end := start + 1
		for end < len(studies) && studies[end].OpenedBy == OpenedByPopulation {
			end++
		}
		venue := false
		for _, st := range studies[start:end] {
			venue = venue || st.Venue
		}
		for _, st := range studies[start:end] {
			st.Venue = venue
		}
		start = end
	}
}

// promisedCrowd reports a vague crowd in a promise (有望…帮助数以千万计的
// 老年人, 可望造福数十万名患者, "could one day help millions of patients"):
// the people who might benefit, not the people studied.
func (a *Analyzer) promisedCrowd(s *Sentence, m numbers.Mention) bool {
	return m.Kind == numbers.SampleSize && m.Vague && (s.Has(a.ids.promise) || s.Has(a.ids.future))
}
