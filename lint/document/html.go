package document

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/net/html"

	"github.com/hypelint/hypelint/lint/textmap"
)

// ParseHTML reads an HTML article. The title is the <title> element, or the
// first <h1> when there is none; headings, paragraphs, list items, table
// rows, quotes and captions become blocks, and so does bare text in <div>s
// (as CMS exports often have). Markup, attribute values, comments and code
// are never part of a block's text; entities are decoded, and every byte of
// the text maps back to the source bytes it came from.
//
// The input is tokenized rather than parsed into a tree so that each token's
// source offset is known; the element stack is tracked here, with the
// implied end tags that matter for telling blocks apart.
func ParseHTML(path string, src []byte) (*Document, error) {
	return parseHTML(path, src, false)
}

// ParseValidHTML is ParseHTML for a source already found to be valid UTF-8
// (encoding.Decoded.ValidUTF8): it is not checked again.
func ParseValidHTML(path string, src []byte) (*Document, error) {
	return parseHTML(path, src, true)
}

func parseHTML(path string, src []byte, valid bool) (*Document, error) {
	start, err := checkUTF8(path, src, valid)
	if err != nil {
		return nil, err
	}
	p := &htmlParser{src: src, firstH1: -1}
	p.run(start)
	d := &Document{Path: path, Source: src, Format: "html", bodyStart: start, Blocks: p.blocks, Comments: p.comments}
	splitSentences(d.Blocks)
	return d, nil
}

// maxHTMLDepth bounds the element stack so that deeply nested (or never closed)
// elements cannot make parsing quadratic; browsers cap nesting similarly.
const maxHTMLDepth = 256

// htmlSegment is a piece of a block's text: source bytes copied verbatim, or a
// replacement (a decoded entity, a line break for <br>, a cell separator)
// that stands for src[src:src+srcLen] as a whole.
type htmlSegment struct {
	text        string
	src, srcLen int
	verbatim    bool
}

// htmlPending is the block being collected.
type htmlPending struct {
	kind       Kind
	h1         bool // the block is an <h1> (a title if <title> is missing)
	segs       []htmlSegment
	afterBreak bool // a <br> was the last thing added, with only space since
	cellText   bool // the current table cell has text
	cellBreak  Span // a block tag inside the cell, pending as a line break
	breakAt    int  // index in segs where cellBreak goes
	hasBreak   bool // cellBreak is set
}

// htmlParser turns the token stream into blocks.
type htmlParser struct {
	src       []byte
	stack     []string // open block-level elements, innermost last
	skip      string   // element whose content is never linted, "" if none
	skipDepth int      // nesting of skip inside itself
	rowCells  int      // cells seen in the current table row
	cur       htmlPending
	blocks    []Block
	comments  []Comment
	titled    bool // a Title block has been emitted
	firstH1   int  // index in blocks of the first <h1> block, or -1
}

// run tokenizes src[start:], tracking each token's source offset as the sum
// of the raw lengths before it (the tokenizer's raw bytes partition the
// input).
func (p *htmlParser) run(start int) {
	z := html.NewTokenizer(bytes.NewReader(p.src[start:]))
	off := start
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := Span{off, off + len(z.Raw())}
		off = tok.End
		switch tt {
		case html.TextToken:
			if p.skip == "" {
				p.text(tok)
			}
		case html.CommentToken:
			p.comment(tok)
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			p.tag(string(name), tt, tok)
		}
	}
	p.flush()
	if !p.titled && p.firstH1 >= 0 {
		p.blocks[p.firstH1].Kind = Title
	}
	p.blocks = dropRepeatedTitle(p.blocks)
}

// comment records a real comment (<!-- … -->), where suppression directives
// live. Bogus comments (<?xml?>, <![CDATA[…]]>, </ x>) are dropped: no one
// writes directives in them.
func (p *htmlParser) comment(tok Span) {
	raw := string(p.src[tok.Start:tok.End])
	inner, ok := strings.CutPrefix(raw, "<!--")
	if !ok {
		return
	}
	switch {
	case inner == ">" || inner == "->": // "<!-->" and "<!--->" are empty comments
		inner = ""
	case strings.HasSuffix(inner, "--!>"):
		inner = inner[:len(inner)-4]
	default:
		inner = strings.TrimSuffix(inner, "-->") // absent if the comment ran to EOF
	}
	p.comments = append(p.comments, Comment{Span: tok, Text: strings.TrimSpace(inner)})
}

