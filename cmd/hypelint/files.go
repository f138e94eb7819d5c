package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/baseline"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/encoding"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/textmap"
)

// lintAll lints the inputs and returns their reports in input order.
func (r *lintRun) lintAll(inputs []string) []report.File {
	files := make([]report.File, 0, len(inputs))
	r.lintEach(inputs, func(f report.File) bool {
		files = append(files, f)
		return true
	})
	return files
}

// lintEach lints the inputs (see inOrder) and hands each report to use in
// input order; it stops when use returns false. A failed input is
// reported on standard error at its turn.
func (r *lintRun) lintEach(inputs []string, use func(report.File) bool) {
	inOrder(inputs, r.flags.jobs, r.lintOne, textWeight, func(f report.File) bool {
		if f.Error != "" {
			r.failed = true
			fmt.Fprintf(r.env.stderr, "hypelint: %s\n", report.TerminalSafe(f.Error)) // names can hold ESC
		}
		return use(f)
	})
}

// inOrder runs lint on the inputs on a pool of jobs workers and hands each
// report to use in input order, whatever order the workers finish in, as
// soon as it and every report before it are ready, until use returns
// false.
//
// Workers run ahead of the report use waits for by two reports per worker,
// and further, up to aheadPerWorker per worker, while the finished reports
// waiting for their turn come to less than aheadBytes of text (weight): a
// slow file then holds back only a little memory, yet an archive's small
// files keep both cores busy. Two per worker left a worker idle whenever
// one file took more than about three times the others (a fifth of the
// second core on the archive).
func inOrder(inputs []string, jobs int, lint func(string) report.File, weight func(report.File) int, use func(report.File) bool) {
	workers := min(jobs, max(len(inputs), 1))
	results := make([]chan report.File, len(inputs))
	for i := range results {
		results[i] = make(chan report.File, 1)
	}
	var (
		mu      sync.Mutex
		room    = sync.NewCond(&mu) // signalled when a report is used or the run stops
		next    int                 // the next input to start
		used    int                 // reports handed to use so far
		held    int                 // weight of the finished reports not yet used
		stopped bool
	)
	mayStart := func() bool {
		ahead := next - used
		return ahead < 2*workers || ahead < aheadPerWorker*workers && held < aheadBytes
	}
	for w := 0; w < workers; w++ {
		go func() {
			for {
				mu.Lock()
				for !stopped && next < len(inputs) && !mayStart() {
					room.Wait()
				}
				if stopped || next >= len(inputs) {
					mu.Unlock()
					return
				}
				i := next
				next++
				mu.Unlock()
				f := lint(inputs[i])
				mu.Lock()
				held += weight(f)
				mu.Unlock()
				results[i] <- f
			}
		}()
	}
	defer func() {
		mu.Lock()
		stopped = true
		room.Broadcast()
		mu.Unlock()
	}()
	for i := range inputs {
		f := <-results[i]
		results[i] = nil
		if !use(f) {
			return
		}
		// Counted until used: the report use writes is held too.
		mu.Lock()
		used++
		held -= weight(f)
		room.Broadcast()
		mu.Unlock()
	}
}

// How far workers may run ahead of the report being waited for (see
// inOrder).
const (
	aheadPerWorker = 16
	aheadBytes     = 1 << 20
)

// textWeight is what a finished report holds, for inOrder: the length of
// its text (the findings and card grow with it).
func textWeight(f report.File) int {
	if d := f.Doc(); d != nil {
		return len(d.Source)
	}
	return 0
}

// lintOne reads, decodes, parses and lints one input. Any problem becomes
// an error report for that input only.
func (r *lintRun) lintOne(input string) report.File {
	f, _ := r.lintInto(input, nil)
	return f
}

