package numbers

import (
	"strings"

	"github.com/hypelint/hypelint/lint/internal/utf8x"
)

// Chinese numerals.

// cjkDigit returns the value of a Chinese digit, or -1.
func cjkDigit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// isZhNumeral reports a rune that can start a Chinese number.
func isZhNumeral(r rune) bool {
	switch r {
	case '十', '百', '千', '万', '亿', '几', '数':
		return true
	}
	return cjkDigit(r) > 0
}

// cjkState accumulates a Chinese numeral: total holds 万/亿 groups,
// section the part below 万, num the pending digit.
type cjkState struct {
	total, section, num float64
	seq                 float64 // digit-by-digit value, 二〇二三
	seqLen, units       int
	lastUnit            float64 // the last of 十百千万亿 seen
	sinceUnit           int     // digits after lastUnit
	big                 bool    // 千, 万 or 亿 seen
	vague, approx       bool
}

// cjkNumber parses 一千二百, 两万, 十二, 三千多 (多 is left for the
// caller), 数千, 十几, 二〇二三 and the colloquial 一万二 (12000).
func cjkNumber(t string, i int) (token, bool) {
	var tok token
	ok := cjkNumberInto(t, i, &tok)
	return tok, ok
}

// cjkNumberInto is cjkNumber reading into tok, which it fills whole when
// it reports true (the scan's numerals: no token copied back).
func cjkNumberInto(t string, i int, tok *token) bool {
	var st cjkState
	j := i
	for j < len(t) {
		r, size := utf8x.Rune3At(t, j) // numerals: decoded inline
		if size == 0 {
			r, size = runeAt(t, j)
		}
		if !st.add(t, j, size, r, j == i) {
			break
		}
		j += size
	}
	if j == i {
		return false
	}
	*tok = token{start: i, end: j, script: 'c', val: st.value(), mult: st.big,
		vague: st.vague, approx: st.approx}
	switch {
	case st.units == 0 && st.seqLen >= 3: // 二〇二三
		tok.val, tok.seq = st.seq, true
	case st.units == 0 && st.seqLen == 2: // 两三年, 三四个: two or three
		tok.val, tok.approx = float64(int(st.seq)/10), true
	}
	return true
}

// add consumes one rune; it returns false at the first rune that is not
// part of the number.
func (st *cjkState) add(t string, j, size int, r rune, lead bool) bool {
	switch d := cjkDigit(r); {
	case d >= 0:
		if lead && d == 0 {
			return false
		}
		st.num = float64(d)
		st.seq, st.seqLen = st.seq*10+float64(d), st.seqLen+1
		st.sinceUnit++
	case r == '几' || r == '数':
		if lead { // 几十, 数千: a vague count, lower bound 2
			st.vague, st.num = true, 2
		} else { // 十几: roughly ten
			st.approx, st.num = true, 0
		}
		st.sinceUnit = 2 // not a colloquial trailing digit
	case r == '十' || r == '百' || r == '千':
		next, _ := runeAt(t, j+size)
		if r == '千' && strings.ContainsRune("克米卡瓦焦帕伏", next) {
			return false // 千克, 千米: units, not thousands
		}
		st.small(r)
	case r == '万' || r == '亿':
		st.large(r)
	default:
		return false
	}
	return true
}

// small adds 十, 百 or 千 to the section below 万.
func (st *cjkState) small(r rune) {
	u := 10.0
	if r == '百' {
		u = 100
	} else if r == '千' {
		u = 1000
	}
	if st.num == 0 && !st.vague && st.sinceUnit == 0 { // 十二, 百余: an implied 一
		st.num = 1
	}
	st.section += st.num * u
	st.unit(u, r == '千')
}

// large closes the section with 万 or 亿: 三千万, 一亿二千万.
func (st *cjkState) large(r rune) {
	st.section += st.num
	if st.section == 0 {
		st.section = 1
	}
	if r == '亿' {
		st.total = (st.total + st.section) * 1e8
		st.unit(1e8, true)
	} else {
		st.total += st.section * 1e4
		st.unit(1e4, true)
	}
	st.section = 0
}

// unit records a 十/百/千/万/亿 just consumed.
func (st *cjkState) unit(u float64, big bool) {
	st.num, st.lastUnit, st.sinceUnit = 0, u, 0
	st.units++
	st.seq, st.seqLen = 0, 0
	st.big = st.big || big
}

// value totals the numeral; a single digit right after 百/千/万/亿 is the
// next place down (一千二 = 1200, 两万五 = 25000).
func (st *cjkState) value() float64 {
	num := st.num
	if st.sinceUnit == 1 && st.lastUnit >= 100 {
		num *= st.lastUnit / 10
	}
	return st.total + st.section + num
}

// cjkLead parses numbers that open with a word rather than a numeral:
// 成千上万, 数以万计, 上万, 上千. All are vague.
func cjkLead(t string, i int, r rune) (token, bool) {
	switch r {
	case '成':
		for _, p := range []struct {
			s string
			v float64
		}{{"成千上万", 1000}, {"成百上千", 100}, {"成千上百", 100}} {
			if strings.HasPrefix(t[i:], p.s) {
				return token{start: i, end: i + len(p.s), val: p.v, script: 'c', vague: true, mult: true}, true
			}
		}
	case '数':
		if strings.HasPrefix(t[i:], "数以") {
			tok, ok := cjkNumber(t, i+len("数以"))
			if ok && strings.HasPrefix(t[tok.end:], "计") {
				return token{start: i, end: tok.end + len("计"), val: tok.val, script: 'c', vague: true, mult: tok.mult}, true
			}
		}
	case '上':
		next, _ := runeAt(t, i+len("上"))
		switch next {
		case '百', '千', '万', '亿':
		default:
			return token{}, false
		}
		if prev, _ := runeBefore(t, i); prev == '以' {
			return token{}, false
		}
		tok, ok := cjkNumber(t, i+len("上"))
		tok.start, tok.vague = i, true
		return tok, ok
	}
	return token{}, false
}

