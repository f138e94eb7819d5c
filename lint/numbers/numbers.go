// Package numbers finds numeric mentions — above all sample sizes — in
// normalized sentence text: NFKC, Traditional folded to Simplified,
// English lower-cased, whitespace collapsed to single spaces.
//
// The scanner is hand-written: it walks the text once, and at each number
// (digits, Chinese numerals, English number words) reads the unit or
// counted noun after it and the qualifiers and keywords before it.
//
// Its tables are built on first use: an exported function that reads them
// must call loadTables first (see tables.go).
package numbers

import (
	mathbits "math/bits"
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/internal/utf8x"
)

// Kind classifies a numeric mention.
type Kind uint8

const (
	Other      Kind = iota
	SampleSize      // a count of study subjects: people, patients, animals, samples, studies pooled
	Age             // 50岁, 50~103岁, aged 65, 65-year-old
	Dose            // 450 mg, 2克, 10 mg/kg
	Percent         // 30%, 三成, 百分之三十, 50 percent
	Year            // 2023年, in 2019
	Duration        // 10年 (follow-up), 12周, 3个月, six months
	Money           // 199元, $20
	Ratio           // 2倍, 1.5 times, twice
)

var kindNames = [...]string{"Other", "SampleSize", "Age", "Dose", "Percent", "Year", "Duration", "Money", "Ratio"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Mention is one number with what it counts or measures.
type Mention struct {
	Start, End int     // byte span in the input text, covering the number and its unit/noun
	Value      float64 // 1013, 12000 for "1.2万", 1000 for "一千多" (Approx); a range gives its lower bound
	Approx     bool    // 超/逾/约/近/多/余/more than/over/about/nearly/around/some/at least
	Vague      bool    // 数千名, 上万, thousands of, "a large study": a size implied, not given (Value = lower bound or 0)
	Kind       Kind
	Subject    string // the noun counted ("受试者", "名", "participants"); "" when none
	Animal     bool   // the subjects are animals
}

// Find returns every numeric mention in text, in order of Start, non-overlapping.
func Find(text string) []Mention { return FindInto(nil, text) }

// FindInto is Find writing into buf's storage (from buf[:0]), so that a
// caller scanning sentence after sentence can reuse one buffer; the result
// is valid until buf is reused.
func FindInto(buf []Mention, text string) []Mention {
	loadTables()
	s := scanner{text: text, out: buf[:0]}
	return s.run()
}

// SizesAndPercentsInto is FindInto keeping only the SampleSize and
// Percent mentions, the same as filtering its result. A number whose unit
// rules out both whatever comes before it (mg, 岁, 年…) is passed without
// reading that context: only where its mention ends, and whether it is a
// Ratio, matter to the numbers after it.
func SizesAndPercentsInto(buf []Mention, text string) []Mention {
	loadTables()
	s := scanner{text: text, out: buf[:0], sizesOnly: true}
	return s.run()
}

func (s *scanner) run() []Mention {
	for i := s.skip(0); i < len(s.text); i = s.skip(i) {
		i = s.step(i)
	}
	return dropShadowedVague(s.out)
}

// SampleSizes returns only the Kind == SampleSize mentions (including Vague ones).
func SampleSizes(text string) []Mention {
	all := Find(text)
	n := 0
	for _, m := range all {
		if m.Kind == SampleSize {
			all[n] = m
			n++
		}
	}
	return all[:n:n]
}

// scanner holds the text, the mentions found and where the last one ended,
// which bounds how far left a later span may reach.
type scanner struct {
	text      string
	lastEnd   int
	lastRatio bool // the last mention is a Ratio (rateNumerator)
	sizesOnly bool // out keeps only SampleSize and Percent mentions
	out       []Mention
}

// step looks at position i and returns where to look next (always > i).
func (s *scanner) step(i int) int {
	t := s.text
	c := t[i]
	switch {
	case isDigit(c):
		var tok token
		skip, ok := s.arabic(i, &tok)
		if !ok {
			return skip
		}
		if !quietAfter(t, tok.end) { // most numbers: one test for the three readers
			s.scale(&tok)
			s.approxSuffix(&tok)
			s.rangeTo(&tok)
		}
		return s.finishUnit(i, &tok)
	case isLetter(c):
		return s.fromWord(i)
	case c < utf8.RuneSelf:
		return i + 1
	}
	r, size := utf8x.Rune3At(t, i) // a trigger: always three bytes
	if size == 0 {
		r, size = utf8x.RuneAt(t, i)
	}
	if !cjkTriggers.has(r) {
		return i + size // most Chinese characters start nothing
	}
	if next := s.fromCJK(i, r); next > i {
		return next
	}
	return i + size
}

// skip returns the first position from i where step might do more than
// move on: a digit, an English word that may be a trigger, a Chinese
// trigger. What it passes over, step would pass over one call at a time:
// other ASCII bytes a byte each, other words whole, and other bytes from
// 0x80 up (a rune that is no trigger, or the inside of one) a byte each;
// only the first byte of a trigger rune, which never lies inside another
// rune, is looked at closely. Runs of well-formed Chinese runes are passed
// two runes at a time (skipHan).
func (s *scanner) skip(i int) int {
	t := s.text
outer:
	for {
		// Most bytes start nothing: one table load each.
		for i < len(t) && skipClass[t[i]] == passByte {
			i++
		}
		if i >= len(t) {
			return i
		}
		switch c := t[i]; skipClass[c] {
		case leadByte:
			var trigger bool
			if i, trigger = skipHan(t, i); trigger {
				if !idleTrigger(t, i) {
					return i
				}
				i += 3
				continue
			}
			if i >= len(t) || skipClass[t[i]] != leadByte {
				continue
			}
			// A lead byte without two continuation bytes after it.
			c = t[i]
			if i+1 < len(t) && cjkTriggerPairs[c&0x0F]&(1<<(t[i+1]&0x3F)) != 0 {
				if r, _ := utf8x.RuneAt(t, i); cjkTriggers.has(r) {
					return i
				}
			}
			i++
		case digitByte:
			return i
		default: // a letter
			// Most words are shorter than eight letters and followed by
			// a space and the next word: one load from the word's start
			// holds the word, the byte after it and the next word's first
			// letter, so that the words whose shape is no trigger's (see
			// mayTrigger) are passed one after another in this loop.
			for {
				var e int
				if i+8 <= len(t) {
					w := swar.Load8(t[i : i+8])
					if other := swar.FirstNonLetter(w); other != 0 { // t[i] is a letter: its bit is 0
						// at is 8 × the word's length, from 8 to 56; the
						// counts are masked so that the shifts need no
						// test for 64.
						at := uint(mathbits.TrailingZeros64(other)) &^ 7
						if triggerShapes[w&31][w>>((at-8)&63)&31]&(1<<(at>>3&63)) == 0 {
							i += int(at >> 3)
							after := w >> (at & 63) // the bytes after the word
							if byte(after) != ' ' || skipClass[byte(after>>8)] != letterByte {
								continue outer
							}
							i++
							continue
						}
						e = i + int(at>>3)
					} else if i+16 <= len(t) {
						// Eight letters or more: most end in the next eight bytes.
						if other := swar.FirstNonLetter(swar.Load8(t[i+8 : i+16])); other != 0 {
							e = i + 8 + mathbits.TrailingZeros64(other)/8
						} else {
							e = letterRunEnd(t, i+16)
						}
					} else {
						e = letterRunEnd(t, i+8)
					}
				} else {
					e = letterRunEnd(t, i+1)
				}
				// A longer word, or one of a trigger's shape: asked in
				// full (mayTrigger, read from the word's bytes in t
				// without slicing it), then by its second letter ("this",
				// "those" and "study" have the shape of a trigger), and
				// "a" or "an" before a word that fromWord does not read
				// on into.
				if triggerShapes[t[i]&31][t[e-1]&31]&(1<<min(e-i, 63)) != 0 && (i == 0 || skipClass[t[i-1]] < digitByte) &&
					(e-i == 1 || triggerSeconds[t[i]&31]&(1<<(t[i+1]&31)) != 0) && !(e-i <= 2 && idleArticle(t, i, e)) {
					return i
				}
				i = e
				if i+1 >= len(t) || t[i] != ' ' || skipClass[t[i+1]] != letterByte {
					continue outer
				}
				i++
			}
		}
	}
}

// idleArticle reports an "a" or "an" at t[i:e] that fromWord passes over
// whole: the word after it (one space on) is neither a number word nor a
// vague adjective, the two it reads on into.
func idleArticle(t string, i, e int) bool {
	if lower(t[i]) != 'a' || e-i == 2 && lower(t[i+1]) != 'n' {
		return false
	}
	if e+1 >= len(t) || t[e] != ' ' {
		return true
	}
	w, _ := word(t, e+1)
	if w == "" || !mayTrigger(w) {
		return true
	}
	role, _ := enTriggerTable.get(w)
	return role&(roleNumWord|roleVagueAdj) == 0
}

// letterRunEnd returns the end of the run of ASCII letters from e, eight
// bytes at a time where there are eight.
func letterRunEnd(t string, e int) int {
	for e+8 <= len(t) {
		// The first byte that is not a letter ends the run.
		if other := swar.NonLetters(swar.Load8(t[e:])); other != 0 {
			return e + mathbits.TrailingZeros64(other)/8
		}
		e += 8
	}
	for e < len(t) && skipClass[t[e]] == letterByte {
		e++
	}
	return e
}

// skipHan passes over the well-formed three-byte runes from i on (as
// Chinese text is) that are no trigger, and returns the first position
// that is not such a rune's start, and whether a trigger starts there. It
// passes over what skip's byte loop would: a rune's continuation bytes are
// passBytes.
func skipHan(t string, i int) (int, bool) {
	// Two runes per eight-byte load, where there are eight: both of the
	// three-byte shape and neither a trigger (hanTrigger), or else each
	// tested in turn, so that the rune that ends the run is found in the
	// load.
	// The loop steps a suffix of t, whose length it tests, rather than
	// an index: no bounds checks.
	u := t[i:]
	for len(u) >= 8 {
		w := swar.Load8(u)
		if plainHanPair(w) {
			// Long runs: the next two runes from a second load.
			if len(u) >= 14 && plainHanPair(swar.Load8(u[6:])) {
				u = u[12:]
				continue
			}
			u = u[6:]
			continue
		}
		if w&runeMask != runeShape {
			if skipClass[byte(w)] == passByte {
				u = u[1:] // a comma, a space: Chinese runs go on after them
				continue
			}
			return len(t) - len(u), false
		}
		if hanTrigger(w) {
			return len(t) - len(u), true
		}
		if w>>24&runeMask != runeShape {
			u = u[3:]
			continue
		}
		if hanTrigger(w >> 24) {
			return len(t) - len(u) + 3, true
		}
		u = u[6:]
	}
	i = len(t) - len(u)
	// Then one rune at a time, which may be a trigger.
	for {
		if i+2 >= len(t) {
			return i, false
		}
		c0, c1, c2 := t[i], t[i+1], t[i+2]
		if c0&0xF0 != 0xE0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			return i, false
		}
		// Every trigger is a valid rune, so no overlong or surrogate
		// check is needed before the set is asked.
		if cjkTriggerPairs[c0&0x0F]&(1<<(c1&0x3F)) != 0 &&
			cjkTriggers.has(rune(c0&0x0F)<<12|rune(c1&0x3F)<<6|rune(c2&0x3F)) {
			return i, true
		}
		i += 3
	}
}

