package document

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/hypelint/hypelint/lint/reuse"
	"github.com/hypelint/hypelint/lint/textmap"
)

// ParseMarkdown reads a Markdown article (CommonMark with the GFM table,
// strikethrough, task-list and autolink extensions, and footnotes). Only
// prose is linted: code, URLs, raw HTML and front matter are left out of
// every block's Text, and each block's Map points back at the Markdown
// source so findings land inside emphasis, links and table cells.
func ParseMarkdown(path string, src []byte) (*Document, error) {
	return parseMarkdownWith(nil, true, path, src, false)
}

// ParseValidMarkdown is ParseMarkdown for a source already found to be
// valid UTF-8 (encoding.Decoded.ValidUTF8): it is not checked again.
func ParseValidMarkdown(path string, src []byte) (*Document, error) {
	return parseMarkdownWith(nil, true, path, src, true)
}

// parseMarkdownWith is ParseMarkdown with the goldmark parser given (nil:
// the one mdParserFor picks for the body); plain says whether a body of
// plain paragraphs and headings may skip goldmark (see plainBlocks), valid
// whether src is known to be valid UTF-8.
func parseMarkdownWith(md parser.Parser, plain bool, path string, src []byte, valid bool) (*Document, error) {
	start, err := checkUTF8(path, src, valid)
	if err != nil {
		return nil, err
	}
	d := &Document{Path: path, Source: src, Format: "markdown", bodyStart: start}
	body, fm := mdFrontMatter(src, start)
	p := &mdParser{src: src, base: body, found: foundLists.Get(0)}
	// goldmark sees only the body so that front matter is never parsed as
	// Markdown (its closing "---" would turn the last key into a heading).
	if plain {
		p.starts = startLists.Get(0)
	}
	if !plain || !p.plainBlocks() {
		if md == nil {
			md = mdParserFor(src[body:])
		}
		p.blocks(md.Parse(text.NewReader(src[body:])), Paragraph)
	} else {
		d.lineStarts = p.lineStarts()
	}
	startLists.Put(p.starts)
	d.Blocks = dropRepeatedTitle(p.finish(fm))
	d.Comments = p.comments
	splitSentences(d.Blocks)
	return d, nil
}

// markdownParser is one goldmark parser for every call: building one and
// sorting its block and inline parsers (done on its first Parse) cost more
// than parsing a short article. After that first Parse a goldmark parser
// holds no state of its own (each Parse has a context of its own), so
// concurrent calls may share it.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return newMarkdownParser(quickLinkify{extension.NewLinkifyParser()})
})

// markdownParserNoLinkify is markdownParser without linkify, for the
// bodies where it would find nothing (see mdParserFor).
var markdownParserNoLinkify = sync.OnceValue(func() parser.Parser { return newMarkdownParser(nil) })

// mdParserFor picks the goldmark parser for a body: markdownParser, or the
// same without linkify where linkify can find no link and its being
// tried changes nothing else. goldmark tries it at every blank, '(', '*',
// '_' and '~' of every paragraph, and at each it cuts the line's text
// node, and nothing else when it finds nothing, which it does in a body
// with no '@' and no "http:", "https:", "ftp:" or "www." (see
// quickLinkify). The cuts change the text only where goldmark trims a
// line's last text node: the blanks ('\t', '\r', ' ') that end a line
// are all trimmed when the node is uncut, only those from its last cut on
// when linkify cut it ("a\t\t\n" keeps "a\t"). A body with a line that
// ends in two blanks or more keeps linkify.
func mdParserFor(body []byte) parser.Parser {
	if bytes.IndexByte(body, '@') >= 0 || mdHasURLPrefix(body) || mdBlankEnds(body) {
		return markdownParser()
	}
	return markdownParserNoLinkify()
}

// mdHasURLPrefix reports a body holding one of the prefixes linkify
// looks for (as it does, in lower case only): "http:", "https:", "ftp:"
// or "www.". The schemes end in ':', which prose seldom holds, so the
// body is searched once for colons and the bytes before each compared,
// instead of once per scheme for its first letter, which English text
// is full of.
func mdHasURLPrefix(body []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], ':')
		if j < 0 {
			break
		}
		i += j
		if head := body[:i]; bytes.HasSuffix(head, []byte("http")) || bytes.HasSuffix(head, []byte("https")) ||
			bytes.HasSuffix(head, []byte("ftp")) {
			return true
		}
		i++
	}
	return bytes.Contains(body, []byte("www."))
}

// mdBlankEnds reports a line of body (the last one too) that ends in two
// or more of goldmark's blanks: '\t', '\r' and ' ' (its util.IsSpace but
// the line break).
func mdBlankEnds(body []byte) bool {
	blank := func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }
	for end := 0; end <= len(body); end++ {
		if nl := bytes.IndexByte(body[end:], '\n'); nl >= 0 {
			end += nl
		} else {
			end = len(body)
		}
		if end >= 2 && blank(body[end-1]) && blank(body[end-2]) {
			return true
		}
	}
	return false
}

// newMarkdownParser is goldmark with the GFM extensions and footnotes, GFM's
// autolinks found by linkify (none if linkify is nil), and the paragraphs
// without inline markup left out of goldmark's inline parsing
// (mdPlainParagraphs).
func newMarkdownParser(linkify parser.InlineParser) parser.Parser {
	md := newMarkdownParserFull(linkify)
	plain := newMdPlainParagraphs(md.config.InlineParsers, linkify)
	// After every other transformer: the table's is at 200.
	md.AddOptions(parser.WithParagraphTransformers(util.Prioritized(plain, 10000)))
	return md
}

// newMarkdownParserFull is newMarkdownParser with goldmark parsing every
// paragraph's inline content.
func newMarkdownParserFull(linkify parser.InlineParser) *mdRecorder {
	opts := []goldmark.Option{goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote)}
	if linkify != nil {
		// The priority GFM gives linkify (extension.Linkify.Extend).
		opts = append(opts, goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(linkify, 999))))
	}
	return newRecordedParser(opts...)
}

// quickLinkify is goldmark's linkify parser with a cheap test first: it is
// tried at every space of every paragraph, and nearly always finds
// nothing, after copying the line and matching three prefixes. The test
// turns away, without a look at more than the start of the line, the
// positions where linkify would return nil as well: it returns a node
// only for a word starting with "http:", "https:", "ftp:" or "www.", or an
// address whose '@' lies within 64 bytes (util.FindEmailIndex).
type quickLinkify struct{ parser.InlineParser }

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 {
		rest := line
		// linkify steps over the character that triggered it.
		if c := line[0]; c == ' ' || c == '*' || c == '_' || c == '~' || c == '(' {
			rest = line[1:]
		}
		if len(rest) == 0 {
			return nil
		}
		if c := rest[0]; c != 'h' && c != 'f' && c != 'w' &&
			bytes.IndexByte(rest[:min(len(rest), 65)], '@') < 0 {
			return nil
		}
	}
	return q.InlineParser.Parse(parent, block, pc)
}

