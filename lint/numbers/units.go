package numbers

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/utf8x"
)

// unitHit is what follows a number: a unit, a classifier, a counted noun.
type unitHit struct {
	end     int // end of the unit and any noun it counts
	subject string
	unit    string  // the classifier or unit word
	scale   float64 // 成 → 10, ‰ → 0.1
	value   float64 // replaces the number's value (fractions)
	// The one-byte fields last, packed in one word: 64 bytes, not 88, to
	// copy on each return through the unit readers.
	kind     Kind
	cls      uclass
	noun     nclass
	animal   bool
	approx   bool
	zh       bool // a Chinese unit: context windows are counted in runes
	hasValue bool
	glued    bool // written without a space ("450mg")
}

// unitAfter reads the unit or counted noun after tok, allowing one space,
// into h (filled in place: a hit is too large to copy back through each
// reader).
func (s *scanner) unitAfter(tok *token, h *unitHit) {
	t := s.text
	j := tok.end
	k := skipSpace(t, j)
	if k < len(t) {
		c := t[k]
		switch {
		case c == '%':
			*h = unitHit{end: k + 1, kind: Percent, cls: ucPlain}
			s.zhTail(h, false)
			return
		case c == '-' && k == j:
			if u, ok := hyphenUnit(t, k, tok.val); ok {
				*h = u
				return
			}
		case isLetter(c):
			*h = s.enUnitAt(tok, j, k)
			return
		case c >= utf8.RuneSelf:
			if strings.HasPrefix(t[k:], "‰") {
				*h = unitHit{end: k + len("‰"), kind: Percent, cls: ucPlain, scale: 0.1}
				return
			}
			if s.zhUnitAt(tok, k, h) {
				return
			}
			// The first byte of µ and °, of μ: the only signs unitWord reads
			// before a unit's letters, so no other unit word starts here.
			if c == 0xC2 || c == 0xCE {
				*h = s.enUnitAt(tok, j, k) // μg, °c
				return
			}
		}
	}
	*h = unitHit{end: j}
}

// unitAtRune is unitAfter for a token of script 'c' followed by the
// well-formed three-byte rune r, decoded by the caller: no space, sign or
// letter to look for.
func (s *scanner) unitAtRune(tok *token, r rune, h *unitHit) {
	k := tok.end
	if r == '‰' {
		*h = unitHit{end: k + len("‰"), kind: Percent, cls: ucPlain, scale: 0.1}
		return
	}
	if !s.zhUnitOf(tok, k, r, 3, h) {
		*h = unitHit{end: k}
	}
}

// zhUnitAt matches a Chinese unit or classifier at k, or failing that a
// subject noun written straight after digits (1000患者, 成千上万的患者),
// into h; false leaves h undefined.
func (s *scanner) zhUnitAt(tok *token, k int, h *unitHit) bool {
	t := s.text
	if tok.script == 'w' {
		return false
	}
	r, size := utf8x.Rune3At(t, k) // most units: decoded inline
	if size == 0 {
		r, size = runeAt(t, k)
	}
	return s.zhUnitOf(tok, k, r, size, h)
}

// zhUnitOf is zhUnitAt for the rune r (of size bytes) at k, decoded by
// the caller.
func (s *scanner) zhUnitOf(tok *token, k int, r rune, size int, h *unitHit) bool {
	t := s.text
	if tok.script == 'w' {
		return false
	}
	us := zhUnitsOf(r)
	for i := range us {
		u := &us[i]
		// Every unit in r's list starts with r: one of r's length is r.
		if !entryAt(t, k, u.s, size) || u.arabicOnly && tok.script != 'a' {
			continue
		}
		e := k + len(u.s)
		// After digits 只 is the classifier even in 24只在…, 3只有…
		loose := u.s == "只" && tok.script == 'a'
		if !loose && u.refusedBefore(t, e) {
			continue
		}
		return s.zhResolve(tok, u, e, h)
	}
	if tok.script == 'a' || tok.vague && tok.mult {
		p := k
		if tok.vague && strings.HasPrefix(t[p:], "的") {
			p += len("的")
			if strings.HasPrefix(t[p:], "人") && !strings.HasPrefix(t[p:], "人员") { // 数以万计的人
				*h = unitHit{end: p + len("人"), cls: ucPersonWeak, subject: "人", zh: true}
				return true
			}
		}
		if n, e, ok := zhNounAt(t, p); ok && n.cls != nRole && n.cls != nStudy {
			*h = unitHit{end: e, cls: ucPerson, noun: n.cls, subject: n.s, animal: n.cls == nAnimal, zh: true}
			return true
		}
	}
	return false
}

