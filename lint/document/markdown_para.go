package document

import (
	"bytes"
	"encoding/binary"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/hypelint/hypelint/lint/internal/swar"
)

// mdPlainMark ends the lines of a paragraph that mdPlainParagraphs found
// to hold no inline markup. goldmark reads a block's lines only up to the
// end of the last one, which here is 0, so it parses no inline content in
// the paragraph, and mdParser.plainLines reads the lines instead. A real
// line is never empty, so the mark is not taken for one.
var mdPlainMark = text.NewSegment(0, 0)

// mdPlainParagraphs is a goldmark paragraph transformer that marks (see
// mdPlainMark) the paragraphs in which no inline parser of the goldmark
// parser it belongs to would find anything, so that goldmark's inline
// parsing, which steps through every byte of a paragraph, never runs on
// them. A paragraph is marked only when every line holds no byte of stop,
// no blank before its line break (goldmark would trim it or make a hard
// break) and, with linkify, nothing linkify could link. The transformer
// runs after the others (tables, link reference definitions). A setext
// underline may take a marked paragraph's lines for a heading: goldmark
// parses a heading's inline content as a paragraph's, and mdParser reads
// the marked lines of both alike.
type mdPlainParagraphs struct {
	// stop: the bytes a registered inline parser triggers on (but ' ' and
	// '(' when only linkify does), the backslash (escapes, hard breaks)
	// and the control bytes but '\n'.
	stop    [256]bool
	linkify bool // linkify is registered (see mdLinkifyFree)
	off     bool // a parser other than linkify triggers at line starts
}

// newMdPlainParagraphs derives the transformer from the inline parsers
// registered; linkify is the linkify parser among them, if any.
func newMdPlainParagraphs(inline util.PrioritizedSlice, linkify parser.InlineParser) *mdPlainParagraphs {
	t := &mdPlainParagraphs{}
	for c := 0; c < ' '; c++ {
		t.stop[c] = c != '\n'
	}
	t.stop['\\'] = true
	for _, v := range inline {
		ip := v.Value.(parser.InlineParser)
		if linkify != nil && v.Value == any(linkify) {
			t.linkify = true
			for _, c := range ip.Trigger() {
				if c != ' ' && c != '(' {
					t.stop[c] = true
				}
			}
			continue
		}
		for _, c := range ip.Trigger() {
			t.stop[c] = true
			if c == ' ' {
				t.off = true // tried at every line's start
			}
		}
	}
	return t
}

func (t *mdPlainParagraphs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if t.off {
		return
	}
	lines, src := node.Lines(), reader.Source()
	n := lines.Len()
	if n == 0 {
		return
	}
	for i := 0; i < n; i++ {
		s := lines.At(i)
		if s.Padding != 0 || s.ForceNewline || !t.plainLine(src[s.Start:s.Stop]) {
			return
		}
	}
	// The paragraph parser trims the last line's end, but after the mark
	// it would trim the mark's.
	last := lines.At(n - 1)
	lines.Set(n-1, last.TrimRightSpace(src))
	lines.Append(mdPlainMark)
}

// plainLine reports a paragraph line (with its line break) in which no
// inline parser finds anything and which ends in no blank.
func (t *mdPlainParagraphs) plainLine(line []byte) bool {
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) == 0 || line[len(line)-1] == ' ' {
		return false
	}
	k := 0
	for ; k+8 <= len(line); k += 8 {
		if binary.LittleEndian.Uint64(line[k:])&swar.Highs == swar.Highs {
			continue // non-ASCII bytes: never a trigger
		}
		for _, c := range line[k : k+8] {
			if t.stop[c] {
				return false
			}
		}
	}
	for _, c := range line[k:] {
		if t.stop[c] {
			return false
		}
	}
	return !t.linkify || mdLinkifyFree(line)
}

// mdLinkifyFree reports a line where linkify links nothing: it links only
// an address (around an '@') or a word starting with one of
// mdHasURLPrefix's prefixes.
func mdLinkifyFree(line []byte) bool {
	return bytes.IndexByte(line, '@') < 0 && !mdHasURLPrefix(line)
}

// plainLines adds the text of a paragraph marked by mdPlainParagraphs,
// as goldmark's text nodes would give it: each line without its blanks
// at both ends (the paragraph parser trimmed their starts), the lines
// joined by their line breaks.
func (p *mdParser) plainLines(lines *text.Segments, r *mdRuns) {
	for i := 0; i < lines.Len()-1; i++ {
		s := lines.At(i)
		start, stop := p.abs(s.Start), p.abs(s.Stop)
		if start < p.base || stop > len(p.src) || start > stop {
			continue // never seen; guards against a malformed segment
		}
		br := stop > start && p.src[stop-1] == '\n'
		for stop > start && util.IsSpace(p.src[stop-1]) {
			stop--
		}
		p.decode(start, stop, r)
		if br {
			p.lineBreak(stop, r)
		}
	}
}

// mdPlainMarked reports lines marked by mdPlainParagraphs.
func mdPlainMarked(lines *text.Segments) bool {
	n := lines.Len()
	return n >= 2 && lines.At(n-1) == mdPlainMark
}

// mdRecorder is a goldmark parser that keeps a copy of the configuration
// it is given, so the inline parsers registered can be read.
type mdRecorder struct {
	parser.Parser
	config *parser.Config
}

func (r *mdRecorder) AddOptions(opts ...parser.Option) {
	for _, o := range opts {
		o.SetParserOption(r.config)
	}
	r.Parser.AddOptions(opts...)
}

// newRecordedParser is goldmark.New(opts...)'s parser (goldmark's default
// parser, opts' extensions and parser options), with the configuration
// it got.
func newRecordedParser(opts ...goldmark.Option) *mdRecorder {
	r := &mdRecorder{Parser: parser.NewParser(), config: parser.NewConfig()}
	r.AddOptions(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	goldmark.New(append([]goldmark.Option{goldmark.WithParser(r)}, opts...)...)
	return r
}
