package facts

import (
	"slices"
	"strings"
	"sync"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/internal/slab"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/numbers"
	"github.com/hypelint/hypelint/lint/textmap"
)

// Analyzer computes facts with one lexicon. It is safe for concurrent use.
type Analyzer struct {
	Lex *lexicon.Lexicon
	ids classIDs
}

// classIDs are the classes the analyzer itself reads; a lexicon without one
// of them simply never sets the fact that depends on it.
type classIDs struct {
	negation, hedge, caveat, limitations, newStudy                 int
	humanSubject, animal, invitro, timeline                        int
	disclosure, adLabel, journal, doi, commerce, speciesCaveat     int
	distancing, causalCaveat, future, study, cells, endMatter      int
	disclosurePointer, productNotice, demonstrative, reader, price int
	rct, observational, trial                                      int
	// study contexts and claims (studies.go, claims.go)
	studyIntro, intervention, review, caseReport, promise, summary                      int
	finding, effect, antiaging, miracle, causalStrong, causalCan                        int
	safetyAbsolute, relativeChange, improvement                                         int
	humanRef, ability, anecdote, seller, subAnalysis, continuation                      int
	rebuttal, speech, critique, certainty                                               int
	roleReferences, roleDisclaimer, roleNotice, roleBio                                 int
	roleRelated, roleAdvert, roleCaption, disclaimerPhrase, hype, riskNoun, association int
	noticePhrase, framing                                                               int

	// kinds has a byte for each class below 256, with the bits of
	// kindModifier and kindClaim for the classes modifier and isClaim
	// accept: one load per hit instead of a dozen comparisons, for loops
	// that ask of every hit.
	kinds [256]uint8
	// claims holds the classes isClaim accepts, when masked (see
	// hasClaimTerm).
	claims classSet
	// voiceCues holds the classes whose hits keep a sentence from a plain
	// voice (see plainVoice), roleCues those that open a block of a role
	// (see cueRole), when masked.
	voiceCues, roleCues classSet
	// studyCues holds the classes whose hits the studies pass reads (see
	// quietForStudies), when masked.
	studyCues classSet
	masked    bool
}

// mask fills in the table behind modifier and isClaim, and the class
// sets behind plainVoice and cueRole.
func (c *classIDs) mask() {
	c.masked = false
	var claims classSet // the table's size is classSetSize
	for class := range c.kinds {
		c.kinds[class] = 0
		if c.modifierByID(class) {
			c.kinds[class] |= kindModifier
		}
		if c.isClaimByID(class) {
			c.kinds[class] |= kindClaim
			claims.add(class)
		}
	}
	// A class id beyond the set cannot be masked: keep the comparisons.
	for _, id := range []int{c.negation, c.hedge, c.caveat, c.speciesCaveat, c.causalCaveat, c.distancing, c.future,
		c.demonstrative, c.reader, c.rebuttal, c.speech, c.critique, c.promise, c.studyIntro, c.summary, c.framing,
		c.effect, c.antiaging, c.miracle, c.causalStrong, c.causalCan, c.certainty,
		c.safetyAbsolute, c.relativeChange, c.improvement, c.hype, c.roleReferences, c.roleDisclaimer, c.roleNotice,
		c.roleBio, c.roleRelated, c.roleAdvert, c.roleCaption} {
		if id >= classSetSize {
			return
		}
	}
	var cues classSet
	for _, class := range c.voiceCueIDs() {
		cues.add(class) // an absent class (-1) adds nothing, as no hit has it
	}
	var roles classSet
	for _, rc := range c.roleClasses() {
		roles.add(rc.class)
	}
	var study classSet
	for _, id := range c.studyCueIDs() {
		if id >= classSetSize {
			return
		}
		study.add(id)
	}
	c.claims, c.voiceCues, c.roleCues, c.studyCues, c.masked = claims, cues, roles, study, true
}

// The bits of classIDs.kinds.
const (
	kindModifier uint8 = 1 << iota
	kindClaim
)

// modifier reports the classes that qualify a claim rather than make one.
func (c *classIDs) modifier(class int) bool {
	if k := uint(class); k < uint(len(c.kinds)) {
		return c.kinds[k]&kindModifier != 0
	}
	return c.modifierByID(class)
}

// modifierByID is modifier by comparing ids (see mask).
func (c *classIDs) modifierByID(class int) bool {
	switch class {
	case c.negation, c.hedge, c.caveat, c.speciesCaveat, c.causalCaveat, c.distancing, c.future,
		c.demonstrative, c.reader, c.rebuttal, c.speech, c.critique, c.promise, c.studyIntro, c.summary, c.framing:
		return true
	}
	return false
}