// idleTrigger reports a trigger rune at p from which fromCJK reads
// nothing, for the rune after it: 大, 成 and 上 start a mention only
// before 量, 规, 型 or 样 (大量, 大规模, 大型, 大样本: zhVague), 千 or 百
// (成千上万, 成百上千) and 百, 千, 万 or 亿 (上万: cjkLead), and are no
// numerals. A third of the triggers in Chinese text are one of the three,
// most of them in other words (以上, 完成, 大学). The numerals but 数
// are asked of idleNumeral.
func idleTrigger(t string, p int) bool {
	var next string
	if p+6 <= len(t) {
		next = t[p+3 : p+6]
	}
	switch t[p : p+3] {
	case "大":
		return next != "量" && next != "规" && next != "型" && next != "样"
	case "成":
		return next != "千" && next != "百"
	case "上":
		return next != "百" && next != "千" && next != "万" && next != "亿"
	case "数":
		return next != "以" && idleNumeral(t, p) // 数以万计: cjkLead reads on
	}
	return idleNumeral(t, p)
}

// idleNumeral reports a numeral at p (一, 两, 十, 几...) that step passes
// recording nothing: the rune after it is a well-formed three-byte rune
// (as Rune3At decodes it) that continues no numeral, starts none of the
// words quietAfter gates and no Chinese unit a numeral takes
// (busyAfterNumeral), so the numeral is a number of one rune with no
// unit; and no context list ends before it (contextBefore), which
// finishUnit asks before it gives up such a number. Most numerals in
// Chinese text are words of this kind: 一些, 一起, 一般, 三大.
func idleNumeral(t string, p int) bool {
	r, n := utf8x.Rune3At(t, p+3)
	if n == 0 || busyAfterNumeral.has(r) {
		return false
	}
	return pairBits(t, trimSpaceBack(t, p))&contextBits == 0
}