// refusedBefore reports whether the rune at e is one of u.notBefore. Most
// runes are ruled out by their last byte (notBeforeEnds) before the list
// is searched.
func (u *zhUnit) refusedBefore(t string, e int) bool {
	return e+3 <= len(t) && u.notBeforeEnds&(1<<(t[e+2]&0x3F)) != 0 && notBefore(t, e, u.notBefore)
}

// entryAt reports whether w, an entry of the list of the rune at k (of
// size bytes), starts at k. Every entry of the list starts with that rune,
// so one of its length is it; a longer one is compared from its last
// byte, where most differ, before the call that compares it whole.
func entryAt(t string, k int, w string, size int) bool {
	n := len(w)
	return n == size || k+n <= len(t) && t[k+n-1] == w[n-1] && t[k:k+n] == w
}

// notBefore reports whether the rune at e is one of runes (a few Chinese
// characters, three bytes each): their bytes compared with the three at e,
// instead of strings.ContainsRune, which encodes the rune and searches for
// its bytes. Three bytes equal to a valid rune's are that rune.
func notBefore(t string, e int, runes string) bool {
	if e+3 > len(t) {
		return false // no three-byte rune fits
	}
	c := t[e : e+3]
	for i := 0; i+3 <= len(runes); i += 3 {
		if runes[i:i+3] == c {
			return true
		}
	}
	return false
}

// zhResolve builds the hit for a matched Chinese unit ending at e in h.
func (s *scanner) zhResolve(tok *token, u *zhUnit, e int, h *unitHit) bool {
	*h = unitHit{end: e, kind: u.kind, cls: u.cls, approx: u.approx, zh: true, unit: u.s}
	switch u.cls {
	case ucTenths:
		// 八成是累了: "probably", not 80%
		if nr, _ := runeAt(s.text, e); tok.val == 8 && strings.ContainsRune("是会要就也又得能", nr) {
			return false
		}
		h.kind, h.cls, h.scale = Percent, ucPlain, 10
	case ucPlain, ucYear:
		if u.s == "年代" && tok.val < 100 { // 80年代 is the 1980s
			h.value, h.hasValue = 1900+tok.val, true
		}
		s.zhTail(h, u.kind == Duration || u.kind == Age || u.cls == ucYear)
	case ucFraction:
		return s.zhFraction(tok, h)
	case ucPersonWeak:
		h.subject = "人"
		s.zhTail(h, false)
	default:
		s.zhCounted(h, u.counts)
	}
	return true
}

// zhTail takes in an approximating word after a unit: 50岁以上, 3杯左右,
// and for times and ages also 一年多, 十天余.
func (s *scanner) zhTail(h *unitHit, timeLike bool) {
	t := s.text
	// Every tail word is two three-byte runes: one switch on six bytes.
	if e := h.end; e+6 <= len(t) && zhTailFirst.has(t[e]) {
		switch t[e : e+6] {
		case "以上", "左右", "上下", "出头", "开外", "有余", "之多": // zhTailWords, no more (a test compares them)
			h.end, h.approx = e+6, true
			return
		}
	}
	if !timeLike {
		return // 多, 余 follow times and ages only: no rune to decode
	}
	if e := h.end; e+3 <= len(t) && (t[e:e+3] == "多" || t[e:e+3] == "余") {
		h.end, h.approx = e+3, true
	}
}

