package numbers

import (
	"strings"

	"github.com/hypelint/hypelint/lint/internal/utf8x"
)

// token is a number as written, before its unit and context are read.
type token struct {
	start, end int
	val        float64
	digits     int  // digits before any separator or decimal point
	script     byte // 'a' digits, 'c' Chinese numerals, 'w' English words
	plain      bool // bare digits: no separator, decimal or multiplier
	seq        bool // Chinese digit-by-digit, 二〇二三
	mult       bool // scaled by 千/万/亿/thousand/million
	approx     bool // 多, 余, 十几, 1,000+
	vague      bool // 数千, 上万, thousands of
	isRange    bool
	forced     Kind // twice → Ratio
	hasForced  bool
	unscaled   float64 // value before a multiplier, set for range upper bounds
}

// arabic reads the digits at i into tok. When they belong to an
// identifier (DOI, phone number, version, "covid-19") ok is false and skip
// is where the scan resumes, past the whole identifier.
func (s *scanner) arabic(i int, tok *token) (skip int, ok bool) {
	t := s.text
	if identBefore(t, i) {
		return asciiRunEnd(t, i), false
	}
	readArabicInto(t, i, tok)
	// A phone number has a second group, which its first (the digits
	// readArabic read first) runs on to by '-', ' ' or ')': after most
	// numbers none follows, and the chain is not read.
	if e := i + tok.digits; e < len(t) && (t[e] == '-' || t[e] == ' ' || t[e] == ')') {
		if end, phone := phoneEnd(t, i); phone {
			return end, false
		}
	}
	if identAfter(t, tok) {
		return asciiRunEnd(t, i), false
	}
	return 0, true
}

// readArabic reads digits with ',' or space thousands groups and a decimal part.
func readArabic(t string, i int) token {
	var tok token
	readArabicInto(t, i, &tok)
	return tok
}

// readArabicInto is readArabic filling tok in place (a token is too large
// to copy back on every digit stop).
func readArabicInto(t string, i int, tok *token) {
	*tok = token{start: i, script: 'a', plain: true}
	j := i
	for j < len(t) && isDigit(t[j]) {
		tok.val = tok.val*10 + float64(t[j]-'0')
		j++
	}
	tok.digits = j - i
	if tok.digits <= 3 && j < len(t) && (t[j] == ',' || t[j] == ' ') { // a group's separator follows
		if k, v, g := readGroups(t, j, ',', tok.val); g > 0 {
			j, tok.val, tok.plain = k, v, false
		} else if k, v, g := readGroups(t, j, ' ', tok.val); g > 0 && spaceGroupsOK(t, k, tok.digits, g) {
			j, tok.val, tok.plain = k, v, false
		}
	}
	if j+1 < len(t) && t[j] == '.' && isDigit(t[j+1]) {
		tok.plain = false
		frac, scale := 0.0, 1.0
		for j++; j < len(t) && isDigit(t[j]); j++ {
			frac, scale = frac*10+float64(t[j]-'0'), scale*10
		}
		tok.val += frac / scale
	}
	tok.end = j
}

// readGroups reads sep-separated groups of exactly three digits.
func readGroups(t string, j int, sep byte, val float64) (int, float64, int) {
	g := 0
	for j+3 < len(t) && t[j] == sep && isDigit(t[j+1]) && isDigit(t[j+2]) && isDigit(t[j+3]) &&
		(j+4 == len(t) || !isDigit(t[j+4])) {
		val = val*1000 + float64(t[j+1]-'0')*100 + float64(t[j+2]-'0')*10 + float64(t[j+3]-'0')
		j += 4
		g++
	}
	return j, val, g
}

// spaceGroupsOK accepts "14 585" and "1 000 000" but not "3 120" (SI style
// leaves four-digit numbers ungrouped) nor a run that goes on with more
// digits, which is more likely two numbers or a phone number.
func spaceGroupsOK(t string, end, lead, groups int) bool {
	if lead == 1 && groups == 1 {
		return false
	}
	return !(end+1 < len(t) && t[end] == ' ' && isDigit(t[end+1]))
}