// busyAfterNumeral holds the runes after a numeral that something reads
// on from: the runes that continue a numeral (cjkNumberInto), the
// three-byte words of quietAfter (tailWords), ‰, and the first runes of
// the Chinese units a numeral may take (not arabicOnly). Filled by
// buildTriggers.
var busyAfterNumeral runeSet

// hanTrigger reports whether the three-byte rune in the low three bytes of
// w (lead byte first, of the shape 1110xxxx: the callers test it first) is
// in cjkTriggers: one load from hanTriggerEnds by its second and third
// bytes, and a test of the bit of its lead byte's low four bits, which are
// its low five (the bit read is w&31).
func hanTrigger(w uint64) bool {
	return uint32(hanTriggerEnds[w>>8&0x3F3F])&(1<<(w&31)) != 0
}

// plainHanPair reports that the low six bytes of w are two three-byte
// runes that are no trigger, by a test that may say false for some
// others too (skipHan then asks each rune): most pairs of second and
// third bytes end no trigger at all (their hanTriggerEnds entry is 0), so
// both runes' entries are tested at once and their lead bytes not asked.
func plainHanPair(w uint64) bool {
	return w&(runeMask<<24|runeMask) == runeShape<<24|runeShape && hanTriggerEnds[w>>8&0x3F3F]|hanTriggerEnds[w>>32&0x3F3F] == 0
}

