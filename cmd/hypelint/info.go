package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/config"
	"github.com/hypelint/hypelint/lint/locale"
	"github.com/hypelint/hypelint/lint/measure"
	"github.com/hypelint/hypelint/lint/score"
)

// subcommand parses the flags shared by rules, explain and eval and loads
// the rule set. It returns nil after printing the problem.
func (e *env) subcommand(name string, args []string) (*lint.Linter, *flag.FlagSet, string) {
	fs := flag.NewFlagSet("hypelint "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var dirs ruleDirs
	fs.Var(&dirs, "rules", "a directory of extra rule files (and lexicon/ beside them); repeatable")
	lang := fs.String("locale", "", "explanation language: en, zh-Hans or zh-Hant (default: from LC_ALL, LC_MESSAGES or LANG)")
	if err := fs.Parse(args); err != nil {
		return nil, nil, ""
	}
	chosen, _ := locale.FromEnv(e.getenv)
	if *lang != "" {
		var ok bool
		if chosen, ok = locale.Match(*lang); !ok {
			fmt.Fprintf(e.stderr, "hypelint: --locale %q: want en, zh-Hans or zh-Hant\n", *lang)
			return nil, nil, ""
		}
	}
	l, err := loadLinter(dirs)
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
		return nil, nil, ""
	}
	return l, fs, chosen
}

// listRules prints one line per rule.
func (e *env) listRules(args []string) int {
	l, fs, _ := e.subcommand("rules", args)
	if l == nil {
		return exitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "hypelint rules: unexpected argument %q\n", fs.Arg(0))
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
	l, fs, locale := e.subcommand("explain", args)
	if l == nil {
		return exitError
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "Usage: hypelint explain [--locale en|zh-Hans|zh-Hant] RULE")
		return exitError
	}
	r := l.Rules.Get(fs.Arg(0))
	if r == nil {
		fmt.Fprintf(e.stderr, "hypelint explain: no rule %q; \"hypelint rules\" lists them\n", fs.Arg(0))
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
	l, fs, _ := e.subcommand("eval", args)
	if l == nil {
		return exitError
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "Usage: hypelint eval [--rules DIR] FILE.jsonl...")
		return exitError
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\tcategory\tn\tpositives\tTP\tFP\tFN\tTN\tprecision\trecall\tF1\tMCC\t")
	status := exitClean
	for _, name := range fs.Args() {
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

// initConfig writes a starter .hypelint.yaml, never over an existing one.
func (e *env) initConfig(args []string) int {
	dir := "."
	switch len(args) {
	case 0:
	case 1:
		dir = args[0]
	default:
		fmt.Fprintln(e.stderr, "Usage: hypelint init [DIR]")
		return exitError
	}
	path, err := config.WriteStarter(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint init: %v\n", err)
		return exitError
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", path)
	return exitClean
}

// explainScore prints how the credibility score is computed and, for files
// given, their breakdown.
func (e *env) explainScore(args []string) int {
	l, fs, locale := e.subcommand("explain-score", args)
	if l == nil {
		return exitError
	}
	fmt.Fprintf(e.stdout, "%s\n\n", strings.TrimSpace(scoreFormula))
	for _, c := range score.Sources(locale) {
		fmt.Fprintf(e.stdout, "  %-16s %s\n", c.ID, c.Question)
	}
	status := exitClean
	for _, path := range fs.Args() {
		data, err := os.ReadFile(path)
		var res *lint.Result
		if err == nil {
			res, err = l.Lint(lint.Input{Path: path, Data: data})
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
			status = exitError
			continue
		}
		s := score.Compute(res.Facts, res.Findings, locale)
		fmt.Fprintf(e.stdout, "\n%s: %d/100\n", path, s.Value)
		for _, c := range s.Criteria {
			state := "not applicable"
			switch {
			case c.Satisfied:
				state = "met"
			case c.Applicable:
				state = fmt.Sprintf("not met (%d findings)", c.Findings)
			}
			fmt.Fprintf(e.stdout, "  %-16s %s\n", c.ID, state)
		}
	}
	return status
}

const scoreFormula = `
The credibility score follows HealthNewsReview's star ratings: how well an article meets the
criteria that apply to it. Most criteria are one finding category each; a criterion applies
when the article gives it something to judge (the animal criterion only for articles that
report animal or cell work). It earns 1 with no finding of its category and less the more
weight its findings carry:

    earned = 1 ÷ (1 + 2 × weight)      weight: error 1, warning ½, info 0;
                                       half as much in someone else's words
                                       (quoted, reported, asked) or in a caption or quotation
    score  = round(100 × geometric mean of max(earned, 0.2) over the applicable criteria)
                                                             (100 when none applies)

The geometric mean lets one badly failed criterion (an article full of miracle claims) pull
the score down further than a plain average would; the floor of 0.2 keeps it from zeroing it.

Two criteria read facts instead: "limits" is met when the article says what its evidence
cannot show (a limitations section, a caveat, "not yet shown in people", or an argument
against the claims it reports), and "promotion" also needs the article to sell nothing.
Applicability and these facts depend on the article, not on its findings, and a finding only
adds weight, so an extra finding never raises the score. Findings hidden by a suppression
comment do not count; findings hidden by a baseline or --diff still do (the score rates the
article, not the change).

Criteria:`