// identBefore reports digits glued to a preceding identifier: "h1n1",
// "covid-19", "v2", "ver.3", or the tail of a chain such as "2019-12-01".
func identBefore(t string, i int) bool {
	if i == 0 {
		return false
	}
	b := t[i-1]
	if isLetter(b) {
		return true
	}
	switch b {
	case '-', '_', '.', '/', ':':
		return i >= 2 && isAlnum(t[i-2])
	}
	return false
}

// identAfter reports digits that continue into an identifier: a leading
// zero (phone codes), a long bare run (IDs), or a dot, slash, colon or
// underscore leading on ("1.2.3", "10.1038/…", "1/3", "8:30").
func identAfter(t string, tok *token) bool {
	i, j := tok.start, tok.end
	if t[i] == '0' && tok.digits > 1 {
		return true
	}
	if tok.plain && tok.digits >= 8 {
		return true
	}
	if j+1 < len(t) {
		switch t[j] {
		case '.', ':':
			return isDigit(t[j+1])
		case '/', '_':
			return isAlnum(t[j+1])
		}
	}
	if j < len(t) && isLetter(t[j]) {
		return !gluedUnitOK(t, j)
	}
	return false
}

// gluedUnitOK accepts letters glued to digits that make a unit or an
// ordinal ("450mg", "8h", "1st", "60s", "10k"); anything else ("3d", "4o")
// is part of a name.
func gluedUnitOK(t string, j int) bool {
	w, _ := word(t, j)
	if _, ok := enUnitTable.get(w); ok {
		return true
	}
	switch strings.ToLower(w) {
	case "k", "bn":
		return true
	}
	return false
}

// digitChain describes digit groups joined by single '-' or ' ':
// "400-820-8820", "138 0013 8000", "(480) 555-0142".
type digitChain struct {
	end, groups, digits, first int
	dash, odd                  bool // a dash seen; a later group not of three digits
}

// readChain reads the digit groups starting at i.
func readChain(t string, i int, paren bool) digitChain {
	c := digitChain{end: i}
	for {
		g := c.end
		for c.end < len(t) && isDigit(t[c.end]) {
			c.end++
		}
		n := c.end - g
		if c.groups == 0 {
			c.first = n
		} else if n != 3 {
			c.odd = true
		}
		c.groups++
		c.digits += n
		j := c.end
		switch {
		case j+1 < len(t) && (t[j] == '-' || t[j] == ' ') && isDigit(t[j+1]):
			c.dash = c.dash || t[j] == '-'
			c.end++
		case c.groups == 1 && paren && j+2 < len(t) && t[j] == ')' && t[j+1] == ' ' && isDigit(t[j+2]):
			c.end += 2
		default:
			return c
		}
	}
}

// phoneEnd recognises a phone number starting at i: after '+', with a
// leading zero, with an area code in parentheses, or as three or more
// groups with dashes or odd group sizes ("400-820-8820", "138 0013 8000").
// Thousands groups ("1 000 000") and ranges ("1000-2000") are not phones.
func phoneEnd(t string, i int) (int, bool) {
	paren := i > 0 && t[i-1] == '('
	c := readChain(t, i, paren)
	switch {
	case c.digits < 7 || c.groups == 1:
		return 0, false
	case i > 0 && t[i-1] == '+', t[i] == '0' && c.first > 1, paren && c.digits >= 9 && c.dash:
	case c.groups >= 3 && c.digits >= 9 && (c.dash || c.odd):
	case c.groups == 2 && c.dash && c.first >= 3 && c.digits-c.first >= 7:
	default:
		return 0, false
	}
	return c.end, true
}

// zhMultiplier reads 百/千/万/亿 after digits (1.2万, 3千万). 千克 and
// 千米 are units, not thousands; 百分点 is a unit too.
// The four are three bytes each, compared as bytes: nothing is decoded
// after most numbers, and the rune after only after 百 and 千.
func zhMultiplier(t string, j int) (float64, int) {
	m := 1.0
	for j+3 <= len(t) {
		switch t[j : j+3] {
		case "百":
			if next, _ := runeAt(t, j+3); next == '分' {
				return m, j
			}
			m *= 100
		case "千":
			if next, _ := runeAt(t, j+3); strings.ContainsRune("克米卡瓦焦帕伏", next) {
				return m, j
			}
			m *= 1000
		case "万":
			m *= 1e4
		case "亿":
			m *= 1e8
		default:
			return m, j
		}
		j += 3
	}
	return m, j
}