// hanTriggerEnds has, at the low six bits of a trigger rune's second and
// third bytes (as they sit in a word, 0x3F3F), a bit for the low four bits
// of its lead byte. Every trigger's lead byte is 0xE4-0xE7, so eight bits
// hold them; a lead byte from 0xE8 on asks for a bit above them, which
// is 0.
var hanTriggerEnds [0x3F40]uint8 // filled by buildTriggers

// runeMask and runeShape test the first three bytes of a word (Load8)
// for a three-byte rune: a lead byte 1110xxxx, then two continuation
// bytes 10xxxxxx.
const (
	runeMask  = 0xC0C0F0
	runeShape = 0x8080E0
)

// The classes of bytes skip tells apart.
const (
	passByte   = iota // other ASCII, bytes from 0x80 up that lead no three-byte rune
	leadByte          // the lead byte of a three-byte rune (0xE0–0xEF): may start a Chinese trigger
	digitByte         // 0–9
	letterByte        // A–Z, a–z
)

var skipClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c&0xF0 == 0xE0:
			t[c] = leadByte
		case isDigit(byte(c)):
			t[c] = digitByte
		case isLetter(byte(c)):
			t[c] = letterByte
		}
	}
	return t
}()

// cjkTriggerPairs has, for each three-byte lead byte (low four bits), a bit
// for the low six bits of the second byte of each trigger rune: one load
// rules out nearly every other Chinese character.
var cjkTriggerPairs = func() (p [16]uint64) {
	for i, r := range cjkTriggerRunes {
		if utf8.RuneLen(r) != 3 {
			panic("numbers: a Chinese trigger that is not three bytes long")
		}
		p[cjkTriggerRunes[i]&0x0F] |= 1 << (cjkTriggerRunes[i+1] & 0x3F)
	}
	return p
}()