// tag handles a start, self-closing or end tag.
func (p *htmlParser) tag(name string, tt html.TokenType, tok Span) {
	if tt == html.SelfClosingTagToken && htmlRawText(name) {
		// The tokenizer switches to raw text after <script/> and <title/>
		// alike, so they open an element whatever the slash says.
		tt = html.StartTagToken
	}
	if p.skipping(name, tt) || tt == html.EndTagToken && (name == "html" || name == "body") {
		return // browsers keep text after </body> in the body
	}
	switch {
	case name == "meta" && tt != html.EndTagToken:
		p.meta(tok)
	case name == "br":
		p.lineBreak(tok) // "</br>" is a <br> too
	case htmlSkipped(name) && tt == html.StartTagToken:
		p.startSkip(name)
	case htmlBlockLevel(name):
		p.boundary(name, tt, tok)
	}
	// Other tags are inline: their text stays in the block, the tag goes.
}

// skipping reports whether a tag falls inside an element that is never
// linted, and notices the end of that element.
func (p *htmlParser) skipping(name string, tt html.TokenType) bool {
	switch {
	case p.skip == "":
		return false
	case name == p.skip && tt == html.StartTagToken:
		p.skipDepth++
	case name == p.skip && tt == html.EndTagToken:
		p.skipDepth--
		if p.skipDepth == 0 {
			p.endSkip()
		}
	case htmlInlineSkipped(p.skip) && htmlBlockLevel(name):
		// An unclosed <code> must not swallow the rest of the article: a
		// block boundary ends it.
		p.skip = ""
		return false
	}
	return true
}

// startSkip enters an element whose content is never linted. Block-level
// ones (<pre>) end the paragraph around them, so the text before and after
// does not run together.
func (p *htmlParser) startSkip(name string) {
	if htmlBlockSkipped(name) {
		p.flush()
		p.closeP()
	}
	p.skip, p.skipDepth = name, 1
}

func (p *htmlParser) endSkip() {
	if htmlBlockSkipped(p.skip) {
		p.flush()
	}
	p.skip = ""
}

// boundary handles a block-level tag. Inside a table row, cells are joined
// with '|' (so that Sentences splits them) and other block tags become line
// breaks, keeping one block per row; elsewhere the tag ends the block.
func (p *htmlParser) boundary(name string, tt html.TokenType, tok Span) {
	inRow := p.inRow()
	switch {
	case name == "td" || name == "th":
		if tt == html.EndTagToken {
			p.closeElement(name)
			return
		}
		p.openElement(name)
		p.cell(tok)
	case htmlTableStructure(name):
		p.flush()
		p.rowCells = 0
	case inRow:
		p.breakInCell(tok)
	default:
		p.flush()
	}
	switch {
	case name == "td" || name == "th":
	case tt != html.EndTagToken:
		p.openElement(name) // "<div/>" opens a div, as in browsers
	case tt == html.EndTagToken:
		p.closeElement(name)
	}
}

// cell starts a table cell: the separator is inserted text, anchored at the
// cell's start tag.
func (p *htmlParser) cell(tok Span) {
	if p.rowCells > 0 && p.cur.kind == TableRow {
		p.insert(tok.Start, 0, "|")
	} else {
		p.flush()
	}
	p.rowCells++
	p.cur.cellText, p.cur.hasBreak = false, false
}

// breakInCell notes a block tag inside a table cell (<p>…</p><p>…</p>). It
// becomes a line break only when more text follows in the same cell, so
// that a cell's first or last paragraph adds no break.
func (p *htmlParser) breakInCell(tok Span) {
	if p.cur.cellText {
		p.cur.cellBreak, p.cur.breakAt, p.cur.hasBreak = tok, len(p.cur.segs), true
	}
}

// lineBreak handles <br>: a line break in the block, or, for a second <br>
// in a row in running text, the end of a paragraph (CMS exports separate
// paragraphs with <br><br>).
func (p *htmlParser) lineBreak(tok Span) {
	if len(p.cur.segs) == 0 {
		return
	}
	if p.cur.afterBreak && (p.cur.kind == Paragraph || p.cur.kind == Quote) {
		p.flush()
		return
	}
	p.insert(tok.Start, tok.End-tok.Start, "\n")
	p.cur.afterBreak = true
}