// lintInto is lintOne that, given a writer whose format takes a file part
// by part, writes the findings of a long plain text as they are found
// (lint.Linter.LintStream) and returns the file without them, with the
// stream that wrote them.
func (r *lintRun) lintInto(input string, w report.Writer) (report.File, *report.FileStream) {
	name := r.displayName(input)
	cfg := r.configs.forFile(name)
	l, err := r.configs.linter(cfg)
	if err != nil {
		return report.ErrorFile(name, err), nil
	}
	data, err := r.read(input)
	if err != nil {
		return report.ErrorFile(name, err), nil
	}
	dec, err := encoding.Decode(name, data, r.flags.encoding)
	if err != nil {
		return report.ErrorFile(name, err), nil
	}
	if r.flags.verbose {
		fmt.Fprintf(r.env.stderr, "hypelint: %s: %s, config %s\n", name, describeEncoding(dec), describeConfig(cfg.Path))
	}
	in := lint.Input{Path: name, Data: dec.Text, Origin: dec.Origin, Encoding: dec.Encoding, ValidUTF8: dec.ValidUTF8, Card: r.card}
	var s *report.FileStream
	if w != nil && !r.allClaims {
		s = report.StreamFile(w, name, r.flags.locale)
	}
	// Budget by the file's size: a legacy file's text is up to 1.5× larger,
	// and the collector then works harder to keep within 3× the file. A
	// streamed card is handed out part by part, not held.
	r.memory.reserve(min(len(in.Data), len(data)), lint.Sectioned(in), in.Card && s == nil)
	if s == nil {
		res, err := l.Lint(in)
		if err != nil {
			return report.ErrorFile(name, err), nil
		}
		// The report holds copies of all it shows: the facts' memory goes
		// to the next file.
		f := r.newFile(name, res)
		res.Release()
		return f, nil
	}
	res, err := l.LintParts(context.Background(), in, s)
	switch {
	case err != nil:
		return report.ErrorFile(name, err), nil
	case res.Streamed:
		return s.End(res), s
	}
	f := r.newFile(name, res)
	res.Release()
	return f, nil
}

// newFile resolves a result for reporting, with the evidence card only for
// the formats that show it.
func (r *lintRun) newFile(name string, res *lint.Result) report.File {
	switch {
	case !r.card:
		return report.NewFileWithoutCard(name, res, r.flags.locale)
	case r.allClaims:
		return report.NewEvidenceFile(name, res, r.flags.locale)
	}
	return report.NewFile(name, res, r.flags.locale)
}

func describeEncoding(d *encoding.Decoded) string {
	if d.Guessed {
		return "encoding " + d.Encoding + " (detected)"
	}
	return "encoding " + d.Encoding
}

func describeConfig(path string) string {
	if path == "" {
		return "defaults"
	}
	return path
}

// stdinMu guards standard input, which can be read only once.
var stdinMu sync.Mutex

func (r *lintRun) read(path string) ([]byte, error) {
	if path == "-" {
		stdinMu.Lock()
		defer stdinMu.Unlock()
		data, err := io.ReadAll(io.LimitReader(r.env.stdin, textmap.MaxOffset+1))
		if err == nil {
			err = document.CheckSize(r.displayName(path), int64(len(data)))
		}
		return data, err
	}
	data, err := readFile(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("%s: %v", path, pe.Err)
	}
	return data, err
}

// saveBaseline records every finding of the reports (after --diff) and
// exits 0: adopting hypelint on an archive starts from here.
func (r *lintRun) saveBaseline(files []report.File, flt *filters) int {
	var entries []baseline.Entry
	for i := range files {
		r.keepChanged(flt, &files[i])
		entries = append(entries, flt.fp.entries(files[i])...)
	}
	return r.writeBaselineFile(entries)
}

// recordBaseline lints every input and records its findings (after
// --diff), keeping only the entries.
func (r *lintRun) recordBaseline(inputs []string, flt *filters) int {
	var entries []baseline.Entry
	r.lintEach(inputs, func(f report.File) bool {
		r.keepChanged(flt, &f)
		entries = append(entries, flt.fp.entries(f)...)
		return true
	})
	return r.writeBaselineFile(entries)
}

// writeBaselineFile writes --write-baseline and exits 0 (2 when an input
// could not be linted).
func (r *lintRun) writeBaselineFile(entries []baseline.Entry) int {
	out, err := os.Create(r.flags.writeBaseline)
	if err == nil {
		err = baseline.Write(out, entries)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: %v\n", err)
		return exitError
	}
	fmt.Fprintf(r.env.stderr, "hypelint: recorded %d findings in %s\n", len(entries), r.flags.writeBaseline)
	if r.failed {
		return exitError
	}
	return exitClean
}
