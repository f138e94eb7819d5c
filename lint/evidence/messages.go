package evidence

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// phrase is a text of the card in English and Simplified Chinese; the
// Traditional text is derived with Taiwan phrasing, as rule messages are.
// Placeholders in braces ({term}, {label}…) are filled after conversion,
// so what the article wrote is never converted.
type phrase struct{ en, hans string }

// hant caches the Traditional form of each phrase (the conversion tables
// load on first use).
var hant sync.Map

func (p phrase) in(locale string) string {
	switch locale {
	case "zh-Hans":
		return p.hans
	case "zh-Hant":
		if t, ok := hant.Load(p.hans); ok {
			return t.(string)
		}
		t := zhconv.ToTaiwan(p.hans)
		hant.Store(p.hans, t)
		return t
	}
	return p.en
}

// template is a phrase with {name} placeholders, compiled per locale on
// first use: where its placeholders lie is known from then on, not
// searched for again in every reason, label and description made.
type template struct {
	phrase
	compiled [3]atomic.Pointer[[]segment] // en, zh-Hans, zh-Hant
}

func newTemplate(en, hans string) *template { return &template{phrase: phrase{en, hans}} }

// segment is a piece of a compiled template: text, then a placeholder
// ({name}, braces included) and which of a reason's values it names (see
// Reason; -1: none); the last piece has text only.
type segment struct {
	text, placeholder string
	slot              int8
}

// segments is the template in locale, compiled (nil for a nil template).
func (t *template) segments(locale string) []segment {
	if t == nil {
		return nil
	}
	k := 0
	switch locale {
	case "zh-Hans":
		k = 1
	case "zh-Hant":
		k = 2
	}
	if s := t.compiled[k].Load(); s != nil {
		return *s
	}
	s := compile(t.in(locale))
	t.compiled[k].Store(&s)
	return s
}

