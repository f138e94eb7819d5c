package lint

import (
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/evidence"
)

// SectionSize is about how much of a long plain text is analysed at a
// time. A whole document's facts take some twenty times its size (a
// normalized view, offset maps, hits and numbers for every sentence), so a
// 100 MB book held whole took gigabytes; in sections the memory follows
// the section instead.
const SectionSize = 1 << 20

// lintSections lints a long plain text in sections of about size bytes (see
// document.TextSections) with the same findings as linting it whole. Rules
// read document facts (which kinds of evidence the article reports, its
// counts of each class) when judging each sentence, so it goes twice over
// the sections: once to total the document facts, dropping each section
// after its totals are taken, and once more to run the rules with them.
func (l *Linter) lintSections(in Input, size int) (*Result, error) {
	shell, err := document.TextShell(in.Path, in.Data)
	if err != nil {
		return nil, err
	}
	in.decoded(shell)
	sections := shell.TextSections(size)
	f := l.analyzer.Begin(shell)
	eachSection(shell, sections, func(sec *document.Document) {
		if t := sec.Title(); t != nil {
			// Document-level findings sit on the title's line.
			shell.Blocks = append(shell.Blocks, *t)
		}
		shell.Comments = append(shell.Comments, sec.Comments...)
		l.analyzer.Blocks(f, sec)
	})
	l.analyzer.Finish(f)

	f.Restart()
	run := l.Rules.Start(f)
	var card *evidence.Card
	if in.Card {
		card = evidence.New(f) // the first pass found the studies
	}
	eachSection(shell, sections, func(sec *document.Document) {
		if err != nil {
			return
		}
		blocks := l.analyzer.Blocks(f, sec)
		l.analyzer.Complete(f, blocks)
		err = run.Blocks(blocks)
		if card != nil {
			card.Add(f, blocks)
		}
	})
	if err != nil {
		return nil, err
	}
	findings, err := run.Finish()
	if err != nil {
		return nil, err
	}
	res := l.result(shell, f, findings)
	if card != nil {
		card.Attach(res.Findings)
		res.Card = card
	}
	return res, nil
}

// eachSection parses the sections of shell in order.
func eachSection(shell *document.Document, sections []document.Span, fn func(*document.Document)) {
	titled := false
	for _, span := range sections {
		sec := shell.ParseSection(span, titled)
		titled = titled || sec.Title() != nil
		fn(sec)
	}
}