// runeSet is a set of runes of the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func (rs *runeSet) has(r rune) bool { return r < 0x10000 && rs[r/64]&(1<<(r%64)) != 0 }

// cjkTriggers are the runes fromCJK may start a mention at: 大 (大量,
// 大型), the words cjkLead reads (成千上万, 数以万计, 上万) and the numerals
// that open a number (零 and 〇 only continue one).
var cjkTriggers runeSet // filled by buildTriggers

const cjkTriggerRunes = "大数成上十百千万亿几一二两三四五六七八九"

// fromWord handles an English word: a number word, "a dozen",
// "thousands of", "a large study", or else skips the word.
func (s *scanner) fromWord(i int) int {
	t := s.text
	w, e := word(t, i)
	if i > 0 && isAlnum(t[i-1]) {
		return e
	}
	if !mayTrigger(w) { // most words: a table lookup
		return e
	}
	role, ok := enTriggerTable.get(w)
	if !ok {
		return e
	}
	// Each reader below starts by looking w up in its own list: the role
	// bits say which of them can read anything, and the others are not
	// asked.
	if role&roleVagueCount != 0 {
		if tok, ok := vagueCount(t, i); ok {
			return s.finish(i, &tok)
		}
	}
	if role&roleArticle != 0 {
		if e+1 < len(t) && t[e] == ' ' {
			var next uint8
			if w2, _ := word(t, e+1); w2 != "" && mayTrigger(w2) { // most words after "a": no hashing
				next, _ = enTriggerTable.get(w2)
			}
			if next&roleNumWord != 0 {
				if tok, ok := articleNumber(t, i); ok {
					return s.finish(i, &tok)
				}
			}
			if next&roleVagueAdj != 0 {
				if next := s.enVague(i, e+1); next > i {
					return next
				}
			}
		}
		return e
	}
	if role&roleVagueAdj != 0 {
		if next := s.enVague(i, i); next > i {
			return next
		}
	}
	if role&roleTwice != 0 {
		v, _ := enTwiceTable.get(w)
		return s.finish(i, &token{start: i, end: e, val: v, script: 'w', forced: Ratio, hasForced: true})
	}
	if role&roleNumWord != 0 {
		if end, v, ok := wordNumber(t, i); ok {
			tok := token{start: i, end: end, val: v, script: 'w'}
			if m, k := enMultiplier(t, end); m > 1 {
				tok.val, tok.end, tok.mult = v*m, k, true
			}
			return s.finish(i, &tok)
		}
	}
	return e
}

// enTriggers holds every word that can start a mention, so that other
// words cost one map lookup, with the lists it is in.
var enTriggers = map[string]uint8{"a": roleArticle, "an": roleArticle}

