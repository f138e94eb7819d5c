package document

import (
	"bytes"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/reuse"
	"github.com/hypelint/hypelint/lint/textmap"
)

// line is one source line without its terminator.
type line struct{ start, end int }

// splitLines cuts src from start into lines ending at "\n", "\r\n" or a
// lone "\r" (as Document.Position counts them).
func splitLines(src []byte, start int) []line { return appendLines(nil, src, start) }

// appendLines is splitLines appending the lines to lines.
func appendLines(lines []line, src []byte, start int) []line {
	rest := src[start:]
	if bytes.IndexByte(rest, '\r') >= 0 {
		return appendLinesCR(lines, src, start)
	}
	// Only "\n" ends a line: find each with the library's fast search.
	lines = slices.Grow(lines, bytes.Count(rest, []byte{'\n'})+1)
	for i := start; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return append(lines, line{i, len(src)})
		}
		lines = append(lines, line{i, i + j})
		i += j + 1
	}
}

// appendLinesCR is appendLines for a text with carriage returns.
func appendLinesCR(lines []line, src []byte, start int) []line {
	for i := start; i <= len(src); {
		j := i
		for j < len(src) && src[j] != '\n' && src[j] != '\r' {
			j++
		}
		lines = append(lines, line{i, j})
		if j+1 < len(src) && src[j] == '\r' && src[j+1] == '\n' {
			j++
		}
		i = j + 1
	}
	return lines
}

// plainParser groups the lines of a plain-text article into blocks.
type plainParser struct {
	src []byte
	// text of src from base on, as one string: lines and block texts are
	// slices of it rather than a copy each.
	str      string
	base     int
	lines    []line
	blocks   []Block
	comments []Comment
	perLine  bool // the current group of lines has one paragraph per line
	groupTo  int  // index after the current group's last line
	// wrapWidth, for text extracted from a PDF with a blank line after
	// every wrapped line, is the typical line length in characters; 0 for
	// other text. Such lines are joined across single blank lines.
	wrapWidth int
	maps      textmap.Maps // the blocks' maps
}

// parsePlain parses the lines of src from start; titled says the title was
// already found (in an earlier section). It also returns where the lines
// of src start, as Document.indexLines finds them: the parser has found
// them already.
func parsePlain(src []byte, start int, titled bool) ([]Block, []Comment, []int32) {
	var starts []int32
	blocks, comments := parsePlainText(src, string(src[start:]), start, titled, -1, &starts)
	return blocks, comments, starts
}

// parsePlainText is parsePlain given str, the text of src from start on,
// and the wrap width of the whole text (see TextSections), or -1 to detect
// it here; lineStarts, if not nil, is set to where the lines start (the
// first at 0, before a byte-order mark).
func parsePlainText(src []byte, str string, start int, titled bool, wrapWidth int, lineStarts *[]int32) ([]Block, []Comment) {
	// The lines and the blocks as found are scratch lists that serve the
	// next text; the blocks kept are copied into a list of their size.
	p := &plainParser{src: src, str: str, base: start, lines: appendLines(lineLists.Get(0), src, start)}
	p.blocks = blockLists.Get(0)
	p.wrapWidth = wrapWidth
	if wrapWidth < 0 {
		p.wrapWidth = p.spacedWrapWidth()
	}
	for i := 0; i < len(p.lines); {
		l := p.lines[i]
		switch {
		case p.blank(l):
			i++
		case p.comment(l):
			i++
		case !titled:
			p.emit(Title, l.start, l.end)
			titled = true
			i++
		default:
			if i >= p.groupTo {
				p.startGroup(i)
			}
			i = p.block(i)
		}
	}
	if lineStarts != nil {
		*lineStarts = make([]int32, len(p.lines)) // the first line starts at 0
		for k := 1; k < len(p.lines); k++ {
			(*lineStarts)[k] = int32(p.lines[k].start)
		}
	}
	lineLists.Put(p.lines)
	blocks := make([]Block, len(p.blocks))
	copy(blocks, p.blocks)
	clear(p.blocks) // the pool must not keep the texts alive
	blockLists.Put(p.blocks)
	return blocks, p.comments
}

// lineLists and blockLists keep the plain parser's scratch lists (see
// parsePlainText); a list longer than maxPooledLines or maxPooledFound is
// left to the collector.
var (
	lineLists  = reuse.Slices[line]{Max: maxPooledLines}
	blockLists = reuse.Slices[Block]{Max: maxPooledFound}
)

