// Package facts analyses a parsed document into what rules reason about:
// for each sentence its normalized view, lexicon hits and numbers; for each
// block and for the whole document, aggregates of those (which kinds of
// evidence appear, whether a sample size or a disclosure is given...).
//
// The exported fields tagged `expr` are the environment rule conditions see;
// README.md documents them.
//
// Blocks are analysed one after another with running totals (Begin, Blocks,
// Finish), so the document-level facts never need every block at once: a
// long text can be analysed in sections (see lint.SectionSize).
package facts

import (
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/internal/slab"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/numbers"
)

// Sentence holds the facts of one sentence.
type Sentence struct {
	Text          string    `expr:"text"`    // normalized text
	Kind          string    `expr:"kind"`    // kind of the block it is in
	IsTitle       bool      `expr:"isTitle"` // in the title
	IsHeading     bool      `expr:"isHeading"`
	IsLead        bool      `expr:"isLead"`        // in the first body paragraph
	Index         int       `expr:"index"`         // position in the document, from 0
	Negated       bool      `expr:"negated"`       // a negation applies to one of its claim terms
	Distanced     bool      `expr:"distanced"`     // one of its claim terms is put as others' claim (所谓, 声称"…")
	Hedged        bool      `expr:"hedged"`        // has a hedge (may, 可能)
	Caveat        bool      `expr:"caveat"`        // states a limit of the evidence
	InLimitations bool      `expr:"inLimitations"` // inside a limitations section
	InEndMatter   bool      `expr:"inEndMatter"`   // after "Notes to editors", "###", 责任编辑…
	NamesModel    bool      `expr:"namesModel"`    // names the animal or cells, or says the result is not yet shown in people
	SampleSize    bool      `expr:"sampleSize"`    // gives a number of subjects
	HumanSize     bool      `expr:"humanSampleSize"`
	SizeKnown     bool      `expr:"sizeKnown"` // a size is given for its study: here, in the paragraph, before or after
	SampleSizes   []int     `expr:"sampleSizes"`
	Percents      []float64 `expr:"percents"`
	Role          string    `expr:"role"`        // the role of its block (headline, standfirst, body, references…)
	IsHeadline    bool      `expr:"isHeadline"`  // in the article's one headline
	Question      bool      `expr:"question"`    // asks rather than asserts
	Voice         string    `expr:"voice"`       // whose words it is in: writer, quoted, reported or posed
	Critical      bool      `expr:"critical"`    // carries a critique cue (辟谣, 翻车, "myth", "hype")
	Cites         bool      `expr:"cites"`       // carries a citation marker ([12], ［3］, ², (Smith et al., 2020))
	Testimonial   bool      `expr:"testimonial"` // a first-person story in quotation marks (“我…”, "I look…")

	Block *Block            `expr:"-"`
	View  normalize.View    `expr:"-"` // Map leads to source offsets
	Hits  []lexicon.Hit     `expr:"-"` // in start order, as the lexicon gives them (precededBy stops on it)
	Nums  []numbers.Mention `expr:"-"` // its sample sizes (the other kinds are read into Percents, or not at all)
	Span  document.Span     `expr:"-"` // source span

	study int // which study of the article it is about (see Analyzer.markSize)
	// classes says which classes Hits has (see indexClasses), so that
	// asking for a class the sentence lacks, most asks, walks no hits.
	classes classSet
	indexed bool
	// has[c] says whether classes holds c, for Has to read a byte rather
	// than test a bit (on the benchmark archive Has is asked about 40
	// times a sentence); hasLimit is 255 when indexed, else 0, so that
	// Has tests one bound for both (as a uint8 it also bounds the index:
	// a class of 255 or more walks the hits).
	hasLimit uint8
	has      [classSetSize]bool
	// plainVoice: the sentence has no cue the voice of a term reads but a
	// claim label (see classIDs.plainVoice); false when not worked out.
	plainVoice bool
	// quotes: whether the text has an opening quotation mark (quotesNone,
	// quotesSome), or quotesUnknown for a sentence built by hand.
	quotes uint8
	// claimTerms is how many claim terms Hits holds, counted by
	// ClaimsPass to size its memory and read by claimsOf in the same pass.
	claimTerms uint32
	// marks are the quotation marks of Text (appendQuoteMarks) when
	// marked: a sentence with hits and quotation marks has them found
	// once, not walked to for each hit.
	marks  []quoteMarkAt
	marked bool

	OpensStudy bool `expr:"opensStudy"` // opens a study context (see markStudy)
	// ImprovementAfter: one of the next two sentences states an
	// improvement or effect, with no other person or study introduced
	// first: a story told over sentences (陈先生打完三针。十年的膝盖痛消失了).
	ImprovementAfter bool     `expr:"improvementAfter"`
	StoryEnd         int      `expr:"-"` // with ImprovementAfter: source offset where the improvement's sentence ends
	Study            *Study   `expr:"-"` // the study context it sits in; nil outside any
	Claims           []*Claim `expr:"-"` // its claims, attributed (see claims.go)
}

// Block holds the facts of one block (a paragraph, list item, heading...).
type Block struct {
	Kind          string `expr:"kind"`
	Index         int    `expr:"index"`
	IsLead        bool   `expr:"isLead"`
	InLimitations bool   `expr:"inLimitations"`
	InEndMatter   bool   `expr:"inEndMatter"`
	SampleSize    bool   `expr:"sampleSize"`
	Role          string `expr:"role"` // see RoleHeadline and the other roles

	Sentences []*Sentence     `expr:"-"`
	Source    *document.Block `expr:"-"`
	Span      document.Span   `expr:"-"`
	// Counts, when set, are the hits of each class in the whole block this
	// block is a piece of (see document.Block.Continues); the sentences
	// are the piece's only.
	Counts []int `expr:"-"`
	// classes is the union of its sentences' class sets when indexed
	// (every sentence indexed, see Analyzer.Blocks): Count of a class
	// none of them has walks no sentence.
	classes classSet
	indexed bool
}