// NewAnalyzer prepares an analyzer for a lexicon.
func NewAnalyzer(lex *lexicon.Lexicon) *Analyzer {
	a := &Analyzer{Lex: lex, ids: engineClasses(lex.ClassID)}
	a.ids.mask()
	return a
}

// MissingClasses lists the classes the engine itself reads that lex does
// not define: a renamed class ("negation" → "negations") would otherwise
// switch a mechanism off without a word.
func MissingClasses(lex *lexicon.Lexicon) []string {
	var missing []string
	engineClasses(func(name string) int {
		id := lex.ClassID(name)
		if id < 0 {
			missing = append(missing, name)
		}
		return id
	})
	return missing
}

// engineClasses is the one place that names the lexicon classes the engine
// reads; id resolves a name.
func engineClasses(id func(string) int) classIDs {
	return classIDs{
		negation: id("negation"), hedge: id("hedge"), caveat: id("caveat"),
		limitations: id("limitations_heading"), newStudy: id("new_study"),
		humanSubject: id("human_subject"), animal: id("animal"), invitro: id("invitro"),
		timeline: id("timeline"), disclosure: id("disclosure"), adLabel: id("ad_label"),
		journal: id("journal"), doi: id("doi"), commerce: id("commerce"),
		speciesCaveat: id("species_caveat"), distancing: id("distancing"), causalCaveat: id("causal_caveat"),
		future: id("future"), study: id("study"), cells: id("cells"), endMatter: id("end_matter"),
		disclosurePointer: id("disclosure_pointer"), productNotice: id("product_notice"),
		demonstrative: id("demonstrative"), reader: id("reader"), price: id("price"),
		rct: id("rct"), observational: id("observational"), trial: id("trial"),
		studyIntro: id("study_intro"), intervention: id("intervention"), review: id("review"),
		caseReport: id("case_report"), promise: id("promise"), summary: id("summary"),
		finding: id("finding"), effect: id("effect"), antiaging: id("antiaging"), miracle: id("miracle"),
		causalStrong: id("causal_strong"), causalCan: id("causal_can"),
		safetyAbsolute: id("safety_absolute"), relativeChange: id("relative_change"),
		improvement: id("improvement"), humanRef: id("human_ref"), ability: id("ability"), anecdote: id("anecdote"), seller: id("seller"), subAnalysis: id("sub_analysis"), continuation: id("continuation"),
		rebuttal: id("rebuttal"), speech: id("speech"), critique: id("critique"), framing: id("framing"), certainty: id("certainty"),
		hype: id("hype"), riskNoun: id("risk_noun"), association: id("association"),
		roleReferences: id("role_references"), roleDisclaimer: id("role_disclaimer"), roleNotice: id("role_notice"),
		roleBio: id("role_bio"), roleRelated: id("role_related"), roleAdvert: id("role_advert"),
		roleCaption: id("role_caption"), disclaimerPhrase: id("disclaimer_phrase"),
		noticePhrase: id("notice_phrase"),
	}
}

// Analyze computes the facts of a parsed document.
func (a *Analyzer) Analyze(doc *document.Document) *Document {
	k := keeperPool.Get().(*keeper) // until Release
	d := a.begin(doc, k.counts(len(a.Lex.Classes)))
	d.mem = k
	d.Blocks = a.Blocks(d, doc)
	a.Finish(d)
	a.Complete(d, d.Blocks)
	return d
}

// Begin starts the facts of a document whose blocks are then analysed in
// order, all at once (Analyze) or section by section (Blocks), so that a
// long book need not be held whole: the document-level facts come from
// running totals, not from the blocks.
func (a *Analyzer) Begin(doc *document.Document) *Document {
	return a.begin(doc, make([]int, len(a.Lex.Classes)))
}

// begin is Begin with the document's class counts, zeroed.
func (a *Analyzer) begin(doc *document.Document, counts []int) *Document {
	return &Document{Doc: doc, Lex: a.Lex, ids: &a.ids, counts: counts,
		claims:    slab.Slab[Claim]{Limit: claimChunk, ReserveExact: true},
		claimRefs: slab.Slab[*Claim]{Limit: claimChunk, ReserveExact: true}}
}

// Restart forgets the running position (lead, sections, sample sizes seen,
// numbering) so that the blocks can be analysed again from the start; the
// document-level facts Finish set, and the totals behind them, are kept.
func (d *Document) Restart() { d.run = runState{replay: true} }