// English number words.

type numWordKind uint8

const (
	wOnes numWordKind = iota + 1
	wTens
	wHundred
	wBig
	wDozen
)

type numWord struct {
	v    float64
	kind numWordKind
}

var enNumWords = map[string]numWord{
	"one": {1, wOnes}, "two": {2, wOnes}, "three": {3, wOnes}, "four": {4, wOnes}, "five": {5, wOnes},
	"six": {6, wOnes}, "seven": {7, wOnes}, "eight": {8, wOnes}, "nine": {9, wOnes}, "ten": {10, wOnes},
	"eleven": {11, wOnes}, "twelve": {12, wOnes}, "thirteen": {13, wOnes}, "fourteen": {14, wOnes},
	"fifteen": {15, wOnes}, "sixteen": {16, wOnes}, "seventeen": {17, wOnes}, "eighteen": {18, wOnes},
	"nineteen": {19, wOnes}, "twenty": {20, wTens}, "thirty": {30, wTens}, "forty": {40, wTens},
	"fifty": {50, wTens}, "sixty": {60, wTens}, "seventy": {70, wTens}, "eighty": {80, wTens},
	"ninety": {90, wTens}, "hundred": {100, wHundred}, "thousand": {1e3, wBig}, "million": {1e6, wBig},
	"billion": {1e9, wBig}, "dozen": {12, wDozen},
}

// enVagueCounts are plural counts that imply a size: "thousands of people".
// The value is the lower bound, two of the unit.
var enVagueCounts = map[string]float64{"dozens": 24, "hundreds": 200, "thousands": 2000,
	"millions": 2e6, "billions": 2e9, "scores": 40, "tens": 20}

// wordNumber parses "twenty-four", "one hundred and twenty", "two dozen",
// "1 thousand" is handled by enMultiplier instead.
func wordNumber(t string, i int) (end int, val float64, ok bool) {
	var total, cur float64
	var last numWordKind
	end = i
	for j := i; ; {
		w, e := word(t, j)
		nw, isNum := enNumWordTable.get(w)
		if !isNum || !wordFollows(last, nw.kind) {
			if w == "and" && (last == wHundred || last == wBig) {
				if e < len(t) && t[e] == ' ' { // "and" may end the text: read on only after a space
					if _, e2 := word(t, e+1); e2 > e+1 {
						if nx, ok := enNumWordTable.get(t[e+1 : e2]); ok && nx.kind <= wTens {
							j = e + 1
							continue
						}
					}
				}
			}
			break
		}
		switch nw.kind {
		case wOnes, wTens:
			cur += nw.v
		case wHundred:
			cur *= 100
		case wDozen:
			cur *= 12
		case wBig:
			total, cur = total+cur*nw.v, 0
		}
		last, end, ok = nw.kind, e, true
		if e+1 < len(t) && (t[e] == ' ' || t[e] == '-') && isLetter(t[e+1]) {
			j = e + 1
			continue
		}
		break
	}
	return end, total + cur, ok
}

// wordFollows says whether a number word of kind k may follow one of kind last.
func wordFollows(last, k numWordKind) bool {
	switch k {
	case wOnes:
		return last == 0 || last == wTens || last == wHundred || last == wBig
	case wTens:
		return last == 0 || last == wHundred || last == wBig
	case wHundred, wDozen:
		return last == wOnes || last == wTens
	case wBig:
		return last != 0 && last != wBig
	}
	return false
}

// articleNumber parses "a dozen", "a hundred", "a thousand", "a million".
func articleNumber(t string, i int) (token, bool) {
	_, e := word(t, i)
	if e >= len(t) || t[e] != ' ' {
		return token{}, false
	}
	w, e2 := word(t, e+1)
	nw, ok := enNumWordTable.get(w)
	if !ok || (nw.kind != wHundred && nw.kind != wBig && nw.kind != wDozen) {
		return token{}, false
	}
	return token{start: i, end: e2, val: nw.v, script: 'w', mult: nw.kind == wBig}, true
}

// vagueCount parses "thousands of", "tens of thousands of", "hundreds of
// thousands of", "dozens of". The token ends after the last "of".
func vagueCount(t string, i int) (token, bool) {
	w, e := word(t, i)
	v, ok := enVagueCountTable.get(w)
	if !ok || !wordAt(t, e, " of ") {
		return token{}, false
	}
	e += len(" of")
	if w2, e2 := word(t, e+1); (w == "tens" || w == "hundreds") && wordAt(t, e2, " of ") {
		switch strings.ToLower(w2) {
		case "thousands":
			v, e = v*1000, e2+len(" of")
		case "millions":
			v, e = v*1e6, e2+len(" of")
		}
	}
	if w == "tens" && v == 20 {
		return token{}, false // "tens of" alone is not a count we trust
	}
	return token{start: i, end: e, val: v, script: 'w', vague: true, mult: true}, true
}
