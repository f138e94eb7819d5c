// Package evidence builds the evidence card of an article: the studies it
// reports and, for each claim a rule flagged, the study the claim was
// attributed to and why that study does not carry it. It is what an editor
// checks by hand; `hypelint evidence`, the JSON "studies" and "claims"
// arrays and the panel of `hypelint serve` all show it.
//
// The card reads the facts the analysis computed (facts.Study, facts.Claim
// and their spans) and the findings; it never searches the text again.
package evidence

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/rule"
)

// Card is the evidence card of one article.
type Card struct {
	Studies []*Study // in article order
	Claims  []*Claim // every claim, in article order

	mu  sync.Mutex         // guards the studies' said: a card may be read by more than one goroutine
	doc *document.Document // the source of the claims' excerpts
}

// Study is one study the article reports, with what the card shows of it
// beside its facts.
type Study struct {
	*facts.Study
	// Model is the source text of the first animal or cells named in the
	// study ("old mice", "小鼠"), "" if none is.
	Model string
	// Venue is the source text of the first journal named in it, Link of
	// the first DOI, trial number or URL; "" when none is.
	Venue, Link string
	// Findings are the findings about the study as a whole (one that
	// gives no sample size), not about one of its claims.
	Findings []rule.Finding

	// said are its texts in the locale saidIn, once a card worked them
	// out (see Card.words); saidIn is "" before.
	said   studyWords
	saidIn string
}

// Claim is one claim of the article.
type Claim struct {
	*facts.Claim
	// Where is the kind of sentence it is in: headline, heading, lead,
	// summary or body.
	Where string
	// Excerpt is the claim's source text, as the article writes it (the
	// term is normalized: lower case, Simplified), on one line; set when a
	// finding is attached (Attach), "" for a claim none flagged: most
	// claims are not, and nobody reads theirs.
	Excerpt string
	// Findings are the rule findings on it; a claim with none is not
	// flagged.
	Findings []rule.Finding
}

// Flagged reports whether a rule flagged the claim.
func (c *Claim) Flagged() bool { return len(c.Findings) > 0 }

// Where values.
const (
	Headline = "headline"
	Heading  = "heading"
	Lead     = "lead"
	Summary  = "summary"
	Body     = "body"
)

// Build makes the card of an analysed document and its findings. Each
// finding goes to the claim whose span it covers (for a finding that
// carries a study, the claim attributed to that study), else, when it
// carries a study, to that study.
func Build(d *facts.Document, findings []rule.Finding) *Card {
	c := New(d)
	c.Add(d, d.Blocks)
	c.Attach(findings)
	return c
}

// New starts the card of a document whose studies are known (a long text
// analysed in sections knows them after its first pass); Add then takes
// its blocks as they are analysed, and Attach the findings at the end.
func New(d *facts.Document) *Card {
	c := &Card{Studies: make([]*Study, len(d.Studies))}
	studies := make([]Study, len(d.Studies)) // one allocation, not one a study
	for i, fs := range d.Studies {
		studies[i].Study = fs
		c.Studies[i] = &studies[i]
	}
	return c
}

// Add takes the claims of analysed blocks, and the model, venue and link of
// their studies from the hits of their sentences.
func (c *Card) Add(d *facts.Document, blocks []*facts.Block) {
	if d.Lex != nil {
		c.describeStudies(d, blocks)
	}
	c.addClaims(d, blocks)
}

// Describe takes the studies d has found so far and the model, venue and
// link of those of blocks, for a card whose document is analysed in
// passes: described on the first, the studies are final when the second
// hands out claims part by part (Part).
func (c *Card) Describe(d *facts.Document, blocks []*facts.Block) {
	for _, fs := range d.Studies[len(c.Studies):] {
		c.Studies = append(c.Studies, &Study{Study: fs})
	}
	if d.Lex != nil {
		c.describeStudies(d, blocks)
	}
}

// Part gives the claims of analysed blocks with their findings attached
// (see Attach), final once the findings about them are, and forgets them:
// a long text's card then holds its studies, never all its claims. A
// finding on none of these claims that carries a study goes to the study.
func (c *Card) Part(d *facts.Document, blocks []*facts.Block, findings []rule.Finding) []*Claim {
	c.addClaims(d, blocks)
	c.Attach(findings)
	claims := c.Claims
	c.Claims = nil
	return claims
}