// mdParser collects blocks and comments from a goldmark AST. Offsets in the
// AST are relative to src[base:]; everything stored is absolute.
type mdParser struct {
	src      []byte
	base     int
	found    []mdBlock
	comments []Comment
	spare    mdRuns // the runs a block is read into (see fresh)
	maps     textmap.Maps
	links    bool    // plainBlocks' body has inline links ("](": see decodeLinks)
	starts   []int32 // where plainBlocks found the body's lines to start (see lineStarts)
}

// fresh returns the parser's spare runs emptied: plainBlocks and the AST
// walk (a paragraph, a heading, a table row) hold one block's runs at a
// time, and add copies them into the block, so one list and one map
// builder serve every block of the body.
func (p *mdParser) fresh() *mdRuns {
	if p.spare.maps == nil {
		p.spare = mdRuns{src: p.src, maps: &textmap.Builder{}, memory: &p.maps}
	}
	p.spare.list = p.spare.list[:0]
	return &p.spare
}

// mdBlock is a block with its heading level (0: not a heading), which
// decides the title.
type mdBlock struct {
	Block
	level int
}

// blocks walks block-level nodes. kind is what a paragraph becomes in the
// current container.
func (p *mdParser) blocks(n ast.Node, kind Kind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			p.add(p.inlineRuns(c), Heading, c.Level)
		case *ast.Paragraph, *ast.TextBlock:
			p.add(p.inlineRuns(c), kind, 0)
		case *ast.Blockquote:
			p.blocks(c, Quote)
		case *ast.ListItem:
			// Quoted material stays a quote even when it is a list.
			p.blocks(c, mdContainerKind(kind, ListItem))
		case *east.Footnote:
			p.blocks(c, Paragraph)
		case *east.Table:
			p.table(c)
		case *ast.HTMLBlock:
			p.htmlComments(mdHTMLBlockSegments(c))
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
			// Never linted.
		default:
			p.blocks(c, kind)
		}
	}
}

// mdNotPlain marks the bytes that may start Markdown syntax other than a
// paragraph or an ATX heading, or make goldmark cut or change a line:
// escapes, code, emphasis, strikethrough, HTML, links, footnotes,
// addresses (linkify; an '@' no address can hold is let through by
// mdNotPlainAt), and white space other than ' ' and '\n'. '#' and
// '>' (a block quote) are looked at where a line starts, a '<' in
// plainBlocks (mdLessThan), a table's '|' by the line that would make it
// one (mdTableDelimiter).
// Character references ('&') are decoded in text as goldmark's text is
// (decode), so they may stay; so may '*' and '`', as long as every run of
// them pairs up as plain emphasis or a code span on one line (see
// decodeInline).
var mdNotPlain = func() (t [256]uint8) {
	for _, c := range []byte(mdNotPlainBytes) {
		t[c] = 1
	}
	return t
}()

// mdNotPlainBytes lists the bytes of mdNotPlain.
const mdNotPlainBytes = "\\_~<@\t\r\v\f"

// mdPlainBytes reports a body with no byte of mdNotPlain but a '<' that
// cannot open a tag (mdLessThan) and an '@' no address can hold. Each of
// those bytes is searched for on its own with the library's vectorised
// search: nine searches of a few bytes' instructions per 32 bytes cost
// less than looking each byte up (most bodies hold none of them).
func mdPlainBytes(body []byte) bool {
	for _, c := range []byte(mdNotPlainBytes) {
		for k := 0; ; k++ {
			j := bytes.IndexByte(body[k:], c)
			if j < 0 {
				break
			}
			if k += j; mdNotPlainAt(body, k) {
				return false
			}
		}
	}
	return true
}

// mdNotPlainAt reports a byte of mdNotPlain at body[k], but a '<' that
// cannot open a tag and an '@' that no address linkify finds can hold:
// one after a byte that cannot end an address's local part, or first.
// (util.FindEmailIndex reads the local part up to the '@' from where
// linkify was tried, and needs one byte of it at least.)
func mdNotPlainAt(body []byte, k int) bool {
	switch c := body[k]; {
	case mdNotPlain[c] == 0:
		return false
	case c == '<':
		return !(k+1 < len(body) && mdLessThan(body[k+1]))
	case c == '@':
		return k > 0 && mdEmailLocal[body[k-1]]
	}
	return true
}

// mdEmailLocal marks the bytes of an address's local part, as goldmark's
// util.FindEmailIndex reads it.
var mdEmailLocal = func() (t [256]bool) {
	for _, c := range []byte("!#$%&'*+-./=?^_`{|}~") {
		t[c] = true
	}
	for c := '0'; c <= 'z'; c++ {
		if c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c {
			t[c] = true
		}
	}
	return t
}()