// enMultiplier reads "million", "thousand"… after a space, or a glued k.
func enMultiplier(t string, j int) (float64, int) {
	if j < len(t) && lower(t[j]) == 'k' && (j+1 == len(t) || !isLetter(t[j+1])) {
		return 1e3, j + 1
	}
	if j+2 < len(t) && lower(t[j]) == 'b' && lower(t[j+1]) == 'n' && !isLetter(t[j+2]) {
		return 1e9, j + 2
	}
	k := skipSpace(t, j)
	if k == j {
		return 1, j // no space: no scale word (most digits, before a Chinese unit)
	}
	w, e := word(t, k)
	if v, ok := enScaleTable.get(w); ok {
		return v, e
	}
	return 1, j
}

var enScaleWords = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// quietAfter reports that none of scale, approxSuffix and rangeTo reads
// anything at j, where a number ends: the byte there starts none of the
// words they read (after most numbers: a unit, a '%', punctuation), so
// they are not called. Their three-byte words are told apart by the rune.
func quietAfter(t string, j int) bool {
	if j >= len(t) {
		return true
	}
	switch tailFirst[t[j]] {
	case tailQuiet:
		return true
	case tailASCII:
		return false
	}
	r, n := utf8x.Rune3At(t, j)
	if n == 0 {
		return true // none of the words: each is a well-formed three-byte rune
	}
	return quietRune(r)
}

// quietRune is quietAfter before the well-formed three-byte rune r.
func quietRune(r rune) bool {
	switch r {
	case '多', '余', '来', '百', '千', '万', '亿', '至', '到', '–', '—', '〜':
		return false
	}
	return true
}

// The classes of the byte at the end of a number that quietAfter tells
// apart.
const (
	tailQuiet = iota // starts none of the tail words
	tailASCII        // ' ', '+', '-', '~', k, b, t: may start one
	tailLead         // the lead byte of one of the three-byte words
)

// tailWords are the three-byte words scale, approxSuffix and rangeSep
// read (quietAfter's switch, which a test compares with them).
var tailWords = []string{"多", "余", "来", "百", "千", "万", "亿", "至", "到", "–", "—", "〜"}

var tailFirst = func() (c [256]uint8) {
	for _, b := range []byte(" +-~kKbBtT") {
		c[b] = tailASCII
	}
	for _, w := range tailWords {
		c[w[0]] = tailLead
	}
	return c
}()

// scale applies a multiplier after digits; 多/余 may sit before it (100多万).
func (s *scanner) scale(tok *token) {
	t := s.text
	j, approx := tok.end, false
	if r, size := runeAt(t, j); r == '多' || r == '余' {
		j, approx = j+size, true
	}
	if m, k := zhMultiplier(t, j); m > 1 {
		tok.val, tok.end, tok.mult, tok.plain = tok.val*m, k, true, false
		tok.approx = tok.approx || approx
		return
	}
	if m, k := enMultiplier(t, tok.end); m > 1 {
		tok.val, tok.end, tok.mult, tok.plain = tok.val*m, k, true, false
	}
}

// approxSuffix reads 多/余/来 before a unit (一千多名, 十来个) and "+",
// "-plus", "-odd", "or more", "or so" after English numbers.
func (s *scanner) approxSuffix(tok *token) {
	t := s.text
	j := tok.end
	// 多, 余 and 来 begin with 0xE4–0xE6: other bytes are not compared.
	// Three bytes equal to a rune's are that rune: nothing is decoded.
	if j+3 <= len(t) && t[j]-0xE4 <= 2 {
		if c := t[j : j+3]; c == "多" || c == "余" || c == "来" {
			if _, ok := s.zhUnitStart(t, j+3); ok {
				tok.end, tok.approx = j+3, true
			}
			return
		}
	}
	if j < len(t) && t[j] == '+' && (j+1 == len(t) || !isDigit(t[j+1])) {
		tok.end, tok.approx = j+1, true
		return
	}
	if j+1 >= len(t) || t[j] != '-' && t[j] != ' ' {
		return // the suffixes below start with '-' or ' ' and go on
	}
	// The second byte tells the suffixes that may follow.
	sufs := []string{"-plus", "-odd", " or more", " or so"}
	switch lower(t[j+1]) {
	case 'p':
		sufs = sufs[:1]
	case 'o':
		sufs = sufs[1:]
	default:
		return
	}
	for _, suf := range sufs {
		if wordAt(t, j, suf) {
			tok.end, tok.approx = j+len(suf), true
			return
		}
	}
}