// runState is what analysing one block carries to the next.
type runState struct {
	block, sentence               int       // numbering
	inLimits, inEnd, leadSeen     bool      // see markSection
	sizeSeen                      bool      // see markSize
	study                         int       // which study the sentences are about (see markSize)
	studies                       int       // studies opened so far (see markStudy)
	current                       *Study    // the study open, if any
	open                          openStudy // what is known of it so far
	story                         []int     // sentences introducing a person, awaiting an improvement (see markStories)
	han, trad, latin              int       // letters, for the language
	last                          [3]bool   // the last block's lead, limitations and end-matter flags
	lastRole                      string    // and its role (see markSection: pieces of a cut block)
	evidence                      Evidence
	sampleSize, limits, discloses bool
	replay                        bool   // after Restart: the totals are final
	section                       string // the role a heading opened (references, bio…), up to the next heading
	links                         int    // headline-like lines in the current related-links list
	critique                      int    // weight of critique cues (see critiqueWeight)
	ownHype                       int    // hype terms in the writer's own voice, not negated
	ownStudy, otherStudy          bool   // a study reported in the writer's account; one only in others' words
	askedHeadline                 bool   // the headline asks a question the lead has yet to answer
	references, cites             bool   // a reference list, a citation marker
}

// Blocks analyses the blocks of doc, which follow those analysed before,
// adds them to d's running totals and returns them (without keeping them).
func (a *Analyzer) Blocks(d *Document, doc *document.Document) []*Block {
	keep := d.keeper()
	keep.reserve(doc)
	blocks := keep.blockRefs.Take(len(doc.Blocks))[:0]
	var buf *scratch
	from, to := 0, 0 // buf holds the blocks from up to to
	first := 0       // the index of the block's first sentence in buf
	for i := range doc.Blocks {
		if i == to {
			if buf != nil {
				buf.release()
			}
			buf, from, first = a.viewSentences(doc, i, keep), i, 0
			to = i + len(buf.slabs)
		}
		src := &doc.Blocks[i]
		b := &keep.blocks.Take(1)[0] // one at a time: see ownKeeper
		*b = Block{Kind: src.Kind.String(), Index: d.run.block, Source: src}
		if src.Continues { // a piece of a cut block is numbered as the block
			b.Index--
		} else {
			d.run.block++
		}
		b.Span = src.SourceSpan(document.Span{Start: 0, End: len(src.Text)})
		slab, letters := buf.slabs[i-from], buf.letters[i-from]
		b.Sentences = keep.sentRefs.Take(len(src.Sentences))[:0]
		b.indexed = true // until add meets a sentence that is not
		for j, span := range src.Sentences {
			s := &slab[j]
			a.sentence(s, src, span, keep, buf, first+j, letters.Latin > 0)
			s.Block, s.Index, s.Kind = b, d.run.sentence, b.Kind
			s.IsTitle, s.IsHeading = src.Kind == document.Title, src.Kind == document.Heading
			s.IsHeadline = s.IsTitle
			d.run.sentence++
			b.SampleSize = b.SampleSize || s.SampleSize
			b.add(s)
		}
		first += len(src.Sentences)
		a.markSection(d, b)
		a.markSize(d, b)
		a.markStudy(d, b)
		a.markStories(d, b)
		if !d.run.replay {
			a.tally(d, b, letters)
		}
		blocks = append(blocks, b)
	}
	if buf != nil {
		buf.release()
	}
	return blocks
}

// dropInsideTitles drops the hits inside a title in 《》 (a journal, book
// or paper: 《北欧预防医学期刊》 holds 预防, which is nobody's claim), except
// those of the source classes that read titles.
func (a *Analyzer) dropInsideTitles(text string, mayTitle bool, hits []lexicon.Hit) []lexicon.Hit {
	if len(hits) == 0 || !mayTitle || !strings.Contains(text, "《") {
		return hits
	}
	marks := titleMarksOf(text)
	inside := func(h lexicon.Hit) bool {
		if h.Class == a.ids.journal || h.Class == a.ids.doi {
			return false
		}
		return marks.inside(h.Start, h.End)
	}
	return slices.DeleteFunc(hits, inside)
}

// titleMarks are the places of a sentence's 《 and 》, found once for all
// its hits rather than searched for back and forth from each hit.
type titleMarks struct {
	room      [8]titleMark // list's first marks, kept in place
	list      []titleMark  // in text order
	lastClose int          // the start of the last 》, -1 without one
}