// plainBlocks reads a body that holds nothing but paragraphs, ATX
// headings without closing hashes, simple '-' list items, one-line block
// quotes (mdQuoteLine) and simple tables (plainTable), and no inline
// markup but character references ('|' too, outside tables), as goldmark
// would, without goldmark: a
// heading's text is the line after its hashes, a paragraph's (or list
// item's) the lines without their blanks at both ends, joined by their
// line breaks, each line decoded as goldmark's text nodes are. It returns
// false, having added nothing, for any other body: one with a byte of
// mdNotPlain, a URL linkify would find, a line that may be a table's
// delimiter row (mdTableDelimiter) outside a simple table, a '>' starting
// a line that is no simple quote, a line indented four spaces or
// more, a line starting with '+', '=' or a '-' that is not a simple list
// item (mdBulletItem; thematic breaks, setext underlines, other lists), an
// ordered list item that is not simple (mdOrderedItem: indented, or
// interrupting a paragraph where goldmark would not), a '#' that is not a
// plain heading, or an indented line that starts a block while a list is
// open (it may belong to an item). TestMarkdownPlainBlocksMatchGoldmark checks
// it against goldmark.
func (p *mdParser) plainBlocks() bool {
	body := p.src[p.base:]
	if !mdPlainBytes(body) {
		return false
	}
	if !mdLiteralBrackets(body) {
		return false
	}
	p.links = bytes.Contains(body, []byte("]("))
	if p.links && mdLinkedURLPrefix(body) || !p.links && mdHasURLPrefix(body) {
		return false
	}
	var para *mdRuns          // the paragraph being read
	paraKind := Paragraph     // what it becomes: Paragraph or ListItem
	lastStop, lastEnd := 0, 0 // where its last line's text and the line end
	list := false             // a list item was read and no line at the margin has closed the list since
	var paraEm mdEmphasis     // its emphasis
	// closePara adds the paragraph being read, if any; false (having
	// dropped every block) if an emphasis in it is left open.
	closePara := func() bool {
		if para != nil {
			if paraEm.open != 0 {
				p.found = p.found[:0]
				return false
			}
			p.add(para, paraKind, 0)
			para = nil
		}
		return true
	}
	for ls := p.base; ls <= len(p.src); {
		p.starts = append(p.starts, int32(ls))
		le := len(p.src)
		if j := bytes.IndexByte(p.src[ls:], '\n'); j >= 0 {
			le = ls + j
		}
		next := le + 1
		i := ls
		for i < le && p.src[i] == ' ' {
			i++
		}
		stop := le
		for stop > i && p.src[stop-1] == ' ' {
			stop--
		}
		if mdTableDelimiter(p.src[i:stop]) {
			p.found = p.found[:0]
			return false // a table's delimiter row, if a header row comes before it
		}
		switch {
		case i == le: // blank
			if !closePara() {
				return false
			}
		case i-ls >= 4:
			p.found = p.found[:0]
			return false
		case p.src[i] == '#':
			if list && i > ls {
				p.found = p.found[:0]
				return false // maybe a heading inside an item: what follows it would be the item's
			}
			list = false
			if !closePara() {
				return false
			}
			level := 0
			for i < le && p.src[i] == '#' {
				i++
				level++
			}
			if level > 6 || i < le && p.src[i] != ' ' || bytes.IndexByte(p.src[i:le], '#') >= 0 {
				p.found = p.found[:0]
				return false
			}
			h := p.fresh() // the blanks after the hashes are trimmed with the block's
			var em mdEmphasis
			if !p.decodeInline(i, stop, h, &em) || em.open != 0 {
				p.found = p.found[:0]
				return false
			}
			p.add(h, Heading, level)
		case p.src[i] == '|' && i == ls && para == nil && mdTableDelimiterAt(p.src, next):
			// A table after a blank line or a heading (plainTable).
			list = false
			if next = p.plainTable(ls); next < 0 {
				p.found = p.found[:0]
				return false
			}
			for at := ls; ; { // the table's lines after its first
				j := bytes.IndexByte(p.src[at:next-1], '\n')
				if j < 0 {
					break
				}
				at += j + 1
				p.starts = append(p.starts, int32(at))
			}
		case p.src[i] == '>':
			// A block quote of one line, between blank lines (mdQuoteLine).
			content := mdQuoteLine(p.src, ls, stop, next)
			if content < 0 || para != nil {
				p.found = p.found[:0]
				return false
			}
			list = false
			q := p.fresh()
			var em mdEmphasis
			if !p.decodeInline(content, stop, q, &em) || em.open != 0 {
				p.found = p.found[:0]
				return false
			}
			p.add(q, Quote, 0)
		case p.src[i] == '-', mdOrderedMarker(p.src[i:le]):
			content := -1
			if p.src[i] == '-' {
				content = mdBulletItem(p.src[i:stop])
			} else if one, c := mdOrderedItem(p.src[i:stop]); i == ls && (para == nil || paraKind == ListItem || one) {
				// An ordered item at the margin: after a blank line or a
				// heading, or after an item of any list; only a list
				// starting at 1 may interrupt a paragraph.
				content = c
			}
			if content < 0 || p.src[i+content] == '[' || p.src[i+content] == '>' { // '[': maybe a task list's check box; '>': a quote in the item
				p.found = p.found[:0]
				return false
			}
			if !closePara() {
				return false
			}
			para, paraKind, list = p.fresh(), ListItem, true
			if !p.decodeInline(i+content, stop, para, &paraEm) {
				p.found = p.found[:0]
				return false
			}
			lastStop, lastEnd = stop, le
		default:
			if c := p.src[i]; c == '+' || c == '=' {
				p.found = p.found[:0]
				return false
			}
			if para == nil {
				if list && i > ls {
					p.found = p.found[:0]
					return false // maybe a paragraph of the last item
				}
				para, paraKind, list = p.fresh(), Paragraph, false
				paraEm = mdEmphasis{}
			} else {
				// The line before ends in a line break. goldmark keeps all
				// but three of four or more blanks before a hard one: the
				// hard break takes two, and the text node its linkify
				// trigger starts at the last blank is trimmed.
				if k := lastEnd - lastStop; k >= 4 {
					para.copy(lastStop, k-3)
					lastStop += k - 3
				}
				p.lineBreak(lastStop, para)
			}
			if !p.decodeInline(i, stop, para, &paraEm) {
				p.found = p.found[:0]
				return false
			}
			lastStop, lastEnd = stop, le
		}
		ls = next
	}
	return closePara()
}

