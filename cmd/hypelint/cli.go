package main

// The command line is built with github.com/spf13/cobra (on spf13/pflag):
// GNU-style flags anywhere on the line, "--" to end them, help for every
// command, "did you mean" suggestions, and completion scripts for bash, zsh
// and fish generated from the same definitions, so they never drift from
// the flags. Cobra is what gh, kubectl and hugo use; kong would give the
// parsing but not the completion machinery.

import (
	"errors"
	"fmt"
	"github.com/hypelint/hypelint/lint/editdist"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// usageError is a mistake on the command line: reported with a pointer to
// the help, exit 2.
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// dispatch runs the command line args and returns the exit status.
func (e *env) dispatch(args []string) int {
	root := e.commands()
	root.SetArgs(longSingleDash(root, args))
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	e.code = exitClean
	cmd, err := root.ExecuteC()
	if err == nil {
		return e.code
	}
	if cmd == nil {
		cmd = root
	}
	fmt.Fprintf(e.stderr, "%s: %v\n", cmd.CommandPath(), err)
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(e.stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return exitError
}

// commands builds the command tree. Linting is the root command's own
// action, so `hypelint PATH...` and `hypelint lint PATH...` are the same.
func (e *env) commands() *cobra.Command {
	var rootFlags lintFlags
	root := &cobra.Command{
		Use:   "hypelint [flags] PATH...",
		Short: "Flag hype and missing credibility signals in health-science news",
		Long: `hypelint flags hype and missing credibility signals in health-science news
written in Chinese (Simplified and Traditional) and English.

With no command it lints: every PATH (a file, or a directory walked for .txt, .md,
.markdown, .html and .htm files); "-", or standard input when it is piped and no PATH
is given. To lint a file named like a command, write ./NAME or put it after "--".

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or rule errors.`,
		Version:           version,
		Args:              cobra.ArbitraryArgs,
		SilenceErrors:     true,
		SilenceUsage:      true,
		ValidArgsFunction: completeFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := e.notACommand(cmd, args); err != nil {
				return err
			}
			return e.lint(cmd, &rootFlags, args)
		},
	}
	// --version prints what `hypelint version` prints, worked out only
	// then: the rule set's checksum reads every rule and lexicon file.
	root.SetVersionTemplate("{{hypelintVersion}}")
	root.SetFlagErrorFunc(suggestFlag)
	root.SuggestionsMinimumDistance = 2
	root.CompletionOptions.HiddenDefaultCmd = false
	registerLintFlags(root, &rootFlags)

	var lintCmdFlags lintFlags
	lintCmd := &cobra.Command{
		Use:               "lint [flags] PATH...",
		Short:             "Lint files or directories (the default command)",
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.lint(cmd, &lintCmdFlags, args)
		},
	}
	registerLintFlags(lintCmd, &lintCmdFlags)
	root.AddCommand(lintCmd, e.rulesCommand(), e.explainCommand(), e.explainScoreCommand(), e.evalCommand(),
		e.initCommand(), e.serveCommand(), e.lspCommand(), e.evidenceCommand(), e.testCommand(), e.versionCommand())
	root.SetHelpCommand(e.helpCommand(root))
	for _, c := range root.Commands() {
		c.SetFlagErrorFunc(suggestFlag)
		if check := c.Args; check != nil {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return &usageError{err.Error()}
				}
				return nil
			}
		}
	}
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = "print the version and the rule set's checksum"
	return root
}

// helpCommand is `hypelint help [COMMAND]`; an unknown topic is a usage
// error (cobra's own would print the root help and exit 0).
func (e *env) helpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, c := range root.Commands() {
				if c.IsAvailableCommand() && len(args) == 0 {
					names = append(names, c.Name()+"\t"+c.Short)
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil {
				return err
			}
			if len(rest) > 0 || target == root && len(args) > 0 {
				msg := fmt.Sprintf("no help for %q", strings.Join(args, " "))
				if near := nearest(args[len(args)-1], commandNames(target)); len(near) > 0 {
					msg += "; did you mean " + quoteOr(near) + "?"
				}
				return &usageError{msg}
			}
			target.InitDefaultHelpFlag()
			return target.Help()
		},
	}
}