type titleMark struct {
	at   int  // where the mark starts
	open bool // 《 rather than 》
}

func titleMarksOf(text string) *titleMarks {
	m := &titleMarks{lastClose: -1}
	m.list = m.room[:0]
	for i := 0; ; {
		j := strings.IndexByte(text[i:], 0xE3)
		if j < 0 || i+j+3 > len(text) {
			break
		}
		i += j
		if text[i+1] == 0x80 && (text[i+2] == 0x8A || text[i+2] == 0x8B) {
			open := text[i+2] == 0x8A
			m.list = append(m.list, titleMark{i, open})
			if !open {
				m.lastClose = i
			}
			i += 3
			continue
		}
		i++
	}
	return m
}

// inside reports whether the last mark that ends by start is a 《 and a 》
// starts at or after end: the span start-end is inside a title.
func (m *titleMarks) inside(start, end int) bool {
	if m.lastClose < end {
		return false
	}
	open := false
	for _, k := range m.list {
		if k.at+3 > start {
			break
		}
		open = k.open
	}
	return open
}

// scratch holds the buffers one batch of blocks (up to batchBytes of
// text, see viewSentences) is matched and scanned into; the sentence keeps
// copies (see keeper): growing each sentence's hits from nothing was the
// largest allocation left in linting.
type scratch struct {
	bytes   int // the text of the batch's blocks
	hits    []lexicon.Hit
	nums    []numbers.Mention
	marks   []quoteMarkAt
	slabs   [][]Sentence        // each block's sentences
	letters []normalize.Letters // each block's letters
	texts   []string            // the normalized sentences, all blocks' in a row
	locals  []textmap.Map       // their maps to each sentence's own text
	found   lexicon.Found       // the lexicon's automaton's matches in texts
}

// batchBytes bounds the text of the blocks whose terms viewSentences
// finds at once: a news article whole, but not a long text, whose views
// would have left the cache by the time the rest of the analysis read them.
const batchBytes = 32 << 10

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// viewSentences builds the normalized views of the sentences of doc's
// blocks from the from-th on, up to batchBytes of their text, in memory
// from keep, and finds the lexicon's terms in all of them in one go:
// between two sentences the rest of their analysis evicted the
// automaton's rows from the cache, and a scan starting cold took half as
// long again (see lexicon.Found). The caller releases the scratch it
// returns, which holds the blocks' sentences in slabs.
func (a *Analyzer) viewSentences(doc *document.Document, from int, keep *keeper) *scratch {
	buf := scratchPool.Get().(*scratch)
	size := 0
	keep.beginViews()
	pooled := keep.pooled
	for i := from; i < len(doc.Blocks) && (i == from || size < batchBytes); i++ {
		b := &doc.Blocks[i]
		// The sentences come from the document's memory, one chunk for
		// all of them (see keeper).
		slab := keep.sentences.Take(len(b.Sentences))
		// The block's letters, counted as its sentences are normalized:
		// the sentences hold all of its text but white space (and a
		// table row's bars), which has none.
		var letters normalize.Letters
		// Most blocks' maps are one verbatim piece: a sentence's span and
		// map are then its block's moved, with no search or compose.
		lo, hi, delta, plain := b.Map.Verbatim()
		for j, span := range b.Sentences {
			s := &slab[j]
			var local textmap.Map // the view's map to the sentence's text
			if pooled {
				local = keep.views.Add(&s.View, b.Text[span.Start:span.End])
			} else {
				keep.ownView(&s.View, b.Text[span.Start:span.End], &letters)
				local = s.View.Map
			}
			buf.locals = append(buf.locals, local)
			if plain && lo <= span.Start && span.Start < span.End && span.End <= hi && local.Pieces() > 0 {
				s.View.Map = local.Moved(span.Start + delta) // as ComposeSliceMovable would
				s.Span = document.Span{Start: span.Start + delta, End: span.End + delta}
			} else {
				s.View.Map = local.ComposeSliceMovable(span.Start, span.End-span.Start, b.Map) // see normalize.View
				s.Span = b.SourceSpan(span)
			}
			s.Text = s.View.Text
			buf.texts = append(buf.texts, s.Text)
		}
		if pooled { // the letters of the block's views
			letters = keep.views.Letters()
		}
		buf.slabs, buf.letters = append(buf.slabs, slab), append(buf.letters, letters)
		size += len(b.Text)
	}
	keep.endViews()
	buf.bytes = size
	a.Lex.Find(&buf.found, buf.texts)
	return buf
}