var (
	// zhTailWords are the words of zhTail's switch (a test compares them).
	zhTailWords = []string{"以上", "左右", "上下", "出头", "开外", "有余", "之多"}
	zhTailFirst = newByteSet(zhTailWords...)
)

// zhFraction reads the numerator of X分之Y; the value is Y/X as a percentage.
func (s *scanner) zhFraction(tok *token, h *unitHit) bool {
	t := s.text
	var num token
	ok := false
	if h.end < len(t) && isDigit(t[h.end]) {
		num, ok = readArabic(t, h.end), true
	} else if r, _ := runeAt(t, h.end); isZhNumeral(r) {
		num, ok = cjkNumber(t, h.end)
	}
	if !ok || tok.val == 0 {
		return false
	}
	h.kind, h.cls, h.end = Percent, ucPlain, num.end
	h.value, h.hasValue = 100*num.val/tok.val, true
	s.zhTail(h, false)
	return true
}

// classifierNouns says which noun classes each classifier counts.
var classifierNouns = map[string]uint16{
	"名": bits(nPerson, nCase, nPair, nHousehold, nSample, nAnimal, nRole),
	"例": bits(nPerson, nCase, nSample, nAnimal, nRole),
	"位": bits(nPerson, nCase, nPair, nRole),
	"户": bits(nHousehold, nPerson),
	"只": bits(nAnimal, nThing), "头": bits(nAnimal), "条": bits(nAnimal),
	"对": bits(nPair), "份": bits(nSample, nCase), "宗": bits(nCase),
	"个": bits(nSample, nCase, nHousehold, nStudy),
	"项": bits(nStudy), "篇": bits(nStudy),
}

func bits(cs ...nclass) uint16 {
	var b uint16
	for _, c := range cs {
		b |= 1 << c
	}
	return b
}

// zhCounted looks for the noun a classifier counts, across modifiers:
// 12例晚期肺癌患者, 40只植入黑色素瘤的小鼠, 1000名以上的受试者.
// counts is classifierNouns[h.unit].
func (s *scanner) zhCounted(h *unitHit, counts uint16) {
	t := s.text
	s.zhTail(h, false)
	h.subject, h.animal = h.unit, h.unit == "只"
	p := h.end
	if strings.HasPrefix(t[p:], "的") {
		p += len("的")
	}
	// Measure words for things (个, 份, 对, 宗, 项, 篇) sit right before their
	// noun; a long gap means the noun belongs to a clause (千万个被痴呆困扰的家庭).
	limit := 10
	if h.cls == ucNeedSample || h.cls == ucStudies {
		limit = 5
	}
	n, e, ok := zhNounWindow(t, p, limit)
	if ok && counts&(1<<n.cls) != 0 {
		h.noun, h.subject, h.end = n.cls, n.s, e
		h.animal = h.animal || n.cls == nAnimal
	}
}

// zhHeadNoun prefers the head of a noun compound: 糖尿病患者 is 患者,
// not 病患 (a match starting one rune later that reaches further wins), and
// 女性患者 is 患者 (an adjacent noun follows).
// size is the length of the rune at p.
func zhHeadNoun(t string, p, size int, n noun, e int) (noun, int) {
	if n2, e2, ok := zhNounAt(t, p+size); ok && e2 > e {
		n, e = n2, e2
	}
	for {
		n2, e2, ok := zhNounAt(t, e)
		if !ok || n2.cls != n.cls && n.cls != nPerson {
			return n, e
		}
		n, e = n2, e2
	}
}

// zhNounAt matches a counted noun starting exactly at p, longest first.
func zhNounAt(t string, p int) (noun, int, bool) {
	r, size := utf8x.Rune3At(t, p) // most nouns: decoded inline
	if size == 0 {
		r, size = runeAt(t, p)
	}
	return zhNounOf(t, p, r, size)
}