// lineStarts returns the line starts of the whole source (as
// Document.indexLines finds them) from those plainBlocks found for the
// body, the front matter's found here; nil (indexLines will find them) if
// the front matter holds a '\r', which may end a line too.
func (p *mdParser) lineStarts() []int32 {
	front := p.src[:p.base]
	if bytes.IndexByte(front, '\r') >= 0 {
		return nil
	}
	// The body's first line is the front matter's last (after a byte-order
	// mark, or the text after the closing "---" when no line follows it),
	// or starts after the front matter's last '\n', found below.
	starts := make([]int32, 1, 1+bytes.Count(front, []byte{'\n'})+len(p.starts)-1)
	for i := 0; ; {
		j := bytes.IndexByte(front[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, int32(i))
	}
	return append(starts, p.starts[1:]...)
}

// startLists keeps the Markdown parsers' lists of line starts.
var startLists = reuse.Slices[int32]{Max: maxPooledLines}

// mdTableDelimiterAt reports a line starting at src[at] (none if at is
// past the end) that starts with '|' and may be a table's delimiter row
// (mdTableDelimiter).
func mdTableDelimiterAt(src []byte, at int) bool {
	if at >= len(src) || src[at] != '|' {
		return false
	}
	end := len(src)
	if j := bytes.IndexByte(src[at:], '\n'); j >= 0 {
		end = at + j
	}
	return mdTableDelimiter(bytes.TrimRight(src[at:end], " "))
}

// plainTable reads the table whose header row starts at src[ls] and whose
// delimiter row follows it, as goldmark's table extension does, for the
// one form plainBlocks takes: every row, the delimiter row too, starts
// and ends with '|' at the margin, no cell is empty, every row has as many
// cells as the delimiter row has columns (each ":?-+:?"), and a blank line
// or the end of the body ends the table. It adds a TableRow block per row,
// header included, the cells joined by '|' mapped to the pipe before
// each (cellSeparator), and returns where the line after the last row
// starts (len(src)+1 when none does); -1, having added part of the table,
// for any other form. A cell's text is decoded as a line's (decodeInline:
// a cell is parsed on its own, its ends white space to goldmark).
func (p *mdParser) plainTable(ls int) int {
	src := p.src
	lineEnd := func(at int) int {
		if j := bytes.IndexByte(src[at:], '\n'); j >= 0 {
			return at + j
		}
		return len(src)
	}
	he := lineEnd(ls)
	ds := he + 1
	de := lineEnd(ds)
	cols := mdDelimiterColumns(bytes.TrimRight(src[ds:de], " "))
	if cols <= 0 || !p.plainRow(ls, he, cols) {
		return -1
	}
	for at := de + 1; at <= len(src); {
		e := lineEnd(at)
		if len(bytes.TrimLeft(src[at:e], " ")) == 0 {
			return at // a blank line (or the end of the body) ends the table
		}
		if src[at] != '|' || mdTableDelimiter(bytes.TrimRight(src[at:e], " ")) || !p.plainRow(at, e, cols) {
			return -1
		}
		at = e + 1
	}
	return len(src) + 1
}

// mdDelimiterColumns is the number of columns of a delimiter row (without
// its trailing blanks) that starts and ends with '|', each ":?-+:?" between
// blanks; 0 for any other line.
func mdDelimiterColumns(line []byte) int {
	if len(line) < 2 || line[0] != '|' || line[len(line)-1] != '|' {
		return 0
	}
	cols := bytes.Split(line[1:len(line)-1], []byte{'|'})
	for _, c := range cols {
		c = bytes.Trim(c, " ")
		c = bytes.TrimPrefix(c, []byte{':'})
		c = bytes.TrimSuffix(c, []byte{':'})
		if len(c) == 0 || len(bytes.Trim(c, "-")) != 0 {
			return 0
		}
	}
	return len(cols)
}

// plainRow adds the table row src[ls:le] (see plainTable) if it starts and
// ends with '|', has cols cells, none empty, and each cell's text decodes
// (decodeInline, its emphasis closed); else it returns false.
func (p *mdParser) plainRow(ls, le, cols int) bool {
	stop := le
	for stop > ls && p.src[stop-1] == ' ' {
		stop--
	}
	if stop-ls < 2 || p.src[ls] != '|' || p.src[stop-1] != '|' {
		return false
	}
	r := p.fresh()
	n := 0
	for a := ls + 1; a < stop; {
		b := a + bytes.IndexByte(p.src[a:stop], '|')
		ca, cb := a, b
		for ca < cb && p.src[ca] == ' ' {
			ca++
		}
		for cb > ca && p.src[cb-1] == ' ' {
			cb--
		}
		if ca == cb || n == cols {
			return false
		}
		if n > 0 {
			p.cellSeparator(ca-p.base, r)
		}
		var em mdEmphasis
		if !p.decodeInline(ca, cb, r, &em) || em.open != 0 {
			return false
		}
		n++
		a = b + 1
	}
	if n != cols {
		return false
	}
	p.add(r, TableRow, 0)
	return true
}

// mdQuoteLine returns where the text of a block quote starts in the line
// src[ls:stop] (stop: before its trailing blanks) that starts with '>',
// for the one form plainBlocks takes: "> " at the margin and text that
// starts no block of its own (no '#', '-', '+', '*', '=', '>', '|', '`',
// '~', digit or blank first), with the line after it (from next) blank or
// none; else -1. goldmark makes that a quote holding one paragraph of the
// text; a longer quote, or a line after it read as its lazy continuation,
// is left to goldmark.
func mdQuoteLine(src []byte, ls, stop, next int) int {
	content := ls + 2
	if content >= stop || src[ls] != '>' || src[ls+1] != ' ' {
		return -1
	}
	switch c := src[content]; {
	case c == '#' || c == '-' || c == '+' || c == '*' || c == '=' || c == '>' || c == '|' || c == '`' || c == '~' || c == ' ',
		c >= '0' && c <= '9':
		return -1
	}
	for k := next; k < len(src) && src[k] != '\n'; k++ {
		if src[k] != ' ' {
			return -1
		}
	}
	return content
}

// mdEmphasis is what decodeInline knows of a block's '*' runs so far:
// the length of the run that opened an emphasis not yet closed, or 0.
type mdEmphasis struct{ open int }

// decodeInline is decode for a line's text src[start:stop] that may hold
// '*' runs and code spans: it adds the text around them, dropping the runs
// and the spans, and returns true, if each run is one or two '*' that
// goldmark pairs with the run before or after it as emphasis and each '`'
// is a single backtick that pairs with the next on the line (a code span,
// never linted); else false, having added part of the line. Only the simplest form is taken: runs that alternate, an opener
// (left-flanking) then a closer (right-flanking) of the same length, so
// that CommonMark's delimiter algorithm matches each closer with the run
// just before it and consumes both whole (lengths 1+1 and 2+2 never meet
// its rule of three). Flanking is judged with goldmark's own character
// classes. A line whose text starts with a '*' that could start a list
// item or thematic break is refused.
func (p *mdParser) decodeInline(start, stop int, r *mdRuns, em *mdEmphasis) bool {
	line := p.src[start:stop]
	if p.links && (bytes.IndexByte(line, '[') >= 0 || bytes.IndexByte(line, ']') >= 0) {
		return p.decodeLinks(start, stop, r, em)
	}
	return p.decodeMarks(start, stop, r, em)
}

// decodeMarks is decodeInline for a line without links.
func (p *mdParser) decodeMarks(start, stop int, r *mdRuns, em *mdEmphasis) bool {
	line := p.src[start:stop]
	k := mdInlineMark(line)
	if k < 0 {
		p.decode(start, stop, r)
		return true
	}
	if line[0] == '*' && (len(line) == 1 || line[1] == ' ' || mdOnlyStars(line)) {
		return false // a '*' list item or a thematic break
	}
	from := start // the text not yet added
	for k >= 0 {
		k += from
		if p.src[k] == '`' {
			// A code span of one backtick each side, closed on this line;
			// '*' inside it is code, not emphasis.
			end := bytes.IndexByte(p.src[k+1:stop], '`')
			if end <= 0 || k+1+end+1 < stop && p.src[k+1+end+1] == '`' {
				return false // unclosed here, or longer backtick strings
			}
			p.decode(from, k, r)
			from = k + 1 + end + 1
			k = mdInlineMark(p.src[from:stop])
			continue
		}
		j := k
		for j < stop && p.src[j] == '*' {
			j++
		}
		n := j - k
		before, after := ' ', ' ' // a line's ends are white space to goldmark
		if k > start {
			before, _ = utf8.DecodeLastRune(p.src[start:k])
		}
		if j < stop {
			after, _ = utf8.DecodeRune(p.src[j:stop])
		}
		beforePunct, beforeSpace := util.IsPunctRune(before), util.IsSpaceRune(before)
		afterPunct, afterSpace := util.IsPunctRune(after), util.IsSpaceRune(after)
		canOpen := !afterSpace && (!afterPunct || beforeSpace || beforePunct)
		canClose := !beforeSpace && (!beforePunct || afterSpace || afterPunct)
		switch {
		case n > 2:
			return false
		case em.open == 0 && canOpen:
			em.open = n
		case em.open == n && canClose:
			em.open = 0
		default:
			return false
		}
		p.decode(from, k, r)
		from = j
		k = mdInlineMark(p.src[from:stop])
	}
	p.decode(from, stop, r)
	return true
}

// mdLiteralBrackets reports a body in which every '[' and ']' is text to
// goldmark, as citation markers ("[1]", "文献[2]") are: one with no link
// reference definition (its label is followed by ':' at once), so that no
// reference or shortcut link can be found (nor a footnote: its definition
// is one too). Inline links are decodeLinks' to read.
func mdLiteralBrackets(body []byte) bool {
	for i := 0; ; i++ {
		j := bytes.IndexByte(body[i:], ']')
		if j < 0 {
			break
		}
		i += j
		if i+1 < len(body) && body[i+1] == ':' {
			return false
		}
	}
	return true
}

// decodeLinks is decodeInline for a line with brackets in a body with
// inline links: it adds the line's text around its links and their text
// (none for a link whose text is its URL, see mdIsURL) and returns true
// if its brackets pair up on the line, never nested, each pair either an
// inline link "[text](dest)" whose text holds no '*', '`' or '&' and
// whose destination is simple (mdLinkDest), or text (a pair followed by
// no '('), the line has no '`' and its '*' runs are decodeInline's
// simple emphasis; else false, having added part of the line. With no
// link reference definition in the body (mdLiteralBrackets) no other
// pair is a link.
func (p *mdParser) decodeLinks(start, stop int, r *mdRuns, em *mdEmphasis) bool {
	if bytes.IndexByte(p.src[start:stop], '`') >= 0 {
		return false
	}
	from := start // the text not yet added
	for i := start; i < stop; i++ {
		switch p.src[i] {
		case ']':
			return false // closes no pair of the line
		case '[':
			j := i + 1
			for j < stop && p.src[j] != '[' && p.src[j] != ']' {
				j++
			}
			if j == stop || p.src[j] == '[' {
				return false
			}
			if j+1 == stop || p.src[j+1] != '(' {
				i = j // a pair goldmark leaves as text
				continue
			}
			end := mdLinkDest(p.src, j+2, stop)
			label := p.src[i+1 : j]
			if end < 0 || i > start && p.src[i-1] == '!' || bytes.IndexByte(label, '*') >= 0 || bytes.IndexByte(label, '&') >= 0 {
				return false // an image, or not simple
			}
			// The text before is read as a line of its own: a '*' run
			// at its ends is taken for one beside a blank, which it would
			// not be ('[', ')'), only where that refuses it.
			if !p.decodeMarks(from, i, r, em) {
				return false
			}
			if !mdIsURL(string(label), string(p.src[j+2:end])) {
				r.copy(i+1, j-i-1)
			}
			from, i = end+1, end
		}
	}
	return p.decodeMarks(from, stop, r, em)
}

// mdLinkDest returns where the destination of an inline link that starts
// at src[i] (after its "(") ends (at its ")"), or -1 when it is not
// simple: empty, in angle brackets, with a blank, a control byte or a
// backslash, or not closed before stop. Parentheses in it pair up, as
// goldmark requires ("(26)" in a DOI).
func mdLinkDest(src []byte, i, stop int) int {
	if i >= stop || src[i] == '<' || src[i] == ')' {
		return -1
	}
	open := 0
	for ; i < stop; i++ {
		switch c := src[i]; {
		case c == '(':
			open++
		case c == ')':
			if open == 0 {
				return i
			}
			open--
		case c <= ' ' || c == '\\' || c == 0x7f:
			return -1
		}
	}
	return -1
}

// mdLinkedURLPrefix is mdHasURLPrefix for a body with inline links: the
// destinations (found as decodeLinks finds them) are left out, as goldmark
// never tries linkify in them.
func mdLinkedURLPrefix(body []byte) bool {
	for {
		k := bytes.Index(body, []byte("]("))
		if k < 0 {
			return mdHasURLPrefix(body)
		}
		if mdHasURLPrefix(body[:k]) {
			return true
		}
		stop := bytes.IndexByte(body[k:], '\n')
		if stop < 0 {
			stop = len(body)
		} else {
			stop += k
		}
		end := mdLinkDest(body, k+2, stop)
		if end < 0 {
			return true // decodeLinks turns it away
		}
		body = body[end:]
	}
}

// mdInlineMark is the offset of the first '*' or '`' in s, or -1.
func mdInlineMark(s []byte) int {
	// Two of the library's fast scans beat one loop over every byte.
	star, tick := bytes.IndexByte(s, '*'), bytes.IndexByte(s, '`')
	if star < 0 || tick >= 0 && tick < star {
		return tick
	}
	return star
}

// mdOnlyStars reports a line of '*' and blanks only (a thematic break if
// it has three '*').
func mdOnlyStars(line []byte) bool {
	for _, c := range line {
		if c != '*' && c != ' ' {
			return false
		}
	}
	return true
}

// mdTableDelimiter reports a line (without its blanks at both ends) that
// goldmark's table extension may read as the delimiter row under a
// header row: only '-', '|', ':' and blanks, at least one '-' ("|---|",
// ":--", "-|-"). With no such line, '|' is text.
func mdTableDelimiter(line []byte) bool {
	dash := false
	for _, c := range line {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ':
		default:
			return false
		}
	}
	return dash
}

