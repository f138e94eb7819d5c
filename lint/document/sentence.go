package document

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits a block's text into sentences. Line breaks do not end a
// sentence (text pasted from PDFs wraps mid-sentence); Chinese and ASCII
// terminators do, and an English full stop does unless it belongs to an
// abbreviation, an initial or a number. Table cells are sentences of their own.
func Sentences(text string, kind Kind) []Span {
	return appendSentences(nil, text, kind)
}

// appendSentences appends the sentences of text to out.
func appendSentences(out []Span, text string, kind Kind) []Span {
	start := 0
	add := func(end int) {
		if s, ok := trimSpan(text, start, end); ok {
			out = append(out, s)
		}
		start = end
	}
	inTitle := false // inside 《…》: a headline quoted by its title marks is one sentence of the text
	for i := 0; ; {
		// Step to the next byte of sentenceStop: eight bytes a test,
		// looked up and ORed together without a branch (ASCII and Chinese
		// text alike, and text mixing them, run tens of bytes between
		// such bytes). Each position has its own bit, so the lowest bit
		// set is the first stop of the eight. Four words a step while no
		// stop comes (the loop's own steps cost as much as a word's
		// look-ups), then one, then bytes.
		for ; i+32 <= len(text); i += 32 {
			s, t := text[i:i+32], stopTables
			if m := t[0][s[0]] | t[1][s[1]] | t[2][s[2]] | t[3][s[3]] |
				t[4][s[4]] | t[5][s[5]] | t[6][s[6]] | t[7][s[7]]; m != 0 {
				i += bits.TrailingZeros32(m)
				goto found
			}
			if m := t[0][s[8]] | t[1][s[9]] | t[2][s[10]] | t[3][s[11]] |
				t[4][s[12]] | t[5][s[13]] | t[6][s[14]] | t[7][s[15]]; m != 0 {
				i += 8 + bits.TrailingZeros32(m)
				goto found
			}
			if m := t[0][s[16]] | t[1][s[17]] | t[2][s[18]] | t[3][s[19]] |
				t[4][s[20]] | t[5][s[21]] | t[6][s[22]] | t[7][s[23]]; m != 0 {
				i += 16 + bits.TrailingZeros32(m)
				goto found
			}
			if m := t[0][s[24]] | t[1][s[25]] | t[2][s[26]] | t[3][s[27]] |
				t[4][s[28]] | t[5][s[29]] | t[6][s[30]] | t[7][s[31]]; m != 0 {
				i += 24 + bits.TrailingZeros32(m)
				goto found
			}
		}
		for ; i+8 <= len(text); i += 8 {
			s, t := text[i:i+8], stopTables
			if m := t[0][s[0]] | t[1][s[1]] | t[2][s[2]] | t[3][s[3]] |
				t[4][s[4]] | t[5][s[5]] | t[6][s[6]] | t[7][s[7]]; m != 0 {
				i += bits.TrailingZeros32(m)
				goto found
			}
		}
		for i < len(text) && sentenceStop[text[i]] == 0 {
			i++
		}
	found:
		if i == len(text) {
			break
		}
		c := text[i]
		var r rune
		var n int
		if c >= 0xE0 && c < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			// A three-byte character other than the marks below (the
			// commas and quotes of Chinese text). An ill-formed sequence
			// (overlong, surrogate) decodes to three errors, none of them
			// a mark, so it is stepped over too (which is why this is not
			// utf8x.Rune3At, which leaves those to utf8). A mark is
			// well formed (its bits name it only in its own encoding), so
			// it needs no decoding.
			r, n = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
			if !wideMark(r) {
				i += 3
				continue
			}
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		next := i + n
		switch r {
		case '《':
			inTitle = titleCloses(text[next:])
		case '》', '\n':
			inTitle = false
		}
		switch {
		case kind == TableRow && r == '|':
			add(i)
			start = next
		case inTitle && r != '\n':
			// 一篇题为《吃它一个月，年轻20岁！哈佛都在研究的神药》的文章: the ！ is the title's
		case isTerminator(r):
			add(closeRun(text, next))
			next = start
		case r == '.' && fullStop(text, i):
			add(closeRun(text, next))
			next = start
		}
		i = next
	}
	add(len(text))
	return out
}

// sentenceStop marks the bytes where the loop of appendSentences must look:
// the ASCII marks (terminators, the full stop, line breaks, table cell
// bars) and the lead bytes of wideMark's characters (0xE2, 0xE3, 0xEF).
// Every other byte starts nothing the loop acts on: an ASCII byte is no
// mark, and a sequence with another lead byte decodes to a character that
// is no mark (every mark but the ASCII ones has one of those three leads)
// or to errors, and never spans one of these bytes, which are no
// continuation bytes. So the loop steps from one such byte to the next.
var sentenceStop = func() (t [256]uint8) {
	for _, c := range []byte("!?;.\n|\xe2\xe3\xef") {
		t[c] = 1
	}
	return t
}()