// The word lists as wordTables, made by buildTriggers: every word after
// a number is looked up in some of them.
var (
	enTriggerTable    *wordTable[uint8]
	enTwiceTable      *wordTable[float64]
	enNumWordTable    *wordTable[numWord]
	enVagueCountTable *wordTable[float64]
	enScaleTable      *wordTable[float64]
	enVagueAdjTable   *wordTable[bool]
	enVagueNounTable  *wordTable[bool]
)

// The lists a trigger word is in.
const (
	roleArticle    = 1 << iota // a, an
	roleNumWord                // enNumWords
	roleVagueCount             // enVagueCounts
	roleVagueAdj               // enVagueAdj
	roleTwice                  // enTwice
)

// buildTriggers fills cjkTriggers, enTriggers and triggerShapes (see loadTables).
func buildTriggers() {
	for _, r := range cjkTriggerRunes {
		cjkTriggers[r/64] |= 1 << (r % 64)
		b := string(r)
		if b[0] < 0xE0 || b[0] > 0xE7 {
			panic("numbers: a Chinese trigger whose lead byte hanTriggerEnds cannot hold")
		}
		hanTriggerEnds[uint16(b[1]&0x3F)|uint16(b[2]&0x3F)<<8] |= 1 << (b[0] & 0x0F)
	}
	for _, r := range zhNumeralText {
		zhNumeralRunes[r/64] |= 1 << (r % 64)
	}
	for _, r := range zhNumeralText + "‰" + strings.Join(tailWords, "") {
		busyAfterNumeral[r/64] |= 1 << (r % 64)
	}
	for _, u := range zhUnitList {
		if !u.arabicOnly {
			r, _ := utf8.DecodeRuneInString(u.s)
			busyAfterNumeral[r/64] |= 1 << (r % 64)
		}
	}
	for w := range enNumWords {
		enTriggers[w] |= roleNumWord
	}
	for w := range enVagueCounts {
		enTriggers[w] |= roleVagueCount
	}
	for w, ok := range enVagueAdj {
		if ok {
			enTriggers[w] |= roleVagueAdj
		}
	}
	for w := range enTwice {
		enTriggers[w] |= roleTwice
	}
	for w := range enTriggers {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue // fromWord looks up runs of letters only
		}
		triggerShapes[w[0]&31][w[len(w)-1]&31] |= 1 << min(len(w), 63)
		if len(w) > 1 {
			triggerSeconds[w[0]&31] |= 1 << (w[1] & 31)
		}
	}
	for _, w := range []string{"a", "an"} {
		if enTriggers[w] != roleArticle {
			panic("numbers: idleArticle reads " + w + " as an article only")
		}
	}
	enTriggerTable, enTwiceTable, enNumWordTable = newWordTable(enTriggers), newWordTable(enTwice), newWordTable(enNumWords)
	enVagueCountTable, enScaleTable = newWordTable(enVagueCounts), newWordTable(enScaleWords)
	enVagueAdjTable, enVagueNounTable = newWordTable(enVagueAdj), newWordTable(enVagueNoun)
}

// triggerSeconds has, for each first letter of the enTriggers words (its
// low five bits, as triggerShapes), a bit for each of their second
// letters.
var triggerSeconds [32]uint32

// triggerShapes has a bit for each length of the enTriggers words with a
// given first and last letter, so that most words are ruled out without
// hashing them (the map lookup was a tenth of the scan).
// A letter's row and column is its low five bits (a and A are 1, z and Z
// 26), which need no bounds check.
var triggerShapes [32][32]uint64

// mayTrigger reports whether w, a run of ASCII letters, may be in
// enTriggers: false means it is not.
func mayTrigger(w string) bool {
	return triggerShapes[w[0]&31][w[len(w)-1]&31]&(1<<min(len(w), 63)) != 0
}

// enTwice are single words that are ratios.
var enTwice = map[string]float64{"twice": 2, "thrice": 3, "twofold": 2, "threefold": 3,
	"fourfold": 4, "fivefold": 5, "sixfold": 6, "tenfold": 10, "hundredfold": 100}

