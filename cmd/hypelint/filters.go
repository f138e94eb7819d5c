package main

import (
	"fmt"
	"os"

	"github.com/hypelint/hypelint/lint/baseline"
	"github.com/hypelint/hypelint/lint/gitdiff"
	"github.com/hypelint/hypelint/lint/report"
)

// filters are --diff and --baseline, applied to each file's report as it
// comes, so that the report need not wait for every file.
type filters struct {
	changed  map[string]*gitdiff.File // --diff: what changed in each input
	known    baseline.Set             // --baseline
	baseline string                   // its name, for the justification
	fp       *fingerprinters
	hidden   int // findings the baseline hid
}

// newFilters prepares the filters of a run. Every input is matched to
// git's view before anything is linted: a file git cannot place, or a git
// failure, stops the run before any output, rather than hiding findings.
func (r *lintRun) newFilters(inputs []string) (*filters, error) {
	f := &filters{}
	if r.flags.diff != "" {
		changes := gitdiff.Since(r.flags.diff)
		f.changed = map[string]*gitdiff.File{}
		for _, in := range inputs {
			name := r.displayName(in)
			if f.changed[name] != nil {
				continue
			}
			c, err := changes.File(name)
			if err != nil {
				return nil, err
			}
			f.changed[name] = c
		}
	}
	if r.flags.baseline != "" {
		in, err := os.Open(r.flags.baseline)
		if err != nil {
			return nil, err
		}
		defer in.Close()
		if f.known, err = baseline.Read(r.flags.baseline, in); err != nil {
			return nil, err
		}
		f.baseline = r.flags.baseline
	}
	if f.known != nil || r.flags.writeBaseline != "" {
		f.fp = newFingerprinters(r, inputs)
	}
	return f, nil
}

// keepChanged drops the findings on lines that --diff says did not
// change. A file whose lines cannot be read keeps its findings, and the
// error is returned.
func (flt *filters) keepChanged(f *report.File) error {
	changed := flt.changed[f.Path]
	if changed == nil || f.Error != "" {
		return nil
	}
	kept := f.Findings[:0]
	var firstErr error
	for _, x := range f.Findings {
		touched, err := changed.Touches(x.Start.Offset, x.End.Offset)
		if err != nil {
			firstErr = fmt.Errorf("--diff: %v", err)
			touched = true // never hide a finding that cannot be placed
		}
		if touched {
			kept = append(kept, x)
		}
	}
	f.Findings = kept
	return firstErr
}

// applyBaseline hides the findings the baseline records, keeping them as
// suppressed (SARIF reports them so; the other formats leave them out).
func (flt *filters) applyBaseline(f *report.File) {
	if flt.known == nil {
		return
	}
	fp := flt.fp.of(f.Path)
	kept := f.Findings[:0]
	for _, x := range f.Findings {
		if flt.known.Has(fp.Next(x.Rule, f.Path, x.Excerpt)) {
			flt.hidden++
			f.Suppressed = append(f.Suppressed, report.Suppressed{Finding: x, Kind: report.External,
				Justification: "recorded in the baseline " + flt.baseline})
			continue
		}
		kept = append(kept, x)
	}
	f.Findings = kept
	flt.fp.done(f.Path)
}

// fingerprinters number each file's findings for a baseline as one
// baseline.Fingerprinter over the whole run would (a path given twice
// goes on counting), forgetting a path after its last input: a run-wide
// one held a key for every finding of the archive.
type fingerprinters struct {
	left   map[string]int // inputs still to come for each path
	byPath map[string]*baseline.Fingerprinter
}

func newFingerprinters(r *lintRun, inputs []string) *fingerprinters {
	fps := &fingerprinters{left: map[string]int{}, byPath: map[string]*baseline.Fingerprinter{}}
	for _, in := range inputs {
		fps.left[r.displayName(in)]++
	}
	return fps
}

// of returns the fingerprinter of a path.
func (fps *fingerprinters) of(path string) *baseline.Fingerprinter {
	fp := fps.byPath[path]
	if fp == nil {
		fp = baseline.NewFingerprinter()
		fps.byPath[path] = fp
	}
	return fp
}

// done says one input of path is finished.
func (fps *fingerprinters) done(path string) {
	if fps.left[path]--; fps.left[path] <= 0 {
		delete(fps.byPath, path)
		delete(fps.left, path)
	}
}

// entries are the baseline entries of a file's findings.
func (fps *fingerprinters) entries(f report.File) []baseline.Entry {
	fp := fps.of(f.Path)
	out := make([]baseline.Entry, 0, len(f.Findings))
	for _, x := range f.Findings {
		out = append(out, fp.Next(x.Rule, f.Path, x.Excerpt))
	}
	fps.done(f.Path)
	return out
}

// none reports whether the filters leave every finding as it is.
func (flt *filters) none() bool { return flt.changed == nil && flt.known == nil }
