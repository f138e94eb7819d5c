package lint

import (
	"bytes"
	"cmp"
	"context"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/suppress"
)

// SectionSize is about how much of a long plain text is analysed at a
// time. A whole document's facts take some twenty times its size (a
// normalized view, offset maps, hits and numbers for every sentence), so a
// 100 MB book held whole took gigabytes; in sections the memory follows
// the section instead.
const SectionSize = 1 << 20

// PieceSize is about how much of a block longer than that is analysed at
// a time (see document.SectionParts). Smaller than a section: a block that
// long is no article paragraph but a file without blank lines, often dense
// with findings, whose facts take more per byte.
const PieceSize = 256 << 10

// lintSections lints a long plain text in sections of about size bytes (see
// document.TextSections), with blocks longer than pieceSize cut into pieces
// at sentence ends (document.SectionParts), with the same findings as
// linting it whole. Rules read document facts (which kinds of evidence the
// article reports, its counts of each class) when judging each sentence, so
// it goes twice over the sections: once to total the document facts,
// dropping each section after its totals are taken, and once more to run
// the rules with them. It stops with ctx.Err() between sections once ctx
// is done.
//
// A piece is numbered, placed (lead, limitations, end matter) and sized as
// the block it was cut from; only a rule condition on the whole paragraph
// (has(paragraph, …)) sees the piece rather than the block, which differs
// only in blocks longer than pieceSize, far longer than any paragraph.
//
// With parts set and no suppression directives in the text, the findings
// go to parts part by part, in order, with the claims of the evidence card
// when in.Card asks for it, and the result has neither (Streamed).
func (l *Linter) lintSections(ctx context.Context, in Input, size, pieceSize int, parts Parts) (*Result, error) {
	shell, err := document.TextShell(in.Path, in.Data, in.ValidUTF8)
	if err != nil {
		return nil, err
	}
	in.decoded(shell)
	sections := shell.TextSections(size)
	f := l.analyzer.Begin(shell)
	var card *evidence.Card
	if in.Card && parts != nil {
		// Studies described on the first pass are final when the second
		// hands out claims (and findings judged against a study).
		card = evidence.New(f)
	}
	cut := cutBlocks{sized: map[int]bool{}, counts: map[int][]int{}}
	err = eachPart(ctx, shell, sections, pieceSize, func(sec *document.Document) {
		if t := sec.Title(); t != nil {
			// Document-level findings sit on the title's line (the whole
			// title's, when it is cut into pieces).
			if last := len(shell.Blocks) - 1; t.Continues && last >= 0 {
				shell.Blocks[last] = document.Rejoin(shell.Blocks[last], *t)
			} else {
				shell.Blocks = append(shell.Blocks, *t)
			}
		}
		shell.Comments = append(shell.Comments, sec.Comments...)
		blocks := l.analyzer.Blocks(f, sec)
		for _, b := range blocks {
			cut.total(b, len(f.Lex.Classes))
		}
		if card != nil {
			card.Describe(f, blocks)
		}
	})
	if err != nil {
		return nil, err
	}
	l.analyzer.Finish(f)

	f.Restart()
	run := l.Rules.Start(f)
	defer run.Release()
	if parts != nil && len(suppress.Parse(shell)) > 0 {
		parts = nil // directives may hide findings anywhere, or be unused: take them whole
	}
	if in.Card && parts == nil {
		card = evidence.New(f) // the first pass found the studies
	}
	if parts != nil {
		if err := run.Document(); err != nil {
			return nil, err
		}
		if err := parts.Begin(shell, f, card); err != nil {
			return nil, err
		}
	}
	var ruleErr error
	err = eachPart(ctx, shell, sections, pieceSize, func(sec *document.Document) {
		if ruleErr != nil {
			return
		}
		blocks := l.analyzer.Blocks(f, sec)
		for _, b := range blocks {
			cut.complete(b)
		}
		l.analyzer.Complete(f, blocks)
		ruleErr = run.Blocks(blocks)
		switch {
		case ruleErr != nil:
		case parts != nil:
			found := run.Take()
			sortByPosition(found)
			var claims []*evidence.Claim
			if card != nil {
				claims = card.Part(f, blocks, found)
			}
			ruleErr = parts.Part(found, claims)
		case card != nil:
			card.Add(f, blocks)
		}
	})
	if err = cmp.Or(err, ruleErr); err != nil {
		return nil, err
	}
	findings, err := run.Finish()
	if err != nil {
		return nil, err
	}
	if parts != nil {
		if card != nil {
			card.Part(f, nil, findings) // none come after the parts; any would be about a study
		}
		if err := parts.Part(findings, nil); err != nil {
			return nil, err
		}
		return &Result{Doc: shell, Facts: f, Card: card, Streamed: true}, nil
	}
	res := l.result(shell, f, findings)
	if card != nil {
		card.Attach(res.Findings)
		res.Card = card
	}
	return res, nil
}

// eachPart parses the sections of shell in order, in parts (see
// document.SectionParts), until ctx is done.
func eachPart(ctx context.Context, shell *document.Document, sections []document.Span, pieceSize int, fn func(*document.Document)) error {
	titled := false
	for _, span := range sections {
		if err := ctx.Err(); err != nil {
			return err
		}
		for part := range shell.SectionParts(span, titled, pieceSize) {
			if err := ctx.Err(); err != nil {
				return err
			}
			titled = titled || part.Title() != nil
			fn(part)
		}
	}
	return nil
}

// cutBlocks holds what the pieces of a cut block must know of the whole
// block: whether a sample size is given in it, and its hits of each class
// (for rule conditions on the paragraph), by block index.
type cutBlocks struct {
	sized  map[int]bool
	counts map[int][]int
	last   *facts.Block // the block before, perhaps the first piece of a cut one
}

// total takes a block's part of the totals, on the first pass.
func (c *cutBlocks) total(b *facts.Block, classes int) {
	if b.SampleSize {
		c.sized[b.Index] = true
	}
	if b.Source.Continues {
		counts := c.counts[b.Index]
		if counts == nil {
			counts = make([]int, classes)
			c.counts[b.Index] = counts
			addHits(counts, c.last)
		}
		addHits(counts, b)
	}
	c.last = b
}

func addHits(counts []int, b *facts.Block) {
	for _, s := range b.Sentences {
		for _, h := range s.Hits {
			counts[h.Class]++
		}
	}
}

// complete gives a block the whole block's facts, on the second pass.
func (c *cutBlocks) complete(b *facts.Block) {
	if counts := c.counts[b.Index]; counts != nil {
		b.Counts = counts
	}
	if c.sized[b.Index] && !b.SampleSize { // a piece of a block sized in another piece
		b.SampleSize = true
		for _, s := range b.Sentences {
			s.SizeKnown = true
		}
	}
}

// hasLongLine reports a line of data longer than n bytes.
func hasLongLine(data []byte, n int) bool {
	for len(data) > n {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return true
		}
		if i > n {
			return true
		}
		data = data[i+1:]
	}
	return false
}