// fromCJK handles a Chinese numeral or vague count at i; it returns i when
// nothing starts there.
func (s *scanner) fromCJK(i int, r rune) int {
	t := s.text
	if r == '大' {
		return s.zhVague(i)
	}
	if r == '数' && zhNumberWordBefore(t, i) {
		return i
	}
	var tok token
	ok := false
	switch r {
	case '成', '数', '上': // the words cjkLead reads open with one of these
		tok, ok = cjkLead(t, i, r)
	}
	if !ok && isZhNumeral(r) {
		var quiet bool
		var next rune
		if ok, quiet, next = loneDigit(t, i, r, &tok); quiet {
			// No suffix or range to read; the unit is read from next.
			var u unitHit
			s.unitAtRune(&tok, next, &u)
			return s.finishHit(i, &tok, &u)
		}
		ok = ok || cjkNumberInto(t, i, &tok)
	}
	if !ok {
		return i
	}
	return s.finish(i, &tok)
}

// loneDigit is cjkNumberInto for a digit 一-九 at i (the rune r) that no
// numeral rune follows, as after most of them (一项, 两组, 三个): the
// number is the digit, and the numeral's state is not built. quiet
// reports quietAfter(t, tok.end), told from the rune after the digit
// decoded here, so that finish need not decode it again.
// When quiet, next is that rune (three bytes, well formed).
func loneDigit(t string, i int, r rune, tok *token) (ok, quiet bool, next rune) {
	d := cjkDigit(r)
	if d <= 0 {
		return false, false, 0
	}
	next, n := utf8x.Rune3At(t, i+3)
	if n != 0 && zhNumeralRunes.has(next) {
		return false, false, 0
	}
	*tok = token{start: i, end: i + 3, script: 'c', val: float64(d)}
	return true, n != 0 && quietRune(next), next
}

// zhNumeralRunes are the runes cjkNumberInto reads: every one is three
// bytes long (a test checks). Filled by buildTriggers.
var zhNumeralRunes runeSet

// zhNumeralText holds the runes of zhNumeralRunes.
const zhNumeralText = "零〇一二两三四五六七八九几数十百千万亿"

// zhNumberWordBefore reports a 数 that ends a word (多数, 人数, 样本数)
// rather than meaning "several": a switch on the rune before, not a
// search of a string of them for its encoding.
func zhNumberWordBefore(t string, i int) bool {
	prev, _ := runeBefore(t, i)
	switch prev {
	case '多', '少', '无', '总', '人', '次', '例', '分', '位', '指', '函',
		'参', '系', '级', '倍', '半', '全', '大', '余', '变', '本', '量',
		'额', '据', '字', '目', '计', '算', '天', '年', '岁':
		return true
	}
	return false
}

// finish reads the rest of a number (suffixes, range, unit, context),
// emits a mention if it is one, and returns where scanning resumes.
func (s *scanner) finish(i int, tok *token) int {
	if !quietAfter(s.text, tok.end) {
		s.approxSuffix(tok)
		s.rangeTo(tok)
	}
	return s.finishUnit(i, tok)
}

// finishUnit is finish past the suffixes and the range: it reads the
// unit and the context.
func (s *scanner) finishUnit(i int, tok *token) int {
	var u unitHit
	s.unitAfter(tok, &u)
	return s.finishHit(i, tok, &u)
}

