package main

import (
	"fmt"
	"os"

	"github.com/hypelint/hypelint/lint/report"
)

// githubExtras follows --format github's annotations: a note on standard
// error when GitHub will not show them all, and, when the runner names a
// step summary file (GITHUB_STEP_SUMMARY), a Markdown summary appended to
// it.
func (r *lintRun) githubExtras(g *report.GitHubWriter) error {
	if note := g.Overflow(); note != "" {
		fmt.Fprintf(r.env.stderr, "hypelint: %s.\n", note)
	}
	path := r.env.getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("GITHUB_STEP_SUMMARY: %v", err)
	}
	err = g.WriteSummary(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