// stopAt[k][c] is 1<<k for a byte c of sentenceStop at position k of a
// word of eight bytes, and 0 for any other byte. Its entries are words of
// 32 bits, not bytes, so that each look-up is ORed into the mask straight
// from memory (two instructions a byte, not three).
var stopAt = func() (t [8][256]uint32) {
	for k := range t {
		for c := range t[k] {
			t[k][c] = uint32(sentenceStop[c]) << k
		}
	}
	return t
}()

// stopTables points to stopAt: through a pointer variable the eight
// look-ups share one base register (the address of stopAt itself is
// rebuilt for each table).
var stopTables = &stopAt

// wideMark reports the three-byte characters Sentences looks at: title
// marks and terminators.
func wideMark(r rune) bool {
	switch r {
	case '《', '》', '。', '！', '？', '；', '…', '｡':
		return true
	}
	return false
}

// titleCloses reports a 》 closing a title within a headline's length, on
// the same line: an unclosed 《 does not swallow the paragraph.
func titleCloses(rest string) bool {
	const maxTitle = 120 // bytes: about forty Han characters
	rest = rest[:min(len(rest), maxTitle)]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	return strings.Contains(rest, "》")
}

// isTerminator reports sentence-final punctuation that is unambiguous.
func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '…', '｡':
		return true
	}
	return false
}

// closeRun extends a sentence end over repeated terminators and the closing
// quotes and brackets that belong to the sentence ("……。”" ends after ”).
func closeRun(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c >= 0xE4 && c <= 0xE9 {
			break // a Han character (what most often follows): no mark or closer starts so
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isTerminator(r) && r != '.' && !sentenceCloser(r) {
			break
		}
		i += n
	}
	return i
}

// sentenceCloser reports the closing quotes and brackets that belong to
// the sentence before them: strings.ContainsRune("”’」』）)]\"'", r)
// without encoding r and searching.
func sentenceCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', ']', '"', '\'':
		return true
	}
	return false
}

// fullStop decides whether the '.' at text[i] ends an English sentence.
func fullStop(text string, i int) bool {
	after := text[i+1:]
	if after != "" {
		r, _ := utf8.DecodeRuneInString(after)
		switch {
		case unicode.IsDigit(r) || unicode.IsLetter(r) && r < 0x2E80:
			return false // 0.05, e.g, U.S, example.com
		case r == '.':
			return false // part of "..."; the last dot decides
		}
	}
	word := lastWord(text[:i])
	if isAbbreviation(word) {
		return false
	}
	// An initial such as "J. Smith".
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false
		}
	}
	// A following lower-case word continues the sentence ("vs. placebo").
	rest := trimOpeners(after)
	if rest != "" {
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// trimOpeners is strings.TrimLeft(s, " \t\r\n\"'”’)") (what may come
// between a full stop and the next word) without that call's decoding:
// its cut set is not all ASCII, so it decodes every rune it looks at and
// searches the set for it.
func trimOpeners(s string) string {
	for s != "" {
		switch c := s[0]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'' || c == ')':
			s = s[1:]
		case strings.HasPrefix(s, "”") || strings.HasPrefix(s, "’"):
			s = s[len("”"):]
		default:
			return s
		}
	}
	return s
}

// lastWord returns the run of letters and dots just before a full stop.
func lastWord(s string) string {
	j := len(s)
	for j > 0 {
		if c := s[j-1]; c < utf8.RuneSelf {
			// The word is mostly ASCII: its letters are A to Z and a to z.
			if c|0x20 < 'a' || c|0x20 > 'z' {
				if c != '.' {
					break
				}
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && r != '.' || r >= 0x2E80 {
			break
		}
		j -= n
	}
	return s[j:]
}

var abbreviations = map[string]bool{
	"al": true, "dr": true, "mr": true, "mrs": true, "ms": true, "prof": true,
	"e.g": true, "i.e": true, "vs": true, "etc": true, "fig": true, "figs": true,
	"st": true, "jr": true, "sr": true, "approx": true, "u.s": true, "u.k": true,
	"a.m": true, "p.m": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"ph.d": true, "m.d": true, "cf": true, "vol": true, "pp": true,
	"dept": true, "univ": true, "approx.": true,
}

// isAbbreviation reports a word of abbreviations in any case. An ASCII
// word is lower-cased on the stack (no abbreviation is longer than
// maxAbbreviation bytes); any other goes through strings.ToLower, whose
// case mappings may change its length (the Kelvin sign becomes "k").
func isAbbreviation(word string) bool {
	if len(word) > maxAbbreviation {
		for i := 0; i < len(word); i++ {
			if word[i] >= utf8.RuneSelf {
				return abbreviations[strings.ToLower(word)]
			}
		}
		return false
	}
	var lower [maxAbbreviation]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(word)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return abbreviations[string(lower[:len(word)])]
}

// maxAbbreviation is the length of the longest of abbreviations.
const maxAbbreviation = 7

// trimSpan drops white space at both ends of text[start:end].
func trimSpan(text string, start, end int) (Span, bool) {
	// Most sentences need no decoding: a Chinese one has nothing to trim,
	// and an English one only the ASCII spaces after the sentence before it.
	for start < end && asciiSpace(text[start]) {
		start++
	}
	if s := text[start:end]; quietEnds(s) || plainEnds(s) {
		return Span{start, end}, true
	}
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return Span{start, end}, start < end
}