// finishHit is finishUnit past the unit, u: it reads the context.
func (s *scanner) finishHit(i int, tok *token, u *unitHit) int {
	if s.sizesOnly && neitherSizeNorPercent(tok, u) {
		// Of decide's mention, only its end and whether it is a Ratio
		// are read on: only a unit's Other after a rate mark (每, per)
		// is, not 年 (a Year, Age or Duration).
		return s.mark(max(tok.end, u.end), u.cls == ucPlain && u.kind == Other && s.rateBefore(tok.start))
	}
	if s.sizesOnly && u.cls == ucNone && tok.script != 'a' && !tok.hasForced && !s.contextBefore(tok.start) {
		// A numeral or number word with neither unit nor context: decide
		// gives it no mention (bareKind makes it a Year or Other), and
		// the proportion below reads only its start.
		if !tok.isRange {
			if m, ok := s.proportion(tok, &preCtx{start: tok.start}); ok {
				return s.emit(m)
			}
		}
		return max(tok.end, i+1)
	}
	pc := s.preContext(tok.start)
	if u.cls == ucNone && !tok.isRange {
		if m, ok := s.proportion(tok, &pc); ok {
			return s.emit(m)
		}
	}
	if m, ok := s.decide(tok, u, &pc); ok {
		return s.emit(m)
	}
	return max(tok.end, i+1)
}

// emit records m and returns its end. An end inside a malformed UTF-8
// sequence is moved to the next rune boundary.
func (s *scanner) emit(m Mention) int {
	m.End = s.mark(m.End, m.Kind == Ratio)
	if !s.sizesOnly || m.Kind == SampleSize || m.Kind == Percent {
		s.out = append(s.out, m)
	}
	return m.End
}

// mark notes a mention ending at end (moved to a rune boundary, which it
// returns), a Ratio or not, as the last one.
func (s *scanner) mark(end int, ratio bool) int {
	t := s.text
	for end < len(t) && !utf8.RuneStart(t[end]) {
		end++
	}
	s.lastEnd, s.lastRatio = end, ratio
	return end
}

// neitherSizeNorPercent reports a number that decide makes a mention of
// another kind whatever the context before it, ending where the number or
// its unit ends: 年, or a unit that fixes Dose, Age, Duration, Year or
// Money (context only makes these Age, Money or Other) or Other (context
// may make it Money, Year or Ratio). A forced kind ("twice", a Ratio) and
// a counted noun (a Year ends before it) are left to decide.
func neitherSizeNorPercent(tok *token, u *unitHit) bool {
	if tok.hasForced || u.noun != nNone {
		return false
	}
	switch u.cls {
	case ucYear:
		return true
	case ucPlain:
		switch u.kind {
		case Dose, Age, Duration, Year, Money, Other:
			return true
		}
	}
	return false
}

// proportion reads "1 in 10", "one in five", "3 out of 10" as a percentage.
func (s *scanner) proportion(tok *token, pc *preCtx) (Mention, bool) {
	t := s.text
	if tok.script == 'c' {
		return Mention{}, false
	}
	j := tok.end
	if j >= len(t) || t[j] != ' ' {
		return Mention{}, false // both separators start with a space
	}
	for _, sep := range []string{" in ", " out of "} {
		if !wordAt(t, j, sep) {
			continue
		}
		k := j + len(sep)
		var den token
		ok := false
		if k < len(t) && isDigit(t[k]) {
			den, ok = readArabic(t, k), true
		} else if end, v, good := wordNumber(t, k); good {
			den, ok = token{end: end, val: v}, true
		}
		if !ok || den.val <= tok.val || den.val == 0 {
			return Mention{}, false
		}
		return Mention{Start: pc.start, End: den.end, Value: 100 * tok.val / den.val,
			Approx: tok.approx || pc.approx, Kind: Percent}, true
	}
	return Mention{}, false
}

// dropShadowedVague removes size-less vague mentions ("a large study")
// when the same text gives a real sample size.
func dropShadowedVague(ms []Mention) []Mention {
	sized := false
	for _, m := range ms {
		if m.Kind == SampleSize && !m.Vague {
			sized = true
			break
		}
	}
	if !sized {
		return ms
	}
	n := 0
	for _, m := range ms {
		if m.Kind == SampleSize && m.Vague && m.Value == 0 {
			continue
		}
		ms[n] = m
		n++
	}
	return ms[:n]
}