// insert adds replacement text standing for src[start:start+n] to a block
// that already has text; at a block's start it would only be trimmed.
func (p *htmlParser) insert(start, n int, text string) {
	if len(p.cur.segs) == 0 {
		return
	}
	p.cur.segs = append(p.cur.segs, htmlSegment{text: text, src: start, srcLen: n})
}

// text adds a text token to the current block, decoding entities.
func (p *htmlParser) text(tok Span) {
	kind, h1 := p.kindHere()
	if len(p.cur.segs) > 0 && (p.cur.kind != kind || p.cur.h1 != h1) {
		p.flush() // the context changed without a block tag (malformed HTML)
	}
	if len(p.cur.segs) == 0 {
		p.cur.kind, p.cur.h1 = kind, h1
	}
	n := len(p.cur.segs)
	p.appendDecoded(tok.Start, tok.End)
	for _, s := range p.cur.segs[n:] {
		if hasNonSpace(s.text) {
			p.cur.afterBreak = false
			p.takeCellBreak()
			p.cur.cellText = true
			break
		}
	}
}

// takeCellBreak inserts a pending in-cell line break where its tag was, now
// that text follows it. (Only white space can lie between the two.)
func (p *htmlParser) takeCellBreak() {
	if !p.cur.hasBreak {
		return
	}
	b := p.cur.cellBreak
	p.cur.segs = slices.Insert(p.cur.segs, p.cur.breakAt, htmlSegment{text: "\n", src: b.Start, srcLen: b.End - b.Start})
	p.cur.hasBreak = false
}

func hasNonSpace(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) != ""
}

// appendDecoded adds src[start:end], copying runs of plain text verbatim and
// replacing each character reference with its value.
func (p *htmlParser) appendDecoded(start, end int) {
	run := start
	for i := start; i < end; {
		if p.src[i] != '&' {
			i++
			continue
		}
		n, value := htmlEntityAt(p.src[i:end])
		if n == 0 {
			i++
			continue
		}
		p.appendVerbatim(run, i)
		p.cur.segs = append(p.cur.segs, htmlSegment{text: value, src: i, srcLen: n})
		i += n
		run = i
	}
	p.appendVerbatim(run, end)
}

func (p *htmlParser) appendVerbatim(start, end int) {
	if start < end {
		p.cur.segs = append(p.cur.segs, htmlSegment{text: string(p.src[start:end]), src: start, srcLen: end - start, verbatim: true})
	}
}

// maxHTMLEntity bounds how far a character reference is read: the longest
// named one is 33 bytes, and digits beyond this only add leading zeros.
const maxHTMLEntity = 40

// htmlEntityAt decodes the character reference at the start of b (which starts
// with '&'), returning its length and value, or 0 if there is none. The
// html package does the decoding; this only finds where the reference
// ends, which for legacy names without ';' may be before the alphanumerics
// do ("&ampfoo" is "&" then "foo").
func htmlEntityAt(b []byte) (int, string) {
	end := 1
	if end < len(b) && b[end] == '#' {
		end++
	}
	for end < len(b) && end < maxHTMLEntity && isEntityNameByte(b[end]) {
		end++
	}
	if end < len(b) && b[end] == ';' {
		end++
	}
	cand := string(b[:end])
	full := html.UnescapeString(cand)
	if full == cand {
		return 0, ""
	}
	// The shortest prefix whose value, followed by the rest verbatim,
	// decodes the same as the whole is the reference.
	for k := 2; k <= end; k++ {
		v := html.UnescapeString(cand[:k])
		if v != cand[:k] && v+cand[k:] == full {
			return k, v
		}
	}
	return 0, ""
}

func isEntityNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// flush ends the current block: white space at both ends is trimmed, and a
// block with no text left is dropped.
func (p *htmlParser) flush() {
	cur := p.cur
	p.cur = htmlPending{}
	segs := trimHTMLSegments(cur.segs)
	if len(segs) == 0 {
		return
	}
	var text strings.Builder
	var m textmap.Builder
	for _, s := range segs {
		text.WriteString(s.text)
		if s.verbatim {
			m.Copy(s.src, len(s.text))
		} else {
			m.Replace(s.src, s.srcLen, len(s.text))
		}
	}
	kind := cur.kind
	switch {
	case kind == Title && p.titled:
		kind = Heading // only the first <title> is the title
	case kind == Title:
		p.titled = true
	case cur.h1 && p.firstH1 < 0:
		p.firstH1 = len(p.blocks)
	}
	role := ""
	if slices.Contains(p.stack, "figcaption") {
		role = RoleCaption
	}
	p.blocks = append(p.blocks, Block{Kind: kind, Role: role, Text: text.String(), Map: m.Map()})
}