const maxPooledLines = 1 << 14

// comment records a directive line ("# hypelint-disable …", "// hypelint-…"
// or a whole-line "<!-- … -->") as a comment; such lines are never linted.
func (p *plainParser) comment(l line) bool {
	if l.start < l.end && noSpaceLead[p.src[l.start]] && !commentLead[p.src[l.start]] {
		return false // most lines: they start with no white space, and with no '<', '/' or '#'
	}
	t := trimSpace(p.text(l))
	var inner string
	switch {
	case strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->"):
		inner = t[4 : len(t)-3]
	case strings.HasPrefix(t, "//"):
		inner = t[2:]
	case strings.HasPrefix(t, "#"):
		inner = strings.TrimLeft(t, "#")
	default:
		return false
	}
	inner = trimSpace(inner)
	if !strings.HasPrefix(inner, "hypelint-") && !strings.HasPrefix(t, "<!--") {
		return false
	}
	p.comments = append(p.comments, Comment{Span: Span{l.start, l.end}, Text: inner})
	return true
}

// commentLead marks the bytes a directive line starts with (see comment).
var commentLead = [256]bool{'<': true, '/': true, '#': true}

// block parses the block starting at line i and returns the next line.
func (p *plainParser) block(i int) int {
	l := p.lines[i]
	text := p.text(l)
	trimmed := trimIndent(text)
	indent := len(text) - len(trimmed)
	switch {
	case strings.HasPrefix(trimmed, "#"):
		n := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
		p.emit(Heading, l.start+indent+n, l.end)
		return i + 1
	case strings.HasPrefix(trimmed, "|"):
		p.emit(TableRow, l.start+indent, l.end)
		return i + 1
	case strings.HasPrefix(trimmed, ">"):
		j := p.continuation(i)
		p.emit(Quote, l.start+indent+1, p.lines[j-1].end)
		return j
	}
	if m := listMarker(trimmed); m > 0 {
		j := p.continuation(i)
		p.emit(ListItem, l.start+indent+m, p.lines[j-1].end)
		return j
	}
	j := p.continuation(i)
	kind := Paragraph
	if j == i+1 && looksLikeHeading(trimmed) && j < len(p.lines) {
		kind = Heading
	}
	p.emit(kind, l.start+indent, p.lines[j-1].end)
	return j
}

// startGroup looks at the lines from i to the next blank line and decides
// whether they hold one paragraph per line.
func (p *plainParser) startGroup(i int) {
	j := i
	for j < len(p.lines) && !p.blank(p.lines[j]) {
		j++
	}
	p.groupTo = j
	p.perLine = j-i > 1 && p.linePerParagraph(i, j)
}

// linePerParagraph tells text that puts one paragraph on each line apart
// from a paragraph hard-wrapped across lines (as PDF text is): in the first,
// most lines end a sentence or are short headings; in the second, most
// lines stop mid-sentence.
func (p *plainParser) linePerParagraph(i, j int) bool {
	ends := 0
	for k := i; k < j-1; k++ {
		t := trimSpace(p.text(p.lines[k]))
		last, _ := utf8.DecodeLastRuneInString(t)
		if lineCloser(last) || last == ':' || last == '：' || looksLikeHeading(t) ||
			listMarker(t) > 0 || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "#") {
			ends++
		}
	}
	return ends*3 >= (j-1-i)*2
}

// continuation returns the index after the last line that continues the
// block starting at line i: lines up to a blank line or a line that starts a
// block of its own.
func (p *plainParser) continuation(i int) int {
	j := i + 1
	if p.perLine {
		// Text exported one paragraph per line (no blank lines between):
		// each line is a block of its own.
		return j
	}
	for j < len(p.lines) {
		l := p.lines[j]
		if p.blank(l) {
			if p.wrapWidth > 0 && p.wrapsAcrossBlank(j) {
				j++
				continue
			}
			break
		}
		t := trimIndent(p.text(l))
		if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "|") || listMarker(t) > 0 {
			break
		}
		j++
	}
	return j
}

// wrapSample is how many lines the wrap detection reads: the opening of a
// long text tells how it was extracted.
const wrapSample = 2000

// spacedWrapWidth detects text extracted from a PDF with a blank line
// after every wrapped line (see wrapWidthOf) in the parser's lines.
func (p *plainParser) spacedWrapWidth() int {
	return wrapWidthOf(func(yield func(string) bool) {
		for _, l := range p.lines {
			if !yield(p.text(l)) {
				return
			}
		}
	})
}