// mdLessThan reports whether a '<' followed by next is text ("P<0.001",
// "a < b", "<=") to goldmark: no tag, HTML block or autolink starts with
// a digit, a blank or '='. (An e-mail autolink may, but needs an '@', which
// the fast path turns away.)
func mdLessThan(next byte) bool {
	return next >= '0' && next <= '9' || next == ' ' || next == '='
}

// mdBulletItem returns where the text of a simple '-' list item starts in
// line (which starts with the '-' and has no trailing blanks), or -1 when
// the line is anything else: the marker must be followed by one to four
// spaces (five or more start indented code) and text that starts no other
// block ('#', '-', '+', '=', an ordered list marker).
func mdBulletItem(line []byte) int {
	i := 1
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i == 1 || i > 5 || i == len(line) {
		return -1
	}
	if c := line[i]; c == '#' || c == '-' || c == '+' || c == '=' || mdOrderedMarker(line[i:]) {
		return -1
	}
	return i
}

// mdOrderedItem returns, for a line (with no trailing blanks) that starts
// with an ordered list marker (mdOrderedMarker), whether its number is
// written "1" (a list starting at 1 may interrupt a paragraph; "01" is
// left out) and where the item's text starts, as mdBulletItem finds it
// after the delimiter, or -1 (more than nine digits too: no marker).
func mdOrderedItem(line []byte) (one bool, content int) {
	delim := 0
	for delim < len(line) && line[delim] >= '0' && line[delim] <= '9' {
		delim++
	}
	if delim > 9 || delim == len(line) {
		return false, -1
	}
	c := mdBulletItem(line[delim:])
	if c < 0 {
		return false, -1
	}
	return delim == 1 && line[0] == '1', delim + c
}