// maxPooledBatch is the most text a batch may have had for its scratch to
// go back to the pool: a block far longer than batchBytes grows every
// buffer, and those go to the collector, not to the small batches after it.
const maxPooledBatch = 2 * batchBytes

// release empties buf, so that the pool ties no document's memory, and
// puts it back in scratchPool unless its batch was larger than
// maxPooledBatch.
func (buf *scratch) release() {
	if buf.bytes > maxPooledBatch {
		return
	}
	clear(buf.slabs)
	clear(buf.texts)
	clear(buf.locals)
	clear(buf.nums[:cap(buf.nums)]) // a number's Subject is in a view's text
	buf.slabs, buf.letters, buf.texts, buf.locals, buf.nums = buf.slabs[:0], buf.letters[:0], buf.texts[:0], buf.locals[:0], buf.nums[:0]
	scratchPool.Put(buf)
}

// sentence matches sentence s of block b, the k-th whose view
// viewSentences built (into s) and whose terms it found (into buf),
// keeping its hits and numbers in keep.
//
// latin says whether the block's text has Latin letters (normalize counts
// every ASCII one): without, no sentence has the ASCII capital dropNames
// asks for (hasUpperLatin), so it would keep every hit.
func (a *Analyzer) sentence(s *Sentence, b *document.Block, span document.Span, keep *keeper, buf *scratch, k int, latin bool) {
	text := b.Text[span.Start:span.End]
	v, local := s.View, buf.locals[k]
	buf.hits = a.Lex.MatchFound(v.Text, v.Digits, &buf.found, k, buf.hits[:0])
	hits := a.dropInsideTitles(v.Text, v.MayTitle, buf.hits)
	if latin {
		hits = a.dropNames(text, v.Text, b.Kind == document.Title || b.Kind == document.Heading, local, hits)
	}
	s.Hits = keep.hits.Keep(hits)
	s.indexClasses()
	buf.nums = numbers.SizesAndPercentsInto(buf.nums, v.Text)
	sizes := buf.nums[:0] // kept in place: only sample sizes are read later
	for _, m := range buf.nums {
		switch m.Kind {
		case numbers.SampleSize:
			sizes = append(sizes, m)
			if a.promisedCrowd(s, m) {
				continue
			}
			s.SampleSize = true
			s.HumanSize = s.HumanSize || !m.Animal
			if !m.Vague { // "a large study" gives a size, not a number
				s.SampleSizes = append(s.SampleSizes, int(m.Value))
			}
		case numbers.Percent:
			s.Percents = append(s.Percents, m.Value)
		}
	}
	s.Nums = keep.nums.Keep(sizes)
	s.Question = isQuestion(v.Text)
	s.quotes = quotesNone
	// The normalizer says when the view holds none of the curly marks
	// (most sentences): then only " is looked for. Otherwise the marks
	// are gathered at once, and one that opens is hasQuotation's answer.
	switch {
	case v.MayQuote:
		buf.marks = appendQuoteMarks(buf.marks[:0], v.Text)
		if opensQuotation(buf.marks) {
			s.quotes = quotesSome
		}
	case strings.IndexByte(v.Text, '"') >= 0:
		s.quotes = quotesSome
		buf.marks = appendQuoteMarks(buf.marks[:0], v.Text)
	}
	if s.quotes == quotesSome && len(s.Hits) > 0 {
		s.marks, s.marked = keep.marks.Keep(buf.marks), true
	}
	s.plainVoice = a.ids.plainVoice(s) // after Hits, indexed, and Question
	s.Critical = s.Has(a.ids.critique)
	// Every citation marker holds an ASCII or superscript digit, which
	// the view holds as an ASCII one: most sentences have none.
	s.Cites = v.Digits && citesSourceIn(text, v.Text)
	quoted := 0.0
	if s.quotes == quotesSome {
		quoted = quotedShareIn(v.Text, buf.marks) // a view is valid UTF-8
	}
	s.Voice = a.ids.sentenceVoice(s, quoted)
	s.Testimonial = quoted > 0 && testimonialIn(v.Text, buf.marks)
	s.Negated = a.ids.negatesClaim(s)
	s.Distanced = a.ids.distancesClaim(s)
	s.Hedged = s.Has(a.ids.hedge)
	s.Caveat = s.Has(a.ids.caveat)
}

