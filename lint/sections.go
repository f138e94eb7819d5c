package lint

import (
	"cmp"
	"context"

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
// It stops with ctx.Err() between sections once ctx is done.
func (l *Linter) lintSections(ctx context.Context, in Input, size int) (*Result, error) {
	shell, err := document.TextShell(in.Path, in.Data)
	if err != nil {
		return nil, err
	}
	in.decoded(shell)
	sections := shell.TextSections(size)
	f := l.analyzer.Begin(shell)
	err = eachSection(ctx, shell, sections, func(sec *document.Document) {
		if t := sec.Title(); t != nil {
			// Document-level findings sit on the title's line.
			shell.Blocks = append(shell.Blocks, *t)
		}
		shell.Comments = append(shell.Comments, sec.Comments...)
		l.analyzer.Blocks(f, sec)
	})
	if err != nil {
		return nil, err
	}
	l.analyzer.Finish(f)

	f.Restart()
	run := l.Rules.Start(f)
	var card *evidence.Card
	if in.Card {
		card = evidence.New(f) // the first pass found the studies
	}
	var ruleErr error
	err = eachSection(ctx, shell, sections, func(sec *document.Document) {
		if ruleErr != nil {
			return
		}
		blocks := l.analyzer.Blocks(f, sec)
		l.analyzer.Complete(f, blocks)
		ruleErr = run.Blocks(blocks)
		if card != nil {
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
	res := l.result(shell, f, findings)
	if card != nil {
		card.Attach(res.Findings)
		res.Card = card
	}
	return res, nil
}

// eachSection parses the sections of shell in order, until ctx is done.
func eachSection(ctx context.Context, shell *document.Document, sections []document.Span, fn func(*document.Document)) error {
	titled := false
	for _, span := range sections {
		if err := ctx.Err(); err != nil {
			return err
		}
		sec := shell.ParseSection(span, titled)
		titled = titled || sec.Title() != nil
		fn(sec)
	}
	return nil
}