// zhNounOf is zhNounAt for the rune r (of size bytes) at p, decoded by
// the caller.
func zhNounOf(t string, p int, r rune, size int) (noun, int, bool) {
	for _, n := range zhNounsOf(r) {
		if entryAt(t, p, n.s, size) {
			return n, p + len(n.s), true
		}
	}
	return noun{}, p, false
}

// zhNounWindow finds the first counted noun within limit runes of p,
// stopping at punctuation, another classifier, or a number
// that is not part of a name (2型 and covid-19 are).
func zhNounWindow(t string, p, limit int) (noun, int, bool) {
	for n := 0; n < limit && p < len(t); n++ {
		r, size := utf8x.Rune3At(t, p) // Chinese: decoded inline, once for both uses
		if size == 0 {
			r, size = runeAt(t, p)
		}
		if nn, e, ok := zhNounOf(t, p, r, size); ok {
			nn, e = zhHeadNoun(t, p, size, nn, e)
			return nn, e, true
		}
		switch {
		case isDigit(t[p]):
			q := p
			for q < len(t) && isDigit(t[q]) {
				q++
			}
			if !strings.HasPrefix(t[q:], "型") && !(p > 0 && (isLetter(t[p-1]) || t[p-1] == '-')) {
				return noun{}, p, false
			}
			size = q - p
		case isCJKRune(r):
			switch r {
			case '名', '例', '位', '只': // another classifier
				return noun{}, p, false
			}
		case isLetter(t[p]) || t[p] == '-' || t[p] == ' ':
		default:
			return noun{}, p, false
		}
		p += size
	}
	return noun{}, p, false
}

// English units.

// unitWord reads a unit word: ASCII letters, or μg/µg/°c. A sign added
// here must pass the first-byte gate in unitAfter too.
func unitWord(t string, k int) (string, int) {
	e := k
	if k < len(t) && t[k] >= utf8.RuneSelf { // the signs: most unit words are letters only
		for _, p := range []string{"μ", "µ", "°"} {
			if strings.HasPrefix(t[k:], p) {
				e += len(p)
			}
		}
	}
	for e < len(t) && isLetter(t[e]) {
		e++
	}
	return t[k:e], e
}

// enUnitAt matches an English unit at k, or a counted noun within a few
// words ("500,000 uk biobank participants").
func (s *scanner) enUnitAt(tok *token, j, k int) unitHit {
	t := s.text
	none := unitHit{end: j}
	if tok.script == 'c' {
		return none
	}
	w, e := unitWord(t, k)
	if w == "" {
		return none
	}
	if u, ok := enUnitTable.get(w); ok {
		if h, ok := s.enResolve(tok, u, w, e, k == j); ok {
			return h
		}
		return none
	}
	switch {
	case strings.EqualFold(w, "per") && wordAt(t, e, " cent"):
		return unitHit{end: e + len(" cent"), kind: Percent, cls: ucPlain}
	case strings.EqualFold(w, "percentage") && wordAt(t, e, " points"):
		return unitHit{end: e + len(" points"), kind: Percent, cls: ucPlain}
	case strings.EqualFold(w, "percentage") && wordAt(t, e, " point"):
		return unitHit{end: e + len(" point"), kind: Percent, cls: ucPlain}
	case strings.EqualFold(w, "international") && wordAt(t, e, " units"):
		return unitHit{end: e + len(" units"), kind: Dose, cls: ucPlain}
	case k == j:
		return none
	}
	return enCounted(t, k, none)
}