// wrapWidthOf reads lines (up to wrapSample) and decides whether they are
// text extracted from a PDF with a blank line after every wrapped line:
// most lines are separated by exactly one blank line, most stop
// mid-sentence, and most are about as long as each other. It returns
// their typical length in characters, or 0. Lines are read twice: the
// cheap tests on the first pass turn nearly every text away before any
// line's characters are counted.
func wrapWidthOf(lines iter.Seq[string]) int {
	single, gaps, open, texts := 0, 0, 0, 0
	blanks, seen := 0, false
	n := 0
	for line := range lines {
		if n == wrapSample {
			break
		}
		n++
		t := trimSpace(line)
		if t == "" {
			blanks++
			continue
		}
		if seen {
			gaps++
			if blanks == 1 {
				single++
			}
		}
		seen, blanks = true, 0
		texts++
		last, _ := utf8.DecodeLastRuneInString(t)
		if !lineCloser(last) {
			open++
		}
	}
	if texts < 6 || single*10 < gaps*8 || open*2 < texts {
		return 0
	}
	lengths := make([]int, 0, texts)
	n = 0
	for line := range lines {
		if n == wrapSample {
			break
		}
		n++
		if t := trimSpace(line); t != "" {
			lengths = append(lengths, utf8.RuneCountInString(t))
		}
	}
	sorted := slices.Clone(lengths)
	slices.Sort(sorted)
	median := sorted[len(sorted)/2]
	similar := 0
	for _, n := range lengths {
		if n*10 >= median*7 && n*10 <= median*13 {
			similar++
		}
	}
	if median < 15 || similar*2 < len(lengths) {
		return 0
	}
	return median
}

// wrapsAcrossBlank reports whether the blank line j separates two parts of
// one wrapped paragraph (see wrapJoins).
func (p *plainParser) wrapsAcrossBlank(j int) bool {
	if j == 0 || j+1 >= len(p.lines) {
		return false
	}
	return wrapJoins(p.text(p.lines[j-1]), p.text(p.lines[j+1]), p.wrapWidth)
}

// wrapJoins reports whether a single blank line between the lines prev and
// next lies inside one wrapped paragraph: prev is a full-width line (a
// paragraph's last line is short), and next starts no block of its own
// and is no short heading.
func wrapJoins(prev, next string, wrapWidth int) bool {
	prev, next = trimSpace(prev), trimSpace(next)
	if prev == "" || next == "" || strings.HasPrefix(next, "#") || strings.HasPrefix(next, "|") || listMarker(next) > 0 {
		return false
	}
	width := func(s string) int { return utf8.RuneCountInString(s) * 10 }
	if width(prev) < wrapWidth*8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(next)
	shortHeading := width(next) < wrapWidth*6 && !lineCloser(last)
	return !shortHeading
}

func (p *plainParser) text(l line) string { return p.slice(l.start, l.end) }

// slice returns src[start:end] as a string without copying it.
func (p *plainParser) slice(start, end int) string { return p.str[start-p.base : end-p.base] }

func (p *plainParser) blank(l line) bool {
	// A line that starts with an ASCII character other than white space,
	// or with a Han character (lead byte 0xE4–0xE9), is not blank; an
	// empty one is.
	if l.start == l.end {
		return true
	}
	if c := p.src[l.start]; c > ' ' && c < utf8.RuneSelf || c >= 0xE4 && c <= 0xE9 {
		return false
	}
	return isBlankLine(p.text(l))
}

// trimSpace is strings.TrimSpace, answered without decoding where both
// ends are plainly no white space: an ASCII byte that is none, or a
// character with lead byte E4 to EF (U+4000 to U+FFFF, where Unicode has
// no white space; an ill-formed sequence decodes to U+FFFD, none either).
// Chinese lines begin and end so, and strings.TrimSpace decodes both ends
// of any line that is not ASCII at both. Other lines are trimmed a rune at
// a time as strings.TrimSpace trims them, but that three-byte characters
// (Han, Chinese punctuation, the ideographic space that indents Chinese
// paragraphs) are told without unicode.IsSpace (see wideSpace), which
// strings.TrimSpace asks of each rune of a line's indentation and ends.
func trimSpace(s string) string {
	if quietEnds(s) || plainEnds(s) {
		return s
	}
	start, stop := 0, len(s)
	for start < stop {
		n := spaceAt(s[start:stop])
		if n == 0 {
			break
		}
		start += n
	}
	for stop > start {
		n := spaceBefore(s[start:stop])
		if n == 0 {
			break
		}
		stop -= n
	}
	return s[start:stop]
}

