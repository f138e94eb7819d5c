package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/hypelint/hypelint/lint/fix"
	"github.com/hypelint/hypelint/lint/report"
)

// fixing reports whether the run applies or shows fixes (--fix,
// --diff-fixes).
func (r *lintRun) fixing() bool { return r.flags.fix || r.flags.diffFixes }

// fixFiles applies the safe fixes of the reported findings (pure term
// swaps from house rules): with --diff-fixes it prints them as a unified
// diff and writes nothing; with --fix it writes each file, unless the file
// changed since it was read. It returns how many files it changed (or
// would change).
func (r *lintRun) fixFiles(files []report.File) int {
	stdinName := ""
	if slices.Contains(r.paths, "-") {
		stdinName = r.displayName("-")
	}
	changed, fixed := 0, 0
	for _, f := range files {
		edits := safeEdits(f)
		if len(edits) == 0 {
			continue
		}
		doc := f.Doc()
		if doc.Origin != nil {
			fmt.Fprintf(r.env.stderr, "hypelint: %s: not fixed: fixes are applied to UTF-8 files only (this one is %s)\n", f.Path, doc.Encoding)
			continue
		}
		original := doc.Source
		out, made := fix.Apply(original, edits)
		if r.flags.diffFixes {
			if err := fix.WriteDiff(r.env.stdout, filepath.ToSlash(f.Path), original, made); err != nil {
				fmt.Fprintf(r.env.stderr, "hypelint: writing the diff: %v\n", err)
				r.failed = true
				return changed
			}
			changed++
			continue
		}
		if f.Path == stdinName {
			fmt.Fprintf(r.env.stderr, "hypelint: %s: not fixed: standard input cannot be written (use --diff-fixes)\n", f.Path)
			continue
		}
		if err := writeIfUnchanged(f.Path, original, out); err != nil {
			fmt.Fprintf(r.env.stderr, "hypelint: %s: not fixed: %v\n", f.Path, err)
			r.failed = true
			continue
		}
		changed++
		fixed += len(made)
	}
	if r.flags.fix && !r.flags.quiet {
		fmt.Fprintf(r.env.stderr, "hypelint: fixed %d %s in %d %s\n", fixed, plural(fixed, "finding"), changed, plural(changed, "file"))
	}
	return changed
}

// safeEdits are the safe fixes of a file's reported findings, at file
// offsets.
func safeEdits(f report.File) []fix.Edit {
	var edits []fix.Edit
	for _, x := range f.Findings {
		for _, fx := range x.Fixes {
			if fx.Safe {
				edits = append(edits, fix.Edit{Start: fx.Span.Start.Offset, End: fx.Span.End.Offset, Text: fx.Replacement})
				break
			}
		}
	}
	return edits
}

// writeIfUnchanged replaces the file at path by content, unless its bytes
// are no longer original (an editor saved it while hypelint ran). The new
// content goes to a temporary file beside it, renamed over it, so that a
// reader never sees half a file; the file keeps its permissions.
func writeIfUnchanged(path string, original, content []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	current, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(current, original) {
		return fmt.Errorf("the file changed while hypelint ran (or its bytes are not the text linted); run hypelint --fix again")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".hypelint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up after a failure
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