// compile cuts a template into segments: a placeholder is {name}, from a
// brace to the first closing brace after it; text without a closing
// brace is plain.
func compile(template string) []segment {
	var out []segment
	for {
		open := strings.IndexByte(template, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(template[open:], '}')
		if end < 0 {
			break
		}
		placeholder := template[open : open+end+1]
		out = append(out, segment{template[:open], placeholder, slotOf(placeholder[1 : len(placeholder)-1])})
		template = template[open+end+1:]
	}
	return append(out, segment{text: template, slot: -1})
}

// fill is the template in locale filled with pairs (see fillSegments).
func (t *template) fill(locale string, pairs ...string) string {
	return fillSegments(t.segments(locale), nil, pairs)
}

// fillSegments fills two compiled templates (second may be nil), joined:
// each placeholder takes the value of the last pair of its name (given as
// name, value pairs), or stays as written. The values are looked up once,
// the text sized, then written in one allocation; a template without
// placeholders is given back as it is.
func fillSegments(first, second []segment, pairs []string) string {
	if len(first) == 1 && second == nil {
		return first[0].text // no placeholder: the template itself
	}
	var values filled
	n := values.size(first, pairs, 0)
	n = values.size(second, pairs, n)
	b := make([]byte, 0, n)
	values.next = 0
	b = values.append(b, first, pairs)
	b = values.append(b, second, pairs)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// The values a reason's templates name, by slot: a Reason keeps them
// where its segments find them, not looked up by name.
const (
	slotWhere = iota
	slotTerm
	slotLabel
	slotModel
	slotOther
	slotDesign
	slotAbout
	slotMessage
	reasonSlots
)

var slotNames = [reasonSlots]string{"where", "term", "label", "model", "other", "design", "about", "message"}

// slotOf is the slot of a placeholder's name; -1: none.
func slotOf(name string) int8 {
	for i, n := range slotNames {
		if n == name {
			return int8(i)
		}
	}
	return -1
}

// Reason is a claim's reason (see Card.WhyWith) as pieces: its compiled
// templates and the values their placeholders name. A report writes it
// piece by piece (see Append) without making the string, which most
// reports never read. The zero Reason is a claim with none.
type Reason struct {
	first, second []segment
	values        [reasonSlots]string
	given         uint16 // the slots given a value (a placeholder with none stays as written)
}

// set gives slot its value.
func (r *Reason) set(slot int, value string) {
	r.values[slot] = value
	r.given |= 1 << slot
}

func (r *Reason) has(slot int) bool { return r.given&(1<<slot) != 0 }

// in gives r its templates in locale.
func (r *Reason) in(first, second *template, locale string) {
	r.first, r.second = first.segments(locale), second.segments(locale)
}

// Empty reports whether r is no reason: the claim is not flagged.
func (r *Reason) Empty() bool { return r.first == nil }

// value is what segment s's placeholder is filled with.
func (r *Reason) value(s *segment) string {
	if s.slot < 0 || !r.has(int(s.slot)) {
		return s.placeholder
	}
	return r.values[s.slot]
}

// fromArticle are the slots whose values come from the article (its
// words, the study's, a finding's message), not from the card's texts.
const fromArticle = 1<<slotTerm | 1<<slotModel | 1<<slotAbout | 1<<slotMessage

// String is the reason as Why makes it.
func (r *Reason) String() string {
	if r.first == nil {
		return ""
	}
	if len(r.first) == 1 && r.second == nil {
		return r.first[0].text // no placeholder: the template itself
	}
	n := 0
	for _, list := range [2][]segment{r.first, r.second} {
		for i := range list {
			n += len(list[i].text)
			if i < len(list)-1 {
				n += len(r.value(&list[i]))
			}
		}
	}
	b := r.Append(make([]byte, 0, n), func(b []byte, v string) []byte { return append(b, v...) })
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Append appends the reason to b: the card's own texts as they are (they
// hold no quote, backslash or control character: a JSON report need not
// escape them), the values from the article through add.
func (r *Reason) Append(b []byte, add func(b []byte, value string) []byte) []byte {
	b = r.appendList(b, r.first, add)
	return r.appendList(b, r.second, add)
}

func (r *Reason) appendList(b []byte, list []segment, add func(b []byte, value string) []byte) []byte {
	for i := range list {
		s := &list[i]
		b = append(b, s.text...)
		if i == len(list)-1 {
			break
		}
		if s.slot >= 0 && r.given&fromArticle&(1<<s.slot) != 0 {
			b = add(b, r.values[s.slot])
		} else {
			b = append(b, r.value(s)...)
		}
	}
	return b
}

// filled are the values of a fill's placeholders, in order, looked up
// once: a template has a few; past eight they are looked up again.
type filled struct {
	values [8]string
	next   int
}

// size adds the length of list filled to n, keeping its values.
func (f *filled) size(list []segment, pairs []string, n int) int {
	for i := range list {
		s := &list[i]
		n += len(s.text)
		if i < len(list)-1 {
			v := s.value(pairs)
			if f.next < len(f.values) {
				f.values[f.next] = v
			}
			f.next++
			n += len(v)
		}
	}
	return n
}

// append appends list filled with the values size kept.
func (f *filled) append(b []byte, list []segment, pairs []string) []byte {
	for i := range list {
		s := &list[i]
		b = append(b, s.text...)
		if i < len(list)-1 {
			if f.next < len(f.values) {
				b = append(b, f.values[f.next]...)
			} else {
				b = append(b, s.value(pairs)...)
			}
			f.next++
		}
	}
	return b
}

// value is what a segment's placeholder is filled with: its pair's value,
// else the placeholder as written.
func (s *segment) value(pairs []string) string {
	if v, ok := lookupPair(pairs, s.placeholder[1:len(s.placeholder)-1]); ok {
		return v
	}
	return s.placeholder
}

// lookupPair is the value of the last pair named name: the pairs are a
// handful, so a scan beats building a map.
func lookupPair(pairs []string, name string) (string, bool) {
	for i := len(pairs)&^1 - 2; i >= 0; i -= 2 {
		if pairs[i] == name {
			return pairs[i+1], true
		}
	}
	return "", false
}

var (
	populations = map[string]phrase{
		"people":  {"people", "人"},
		"animals": {"animals", "动物"},
		"cells":   {"cells", "细胞"},
		"unknown": {"population not stated", "研究对象未说明"},
	}
	designs = map[string]phrase{
		"rct":           {"randomised trial", "随机对照试验"},
		"trial":         {"trial not said to be randomised", "未说明是否随机的试验"},
		"observational": {"observational study", "观察性研究"},
		"review":        {"review", "综述"},
		"case":          {"case report", "病例报告"},
		"lab":           {"laboratory experiment", "实验室研究"},
		"unknown":       {"design not stated", "设计未说明"},
	}
	places = map[string]phrase{
		Headline: {"The headline", "标题"},
		Heading:  {"A heading", "小标题"},
		Lead:     {"The lead", "导语"},
		Summary:  {"A summary sentence", "总结句"},
		Body:     {"The text", "正文"},
	}

	studyLabel   = newTemplate("study {n}", "研究{n}")
	pooled       = newTemplate("pooling {k} studies", "汇总{k}项研究")
	sizeGiven    = newTemplate("n = {n}", "n = {n}")
	sizeMissing  = phrase{"no number of subjects given", "未给出样本量"}
	venueNamed   = newTemplate("venue {venue}", "出处{venue}")
	venueUnnamed = phrase{"a journal is named", "注明了期刊"}
	linkNamed    = newTemplate("link {link}", "链接{link}")
	noVenue      = phrase{"no journal, DOI or link", "未注明期刊、DOI或链接"}

	relatedStudy = newTemplate("judged against {label}: {about}", "据以判断的{label}：{about}")

	// A reason is a clause saying what the claim says, then what the
	// evidence is.
	claimsForPeople = newTemplate("{where} claims “{term}” for people", "{where}把“{term}”说成对人有效")
	claimsForNobody = newTemplate("{where} claims “{term}” without saying in whom", "{where}声称“{term}”却未说明对象")
	claims          = newTemplate("{where} claims “{term}”", "{where}声称“{term}”")
	claimsCause     = newTemplate("{where} states “{term}” as cause and effect", "{where}把“{term}”说成因果")
	claimsCertain   = newTemplate("{where} says “{term}”", "{where}说“{term}”")

	restsOnModel = newTemplate("; the study it rests on ({label}) used {model}, not people.",
		"；它所依据的{label}用的是{model}，不是人。")
	restsOnUnstated = newTemplate("; the study it rests on ({label}) names no population, and the article's only other evidence ({other}) used {model}, not people.",
		"；它所依据的{label}未说明研究对象，文中其余证据（{other}）用的是{model}，不是人。")
	restsOnNothing       = newTemplate("; no study in the article shows it.", "，但文中没有任何研究显示这一点。")
	restsOnNothingCausal = newTemplate(" with no study behind it; such claims usually rest on observational data, which show an association only.",
		"，却没有依据的研究；这类说法通常来自观察性数据，只能说明相关。")
	restsOnAssociation = newTemplate("; the study it rests on ({label}) is {design}, which shows an association, not a cause.",
		"；它所依据的{label}是{design}，只能说明相关，不能说明因果。")
	restsOnWeak = newTemplate("; the study it rests on ({label}) is {design}, which cannot prove it.",
		"；它所依据的{label}是{design}，不足以证明。")
	restsOnUnsized = newTemplate("; the study it rests on ({label}) gives no number of participants.",
		"；它所依据的{label}没有给出参与人数。")

	whyOther        = newTemplate("{message} It rests on {label} ({about}).", "{message}它所依据的是{label}（{about}）。")
	whyOtherNoStudy = newTemplate("{message} No study in the article is attributed to it.", "{message}文中没有任何研究可作为其依据。")

	// designIs names a design after "is": with an article in English.
	designIs = map[string]phrase{
		"rct":           {"a randomised trial", "随机对照试验"},
		"trial":         {"a trial not said to be randomised", "未说明是否随机的试验"},
		"observational": {"an observational study", "观察性研究"},
		"review":        {"a review", "综述"},
		"case":          {"a case report", "病例报告"},
		"lab":           {"a laboratory experiment", "实验室研究"},
		"unknown":       {"of a design it does not state", "设计未说明的研究"},
	}
)

// Label names a study in a locale: "study 2", "研究2".
func Label(s *Study, locale string) string {
	return studyLabel.fill(locale, "n", strconv.Itoa(s.Index))
}

// Population says who a study was done on: "people", or for animals and
// cells the model it names ("old mice") when it names one.
// A model that is a kind of work rather than an organism (细胞实验, 培养皿,
// "animal study") is shown after the population: "cells (培养皿)".
func Population(s *Study, locale string) string {
	kind := lookup(populations, s.Population, "unknown").in(locale)
	switch {
	case s.Model == "" || s.Population != "animals" && s.Population != "cells":
		return kind
	case s.Population == "animals" && !namesNoOrganism(s.Model):
		return s.Model
	case strings.HasPrefix(locale, "zh"):
		return kind + "（" + s.Model + "）"
	}
	return kind + " (" + s.Model + ")"
}

// notAnOrganism are the animal and cell words that name a kind of work or
// a vessel, not the animals studied; namesNoOrganism looks for them as the
// regular expression (?i)(实验|…|trial) would, without running one for
// every study.
var notAnOrganism = []string{"实验", "實驗", "研究", "试验", "試驗", "模型", "皿", "study", "studies", "experiment", "model", "trial"}

// namesNoOrganism reports whether model holds one of notAnOrganism, the
// Latin letters in any case: ASCII capitals and the long s (ſ, which
// simple case folding pairs with s) are folded first; no other character
// folds to a letter of these words.
func namesNoOrganism(model string) bool {
	folded := model
	if strings.ContainsFunc(model, func(r rune) bool { return 'A' <= r && r <= 'Z' || r == 'ſ' }) {
		folded = strings.Map(func(r rune) rune {
			switch {
			case 'A' <= r && r <= 'Z':
				return r + 'a' - 'A'
			case r == 'ſ':
				return 's'
			}
			return r
		}, model)
	}
	for _, w := range notAnOrganism {
		if strings.Contains(folded, w) {
			return true
		}
	}
	return false
}

// Design names a study's design, with the number of studies a review pooled.
func Design(s *Study, locale string) string {
	d := lookup(designs, s.Design, "unknown").in(locale)
	if s.Design == "review" && s.Studies > 0 {
		d += listSep(locale) + pooled.fill(locale, "k", strconv.Itoa(s.Studies))
	}
	return d
}

// Size is "n = 120", or that no number of subjects is given.
func Size(s *Study, locale string) string {
	if s.Size > 0 {
		return sizeGiven.fill(locale, "n", strconv.Itoa(s.Size))
	}
	return sizeMissing.in(locale)
}

// Source names where the study can be found: its venue and link, or that
// neither is given.
func Source(s *Study, locale string) string {
	var parts []string
	switch {
	case s.Venue != "":
		parts = append(parts, venueNamed.fill(locale, "venue", s.Venue))
	case s.Study.Venue && s.Link == "":
		parts = append(parts, venueUnnamed.in(locale))
	}
	if s.Link != "" {
		parts = append(parts, linkNamed.fill(locale, "link", s.Link))
	}
	if len(parts) == 0 {
		return noVenue.in(locale)
	}
	return strings.Join(parts, listSep(locale))
}

// Describe is a study on one line: population, design, size and source.
func Describe(s *Study, locale string) string {
	return describe(s, locale, Population(s, locale))
}

// describe is Describe with the study's population worked out already.
func describe(s *Study, locale, population string) string {
	return strings.Join([]string{population, Design(s, locale), Size(s, locale), Source(s, locale)}, listSep(locale))
}

// Related is the short message of a finding's related location: the study
// it was judged against.
func Related(s *Study, locale string) string {
	return relatedStudy.fill(locale, "label", Label(s, locale), "about", Describe(s, locale))
}

// Why says why the evidence does not carry a flagged claim ("The headline
// claims “逆转衰老” for people; the study it rests on (study 2) used old
// mice, not people."), from the claim's facts, its study's and the rules
// that flagged it; when none of the card's own reasons fits, the first
// finding's message with the study it rests on. It is "" for a claim no
// rule flagged.
func (c *Card) Why(cl *Claim, locale string) string {
	return c.WhyWith(cl, locale, nil)
}

// WhyWith is Why with the message of the claim's first finding, where a
// reason quotes it, given by message (a report has it composed already,
// shared across its findings); nil composes it.
func (c *Card) WhyWith(cl *Claim, locale string, message func(x rule.Finding, locale string) string) string {
	return c.why(cl, locale, message, false)
}

// why is WhyWith; everyValue gives each reason every value up front, as
// the test that each reason is given the values its texts name compares
// against.
func (c *Card) why(cl *Claim, locale string, message func(x rule.Finding, locale string) string, everyValue bool) string {
	var r Reason
	c.reasonOf(&r, cl, locale, message, everyValue)
	return r.String()
}

// Reason sets r to WhyWith kept as pieces (see type Reason), for a report
// that writes it without making the string. Its values are the report's
// to keep: the card's texts and the claim's excerpt, never the sentences'
// memory (see facts' Release).
func (c *Card) Reason(r *Reason, cl *Claim, locale string, message func(x rule.Finding, locale string) string) {
	c.reasonOf(r, cl, locale, message, false)
	if cl.Excerpt == "" && r.has(slotTerm) {
		// The term is in the sentences' memory: the reason keeps a copy.
		r.values[slotTerm] = strings.Clone(r.values[slotTerm])
	}
}

// reasonOf sets r to cl's reason: its templates and the values they name.
// It is filled in place: a Reason is large, and copies of it cost more
// than the filling.
func (c *Card) reasonOf(r *Reason, cl *Claim, locale string, message func(x rule.Finding, locale string) string, everyValue bool) {
	*r = Reason{}
	if !cl.Flagged() {
		return
	}
	st := c.StudyOf(cl)
	// Each reason is given only the values its texts name: where and
	// what the claim is (the clauses), the study's design (two tails), and
	// its label; the reason of other rules (most reasons) names none of
	// the first three.
	var words studyWords
	if st != nil {
		// The model and the description go in only where a reason names
		// them.
		words = c.words(st, locale)
		r.set(slotLabel, words.label)
	}
	if everyValue {
		r.set(slotWhere, lookup(places, cl.Where, Body).in(locale))
		r.set(slotTerm, cl.shown())
		if st != nil {
			r.set(slotDesign, lookup(designIs, st.Design, "unknown").in(locale))
		}
	}
	causal := cl.Class == "causal" || cl.hasCategory("causation")
	certain := cl.Class == "certainty"
	preclinical := st != nil && st.Preclinical || cl.Evidence == "preclinical"
	animalRule := cl.hasCategory("animal-as-human")
	whom := claimsForNobody
	if cl.Subject == "people" {
		whom = claimsForPeople
	}
	var first, second *template
	switch {
	case st == nil && causal:
		first, second = claimsCause, restsOnNothingCausal
	case st == nil && cl.Evidence == "none":
		first, second = claims, restsOnNothing
	case st == nil:
		r.set(slotMessage, firstMessage(cl, locale, message))
		r.in(whyOtherNoStudy, nil, locale)
		return
	case preclinical && (animalRule || !causal && !certain) && cl.Subject != "animals" && cl.Subject != "cells":
		first, second = whom, restsOnModel
		r.set(slotModel, words.population)
		if !st.Preclinical {
			if other := c.firstPreclinical(); other != nil {
				o := c.words(other, locale)
				second = restsOnUnstated
				r.set(slotOther, o.label)
				r.set(slotModel, o.population)
			}
		}
	case causal && st.Design != "rct":
		first, second = claimsCause, restsOnAssociation
		r.set(slotDesign, lookup(designIs, st.Design, "unknown").in(locale))
	case certain && st.Design != "rct":
		first, second = claimsCertain, restsOnWeak
		r.set(slotDesign, lookup(designIs, st.Design, "unknown").in(locale))
	case cl.hasCategory("sample-size") && !st.Sized:
		first, second = claims, restsOnUnsized
	default:
		r.set(slotAbout, words.description)
		r.set(slotMessage, firstMessage(cl, locale, message))
		r.in(whyOther, nil, locale)
		return
	}
	r.set(slotWhere, lookup(places, cl.Where, Body).in(locale))
	r.set(slotTerm, cl.shown())
	r.in(first, second, locale)
}

// firstMessage is the message of cl's first finding in locale: message's,
// or composed when message is nil.
func firstMessage(cl *Claim, locale string, message func(x rule.Finding, locale string) string) string {
	if message == nil {
		return cl.Findings[0].Message(locale)
	}
	return message(cl.Findings[0], locale)
}

// Description is Describe(s, locale), worked out once per card.
func (c *Card) Description(s *Study, locale string) string { return c.words(s, locale).description }

// RelatedMessage is Related(s, locale), with the label and description
// worked out once per card.
func (c *Card) RelatedMessage(s *Study, locale string) string {
	w := c.words(s, locale)
	return relatedStudy.fill(locale, "label", w.label, "about", w.description)
}

// studyWords are the texts Why names a study by, in one locale.
type studyWords struct{ label, population, description string }

// words are a study's texts, worked out once per study and locale
// (a run has one) and kept with the study: every flagged claim on a study
// names it the same way.
func (c *Card) words(s *Study, locale string) studyWords {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s.saidIn == locale && locale != "" {
		return s.said
	}
	population := Population(s, locale)
	w := studyWords{Label(s, locale), population, describe(s, locale, population)}
	s.said, s.saidIn = w, locale
	return w
}

// shown is the claim as the article writes it, or its term.
func (cl *Claim) shown() string {
	if cl.Excerpt != "" {
		return cl.Excerpt
	}
	return cl.Term
}

// firstPreclinical is the article's first study of animals or cells only.
func (c *Card) firstPreclinical() *Study {
	for _, s := range c.Studies {
		if s.Preclinical {
			return s
		}
	}
	return nil
}

func (cl *Claim) hasCategory(category string) bool {
	for i := range cl.Findings { // by index: a Finding is large to copy
		if cl.Findings[i].Rule.Category == category {
			return true
		}
	}
	return false
}

func lookup(m map[string]phrase, key, fallback string) phrase {
	if p, ok := m[key]; ok {
		return p
	}
	return m[fallback]
}

// listSep separates the parts of a description.
func listSep(locale string) string {
	if strings.HasPrefix(locale, "zh") {
		return "，"
	}
	return ", "
}