// enResolve builds the hit for an English unit word ending at e.
func (s *scanner) enResolve(tok *token, u enUnit, w string, e int, glued bool) (unitHit, bool) {
	t := s.text
	h := unitHit{end: e, kind: u.kind, cls: u.cls, unit: w, glued: glued}
	switch u.cls {
	case ucTimes: // "three times a day" is a frequency, "three times higher" a ratio
		for _, f := range []string{" a ", " an ", " per ", " each ", " every ", " daily", " weekly", " monthly", " a day", " a week"} {
			if strings.HasPrefix(t[e:], f) {
				h.kind = Other
			}
		}
		h.cls = ucPlain
	case ucDecade:
		if !glued {
			return h, false
		}
		h.cls, h.kind = ucPlain, Age
		if tok.val >= 1000 {
			h.kind = Year
		}
	case ucPlain:
		switch u.kind {
		case Duration:
			h = ageAfterTime(t, h)
		case Dose:
			h = perUnit(t, h)
		}
	}
	return h, true
}

// ageAfterTime turns "65 years old", "65 years of age", "65 years or
// older" into an Age.
func ageAfterTime(t string, h unitHit) unitHit {
	for _, w := range []string{" of age or older", " of age", " old", "-old", " or older", " and older", " and over", " or over"} {
		if wordAt(t, h.end, w) {
			h.kind, h.end = Age, h.end+len(w)
			return h
		}
	}
	return h
}

// perUnit extends a dose over "/kg", "/kg/day", "/dl"; kg/m² is a BMI.
func perUnit(t string, h unitHit) unitHit {
	for h.end+1 < len(t) && t[h.end] == '/' && isLetter(t[h.end+1]) {
		w, e := word(t, h.end+1)
		if strings.EqualFold(h.unit, "kg") && strings.EqualFold(w, "m") {
			h.kind = Other
		}
		h.end = e
		if e < len(t) && isDigit(t[e]) { // kg/m2
			h.end++
		}
	}
	return h
}

// enCounted looks up to five words ahead for a counted noun, stopping at
// function words and units: "120 patients", "2,400 women",
// "300 type 2 diabetes patients".
func enCounted(t string, k int, none unitHit) unitHit {
	p, prev := k, ""
	for n := 0; n < 5; n++ {
		w, e := nounWord(t, p)
		if w == "" || isDigit(w[0]) && !qualifiesNumber(prev) {
			break
		}
		if cls, ok := enNounTable.get(w); ok {
			if cls != nAnimal {
				// "20 elderly mice", "40 aged rats": an adjective that names
				// people on its own qualifies the animals after it.
				if a, ok := animalAfter(t, e); ok {
					return a
				}
			}
			return enNounHit(cls, t[p:e], e)
		}
		if _, unit := enUnitTable.get(w); unit && n > 0 {
			break
		}
		if _, stop := enStopTable.get(w); stop {
			break
		}
		if e >= len(t) || t[e] != ' ' {
			break
		}
		p, prev = e+1, w
	}
	return none
}

// animalAfter reports an animal noun as the next word after e.
func animalAfter(t string, e int) (unitHit, bool) {
	if e >= len(t) || t[e] != ' ' {
		return unitHit{}, false
	}
	w, end := nounWord(t, e+1)
	if cls, ok := enNounTable.get(w); ok && cls == nAnimal {
		return enNounHit(cls, t[e+1:end], end), true
	}
	return unitHit{}, false
}

// qualifiesNumber allows a number inside a noun phrase: "type 2", "stage 3".
func qualifiesNumber(prev string) bool {
	switch strings.ToLower(prev) {
	case "type", "phase", "stage", "grade", "class", "covid", "covid-":
		return true
	}
	return false
}

// nounWord reads letters, digits, hyphens, apostrophes and inner dots ("u.s.").
func nounWord(t string, p int) (string, int) {
	e := p
	for e < len(t) {
		c := t[e]
		if isAlnum(c) || c == '-' || c == '\'' || c == '.' && e+1 < len(t) && isLetter(t[e+1]) {
			e++
			continue
		}
		break
	}
	return t[p:e], e
}

