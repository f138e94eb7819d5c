package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
)

// evidenceCommand prints each file's evidence card: the studies hypelint
// found and, for each finding judged against a study, the study it rests
// on. It is what an editor checks by hand (issue 15 §6).
func (e *env) evidenceCommand() *cobra.Command {
	var f ruleSetFlags
	cmd := &cobra.Command{
		Use:               "evidence FILE...",
		Short:             "List the studies an article reports and what each flagged claim rests on",
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: completeFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := e.loadRuleSet(&f, cmd)
			if err != nil {
				return err
			}
			status := exitClean
			for _, path := range args {
				data, err := os.ReadFile(path)
				var res *lint.Result
				if err == nil {
					res, err = s.active.Lint(lint.Input{Path: path, Data: data})
				}
				if err != nil {
					fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
					status = exitError
					continue
				}
				writeEvidence(e.stdout, path, res, s.locale)
			}
			e.code = status
			return nil
		},
	}
	registerRuleSetFlags(cmd, &f, "message language")
	return cmd
}

// writeEvidence prints one file's card.
func writeEvidence(w io.Writer, path string, res *lint.Result, locale string) {
	doc := res.Doc
	fmt.Fprintf(w, "%s\n", path)
	if len(res.Facts.Studies) == 0 {
		fmt.Fprintf(w, "  studies: none reported\n")
	} else {
		fmt.Fprintf(w, "  studies:\n")
	}
	for _, st := range res.Facts.Studies {
		fmt.Fprintf(w, "    #%d %s\n", st.Index, describeStudy(st))
		fmt.Fprintf(w, "       %s  %s\n", position(doc, st.Span), excerpt(doc, st.Span, 60))
	}
	judged := false
	for _, f := range res.Findings {
		if f.Study == nil {
			continue
		}
		if !judged {
			fmt.Fprintf(w, "  findings judged against a study:\n")
			judged = true
		}
		fmt.Fprintf(w, "    %s [%s] %s\n", position(doc, f.Span), f.Rule.ID, f.Message(locale))
		fmt.Fprintf(w, "       rests on study #%d (%s), %s\n", f.Study.Index, describeStudy(f.Study), position(doc, f.Study.Span))
	}
	fmt.Fprintln(w)
}

// describeStudy says who was studied, how, how many and where it appeared.
func describeStudy(st *facts.Study) string {
	parts := []string{st.Population, st.Design}
	switch {
	case st.Sized:
		parts = append(parts, fmt.Sprintf("n=%d", st.Size))
	case st.Size > 0:
		parts = append(parts, fmt.Sprintf("%d animals", st.Size))
	default:
		parts = append(parts, "no size given")
	}
	if st.Venue {
		parts = append(parts, "venue named")
	} else {
		parts = append(parts, "no venue named")
	}
	if st.Intervened {
		parts = append(parts, "intervened")
	}
	return strings.Join(parts, ", ")
}

func position(doc *document.Document, span document.Span) string {
	p := doc.Position(span.Start)
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// excerpt is the span's source text on one line, cut to about max runes.
func excerpt(doc *document.Document, span document.Span, max int) string {
	text := strings.Join(strings.Fields(string(doc.Source[span.Start:span.End])), " ")
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	r := []rune(text)
	return string(r[:max]) + "…"
}