// metaAttr matches one attribute of a <meta> tag with its value.
var metaAttr = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(name|property|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
})

// meta reads <meta name="description"> and <meta property="og:description">
// (the text social cards show) as a standfirst block whose text is the
// content attribute, entities decoded, mapped to its bytes in the source.
// A second description with the same text adds nothing.
func (p *htmlParser) meta(tok Span) {
	raw := p.src[tok.Start:tok.End]
	var which string
	var content []int // start, end of the value in raw
	for _, m := range metaAttr().FindAllSubmatchIndex(raw, -1) {
		val := m[4:6]
		if val[0] < 0 {
			val = m[6:8]
		}
		if val[0] < 0 {
			val = m[8:10]
		}
		switch strings.ToLower(string(raw[m[2]:m[3]])) {
		case "content":
			content = val
		default:
			which = strings.ToLower(string(raw[val[0]:val[1]]))
		}
	}
	if content == nil || which != "description" && which != "og:description" && which != "twitter:description" {
		return
	}
	start, end := tok.Start+content[0], tok.Start+content[1]
	value := string(p.src[start:end])
	text := html.UnescapeString(value)
	lead, trail := len(text)-len(strings.TrimLeftFunc(text, unicode.IsSpace)), len(strings.TrimRightFunc(text, unicode.IsSpace))
	if strings.TrimSpace(text) == "" || slices.ContainsFunc(p.blocks, func(b Block) bool { return b.Role == RoleStandfirst && b.Text == strings.TrimSpace(text) }) {
		return
	}
	var m textmap.Builder
	if text == value {
		m.Copy(start+lead, trail-lead)
	} else {
		m.Replace(start, end-start, trail-lead)
	}
	p.flush()
	p.blocks = append(p.blocks, Block{Kind: Paragraph, Role: RoleStandfirst, Text: text[lead:trail], Map: m.Map()})
}

// trimHTMLSegments drops white space at both ends. Verbatim segments are cut;
// replacements are atomic, so they go only if they are all white space
// (&nbsp;, the line break of a <br>).
func trimHTMLSegments(segs []htmlSegment) []htmlSegment {
	for len(segs) > 0 {
		s := segs[0]
		t := strings.TrimLeftFunc(s.text, unicode.IsSpace)
		if t == "" {
			segs = segs[1:]
			continue
		}
		if s.verbatim {
			cut := len(s.text) - len(t)
			segs[0] = htmlSegment{text: t, src: s.src + cut, srcLen: s.srcLen - cut, verbatim: true}
		}
		break
	}
	for len(segs) > 0 {
		last := len(segs) - 1
		s := segs[last]
		t := strings.TrimRightFunc(s.text, unicode.IsSpace)
		if t == "" {
			segs = segs[:last]
			continue
		}
		if s.verbatim {
			segs[last] = htmlSegment{text: t, src: s.src, srcLen: len(t), verbatim: true}
		}
		break
	}
	return segs
}

// kindHere is the kind of text at the current point: the innermost element
// that gives a kind wins, except that anything inside a table row is part
// of the row.
func (p *htmlParser) kindHere() (Kind, bool) {
	if p.inRow() {
		return TableRow, false
	}
	for _, name := range slices.Backward(p.stack) {
		switch name {
		case "title":
			return Title, false
		case "h1":
			return Heading, true
		case "h2", "h3", "h4", "h5", "h6":
			return Heading, false
		case "li":
			return ListItem, false
		case "blockquote":
			return Quote, false
		case "table":
			return Paragraph, false // text loose in a table, or in its caption
		}
	}
	return Paragraph, false // <p>, <dd>, <figcaption>, bare text in a <div>
}

// inRow reports whether a row or cell is open inside the innermost table.
func (p *htmlParser) inRow() bool {
	for _, name := range slices.Backward(p.stack) {
		switch name {
		case "tr", "td", "th":
			return true
		case "table":
			return false
		}
	}
	return false
}