// markSection sets where block b lies: in the lead (the first paragraph,
// with any summary bullets standing above it, as press releases open with
// them), in a limitations section (under a heading that names limitations,
// or a paragraph that opens with such words: "研究局限：…", "Limitations: …")
// or in the end matter.
func (a *Analyzer) markSection(d *Document, b *Block) {
	r := &d.run
	if b.Source.Kind == document.Title {
		a.markRole(d, b)
		for _, s := range b.Sentences {
			s.Role = b.Role
		}
		return
	}
	if b.Source.Continues {
		// A piece of a cut block: its flags are the block's, which its
		// first piece took from the block's first sentence.
		b.IsLead, b.InLimitations, b.InEndMatter, b.Role = r.last[0], r.last[1], r.last[2], r.lastRole
		for _, s := range b.Sentences {
			s.InLimitations, s.IsLead, s.InEndMatter, s.Role = b.InLimitations, b.IsLead, b.InEndMatter, b.Role
		}
		return
	}
	defer func() { r.last, r.lastRole = [3]bool{b.IsLead, b.InLimitations, b.InEndMatter}, b.Role }()
	r.inEnd = r.inEnd || len(b.Sentences) > 0 && startsWith(b.Sentences[0], a.ids.endMatter)
	b.InEndMatter = r.inEnd
	if b.Source.Kind == document.Heading {
		r.inLimits = b.Count(a.ids.limitations) > 0
	} else {
		opens := len(b.Sentences) > 0 && (opensWith(b.Sentences[0], a.ids.limitations) || announcesLimits(b.Sentences[0], a.ids.limitations))
		b.InLimitations = r.inLimits || opens
		if opens && b.Source.Kind == document.ListItem && len([]rune(b.Source.Text)) <= labelRunes {
			r.inLimits = true // a bullet heading ("• 研究局限") opens the section
		}
	}
	a.markRole(d, b)
	if b.Source.Kind != document.Heading {
		lead := !r.leadSeen && (b.Source.Kind == document.Paragraph || b.Source.Kind == document.ListItem)
		if lead && !Excluded(b.Role) && b.Role != RoleCaption && b.Role != RoleAdvert {
			b.IsLead = true
			r.leadSeen = b.Source.Kind == document.Paragraph
			if b.Role == RoleBody && b.Source.Kind == document.Paragraph {
				b.Role = RoleStandfirst
			}
		}
	}
	for _, s := range b.Sentences {
		s.InLimitations, s.IsLead, s.InEndMatter, s.Role = b.InLimitations, b.IsLead, b.InEndMatter, b.Role
	}
}

// ownHype counts the hype terms of block b in the writer's own voice that
// nothing negates or hedges.
func (a *Analyzer) ownHype(b *Block) int {
	n := 0
	for _, s := range b.Sentences {
		if !s.Has(a.ids.antiaging) && !s.Has(a.ids.miracle) && !s.Has(a.ids.hype) {
			continue // most sentences: no hit to look at
		}
		for _, h := range s.Hits {
			if h.Class != a.ids.antiaging && h.Class != a.ids.miracle && h.Class != a.ids.hype {
				continue
			}
			// The stance model last: it costs most.
			if !a.ids.precededBy(s, h, a.ids.negation, negationWindow) && !a.ids.precededBy(s, h, a.ids.hedge, negationWindow) &&
				a.ids.voice(s, h) == VoiceWriter {
				n++
			}
		}
	}
	return n
}

// answersNo reports a lead whose first clause answers no: a negation,
// rebuttal or critique cue near its start (不能。, 并没有, No., Not yet,
// 言过其实).
func (a *Analyzer) answersNo(b *Block) bool {
	if len(b.Sentences) == 0 {
		return false
	}
	s := b.Sentences[0]
	clause := len(s.Text)
	if i := strings.IndexAny(s.Text, ",;:，；：。.!?！？"); i >= 0 {
		clause = i
	}
	for _, h := range s.Hits {
		if h.Start > min(clause, answerWindow) {
			continue
		}
		if h.Class == a.ids.negation || h.Class == a.ids.rebuttal || h.Class == a.ids.critique {
			return true
		}
	}
	return false
}

// answerWindow is how far into the lead (in bytes) its answer may start.
const answerWindow = 12

// studies notes whether block b reports a study in the writer's account
// or only in someone else's words; a negated study reports none.
func (a *Analyzer) studies(b *Block, r *runState) {
	for _, s := range b.Sentences {
		if r.ownStudy && r.otherStudy {
			return // nothing more to learn
		}
		if !s.Has(a.ids.study) {
			continue
		}
		for _, h := range s.Hits {
			if h.Class != a.ids.study || a.ids.precededBy(s, h, a.ids.negation, certaintyNegationWindow) {
				continue
			}
			switch a.ids.voice(s, h) {
			case VoiceWriter:
				r.ownStudy = true
			case VoiceDistanced:
			default:
				r.otherStudy = true
			}
		}
	}
}

