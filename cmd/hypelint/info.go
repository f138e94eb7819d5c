package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/measure"
)

// listRules prints one line per rule.
func (e *env) listRules(args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(e.stderr, "hypelint rules: unexpected argument %q\n", args[0])
		return exitError
	}
	l, err := lint.Default()
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
		return exitError
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tSEVERITY\tSCOPE\tMESSAGE")
	for _, r := range l.Rules.Rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, r.Scope, firstSentence(r.Message("en", "…")))
	}
	tw.Flush()
	return exitClean
}

// explain prints a rule's explanation, source and examples.
func (e *env) explain(args []string) int {
	locale := "en"
	if len(args) == 3 && args[1] == "--locale" {
		locale, args = args[2], args[:1]
	}
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "Usage: hypelint explain RULE [--locale en|zh-Hans|zh-Hant]")
		return exitError
	}
	l, err := lint.Default()
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
		return exitError
	}
	r := l.Rules.Get(args[0])
	if r == nil {
		fmt.Fprintf(e.stderr, "hypelint explain: no rule %q; \"hypelint rules\" lists them\n", args[0])
		return exitError
	}
	fmt.Fprintf(e.stdout, "%s (%s, %s, scope %s)\n\n", r.ID, r.Category, r.Severity, r.Scope)
	fmt.Fprintf(e.stdout, "%s\n", strings.TrimSpace(r.ExplanationIn(locale)))
	fmt.Fprintf(e.stdout, "\nSource: %s\n", r.Source)
	printExamples(e, "Flagged", r.Examples.Bad)
	printExamples(e, "Not flagged", r.Examples.Good)
	return exitClean
}

func printExamples(e *env, heading string, examples []string) {
	if len(examples) == 0 {
		return
	}
	fmt.Fprintf(e.stdout, "\n%s:\n", heading)
	for _, ex := range examples {
		lines := strings.Split(strings.TrimSpace(ex), "\n")
		fmt.Fprintf(e.stdout, "  - %s\n", lines[0])
		for _, l := range lines[1:] {
			if strings.TrimSpace(l) != "" {
				fmt.Fprintf(e.stdout, "    %s\n", l)
			}
		}
	}
}

func firstSentence(s string) string {
	if i := strings.Index(s, "; "); i > 0 {
		return s[:i]
	}
	return s
}

// eval lints labelled articles and prints per-category quality figures.
func (e *env) eval(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "Usage: hypelint eval FILE.jsonl...")
		return exitError
	}
	l, err := lint.Default()
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
		return exitError
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\tcategory\tn\tpositives\tTP\tFP\tFN\tTN\tprecision\trecall\tF1\tMCC\t")
	status := exitClean
	for _, name := range args {
		scores, err := scoreFile(l, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "hypelint eval: %v\n", err)
			status = exitError
			continue
		}
		for _, cat := range measure.Categories(scores) {
			c := scores[cat]
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.2f\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, cat, c.N(), c.Positives(),
				c.TP, c.FP, c.FN, c.TN, c.Precision(), c.Recall(), c.F1(), c.MCC())
		}
	}
	tw.Flush()
	return status
}

func scoreFile(l *lint.Linter, name string) (map[string]*measure.Confusion, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	items, err := measure.ReadItems(name, f)
	if err != nil {
		return nil, err
	}
	return measure.Score(items, func(it measure.Item) (map[string]bool, error) {
		res, err := l.LintText(it.ID, []byte(it.Text))
		if err != nil {
			return nil, err
		}
		got := map[string]bool{}
		for _, x := range res.Findings {
			got[x.Rule.Category] = true
		}
		return got, nil
	})
}