// mdOrderedMarker reports a line starting with an ordered list marker:
// digits, '.' or ')', then a blank or the line's end. Digits followed by
// anything else ("3.5%", "2024.") start no list: goldmark reads them as
// text. More than nine digits start no list either, but are left to
// goldmark all the same.
func mdOrderedMarker(line []byte) bool {
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') &&
		(i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t')
}

func mdContainerKind(outer, inner Kind) Kind {
	if outer == Quote {
		return Quote
	}
	return inner
}

func mdHTMLBlockSegments(h *ast.HTMLBlock) []text.Segment {
	segs := append([]text.Segment(nil), h.Lines().Sliced(0, h.Lines().Len())...)
	if h.HasClosure() {
		segs = append(segs, h.ClosureLine)
	}
	return segs
}

// add records a block unless it has no text (a paragraph holding only an
// image without alt text or a code span).
func (p *mdParser) add(r *mdRuns, kind Kind, level int) {
	if b, ok := r.block(kind); ok {
		p.found = append(p.found, mdBlock{b, level})
	}
}

// table adds one TableRow block per row, header included. Cells are joined
// with '|' so that Sentences makes each cell a sentence of its own.
func (p *mdParser) table(t *east.Table) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		r := p.fresh()
		first := true
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if cell.Lines().Len() == 0 {
				continue // padding goldmark adds for a short row: not in the source
			}
			if !first {
				p.cellSeparator(cell.Lines().At(0).Start, r)
			}
			first = false
			p.inlines(cell, r)
		}
		p.add(r, TableRow, 0)
	}
}

// cellSeparator inserts the '|' before a cell whose content starts at
// cellStart, mapped to the pipe that delimits the cell in the source when
// it is found there.
func (p *mdParser) cellSeparator(cellStart int, r *mdRuns) {
	pos := p.abs(cellStart)
	for j := pos - 1; j >= p.base; j-- {
		switch p.src[j] {
		case ' ', '\t':
			continue
		case '|':
			r.replace(j, 1, "|")
			return
		}
		break
	}
	r.replace(pos, 0, "|")
}

// inlineRuns collects the lintable text of a block's inline content.
func (p *mdParser) inlineRuns(n ast.Node) *mdRuns {
	r := p.fresh() // add copies the runs into the block before the next is read
	if lines := n.Lines(); mdPlainMarked(lines) {
		p.plainLines(lines, r)
	} else {
		p.inlines(n, r)
	}
	return r
}

// inlines walks inline nodes, keeping prose and dropping markup.
func (p *mdParser) inlines(n ast.Node, r *mdRuns) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			p.text(c, r)
		case *ast.RawHTML:
			p.htmlComments(c.Segments.Sliced(0, c.Segments.Len()))
		case *ast.Link:
			p.linkText(c, r)
		case *ast.CodeSpan, *ast.AutoLink, *ast.String,
			*east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
			// Code, URLs and generated text (String has no source) are
			// never linted.
		default:
			// Emphasis, strikethrough, link text, image alt text.
			p.inlines(c, r)
		}
	}
}

// linkText adds a link's text unless the text is itself a URL
// ("[https://x.org/a](https://x.org/a)"), which is no more prose than an
// autolink.
func (p *mdParser) linkText(l *ast.Link, r *mdRuns) {
	t := &mdRuns{src: p.src}
	p.inlines(l, t)
	if mdIsURL(t.String(), string(l.Destination)) {
		return
	}
	r.list = append(r.list, t.list...)
}

// mdIsURL reports whether link text is a URL: the destination itself when
// that looks like an address (not "[NMN](NMN)"), or a single word starting
// with a web scheme.
func mdIsURL(s, dest string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if s == dest && strings.ContainsAny(dest, "/.:@") {
		return true
	}
	lower := strings.ToLower(s)
	web := strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") ||
		strings.HasPrefix(lower, "www.")
	return web && !strings.ContainsFunc(s, unicode.IsSpace)
}

// text adds a text node's characters and the line break that ends it.
func (p *mdParser) text(t *ast.Text, r *mdRuns) {
	start, stop := p.abs(t.Segment.Start), p.abs(t.Segment.Stop)
	if start < p.base || stop > len(p.src) || start > stop {
		return // never seen; guards against a malformed segment
	}
	if t.IsRaw() {
		r.copy(start, stop-start)
	} else {
		p.decode(start, stop, r)
	}
	if t.SoftLineBreak() || t.HardLineBreak() {
		p.lineBreak(stop, r)
	}
}

// decode adds src[start:stop] with backslash escapes and character
// references resolved; each decoded character maps to the bytes that
// produced it.
func (p *mdParser) decode(start, stop int, r *mdRuns) {
	if seg := p.src[start:stop]; bytes.IndexByte(seg, '\\') < 0 && bytes.IndexByte(seg, '&') < 0 {
		r.copy(start, stop-start) // nothing to resolve, as in most text
		return
	}
	run := start // start of the verbatim run not yet added
	for i := start; i < stop; {
		c := p.src[i]
		switch {
		case c == '\\' && i+1 < stop && util.IsPunct(p.src[i+1]):
			r.copy(run, i-run)
			run = i + 1 // drop the backslash, keep the character
			i += 2
		case c == '&':
			s, n := mdEntity(p.src[i:stop])
			if n == 0 {
				i++
				continue
			}
			r.copy(run, i-run)
			r.replace(i, n, s)
			i += n
			run = i
		default:
			i++
		}
	}
	r.copy(run, stop-run)
}

