package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/config"
	"github.com/hypelint/hypelint/lint/measure"
	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/ruletest"
	"github.com/hypelint/hypelint/lint/score"
)

func (e *env) rulesCommand() *cobra.Command {
	var f ruleSetFlags
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules, as the nearest .hypelint.yaml sets them",
		Long: `List every rule: the built-in ones, those of --rules directories and the
configuration's extra: directories. SEVERITY is as the configuration sets it;
"off" marks a rule it does not run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := e.loadRuleSet(&f, cmd)
			if err != nil {
				return err
			}
			return e.listRules(s)
		},
	}
	registerRuleSetFlags(cmd, &f, "message language")
	return cmd
}

// listRules prints one line per rule.
func (e *env) listRules(s *ruleSet) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tSEVERITY\tSCOPE\tMESSAGE")
	for _, r := range s.all.Rules.Rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Category, s.state(r.ID), r.Scope, firstSentence(r.Message(s.locale, "…")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if s.cfg.Path != "" {
		fmt.Fprintf(e.stdout, "\nAs configured by %s.\n", s.cfg.Path)
	}
	return nil
}

func (e *env) explainCommand() *cobra.Command {
	var f ruleSetFlags
	cmd := &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain one rule, with its source and examples",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := e.loadRuleSet(&f, cmd)
			if err != nil {
				return err
			}
			return e.explain(s, args[0])
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			s, err := e.loadRuleSet(&f, cmd)
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			var ids []string
			for _, r := range s.all.Rules.Rules {
				if strings.HasPrefix(r.ID, prefix) {
					ids = append(ids, r.ID+"\t"+r.Category)
				}
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
	}
	registerRuleSetFlags(cmd, &f, "explanation language")
	return cmd
}

// explain prints a rule's explanation, source and examples.
func (e *env) explain(s *ruleSet, id string) error {
	r := s.all.Rules.Get(id)
	if r == nil {
		var ids []string
		for _, r := range s.all.Rules.Rules {
			ids = append(ids, r.ID)
		}
		msg := fmt.Sprintf("no rule %q", id)
		if near := nearest(id, ids); len(near) > 0 {
			msg += "; did you mean " + quoteOr(near[:min(len(near), 3)]) + "?"
		} else {
			msg += "; \"hypelint rules\" lists them"
		}
		return errors.New(msg)
	}
	severity := r.Severity.String()
	switch state := s.state(r.ID); {
	case state == "off":
		severity = "off in " + s.cfg.Path + ", " + severity + " when on"
	case state != severity:
		severity = state + " in " + s.cfg.Path + ", " + severity + " by default"
	}
	fmt.Fprintf(e.stdout, "%s (%s, %s, scope %s)\n\n", r.ID, r.Category, severity, r.Scope)
	explanation := strings.TrimSpace(r.ExplanationIn(s.locale))
	if explanation == "" { // optional for a house rule: its message says what it wants
		explanation = r.Message(s.locale, "…")
	}
	fmt.Fprintf(e.stdout, "%s\n", explanation)
	for _, x := range r.Swap {
		fmt.Fprintf(e.stdout, "  %s → %s\n", x.Term, x.With)
	}
	if r.Source != "" { // optional for a house rule
		fmt.Fprintf(e.stdout, "\nSource: %s\n", r.Source)
	}
	// The examples are run, so that one the rule no longer (or never) meets
	// is not shown as if it held: a house rule's examples run nowhere else
	// unless its author runs hypelint test.
	res, err := ruletest.Run(s.all, []*rule.Rule{r})
	if err != nil {
		return err
	}
	failed := map[exampleKey]string{}
	for _, f := range res.Failures {
		failed[exampleKey{f.Example.Bad, f.Example.Text}] = f.Problem
	}
	printExamples(e, "Flagged", r.Examples.Bad, true, failed)
	printExamples(e, "Not flagged", r.Examples.Good, false, failed)
	if n := len(res.Failures); n > 0 {
		fmt.Fprintf(e.stdout, "\n%d of these examples fail (marked ✗): hypelint test %s\n", n, filepath.Dir(r.File))
	}
	return nil
}

// exampleKey names an example by its kind and text.
type exampleKey struct {
	bad  bool
	text string
}

// printExamples lists examples under heading, marking those in failed
// with what went wrong.
func printExamples(e *env, heading string, examples []string, bad bool, failed map[exampleKey]string) {
	if len(examples) == 0 {
		return
	}
	fmt.Fprintf(e.stdout, "\n%s:\n", heading)
	for _, ex := range examples {
		lines := strings.Split(strings.TrimSpace(ex), "\n")
		if problem, ok := failed[exampleKey{bad, ex}]; ok {
			fmt.Fprintf(e.stdout, "  ✗ %s  (fails: %s)\n", lines[0], problem)
		} else {
			fmt.Fprintf(e.stdout, "  - %s\n", lines[0])
		}
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

func (e *env) evalCommand() *cobra.Command {
	var f ruleSetFlags
	cmd := &cobra.Command{
		Use:   "eval FILE.jsonl...",
		Short: "Measure the rules on labelled articles (precision, recall, F1, MCC)",
		Long: `Measure the rules on labelled articles: one JSON object per line with "id",
"text" and "expect" (category → whether the article should be flagged). The rules
run as the nearest .hypelint.yaml (or --config) sets them.`,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: completeFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := e.loadRuleSet(&f, cmd)
			if err != nil {
				return err
			}
			e.code = e.eval(s.active, args)
			return nil
		},
	}
	registerRuleSetFlags(cmd, &f, "unused by eval; accepted for symmetry")
	_ = cmd.Flags().MarkHidden("locale")
	return cmd
}

// eval lints labelled articles and prints per-category quality figures.
func (e *env) eval(l *lint.Linter, files []string) int {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\tcategory\tn\tpositives\tTP\tFP\tFN\tTN\tprecision\trecall\tF1\tMCC\t")
	status := exitClean
	for _, name := range files {
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

func (e *env) initCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented .hypelint.yaml (never over an existing one)",
		Args:  cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			path, err := config.WriteStarter(dir)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "wrote %s\n", path)
			return nil
		},
	}
}

func (e *env) explainScoreCommand() *cobra.Command {
	var f ruleSetFlags
	cmd := &cobra.Command{
		Use:               "explain-score [FILE...]",
		Short:             "How the credibility score works, and each file's breakdown",
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := e.loadRuleSet(&f, cmd)
			if err != nil {
				return err
			}
			e.code = e.explainScore(s, args)
			return nil
		},
	}
	registerRuleSetFlags(cmd, &f, "criteria language")
	return cmd
}

// explainScore prints how the credibility score is computed and, for files
// given, their breakdown.
func (e *env) explainScore(s *ruleSet, files []string) int {
	l, locale := s.active, s.locale
	fmt.Fprintf(e.stdout, "%s\n\n", strings.TrimSpace(scoreFormula))
	for _, c := range score.Sources(locale) {
		fmt.Fprintf(e.stdout, "  %-16s %s\n", c.ID, c.Question)
	}
	status := exitClean
	for _, path := range files {
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