// addClaims adds the claims of blocks. The claims of one call share one
// allocation: they live and die together (a card, or a part of a long
// text's).
func (c *Card) addClaims(d *facts.Document, blocks []*facts.Block) {
	n := 0
	for _, b := range blocks {
		for _, s := range b.Sentences {
			n += len(s.Claims)
		}
	}
	if n == 0 {
		return
	}
	c.doc = d.Doc
	slab := make([]Claim, 0, n)
	c.Claims = slices.Grow(c.Claims, n)
	for _, b := range blocks {
		for _, s := range b.Sentences {
			for _, fc := range s.Claims {
				slab = append(slab, Claim{Claim: fc, Where: where(s, fc)})
				c.Claims = append(c.Claims, &slab[len(slab)-1])
			}
		}
	}
}

// Attach gives each finding to its claim or study (see Build).
func (c *Card) Attach(findings []rule.Finding) {
	// A sentence's claims come in the order of their classes' hits.
	slices.SortStableFunc(c.Claims, func(a, b *Claim) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	// Each claim's and study's new findings are carved out of one list,
	// sized first, not appended one by one (an allocation each). Lists
	// that hold findings already (a card attached to section by section)
	// grow as before. Owners are numbered claims first, then studies.
	owners := make([]int32, len(findings))
	counts := make([]int32, len(c.Claims)+len(c.Studies))
	total := 0
	for i, f := range findings {
		k := c.ownerOf(f)
		owners[i] = int32(k)
		if k >= 0 && len(*c.findingsOf(k)) == 0 {
			counts[k]++
			total++
		}
	}
	slab := make([]rule.Finding, total)
	for i, f := range findings {
		k := int(owners[i])
		if k < 0 {
			continue
		}
		list := c.findingsOf(k)
		if n := counts[k]; n > 0 {
			*list, slab = slab[:0:n], slab[n:]
			counts[k] = 0
		}
		*list = append(*list, f)
	}
	for _, cl := range c.Claims {
		if cl.Excerpt == "" && len(cl.Findings) > 0 {
			cl.Excerpt = oneLine(c.doc, cl.Span)
		}
	}
}

// ownerOf numbers what a finding is attached to: its claim (the claim's
// place in c.Claims), else its study (len(c.Claims) plus the study's
// place), else -1.
func (c *Card) ownerOf(f rule.Finding) int {
	if i := c.claimIndex(f); i >= 0 {
		return i
	}
	if s := c.entry(f.Study); s != nil {
		if i := s.Study.Index - 1; i >= 0 && i < len(c.Studies) && c.Studies[i] == s {
			return len(c.Claims) + i
		}
		return len(c.Claims) + slices.Index(c.Studies, s)
	}
	return -1
}

// findingsOf is the findings list of owner k (see ownerOf).
func (c *Card) findingsOf(k int) *[]rule.Finding {
	if k < len(c.Claims) {
		return &c.Claims[k].Findings
	}
	return &c.Studies[k-len(c.Claims)].Findings
}

// StudyOf returns the card's entry for a claim's study (nil: none).
func (c *Card) StudyOf(cl *Claim) *Study { return c.entry(cl.Study) }

// Study returns the card's entry for a study the analysis found (nil when
// it is not one of the article's).
func (c *Card) Study(s *facts.Study) *Study { return c.entry(s) }

// entry returns the card's entry for a study (nil when it is not one of
// the card's). The card holds the studies in the analysis's order, and a
// study's Index is its place there (1-based, as facts keeps them): one
// comparison instead of a map made per article and a hash per sentence.
// A study whose Index does not fit (made by hand, or past the card's: not
// described yet) is looked for among all.
func (c *Card) entry(fs *facts.Study) *Study {
	if fs == nil {
		return nil
	}
	if i := fs.Index - 1; i >= 0 && i < len(c.Studies) && c.Studies[i].Study == fs {
		return c.Studies[i]
	}
	for _, s := range c.Studies {
		if s.Study == fs {
			return s
		}
	}
	return nil
}

// Flagged returns the flagged claims, in article order.
func (c *Card) Flagged() []*Claim {
	var out []*Claim
	for _, cl := range c.Claims {
		if cl.Flagged() {
			out = append(out, cl)
		}
	}
	return out
}

// claimIndex finds the claim a finding is about (its place in c.Claims;
// -1: none): the claim with the same span,
// or, for a finding that carries a study, the first claim attributed to
// that study inside the finding's span (a rule that reports a sentence).
// Claims are in article order, so the search is a binary search: a long
// book has hundreds of thousands of both.
func (c *Card) claimIndex(f rule.Finding) int {
	i := firstFrom(c.Claims, f.Span.Start)
	inside := -1
	for ; i < len(c.Claims) && c.Claims[i].Span.Start < max(f.Span.End, f.Span.Start+1); i++ {
		cl := c.Claims[i]
		if cl.Span == f.Span {
			return i
		}
		if inside < 0 && f.Study != nil && cl.Study == f.Study && within(cl.Span, f.Span) {
			inside = i
		}
	}
	return inside
}

// firstFrom is the place of the first claim that starts at start or after
// (len(claims) if none does) in claims sorted by start: a binary search
// written out, as slices.BinarySearchFunc finds it without calling a
// comparison at every step.
func firstFrom(claims []*Claim, start int) int {
	lo, hi := 0, len(claims)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if claims[h].Span.Start < start {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// oneLine is the source text of a span with its line breaks (a term
// wrapped across lines) taken out: none between Han characters, one space
// between words.
func oneLine(doc *document.Document, span document.Span) string {
	if doc == nil || span.End > len(doc.Source) || span.Start > span.End {
		return ""
	}
	text := string(doc.Source[span.Start:span.End])
	if !strings.ContainsAny(text, "\r\n") {
		return text
	}
	lines := strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' })
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if b.Len() > 0 && l != "" {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if !unicode.Is(unicode.Han, prev) || !unicode.Is(unicode.Han, next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func within(inner, outer document.Span) bool {
	return outer.Start <= inner.Start && inner.End <= outer.End
}

func where(s *facts.Sentence, c *facts.Claim) string {
	switch {
	case s.IsTitle:
		return Headline
	case s.IsHeading:
		return Heading
	case c.Summary && !s.IsLead:
		return Summary
	case s.IsLead:
		return Lead
	}
	return Body
}

// describeStudies fills each study's model, venue and link from the hits
// of its sentences, mapped to source text through the sentence's view.
func (c *Card) describeStudies(d *facts.Document, blocks []*facts.Block) {
	lex := d.Lex
	animal, invitro := lex.ClassID("animal"), lex.ClassID("invitro")
	journal, doi := lex.ClassID("journal"), lex.ClassID("doi")
	src := d.Doc.Source
	for _, b := range blocks {
		for _, s := range b.Sentences {
			st := c.entry(s.Study)
			if st == nil || !s.Has(animal) && !s.Has(invitro) && !s.Has(journal) && !s.Has(doi) {
				continue // most sentences: no hit to read (a class the lexicon lacks is -1, which no sentence has)
			}
			for _, h := range s.Hits {
				text := func() string {
					span := s.SourceSpan(h.Start, h.End)
					return string(src[span.Start:span.End])
				}
				switch {
				case (h.Class == animal || h.Class == invitro) && h.Class >= 0 && st.Model == "":
					st.Model = text()
				case h.Class == journal && h.Class >= 0:
					// A name is part of its phrase: a phrase no longer
					// than the name kept cannot give a longer one, so
					// the regular expressions need not run.
					if span := s.SourceSpan(h.Start, h.End); span.End-span.Start > len(st.Venue) {
						st.Venue = longer(st.Venue, venueName(text()))
					}
				case h.Class == doi && h.Class >= 0:
					st.Link = longer(st.Link, text())
				}
			}
		}
	}
}

// longer keeps the longest hit of a study: a named journal (《自然·衰老》,
// "Nature Aging") over a bare cue (发表于, "published in"), a whole DOI
// over its "doi:" label.
func longer(kept, text string) string {
	if len(text) > len(kept) {
		return text
	}
	return kept
}

// venueName is the name of a journal in a publication phrase: the 《…》
// title in 发表于《自然·衰老》, "Nature Aging" in "published in Nature
// Aging"; "" for a bare cue (发表于, 期刊, "published in", "the journal").
func venueName(text string) string {
	if i := strings.Index(text, "《"); i >= 0 && strings.HasSuffix(text, "》") {
		return text[i:]
	}
	name := strings.TrimSpace(text[cueEnd(text):])
	if name == "" || bareVenue(name) {
		return ""
	}
	return name
}

// cueEnd is where the cue a publication phrase opens with ends, or 0:
// published (online, today, recently, this week) in or by; in or to the
// journal; peer-reviewed journal (in either case); 发表于国际权威学术医学期刊 and
// any of its parts in that order, in either script. It scans for what
// the expression
// ^(?i:(published( online| today| recently| this week)? (in|by)|(in|to) the journal|peer-reviewed journal)\s*|(发表|…)?(于|於|在)?…(期刊|杂志|雜誌)?)
// matched (white space after an English cue is trimmed from the name all
// the same), without the backtracker: venueName runs for every venue hit.
func cueEnd(text string) int {
	if n := foldPrefix(text, "published"); n > 0 {
		rest := text[n:]
		for _, when := range [...]string{" online", " today", " recently", " this week"} {
			if k := foldPrefix(rest, when); k > 0 {
				if m := inOrBy(rest[k:]); m > 0 {
					return n + k + m
				}
				break
			}
		}
		if m := inOrBy(rest); m > 0 {
			return n + m
		}
	}
	for _, cue := range [...]string{"in the journal", "to the journal", "peer-reviewed journal"} {
		if n := foldPrefix(text, cue); n > 0 {
			return n
		}
	}
	end := 0
	for _, group := range chineseCue {
		for _, w := range group {
			if strings.HasPrefix(text[end:], w) {
				end += len(w)
				break
			}
		}
	}
	return end
}

// inOrBy is the length of " in" or " by" (in either case) text opens
// with, or 0.
func inOrBy(text string) int {
	return max(foldPrefix(text, " in"), foldPrefix(text, " by"))
}

// chineseCue is the Chinese cue's optional parts, in order.
var chineseCue = [...][]string{
	{"发表", "發表", "刊登", "刊发", "刊發", "刊载", "刊載", "刊出", "登载", "登載"},
	{"于", "於", "在"}, {"国际", "國際"}, {"权威", "權威"}, {"学术", "學術"}, {"医学", "醫學"}, {"期刊", "杂志", "雜誌"},
}

// foldPrefix is the length of the prefix of text that lower (lower-case
// ASCII) matches with case folded as (?i) folds it: an ASCII letter
// matches either case, k the Kelvin sign and s the long s as well; 0 when
// none does.
func foldPrefix(text, lower string) int {
	i := 0
	for j := 0; j < len(lower); j++ {
		if i >= len(text) {
			return 0
		}
		c, l := text[i], lower[j]
		switch {
		case c == l || 'a' <= l && l <= 'z' && c == l-('a'-'A'):
			i++
		case l == 'k' && strings.HasPrefix(text[i:], "\u212a"), l == 's' && strings.HasPrefix(text[i:], "\u017f"):
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		default:
			return 0
		}
	}
	return i
}

// bareVenue reports a name that names no journal on its own: journal of
// (in either case); 期刊, 学报, 通讯作者 and the like; a meeting where it was
// announced (…年会上公布). It is what the expression
// ^(?i:journal of|(期刊|杂志|雜誌|学报|學報|通讯作者|通訊作者)|.*(年会|年會|大会|大會|研讨会|研討會)上(公布|发表|發表))$
// matched.
func bareVenue(name string) bool {
	if foldPrefix(name, "journal of") == len(name) {
		return true
	}
	switch name {
	case "期刊", "杂志", "雜誌", "学报", "學報", "通讯作者", "通訊作者":
		return true
	}
	for _, said := range [...]string{"上公布", "上发表", "上發表"} {
		before, ok := strings.CutSuffix(name, said)
		if !ok {
			continue
		}
		for _, meeting := range [...]string{"年会", "年會", "大会", "大會", "研讨会", "研討會"} {
			if rest, ok := strings.CutSuffix(before, meeting); ok && !strings.Contains(rest, "\n") {
				return true // . matches anything but a newline
			}
		}
	}
	return false
}