// lineBreak keeps the newline that ends a line of a paragraph, copied from
// the source after any trailing blanks or the backslash of a hard break, so
// the normalizer can tell a wrapped Chinese line from an English one.
func (p *mdParser) lineBreak(stop int, r *mdRuns) {
	i := stop
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t' || p.src[i] == '\\') {
		i++
	}
	switch {
	case bytes.HasPrefix(p.src[i:], []byte("\r\n")):
		r.copy(i, 2)
	case i < len(p.src) && (p.src[i] == '\n' || p.src[i] == '\r'):
		r.copy(i, 1)
	default:
		r.replace(stop, 0, "\n") // not expected: goldmark saw a line end here
	}
}

// htmlComments records the HTML comments in raw HTML. The segments are the
// HTML's lines without container markers ("> "), so a comment spread over
// quoted lines reads as one text.
func (p *mdParser) htmlComments(segs []text.Segment) {
	var b textmap.Builder
	var buf []byte
	for _, s := range segs {
		start, stop := p.abs(s.Start), p.abs(s.Stop)
		if start < p.base || stop > len(p.src) || start >= stop {
			continue
		}
		b.Copy(start, stop-start)
		buf = append(buf, p.src[start:stop]...)
	}
	m := b.Map()
	for i := 0; ; {
		open := bytes.Index(buf[i:], []byte("<!--"))
		if open < 0 {
			return
		}
		open += i
		inner, end, ok := mdCommentEnd(buf, open+4)
		if !ok {
			return
		}
		p.comments = append(p.comments, Comment{
			Span: Span{m.Start(open), m.End(end)},
			Text: strings.TrimSpace(string(buf[open+4 : inner])),
		})
		i = end
	}
}

// mdCommentEnd finds the end of a comment whose body starts at i: the offset
// where its inner text ends and the offset after "-->". "<!-->" and
// "<!--->" are complete (empty) comments in CommonMark.
func mdCommentEnd(buf []byte, i int) (inner, end int, ok bool) {
	switch {
	case bytes.HasPrefix(buf[i:], []byte(">")):
		return i, i + 1, true
	case bytes.HasPrefix(buf[i:], []byte("->")):
		return i, i + 2, true
	}
	j := bytes.Index(buf[i:], []byte("-->"))
	if j < 0 {
		return 0, 0, false
	}
	return i + j, i + j + 3, true
}

func (p *mdParser) abs(off int) int { return p.base + off }

// finish orders the blocks by source position (goldmark moves footnote
// definitions to the end), marks the title and returns the blocks.
func (p *mdParser) finish(fm mdFront) []Block {
	found := p.found
	byStart := func(a, b mdBlock) int { return a.Map.Start(0) - b.Map.Start(0) }
	if !slices.IsSortedFunc(found, byStart) { // in order but for footnotes
		slices.SortStableFunc(found, byStart)
	}
	slices.SortStableFunc(p.comments, func(a, b Comment) int { return a.Span.Start - b.Span.Start })
	// Sized once: appending block by block allocated the list about twice.
	out := make([]Block, 0, 1+len(fm.standfirst)+len(found))
	if t, ok := fm.title.block(Title); ok {
		out = append(out, t)
	} else if i := mdTitleIndex(found); i >= 0 {
		found[i].Kind = Title
	}
	for _, r := range fm.standfirst {
		if b, ok := r.block(Paragraph); ok {
			b.Role = RoleStandfirst
			out = append(out, b)
		}
	}
	for _, b := range found {
		out = append(out, b.Block)
	}
	clear(found[:cap(found)]) // the pool must not keep the texts alive
	foundLists.Put(found)
	p.found = nil
	return out
}

// foundLists keeps the parsers' lists of found blocks: each is read into
// the document's own list at finish, then serves the next document.
var foundLists = reuse.Slices[mdBlock]{Max: maxPooledFound}

// maxPooledFound is the capacity above which a list of found blocks is
// left to the collector.
const maxPooledFound = 4096

// mdTitleIndex picks the title when front matter has none: the first H1,
// else the first heading, else the first block that is not a table row.
func mdTitleIndex(found []mdBlock) int {
	first, firstText := -1, -1
	for i, b := range found {
		switch {
		case b.level == 1:
			return i
		case b.level > 0 && first < 0:
			first = i
		case b.Kind != TableRow && firstText < 0:
			firstText = i
		}
	}
	if first >= 0 {
		return first
	}
	return firstText
}

// mdEntity decodes the character reference at the start of b ("&amp;",
// "&#20013;", "&#x4E2D;") and returns it with its length in b, or n == 0
// when b does not start with one. Invalid code points become U+FFFD as
// CommonMark says.
func mdEntity(b []byte) (s string, n int) {
	semi := bytes.IndexByte(b, ';')
	if len(b) < 3 || b[0] != '&' || semi < 0 || semi > 40 {
		return "", 0
	}
	name := string(b[1:semi])
	if strings.HasPrefix(name, "#") {
		return mdNumericEntity(name[1:], semi+1)
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return string(e.Characters), semi + 1
	}
	return "", 0
}

// mdNumericEntity decodes the digits of "&#…;" (1–7 decimal or "x" and 1–6
// hex digits, as CommonMark allows).
func mdNumericEntity(digits string, n int) (string, int) {
	base, maxLen := 10, 7
	if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
		digits, base, maxLen = digits[1:], 16, 6
	}
	if digits == "" || len(digits) > maxLen {
		return "", 0
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return "", 0
	}
	r := rune(v)
	if v == 0 || v > unicode.MaxRune || !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return string(r), n
}

// mdRun is a piece of a block's text: verbatim source bytes
// src[src:src+srcLen], or text that stands for a source range as a whole
// (a decoded entity, an inserted cell separator).
type mdRun struct {
	text        string // the text of a run that is not verbatim
	src, srcLen int
	verbatim    bool
}

// mdRuns accumulates a block's text before it is trimmed and mapped.
// Verbatim runs hold offsets, not copies: the text is copied once, when
// the block is built.
type mdRuns struct {
	src  []byte // the whole source
	list []mdRun
	maps *textmap.Builder // kept between blocks when set (see mdParser.fresh)
	// memory holds the maps of blocks built with maps.
	memory *textmap.Maps
}

// copy adds src[start:start+n], extending the last run when it ends where
// this one starts (goldmark cuts a line into text nodes at every space).
func (r *mdRuns) copy(start, n int) {
	if n <= 0 {
		return
	}
	if k := len(r.list); k > 0 {
		if last := &r.list[k-1]; last.verbatim && last.src+last.srcLen == start {
			last.srcLen += n
			return
		}
	}
	r.list = append(r.list, mdRun{src: start, srcLen: n, verbatim: true})
}