// enNounHit maps a counted English noun to a unit hit.
func enNounHit(cls nclass, w string, e int) unitHit {
	h := unitHit{end: e, cls: ucPerson, noun: cls, subject: w, unit: w}
	switch cls {
	case nAnimal:
		h.cls, h.animal = ucAnimal, true
	case nStudy:
		h.cls = ucStudies
	case nWeak:
		h.cls = ucPersonWeak
	}
	return h
}

// hyphenated compounds after a number: "65-year-old", "12-week",
// "a 20-person pilot", "two-thirds".
type hyphenUnitDef struct {
	s    string
	kind Kind
	den  float64 // fractions: one-third → 100/3 %
	anim bool
}

var hyphenUnits = []hyphenUnitDef{
	{s: "-year-olds", kind: Age}, {s: "-year-old", kind: Age}, {s: "-years-old", kind: Age},
	{s: "-month-olds", kind: Age}, {s: "-month-old", kind: Age}, {s: "-week-old", kind: Age},
	{s: "-day-old", kind: Age}, {s: "-year", kind: Duration}, {s: "-month", kind: Duration},
	{s: "-week", kind: Duration}, {s: "-day", kind: Duration}, {s: "-hour", kind: Duration},
	{s: "-minute", kind: Duration}, {s: "-fold", kind: Ratio}, {s: "-mg", kind: Dose},
	{s: "-gram", kind: Dose}, {s: "-kg", kind: Dose},
	{s: "-person", kind: SampleSize}, {s: "-patient", kind: SampleSize},
	{s: "-participant", kind: SampleSize}, {s: "-subject", kind: SampleSize},
	{s: "-member", kind: SampleSize}, {s: "-strong", kind: SampleSize},
	{s: "-woman", kind: SampleSize}, {s: "-man", kind: SampleSize}, {s: "-child", kind: SampleSize},
	{s: "-adult", kind: SampleSize}, {s: "-volunteer", kind: SampleSize},
	{s: "-household", kind: SampleSize}, {s: "-family", kind: SampleSize},
	{s: "-mouse", kind: SampleSize, anim: true}, {s: "-animal", kind: SampleSize, anim: true},
	{s: "-thirds", kind: Percent, den: 3}, {s: "-third", kind: Percent, den: 3},
	{s: "-quarters", kind: Percent, den: 4}, {s: "-quarter", kind: Percent, den: 4},
	{s: "-half", kind: Percent, den: 2}, {s: "-fifths", kind: Percent, den: 5},
	{s: "-fifth", kind: Percent, den: 5}, {s: "-tenths", kind: Percent, den: 10},
	{s: "-tenth", kind: Percent, den: 10},
}

// sortHyphenUnits puts the longest compounds first (see loadTables).
func sortHyphenUnits() {
	slices.SortStableFunc(hyphenUnits, func(a, b hyphenUnitDef) int { return len(b.s) - len(a.s) })
}

// hyphenUnit matches a hyphenated compound at k.
func hyphenUnit(t string, k int, val float64) (unitHit, bool) {
	if k+1 >= len(t) || !isLetter(t[k+1]) {
		return unitHit{}, false // every compound is a '-' and a word
	}
	for _, d := range hyphenUnits {
		if !wordAt(t, k, d.s) {
			continue
		}
		h := unitHit{end: k + len(d.s), kind: d.kind, cls: ucPlain, unit: d.s[1:]}
		switch {
		case d.den > 0:
			h.value, h.hasValue = 100*val/d.den, true
		case d.kind == SampleSize:
			h.cls, h.noun, h.subject, h.animal = ucPerson, nPerson, d.s[1:], d.anim
			if d.s == "-strong" { // "a 2,000-strong cohort" names no noun
				h.subject = ""
			}
			if d.anim {
				h.cls, h.noun = ucAnimal, nAnimal
			}
		}
		return h, true
	}
	return unitHit{}, false
}
