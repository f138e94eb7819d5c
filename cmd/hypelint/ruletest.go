package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hypelint/hypelint/lint/rule"
	"github.com/hypelint/hypelint/lint/ruletest"
)

func (e *env) testCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run rules' examples: the built-in rules', or those of each DIR",
		Long: `Run every rule's examples and report each one that fails, with its file and line:
a bad example must produce the rule's finding (exactly on the spans it marks with
{{…}}, 【…】 or span:, when it marks any), a good one none.

With no DIR the built-in rules are tested; otherwise the rules in each DIR (the rule
files directly in it, lexicon files in DIR/lexicon), loaded beside the built-in ones.
Every mistake in a rule file is reported in the same run.

Exit codes: 0 every example passes, 1 some fail, 2 a rule file could not be loaded.`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeFiles,
		RunE: func(_ *cobra.Command, dirs []string) error {
			code, err := e.testRules(dirs)
			e.code = code
			return err
		},
	}
}

// testRules runs the examples of the rules in dirs (all rules: none given).
func (e *env) testRules(dirs []string) (int, error) {
	l, err := loadLinter(dirs)
	if err != nil {
		return exitError, err
	}
	rules := l.Rules.Rules
	if len(dirs) > 0 {
		rules = rulesIn(rules, dirs)
		if len(rules) == 0 {
			return exitError, fmt.Errorf("no rules in %s", strings.Join(dirs, ", "))
		}
	}
	res, err := ruletest.Run(l, rules)
	if err != nil {
		return exitError, err
	}
	for _, f := range res.Failures {
		fmt.Fprintln(e.stdout, f.Error())
	}
	switch {
	case len(res.Failures) > 0:
		fmt.Fprintf(e.stdout, "%d of %d examples failed (%d rules).\n", len(res.Failures), res.Examples, res.Rules)
		return exitFindings, nil
	case res.Examples == 0:
		fmt.Fprintf(e.stdout, "%d rules, no examples to run.\n", res.Rules)
	default:
		fmt.Fprintf(e.stdout, "All %d examples of %d rules pass.\n", res.Examples, res.Rules)
	}
	return exitClean, nil
}

// rulesIn returns the rules defined in files directly in dirs.
func rulesIn(rules []*rule.Rule, dirs []string) []*rule.Rule {
	var out []*rule.Rule
	for _, r := range rules {
		for _, d := range dirs {
			if path.Dir(filepath.ToSlash(r.File)) == path.Clean(filepath.ToSlash(d)) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