func (r *mdRuns) replace(start, srcLen int, s string) {
	r.list = append(r.list, mdRun{s, start, srcLen, false})
}

// bytesOf is the text of a run.
func (r *mdRuns) bytesOf(x mdRun) []byte {
	if x.verbatim {
		return r.src[x.src : x.src+x.srcLen]
	}
	return []byte(x.text)
}

// String is the text collected so far.
func (r *mdRuns) String() string {
	var sb strings.Builder
	for _, x := range r.list {
		sb.Write(r.bytesOf(x))
	}
	return sb.String()
}

// block trims white space at both ends and builds the block; ok is false
// when no text is left.
func (r *mdRuns) block(kind Kind) (b Block, ok bool) {
	if r == nil {
		return Block{}, false
	}
	list := r.trimmed()
	if len(list) == 0 {
		return Block{}, false
	}
	size := 0
	for _, x := range list {
		if x.verbatim {
			size += x.srcLen
		} else {
			size += len(x.text)
		}
	}
	tb := r.maps
	if tb == nil {
		tb = &textmap.Builder{}
	} else {
		tb.Reset()
	}
	var sb strings.Builder
	sb.Grow(size)
	for _, x := range list {
		if x.verbatim {
			tb.Copy(x.src, x.srcLen)
			sb.Write(r.src[x.src : x.src+x.srcLen])
		} else {
			tb.Replace(x.src, x.srcLen, len(x.text))
			sb.WriteString(x.text)
		}
	}
	m := tb.Map()
	if r.maps != nil {
		m = r.memory.Clone(tb) // the builder stays for the next block
	}
	return Block{Kind: kind, Text: sb.String(), Map: m}, true
}

// trimmed drops white space at both ends: whole runs of it, or the blank
// edge of a verbatim run (a decoded run is atomic and kept whole). The
// edge runs are trimmed in place: trimming again finds nothing more.
func (r *mdRuns) trimmed() []mdRun {
	list := r.list
	for len(list) > 0 {
		x := &list[0]
		t := bytes.TrimLeftFunc(r.bytesOf(*x), unicode.IsSpace)
		if len(t) == 0 {
			list = list[1:]
			continue
		}
		if x.verbatim {
			x.src += x.srcLen - len(t)
			x.srcLen = len(t)
		}
		break
	}
	for len(list) > 0 {
		x := &list[len(list)-1]
		t := bytes.TrimRightFunc(r.bytesOf(*x), unicode.IsSpace)
		if len(t) == 0 {
			list = list[:len(list)-1]
			continue
		}
		if x.verbatim {
			x.srcLen = len(t)
		}
		break
	}
	return list
}

// mdFront is what front matter gives the article: its title, and the
// descriptions social cards show (description, summary, subtitle,
// excerpt), linted as the standfirst.
type mdFront struct {
	title      *mdRuns
	standfirst []*mdRuns
}

// standfirstKeys are the front matter keys read as the standfirst.
var standfirstKeys = []string{"description", "summary", "subtitle", "excerpt"}

// mdFrontMatter finds YAML front matter ("---" on the first line, closed by
// "---" or "...") and returns the offset where the Markdown body starts and
// what the front matter gives. Without a closing line there is no front
// matter: the "---" is a thematic break.
func mdFrontMatter(src []byte, start int) (body int, fm mdFront) {
	if !bytes.HasPrefix(src[start:], []byte("---")) {
		return start, fm // the first line is not "---": not worth cutting the text into lines
	}
	lines := splitLines(src, start)
	if len(lines) < 2 || mdTrimmedLine(src, lines[0]) != "---" {
		return start, fm
	}
	for i := 1; i < len(lines); i++ {
		if t := mdTrimmedLine(src, lines[i]); t == "---" || t == "..." {
			body = len(src)
			if i+1 < len(lines) {
				body = lines[i+1].start
			}
			fm.title = mdYAMLKey(src, lines[1:i], "title")
			seen := map[string]bool{}
			for _, key := range standfirstKeys {
				r := mdYAMLKey(src, lines[1:i], key)
				if b, ok := r.block(Paragraph); ok && !seen[b.Text] {
					seen[b.Text] = true
					fm.standfirst = append(fm.standfirst, r)
				}
			}
			return body, fm
		}
	}
	return start, fm
}

func mdTrimmedLine(src []byte, l line) string {
	return strings.TrimRight(string(src[l.start:l.end]), " \t")
}

// mdYAMLKey reads a top-level one-line key ("title:", "description:").
// This is deliberately not a YAML parser: it handles plain, single- and
// double-quoted one-line scalars, which is what front matter titles and
// descriptions are; a block scalar gives nothing.
func mdYAMLKey(src []byte, lines []line, name string) *mdRuns {
	for _, l := range lines {
		key, _, found := strings.Cut(string(src[l.start:l.end]), ":")
		if !found || !strings.EqualFold(strings.TrimRight(key, " \t"), name) {
			continue
		}
		v := l.start + len(key) + 1
		for v < l.end && (src[v] == ' ' || src[v] == '\t') {
			v++
		}
		return mdYAMLScalar(src, v, l.end)
	}
	return nil
}

// mdYAMLScalar maps the scalar at src[start:end] without its quotes; in a
// quoted scalar the escape of the quote character is resolved.
func mdYAMLScalar(src []byte, start, end int) *mdRuns {
	r := &mdRuns{src: src}
	if start >= end {
		return r
	}
	switch src[start] {
	case '"':
		mdQuotedScalar(src, start+1, end, '"', '\\', r)
	case '\'':
		mdQuotedScalar(src, start+1, end, '\'', '\'', r)
	case '|', '>':
		return nil
	default:
		stop := end
		// A comment starts at " #".
		if i := bytes.Index(src[start:end], []byte(" #")); i >= 0 {
			stop = start + i
		}
		if i := bytes.Index(src[start:stop], []byte("\t#")); i >= 0 {
			stop = start + i
		}
		r.copy(start, stop-start)
	}
	return r
}

// mdQuotedScalar adds the characters up to the closing quote. esc is the
// escape character: '\\' in double quotes, the quote itself in single
// quotes (” is one quote). An escape is dropped and the character after it
// kept.
func mdQuotedScalar(src []byte, start, end int, quote, esc byte, r *mdRuns) {
	run := start
	for i := start; i < end; i++ {
		c := src[i]
		if c == esc && i+1 < end && (src[i+1] == quote || src[i+1] == esc) {
			r.copy(run, i-run)
			run = i + 1
			i++
			continue
		}
		if c == quote {
			end = i
			break
		}
	}
	r.copy(run, end-run)
}