// spaceAt is the length of the white space rune t (not empty) begins
// with, or 0 if it begins with none (an ill-formed byte included).
func spaceAt(t string) int {
	c := t[0]
	switch {
	case c < utf8.RuneSelf:
		if asciiSpace(c) {
			return 1
		}
		return 0
	case c >= 0xE0 && c <= 0xEF && len(t) >= 3 && t[1]&0xC0 == 0x80 && t[2]&0xC0 == 0x80:
		return wideSpace(c, t[1], t[2])
	}
	if r, n := utf8.DecodeRuneInString(t); unicode.IsSpace(r) {
		return n
	}
	return 0
}

// spaceBefore is the length of the white space rune t (not empty) ends
// with, or 0 if it ends with none.
func spaceBefore(t string) int {
	n := len(t)
	c := t[n-1]
	switch {
	case c < utf8.RuneSelf:
		if asciiSpace(c) {
			return 1
		}
		return 0
	case n >= 3 && t[n-3] >= 0xE0 && t[n-3] <= 0xEF && t[n-2]&0xC0 == 0x80 && c&0xC0 == 0x80:
		return wideSpace(t[n-3], t[n-2], c) // what DecodeLastRuneInString decodes
	}
	if r, size := utf8.DecodeLastRuneInString(t); unicode.IsSpace(r) {
		return size
	}
	return 0
}

// wideSpace is 3 if the three-byte sequence b0 b1 b2 (a lead byte from E0
// to EF, two continuation bytes) is white space, else 0. Unicode's white
// space from U+0800 to U+FFFF is U+1680, U+2000 to U+200A, U+2028,
// U+2029, U+202F, U+205F and U+3000 (the ideographic space that indents
// Chinese paragraphs); an ill-formed sequence (overlong, a surrogate)
// decodes to U+FFFD, none either, and its bits read as below name a rune
// below U+0800 or a surrogate, none of these.
func wideSpace(b0, b1, b2 byte) int {
	switch rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F) {
	case 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
		0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return 3
	}
	return 0
}

// asciiSpace reports the ASCII bytes unicode.IsSpace calls white space.
func asciiSpace(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t'
}

// plainEnds reports s (not empty) beginning and ending plainly with no
// white space (see trimSpace): an ASCII byte that is none, or a three-byte
// character wideSpace finds none (the lead bytes E4 to EF, where Unicode
// has no white space, begin none at all); false says nothing.
func plainEnds[T string | []byte](s T) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	if c := s[0]; !noSpaceLead[c] && !(c >= 0xE0 && c <= 0xEF && n >= 3 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 && wideSpace(c, s[1], s[2]) == 0) {
		return false // white space, or a character not told without decoding
	}
	last := s[n-1]
	return last < utf8.RuneSelf && noSpaceLead[last] ||
		n >= 3 && s[n-3] >= 0xE0 && s[n-3] <= 0xEF && s[n-2]&0xC0 == 0x80 && last&0xC0 == 0x80 && wideSpace(s[n-3], s[n-2], last) == 0
}

// quietEnds is the common case of plainEnds, for a string, small enough
// to be inlined: s begins with a byte of noSpaceLead and ends with an
// ASCII byte of it, or with a three-byte character whose lead is one of
// noSpaceLead's (E4 to EF) or is E3 and which is not the ideographic
// space (E3 80 80, the only white space from U+3000 to U+3FFF; 。 ends
// most Chinese sentences). False says nothing.
func quietEnds(s string) bool {
	n := len(s)
	if n < 3 || !noSpaceLead[s[0]] {
		return false
	}
	b0, b1, b2 := s[n-3], s[n-2], s[n-1]
	if b2 < utf8.RuneSelf {
		return noSpaceLead[b2]
	}
	return (b1^0x80)|(b2^0x80) < 0x40 && (b0-0xE4 <= 0xEF-0xE4 || b0 == 0xE3 && b1|b2 != 0x80) // continuation bytes after such a lead
}

// noSpaceLead marks the bytes that begin no white space: ASCII other than
// white space, and the lead bytes E4 to EF.
var noSpaceLead = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !strings.ContainsRune(" \t\n\v\f\r", rune(c))
	}
	for c := 0xE4; c <= 0xEF; c++ {
		t[c] = true
	}
	return t
}()