// openElement pushes a block-level element after closing the elements its
// start tag implicitly ends, as browsers do: a block closes an open <p>, an
// <li> closes the previous <li>, a cell the previous cell, and so on.
func (p *htmlParser) openElement(name string) {
	switch name {
	case "li":
		p.popThrough([]string{"li"}, "ul", "ol", "table", "td", "th")
	case "dd", "dt":
		p.popThrough([]string{"dd", "dt"}, "dl", "table", "td", "th")
	case "td", "th":
		p.popThrough([]string{"td", "th"}, "tr", "table")
	case "tr":
		p.popThrough([]string{"tr"}, "table")
	case "thead", "tbody", "tfoot":
		p.popThrough([]string{"tr", "thead", "tbody", "tfoot"}, "table")
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if n := len(p.stack); n > 0 && htmlHeading(p.stack[n-1]) {
			p.stack = p.stack[:n-1]
		}
	}
	if htmlClosesP(name) {
		p.closeP()
	}
	if !htmlVoid(name) && len(p.stack) < maxHTMLDepth {
		p.stack = append(p.stack, name)
	}
}

// closeElement pops an element for its end tag. An end tag with no matching
// open element (a stray </p>) changes nothing; a table's cells are not
// closed by end tags from outside the table.
func (p *htmlParser) closeElement(name string) {
	switch {
	case htmlHeading(name):
		p.popThrough([]string{"h1", "h2", "h3", "h4", "h5", "h6"}, "table", "td", "th")
	case name == "table":
		p.popThrough([]string{"table"})
	case htmlTableStructure(name) || name == "td" || name == "th":
		p.popThrough([]string{name}, "table")
	default:
		p.popThrough([]string{name}, "table", "td", "th")
	}
}

func (p *htmlParser) closeP() {
	p.popThrough([]string{"p"}, "table", "td", "th", "caption")
}

// popThrough pops the innermost open element named in targets and all
// elements inside it, unless a barrier element is met first.
func (p *htmlParser) popThrough(targets []string, barriers ...string) {
	for i, name := range slices.Backward(p.stack) {
		if slices.Contains(targets, name) {
			p.stack = p.stack[:i]
			return
		}
		if slices.Contains(barriers, name) {
			return
		}
	}
}

// blockLevel reports elements that start and end blocks of text.
func htmlBlockLevel(name string) bool {
	switch name {
	case "address", "article", "aside", "blockquote", "body", "caption", "center",
		"col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
		"h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li",
		"main", "menu", "nav", "ol", "p", "section", "summary", "table", "tbody",
		"td", "tfoot", "th", "thead", "title", "tr", "ul", "listing":
		return true
	}
	return false
}

// closesP reports block-level start tags that end an open paragraph.
func htmlClosesP(name string) bool {
	switch name {
	case "html", "head", "body", "title", "caption", "col", "colgroup", "legend",
		"td", "th", "tr", "thead", "tbody", "tfoot":
		return false
	}
	return htmlBlockLevel(name)
}

// tableStructure reports table tags between rows, which end a row's block.
func htmlTableStructure(name string) bool {
	switch name {
	case "table", "tr", "thead", "tbody", "tfoot", "caption", "colgroup", "col":
		return true
	}
	return false
}

func htmlHeading(name string) bool {
	return len(name) == 2 && name[0] == 'h' && '1' <= name[1] && name[1] <= '6'
}

func htmlVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
		"meta", "param", "source", "track", "wbr", "keygen":
		return true
	}
	return false
}

// skipped reports elements whose content is never linted: code, scripts,
// embedded documents and fallback content, form controls.
func htmlSkipped(name string) bool {
	switch name {
	case "script", "style", "noscript", "template", "svg", "math", "textarea",
		"iframe", "noembed", "noframes", "object", "select", "canvas", "audio",
		"video":
		return true
	}
	return htmlInlineSkipped(name) || htmlBlockSkipped(name)
}

// inlineSkipped reports skipped elements that sit inside running text and
// so end at a block boundary even when their end tag is missing.
func htmlInlineSkipped(name string) bool {
	return name == "code" || name == "kbd" || name == "samp"
}

// blockSkipped reports skipped elements that are blocks of their own.
func htmlBlockSkipped(name string) bool {
	return name == "pre" || name == "xmp" || name == "plaintext" || name == "listing"
}

// rawText reports elements whose content the tokenizer reads as raw text.
func htmlRawText(name string) bool {
	switch name {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script",
		"style", "textarea", "title", "xmp":
		return true
	}
	return false
}