// Evidence says which kinds of study the article reports.
type Evidence struct {
	Human       bool `expr:"human"`
	Animal      bool `expr:"animal"`
	InVitro     bool `expr:"invitro"`
	Preclinical bool `expr:"preclinicalOnly"` // animal or in-vitro, and no human study
}

// Document holds the facts of the whole article.
type Document struct {
	Language    string   `expr:"language"` // zh-Hans, zh-Hant or en
	Script      string   `expr:"script"`   // Hans, Hant or Latn
	Evidence    Evidence `expr:"evidence"`
	SampleSize  bool     `expr:"sampleSize"`
	Disclosure  bool     `expr:"disclosure"`
	Limitations bool     `expr:"limitations"` // has a limitations section or caveat
	Journal     bool     `expr:"journal"`
	DOI         bool     `expr:"doi"`
	Commerce    bool     `expr:"commerce"`
	// Offering: the page sells something: a price, a product notice, or
	// two signs of selling (calls to buy, or a seller's own voice: 本院,
	// 适应症, "our clinic", downtime…), without needing a buy verb.
	Offering   bool   `expr:"offering"`
	Sentences  int    `expr:"sentences"`
	Design     string `expr:"design"`     // rct, trial, observational, preclinical or unknown
	Critical   bool   `expr:"critical"`   // argues against claims: a debunk, a fact-check, a critique of coverage
	References bool   `expr:"references"` // has a reference list
	// ReportsStudy: the article reports research in its own account (a
	// study hit neither negated nor, in a critical article, someone
	// else's claim under examination): 没有任何研究证实 reports none.
	ReportsStudy bool `expr:"reportsStudy"`

	// Studies are the studies the article reports, in order (see markStudy).
	Studies []*Study `expr:"-"`

	Blocks []*Block           `expr:"-"`
	Doc    *document.Document `expr:"-"`
	Lex    *lexicon.Lexicon   `expr:"-"`
	ids    *classIDs
	counts []int
	run    runState
	mem    *keeper // the memory its blocks are built in, until Release (see keeper)
	// sizedStudies[i]: the article gives a sample size for its study i;
	// kept across Restart, so that sections see sizes given further on.
	sizedStudies []bool
	// summary caches Document.summaryEvidence; Finish clears it.
	summary struct {
		human, preclinical *Study
		done               bool
	}
	// storyImproved holds the sentences (by index) that introduce a person
	// whose improvement follows, each with the source offset where the
	// sentence telling the improvement ends (see markStories); kept across
	// Restart.
	storyImproved map[int]int
	// claims and claimRefs hold the sentences' claims and their lists
	// when d has no memory of its own (see claimSlabs).
	claims    slab.Slab[Claim]
	claimRefs slab.Slab[*Claim]
}

// Counter is implemented by every scope a rule can ask about classes.
type Counter interface {
	Count(class int) int
}

// Count returns how many hits of a class the sentence has.
func (s *Sentence) Count(class int) int {
	if s.indexed && class >= 0 && class < classSetSize && !s.classes.has(class) {
		return 0
	}
	n := 0
	for _, h := range s.Hits {
		if h.Class == class {
			n++
		}
	}
	return n
}

// Has reports whether the sentence has a hit of a class (Count > 0
// without counting).
func (s *Sentence) Has(class int) bool {
	// Kept small enough to inline (the walk is its own function): it is
	// asked for every sentence by every rule and most facts.
	if k := uint(class); k < uint(s.hasLimit) {
		return s.has[k]
	}
	return s.walkHas(class)
}

// walkHas is Has by a walk over the hits.
func (s *Sentence) walkHas(class int) bool {
	for _, h := range s.Hits {
		if h.Class == class {
			return true
		}
	}
	return false
}

// indexClasses notes which classes the sentence's hits are of; Hits must
// not change afterwards. (A sentence built by hand is not indexed, and
// Count walks its hits.)
func (s *Sentence) indexClasses() {
	s.classes = classSet{}
	s.has = [classSetSize]bool{}
	for _, h := range s.Hits {
		s.classes.add(h.Class)
		if k := uint(h.Class); k < uint(classSetSize) {
			s.has[k] = true
		}
	}
	s.indexed, s.hasLimit = true, 255
}

// classSetSize is how many classes a classSet holds.
const classSetSize = len(classSet{}) * 64

// Count returns how many hits of a class the block has. Blocks are short;
// a count per class per block was a tenth of the memory a long book took.
func (b *Block) Count(class int) int {
	if b.Counts != nil {
		return countAt(b.Counts, class)
	}
	if b.indexed && uint(class) < uint(classSetSize) && !b.classes.has(class) {
		return 0
	}
	n := 0
	for _, s := range b.Sentences {
		n += s.Count(class)
	}
	return n
}

// add appends s to the block's sentences and its classes to the block's
// (the block stays indexed only while its sentences are).
func (b *Block) add(s *Sentence) {
	b.Sentences = append(b.Sentences, s)
	b.classes.union(&s.classes)
	b.indexed = b.indexed && s.indexed
}

// Count returns how many hits of a class the document has.
func (d *Document) Count(class int) int { return countAt(d.counts, class) }

func countAt(counts []int, class int) int {
	if class < 0 || class >= len(counts) {
		return 0
	}
	return counts[class]
}

// SourceSpan maps a span of the sentence's normalized text to source bytes.
func (s *Sentence) SourceSpan(start, end int) document.Span {
	return document.Span{Start: s.View.Map.Start(start), End: s.View.Map.End(end)}
}
