package main

import (
	"bytes"
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
	"github.com/hypelint/hypelint/lint/gitdiff"
	"github.com/hypelint/hypelint/lint/report"
	"github.com/hypelint/hypelint/lint/textmap"
)

// lintAll lints the inputs and returns their reports in input order.
func (r *lintRun) lintAll(inputs []string) []report.File {
	files := make([]report.File, 0, len(inputs))
	r.lintEach(inputs, func(f report.File) { files = append(files, f) })
	return files
}

// lintEach lints the inputs on a bounded pool of workers and hands each
// report to use in input order, whatever order the workers finish in, as
// soon as it and every report before it are ready. A failed input is
// reported on standard error at its turn.
func (r *lintRun) lintEach(inputs []string, use func(report.File)) {
	results := make([]chan report.File, len(inputs))
	for i := range results {
		results[i] = make(chan report.File, 1)
	}
	jobs := make(chan int)
	for w := 0; w < min(r.flags.jobs, max(len(inputs), 1)); w++ {
		go func() {
			for i := range jobs {
				results[i] <- r.lintOne(inputs[i])
			}
		}()
	}
	go func() {
		for i := range inputs {
			jobs <- i
		}
		close(jobs)
	}()
	for i := range inputs {
		f := <-results[i]
		results[i] = nil
		if f.Error != "" {
			r.failed = true
			fmt.Fprintf(r.env.stderr, "hypelint: %s\n", report.TerminalSafe(f.Error)) // names can hold ESC
		}
		use(f)
	}
}

// lintOne reads, decodes, parses and lints one input. Any problem becomes
// an error report for that input only.
func (r *lintRun) lintOne(input string) report.File {
	name := r.displayName(input)
	cfg := r.configs.forFile(name)
	l, err := r.configs.linter(cfg)
	if err != nil {
		return report.ErrorFile(name, err)
	}
	data, err := r.read(input)
	if err != nil {
		return report.ErrorFile(name, err)
	}
	dec, err := encoding.Decode(name, data, r.flags.encoding)
	if err != nil {
		return report.ErrorFile(name, err)
	}
	if r.flags.verbose {
		fmt.Fprintf(r.env.stderr, "hypelint: %s: %s, config %s\n", name, describeEncoding(dec), describeConfig(cfg.Path))
	}
	in := lint.Input{Path: name, Data: dec.Text, Origin: dec.Origin, Encoding: dec.Encoding, Card: r.card}
	// Budget by the file's size: a legacy file's text is up to 1.5× larger,
	// and the collector then works harder to keep within 3× the file.
	r.memory.reserve(min(len(in.Data), len(data)), lint.Sectioned(in))
	res, err := l.Lint(in)
	if err != nil {
		return report.ErrorFile(name, err)
	}
	if !r.card {
		return report.NewFileWithoutCard(name, res, r.flags.locale)
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

// readFile reads a file whose size stat allows (see document.CheckSize).
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := document.CheckSize(path, info.Size()); err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead)) // read without regrowing
	_, err = buf.ReadFrom(io.LimitReader(f, textmap.MaxOffset+1))
	return buf.Bytes(), err
}

// saveBaseline records every finding and exits 0: adopting hypelint on an
// archive starts from here.
func (r *lintRun) saveBaseline(files []report.File) int {
	fp := baseline.NewFingerprinter()
	var entries []baseline.Entry
	for _, f := range files {
		for _, x := range f.Findings {
			entries = append(entries, fp.Next(x.Rule, f.Path, x.Excerpt))
		}
	}
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

// applyBaseline hides the findings a baseline records (keeping them as
// suppressed) and returns how many.
func (r *lintRun) applyBaseline(files []report.File) (int, error) {
	if r.flags.baseline == "" {
		return 0, nil
	}
	in, err := os.Open(r.flags.baseline)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	known, err := baseline.Read(r.flags.baseline, in)
	if err != nil {
		return 0, err
	}
	fp := baseline.NewFingerprinter()
	hidden := 0
	for i := range files {
		kept := files[i].Findings[:0]
		for _, x := range files[i].Findings {
			if known.Has(fp.Next(x.Rule, files[i].Path, x.Excerpt)) {
				hidden++
				// SARIF reports it as suppressed; the other formats leave it out.
				files[i].Suppressed = append(files[i].Suppressed, report.Suppressed{Finding: x, Kind: report.External,
					Justification: "recorded in the baseline " + r.flags.baseline})
				continue
			}
			kept = append(kept, x)
		}
		files[i].Findings = kept
	}
	return hidden, nil
}

// keepChanged drops findings on lines that --diff says did not change.
// Every linted file must be matched to git's view: a file git cannot
// place, or a git failure, stops the run rather than hiding findings.
func (r *lintRun) keepChanged(files []report.File) error {
	if r.flags.diff == "" {
		return nil
	}
	changes := gitdiff.Since(r.flags.diff)
	for i := range files {
		if files[i].Error != "" {
			continue
		}
		changed, err := changes.File(files[i].Path)
		if err != nil {
			return err
		}
		kept := files[i].Findings[:0]
		for _, x := range files[i].Findings {
			touched, err := changed.Touches(x.Start.Offset, x.End.Offset)
			if err != nil {
				return fmt.Errorf("--diff: %v", err)
			}
			if touched {
				kept = append(kept, x)
			}
		}
		files[i].Findings = kept
	}
	return nil
}