// announcesLimits reports a sentence that announces the study's limits in
// passing (…但该研究存在局限性): a limitations word ending its clause.
func announcesLimits(s *Sentence, class int) bool {
	if !s.Has(class) {
		return false
	}
	for _, h := range s.Hits {
		if h.Class == class && strings.Contains(s.Text[:h.Start], "存在") {
			return true
		}
	}
	return false
}

// startsWith reports a hit of class at the very start of the sentence.
func startsWith(s *Sentence, class int) bool {
	if !s.Has(class) {
		return false
	}
	for _, h := range s.Hits {
		if h.Class == class && h.Start == 0 {
			return true
		}
	}
	return false
}

// opensWith reports a hit of class within the first few characters.
func opensWith(s *Sentence, class int) bool {
	if !s.Has(class) {
		return false
	}
	for _, h := range s.Hits {
		if h.Class == class && h.Start <= 12 {
			return true
		}
	}
	return false
}

// markSize sets SizeKnown: a sample size given in the sentence, in its
// paragraph, or earlier in the article for the same study. A sentence that
// introduces another study ("另一项研究", "another study") starts afresh.
// Sizes given later for the same study are filled in by Complete, when
// every block has been seen: news leads report the result and give the
// number of participants a paragraph or two below.
func (a *Analyzer) markSize(d *Document, b *Block) {
	for _, s := range b.Sentences {
		if s.Has(a.ids.newStudy) {
			d.run.sizeSeen = false
			d.run.study++
		}
		s.study = d.run.study
		// Only a count of people sizes the study for sentences before it
		// ("...old mice were joined to young ones, two animals" is not).
		if s.HumanSize && !s.Has(a.ids.animal) && !s.Has(a.ids.invitro) {
			for len(d.sizedStudies) <= s.study {
				d.sizedStudies = append(d.sizedStudies, false)
			}
			d.sizedStudies[s.study] = true
		}
		s.SizeKnown = s.SampleSize || b.SampleSize || d.run.sizeSeen
		d.run.sizeSeen = d.run.sizeSeen || s.SampleSize
	}
}

// tally adds block b, whose letters are letters, to the running totals
// behind the document facts.
func (a *Analyzer) tally(d *Document, b *Block, letters normalize.Letters) {
	r := &d.run
	excluded := Excluded(b.Role)
	r.references = r.references || b.Role == RoleReferences
	if !excluded {
		r.limits = r.limits || b.InLimitations || b.Count(a.ids.caveat) > 0
		r.critique += critiqueWeight(b.Role, b.Count(a.ids.critique)) + b.Count(a.ids.distancing)
		if b.Role == RoleHeadline {
			r.askedHeadline = len(b.Sentences) > 0 && b.Sentences[0].Question
		} else if r.askedHeadline && b.IsLead && a.answersNo(b) {
			r.critique += 2 // a question in the headline that the lead answers no
		}
		if b.IsLead {
			r.askedHeadline = false
		}
		r.ownHype += a.ownHype(b)
		a.studies(b, r)
	}
	for _, s := range b.Sentences {
		r.cites = r.cites || s.Cites
		if excluded {
			// Boilerplate does not describe the study or sell anything; it
			// may still name sources and disclose.
			r.discloses = r.discloses || s.Has(a.ids.disclosure) && !s.Has(a.ids.disclosurePointer)
			for _, h := range s.Hits {
				if h.Class == a.ids.disclosure || h.Class == a.ids.journal || h.Class == a.ids.doi {
					d.counts[h.Class]++
				}
			}
			continue
		}
		a.ids.countHits(d.counts, s)
		r.sampleSize = r.sampleSize || s.SampleSize
		// A disclosure word in a sentence that only points to the journal
		// ("financial disclosures are available in the article") does not
		// count.
		r.discloses = r.discloses || s.Has(a.ids.disclosure) && !s.Has(a.ids.disclosurePointer)
		// End matter describes organisations, not this study; a caption
		// describes a picture: neither is evidence the article reports.
		if !b.InEndMatter && b.Role != RoleCaption {
			r.evidence.Animal = r.evidence.Animal || s.Has(a.ids.animal) || animalSize(s)
			r.evidence.InVitro = r.evidence.InVitro || s.Has(a.ids.invitro)
			r.evidence.Human = r.evidence.Human || a.humanEvidence(s)
		}
	}
	r.han, r.trad, r.latin = r.han+letters.Han, r.trad+letters.Trad, r.latin+letters.Latin
}