// zhUnitStart reports whether a Chinese unit or classifier starts at j.
func (s *scanner) zhUnitStart(t string, j int) (zhUnit, bool) {
	r, size := runeAt(t, j)
	for _, u := range zhUnitsOf(r) {
		if entryAt(t, j, u.s, size) {
			return u, true
		}
	}
	return zhUnit{}, false
}

// rangeSep reads a range separator: - ~ – — 〜 至 到, or "to" in English.
func rangeSep(t string, j int, script byte) (int, bool) {
	if j >= len(t) || !rangeSepFirst.has(t[j]) {
		return j, false // most numbers: what follows starts no separator
	}
	// The separators' first bytes tell them apart: 0xE5 and 0xE8 lead many
	// Chinese characters, and only 到 and 至 are compared.
	var sep string
	switch t[j] {
	case '-':
		sep = "-"
	case '~':
		sep = "~"
	case 0xE2:
		sep = "–"
		if strings.HasPrefix(t[j:], "—") {
			sep = "—"
		}
	case 0xE3:
		sep = "〜"
	case 0xE8:
		sep = "至"
	case 0xE5:
		sep = "到"
	}
	if sep != "" && strings.HasPrefix(t[j:], sep) {
		return j + len(sep), true
	}
	if script != 'c' && wordAt(t, j, "to") {
		return j + 2, true
	}
	return j, false
}

var (
	rangeSeps     = []string{"-", "~", "–", "—", "〜", "至", "到"}
	rangeSepFirst = newByteSet(append([]string{"to", "TO", "To", "tO"}, rangeSeps...)...)
)

// rangeTo extends tok over a second number: 50~103岁, 2019-2021, 40 to 69.
// The value stays the lower bound; a descending pair is not a range.
func (s *scanner) rangeTo(tok *token) {
	t := s.text
	j, ok := rangeSep(t, skipSpace(t, tok.end), tok.script)
	if !ok {
		return
	}
	j = skipSpace(t, j)
	sec, ok := s.second(j, tok.script)
	if !ok {
		return
	}
	if sec.mult && !tok.mult && tok.val < sec.val {
		tok.val *= sec.val / sec.rawVal()
		tok.mult = true
	}
	if sec.val < tok.val {
		return
	}
	tok.end, tok.isRange = sec.end, true
	tok.approx = tok.approx || sec.approx
	tok.vague = tok.vague || sec.vague
}

// rawVal is the value before the multiplier, for 10-15万.
func (tok token) rawVal() float64 {
	if tok.unscaled > 0 {
		return tok.unscaled
	}
	return tok.val
}

// second parses the upper bound of a range in the same script.
func (s *scanner) second(j int, script byte) (token, bool) {
	t := s.text
	if j >= len(t) {
		return token{}, false
	}
	switch script {
	case 'a':
		if !isDigit(t[j]) {
			return token{}, false
		}
		sec := readArabic(t, j)
		if identAfter(t, &sec) {
			return token{}, false
		}
		sec.unscaled = sec.val
		s.scale(&sec)
		s.approxSuffix(&sec)
		return sec, true
	case 'c':
		r, _ := runeAt(t, j)
		if !isZhNumeral(r) {
			return token{}, false
		}
		sec, ok := cjkNumber(t, j)
		if ok {
			s.approxSuffix(&sec)
		}
		return sec, ok
	case 'w':
		end, v, ok := wordNumber(t, j)
		return token{start: j, end: end, val: v, script: 'w'}, ok
	}
	return token{}, false
}