func (e *env) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and the rule set's checksum",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return printVersion(e.stdout)
		},
	}
}

// notACommand refuses a first argument that looks like a mistyped command
// rather than a path: it names no existing file, came before any "--", and
// is close to a command's name (or has no extension or folder in it). Such
// a line lints nothing: `hypelint expain ID` must not report a missing
// file "expain" and lint a file "ID".
func (e *env) notACommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 || cmd.ArgsLenAtDash() == 0 || args[0] == "-" {
		return nil
	}
	first := args[0]
	if _, err := os.Lstat(first); err == nil {
		return nil
	}
	if s := nearest(first, commandNames(cmd)); len(s) > 0 {
		return usageErrorf("unknown command %q; did you mean %s?", first, quoteOr(s))
	}
	if !strings.ContainsAny(first, `./\`) {
		return usageErrorf("unknown command %q, and no file or folder has that name", first)
	}
	return nil
}

// commandNames are the names of cmd's visible subcommands.
func commandNames(cmd *cobra.Command) []string {
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return names
}

// suggestFlag adds the nearest flag's name to an unknown-flag error.
func suggestFlag(cmd *cobra.Command, err error) error {
	msg := err.Error()
	var name string
	switch {
	case strings.HasPrefix(msg, "unknown flag: --"):
		name = strings.TrimPrefix(msg, "unknown flag: --")
	case strings.HasPrefix(msg, "unknown shorthand flag: "):
		// "unknown shorthand flag: 'x' in -xyz"
		if i := strings.Index(msg, " in -"); i >= 0 {
			name = msg[i+len(" in -"):]
		}
	default:
		return usageErrorf("%s", msg)
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	msg = fmt.Sprintf("unknown flag %q for %q", flagSpelling(msg, name), cmd.CommandPath())
	if near := nearest(name, names); len(near) > 0 {
		for i := range near {
			near[i] = "--" + near[i]
		}
		msg += "; did you mean " + quoteOr(near) + "?"
	}
	return &usageError{msg}
}

func flagSpelling(msg, name string) string {
	if strings.HasPrefix(msg, "unknown flag: --") {
		return "--" + name
	}
	return "-" + name
}

// nearest returns the names within edit distance 2 of s, or that s is a
// prefix of, closest first.
func nearest(s string, names []string) []string {
	type scored struct {
		name string
		d    int
	}
	var found []scored
	for _, n := range names {
		d := editdist.Levenshtein(strings.ToLower(s), strings.ToLower(n))
		if d <= 2 || len(s) > 1 && strings.HasPrefix(n, s) {
			found = append(found, scored{n, d})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return a.d - b.d })
	out := make([]string, len(found))
	for i, f := range found {
		out[i] = f.name
	}
	return out
}

// quoteOr writes `"a"`, `"a" or "b"`, `"a", "b" or "c"`.
func quoteOr(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// longSingleDash rewrites "-format" as "--format" (before any "--"): the
// standard flag package accepted long flags with one dash, and scripts
// written for it keep working. Shorthands (-o, -v, -h) are left alone.
func longSingleDash(root *cobra.Command, args []string) []string {
	known := map[string]bool{}
	var visit func(*cobra.Command)
	visit = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { known[f.Name] = true })
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { known[f.Name] = true })
		for _, sub := range c.Commands() {
			visit(sub)
		}
	}
	visit(root)
	out := make([]string, len(args))
	for i, a := range args {
		if a == "--" {
			copy(out[i:], args[i:])
			break
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		if len(a) > 2 && a[0] == '-' && a[1] != '-' && len(name) > 1 && known[name] {
			a = "-" + a
		}
		out[i] = a
	}
	return out
}

// completeFiles lets the shell complete file names.
func completeFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveDefault
}

// completeChoices completes a flag's value from a fixed list.
func completeChoices(choices ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return choices, cobra.ShellCompDirectiveNoFileComp
	}
}
