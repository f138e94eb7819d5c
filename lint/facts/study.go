package facts

import (
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// Study is one study an article reports: a context that opens at an
// indefinite mention (一项研究, "a new trial"), another study (另一项研究,
// "a separate analysis") or a change of population (a mouse experiment
// after a human cohort), and holds every sentence after it until the next
// study, heading or the end matter. Its facts are gathered from those
// sentences; rules see them as `study.*`.
type Study struct {
	Index       int    `expr:"index"`       // 1-based order in the article; 0 is "no study"
	Population  string `expr:"population"`  // people, animals, cells or unknown
	Human       bool   `expr:"human"`       // a sentence of it describes people studied
	Animal      bool   `expr:"animal"`      // ... laboratory animals
	Cells       bool   `expr:"cells"`       // ... cells, organoids, tissue
	Design      string `expr:"design"`      // rct, trial, observational, review, case, lab or unknown
	Size        int    `expr:"size"`        // largest number of subjects given, 0 if none
	Sized       bool   `expr:"sized"`       // a number (or "large", "thousands") of people is given
	Studies     int    `expr:"studies"`     // for a review: how many studies it pooled
	Venue       bool   `expr:"venue"`       // a journal, DOI or link is named for it
	Intervened  bool   `expr:"intervened"`  // subjects were given something (注射, 补充, "were given")
	Preclinical bool   `expr:"preclinical"` // animals or cells, and no people
	Sentences   int    `expr:"sentences"`   // how many sentences belong to it
	// OpenedBy says what opened it: "mention" (一项研究, another study,
	// the first report of research) or "population" (animal work after
	// people, or back: often another experiment of the same paper).
	OpenedBy string `expr:"openedBy"`

	// Span is the source span of the sentence that opens the study: where
	// a finding about the study as a whole sits, and the related location
	// of findings on claims attributed to it.
	Span  document.Span `expr:"-"`
	Opens int           `expr:"-"` // index of that sentence in the document
}

// Claim is one statement of an effect or property in a sentence: a term
// of a claim class (effect, antiaging, causal, certainty, miracle...) with
// who it is said of, how strongly, in whose voice, and the studies it rests
// on. Rules with `report: CLASS` see the claim of each hit as `claim.*`.
type Claim struct {
	Term  string `expr:"term"`  // the claim term, normalized
	Class string `expr:"class"` // its lexicon class

	// Subject is who the effect is said of: people (人, patients,
	// "you"), animals, cells, or none when the clause names nobody.
	Subject string `expr:"subject"`
	// Strength is how the claim is put: direct (逆转了, reverses), can
	// (能, can), may (可能, might: uncertain), promise (有望, 或将,
	// "could one day": a prospect, which is still a claim), question
	// (…吗？, a heading asking) or negated.
	Strength string `expr:"strength"`
	// Voice is who makes it: writer, quoted (a source's words in
	// quotation marks or after 表示/said) or distanced (所谓, so-called).
	Voice string `expr:"voice"`
	// Evidence is what the studies it rests on are: human, preclinical
	// (only animals or cells), or none (no study rests under it).
	Evidence string `expr:"evidence"`
	// Summary: in a title, heading, lead or summary sentence (总之,
	// "In short"), so it rests on every study of the article that shows
	// an effect, not on the context it sits in.
	Summary bool `expr:"summary"`
	// Inferred: the clause draws a conclusion from what the sentence
	// said before it (等于…, 这意味着…, "which means…"), so a model
	// named earlier in the sentence does not bound it: "细胞实验显示…，
	// 等于帮肌肤逆龄十岁" claims for people what the cells showed.
	Inferred bool `expr:"inferred"`
	// Design is the design the claim is judged against (causal wording
	// needs an experiment): its study's, or the article's for a summary
	// or a claim outside any study; a claim about people resting on animal
	// work, or on nothing, is judged as observational.
	Design string `expr:"design"`

	Span  document.Span `expr:"-"` // source span of the term
	Hit   lexicon.Hit   `expr:"-"` // the term's hit in its sentence
	Study *Study        `expr:"-"` // the study it is attributed to (nil: none); see Evidence
}