// isBlankLine reports a line of white space only; the ideographic space
// (U+3000) that indents Chinese paragraphs counts, as unicode.IsSpace says.
func isBlankLine(s string) bool { return trimSpace(s) == "" }

// emit adds a block for src[start:end] with surrounding white space trimmed.
func (p *plainParser) emit(kind Kind, start, end int) {
	if !plainEnds(p.src[start:end]) { // most blocks: nothing to decode
		for start < end {
			r, n := utf8.DecodeRune(p.src[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			start += n
		}
		for end > start {
			r, n := utf8.DecodeLastRune(p.src[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= n
		}
		if start >= end {
			return
		}
	}
	p.blocks = append(p.blocks, Block{Kind: kind, Text: p.slice(start, end), Map: p.maps.Identity(start, end-start)})
}

// listMarker returns the byte length of a list marker and the space after it
// at the start of s, or 0.
func listMarker(s string) int {
	if s == "" || !markerLead[s[0]] {
		return 0 // most lines: their first byte starts no marker
	}
	for _, m := range []string{"- ", "* ", "• ", "· ", "+ "} {
		if strings.HasPrefix(s, m) {
			return len(m)
		}
	}
	// "1. ", "12) ", "1、"
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(s) {
		return 0
	}
	switch {
	case strings.HasPrefix(s[i:], ". "), strings.HasPrefix(s[i:], ") "):
		return i + 2
	case strings.HasPrefix(s[i:], "、"):
		return i + len("、")
	}
	return 0
}

// markerLead marks the bytes a list marker of listMarker starts with:
// '-', '*', '+', the digits and the first bytes of '•' (E2 80 A2) and
// '·' (C2 B7).
var markerLead = func() (t [256]bool) {
	for _, c := range []byte("-*+0123456789\xe2\xc2") {
		t[c] = true
	}
	return t
}()

// trimIndent is strings.TrimLeft(s, " \t\u3000"), the indentation of a
// line, without that call's decoding: its cut set is not all ASCII, so
// it decodes the first rune of every line and searches the set for it.
func trimIndent(s string) string {
	for s != "" {
		switch {
		case s[0] == ' ' || s[0] == '\t':
			s = s[1:]
		case strings.HasPrefix(s, "\u3000"):
			s = s[len("\u3000"):]
		default:
			return s
		}
	}
	return s
}

// lineCloser reports the marks a line that ends a sentence ends with:
// strings.ContainsRune("。！？.!?”\"」』…", r) without encoding r and
// searching.
func lineCloser(r rune) bool {
	switch r {
	case '。', '！', '？', '.', '!', '?', '”', '"', '」', '』', '…':
		return true
	}
	return false
}

// headingCloser reports the marks no heading ends with (see
// looksLikeHeading).
func headingCloser(r rune) bool {
	switch r {
	case '。', '！', '？', '.', '!', '?', '；', ';', '：', ':', '…', ',', '，', '、', '”', '"', '」', '』', ')', '）':
		return true
	}
	return false
}

// looksLikeHeading reports whether a one-line block reads as a heading: short
// and without sentence-final punctuation.
func looksLikeHeading(s string) bool {
	s = trimSpace(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if headingCloser(last) {
		return false
	}
	n := utf8.RuneCountInString(s)
	if hasHan(s) {
		return n <= 30
	}
	return n <= 80 && fieldsAtMost(s, 12)
}

// fieldsAtMost reports whether s has at most limit fields as strings.Fields
// splits it (runs of non-space runes), counted without building the
// slice, which a long plain-text book would allocate for every line.
func fieldsAtMost(s string, limit int) bool {
	n, inField := 0, false
	for i := 0; i < len(s); {
		// ASCII is told from its byte; other runes decoded.
		space, size := false, 1
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		i += size
		if space {
			inField = false
		} else if !inField {
			inField = true
			if n++; n > limit {
				return false
			}
		}
	}
	return true
}

// hasHan reports a Han character in s. Every Han character is U+2E80 or
// above, so its first byte is 0xE2 or above; such a byte is never inside
// another character (continuation bytes are below 0xC0), so s is decoded
// only where one stands, and the English lines among the ones asked are
// not decoded at all.
func hasHan(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE2 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.Is(unicode.Han, r) {
				return true
			}
		}
	}
	return false
}