// countHits adds the hits of s to counts by class, but for an advertising
// label a negation denies (本文不构成广告: it discloses nothing). Most
// sentences have no label: their hits are counted with no test each.
func (ids *classIDs) countHits(counts []int, s *Sentence) {
	if !s.Has(ids.adLabel) {
		for _, h := range s.Hits {
			counts[h.Class]++
		}
		return
	}
	for _, h := range s.Hits {
		if h.Class == ids.adLabel && ids.precededBy(s, h, ids.negation, negationWindow) {
			continue
		}
		counts[h.Class]++
	}
}

// Finish sets the document-level facts from the running totals.
func (a *Analyzer) Finish(d *Document) {
	r := &d.run
	d.Evidence = r.evidence
	d.Evidence.Preclinical = (d.Evidence.Animal || d.Evidence.InVitro) && !d.Evidence.Human
	d.Limitations = r.limits
	d.SampleSize = r.sampleSize
	d.Disclosure = r.discloses || d.Count(a.ids.adLabel) > 0 // an advertising label discloses too
	d.References = r.references
	d.Journal = d.Count(a.ids.journal) > 0 || r.references || r.cites
	// An article that makes hype claims in its own voice half as often as
	// it has critique cues is selling, whatever its headline asks (智商税吗？).
	d.Critical = r.critique >= criticalThreshold && 2*r.ownHype < r.critique
	// In a critical article the studies others cite (quoted, reported,
	// asked about) are the claims under examination, not research it
	// reports.
	d.ReportsStudy = r.ownStudy || r.otherStudy && !d.Critical
	d.DOI = d.Count(a.ids.doi) > 0
	d.Commerce = d.Count(a.ids.commerce)+d.Count(a.ids.productNotice)+d.Count(a.ids.price) > 0
	// One buy word can sit in a warning (不应自行购买); a price, a product
	// notice, two calls to buy or two signs of a seller make a page that sells.
	d.Offering = d.Count(a.ids.price)+d.Count(a.ids.productNotice) > 0 || d.Count(a.ids.commerce) >= 2 || d.Count(a.ids.seller) >= 2
	d.Language, d.Script = language(r.han, r.trad, r.latin)
	d.Design = a.design(d)
	d.Sentences = r.sentence
	finishStudies(d.Studies)
	d.summary.done = false
}

// Complete sets the sentence facts that depend on the whole document's
// (Finish must have run): whether a sentence names the model studied, and
// whether its study's size is given further on.
func (a *Analyzer) Complete(d *Document, blocks []*Block) {
	a.completeSentences(d, blocks)
}

// design names the strongest study design the article describes: what
// causal wording the evidence can carry (HEART Group 2012).
func (a *Analyzer) design(d *Document) string {
	switch {
	case d.Count(a.ids.rct) > 0:
		return DesignRCT
	case d.Count(a.ids.observational) > 0:
		return DesignObservational
	case d.Evidence.Preclinical:
		return DesignPreclinical
	case d.Count(a.ids.trial) > 0:
		return DesignTrial
	}
	return Unknown
}

// humanEvidence reports a sentence that describes a study in people. A
// human study mentioned as future or hypothetical work ("human trials are
// needed", 正在准备临床试验申请) is not human evidence, and neither is a
// count of people outside a study (全国有1000万患者).
func (a *Analyzer) humanEvidence(s *Sentence) bool {
	tentative := s.Negated || s.Hedged || s.Caveat || s.Has(a.ids.timeline) ||
		s.Has(a.ids.speciesCaveat) || s.Has(a.ids.future)
	studied := s.HumanSize && s.Has(a.ids.study)
	return !tentative && (s.Has(a.ids.humanSubject) || studied)
}

func animalSize(s *Sentence) bool {
	for _, m := range s.Nums {
		if m.Kind == numbers.SampleSize && m.Animal {
			return true
		}
	}
	return false
}

// language calls a text Chinese when Han characters make up a fair share
// of its letters, and Traditional when enough of them are Traditional-only.
func language(han, trad, latin int) (lang, script string) {
	switch {
	case han == 0 || han*4 < latin:
		return LanguageEnglish, ScriptLatin
	case trad*100 >= han*8:
		return LanguageTraditional, ScriptTraditional
	default:
		return LanguageSimplified, ScriptSimplified
	}
}
