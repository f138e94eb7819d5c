package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/hypelint/hypelint/lint/locale"
	"github.com/hypelint/hypelint/lint/report"
)

// evidenceFormats are the values `hypelint evidence --format` takes.
var evidenceFormats = []string{"text", "json"}

func (e *env) evidenceCommand() *cobra.Command {
	var f lintFlags
	cmd := &cobra.Command{
		Use:   "evidence [flags] FILE...",
		Short: "Show each article's evidence card: its studies, and why flagged claims outrun them",
		Long: `Show each article's evidence card: the studies it reports (population, design,
number of subjects, venue and link, where the sentence introducing each one is) and,
for each claim a rule flagged, the study it was attributed to and why that study
does not carry it. Paths are walked as by "hypelint lint"; the rules run as the
nearest .hypelint.yaml (or --config) sets them.

Exit codes: 0 the cards were written, 2 usage, input or rule errors.`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.evidence(cmd, &f, args)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.StringVar(&f.format, "format", "text", "output format: text or json")
	fs.StringVar(&f.locale, "locale", "", "message language: en, zh-Hans or zh-Hant, or a tag such as zh-TW (default: the configuration's, else LC_ALL, LC_MESSAGES or LANG, else en)")
	fs.StringVarP(&f.output, "output", "o", "", "write the cards to this file instead of standard output")
	fs.StringVar(&f.configPath, "config", "", "use this configuration file instead of the nearest .hypelint.yaml")
	fs.StringArrayVar(&f.rules, "rules", nil, "a directory of extra rule files (and lexicon/ beside them); repeatable")
	fs.StringVar(&f.encoding, "encoding", "auto", "input encoding: auto, utf-8, gb18030 or big5")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "name for standard input (picks the format by extension and the configuration by folder)")
	fs.IntVar(&f.jobs, "jobs", 0, "files linted in parallel (default: one per core)")
	for name, choices := range map[string][]string{"format": evidenceFormats, "locale": locale.Supported, "encoding": encodings} {
		_ = cmd.RegisterFlagCompletionFunc(name, completeChoices(choices...))
	}
	return cmd
}

// evidence runs `hypelint evidence PATH...`: it lints like `hypelint lint`
// and writes the cards instead of the findings.
func (e *env) evidence(cmd *cobra.Command, f *lintFlags, args []string) error {
	f.set = map[string]bool{}
	cmd.Flags().Visit(func(fl *pflag.Flag) { f.set[fl.Name] = true })
	if err := checkChoice("format", f.format, evidenceFormats...); err != nil {
		return &usageError{err.Error()}
	}
	f.color = "never"
	if len(args) == 0 && e.stdinPiped {
		args = []string{"-"}
	}
	r, err := e.newRun(f, args)
	if err != nil {
		return err
	}
	r.card, r.allClaims = true, true
	e.code = r.writeCards()
	return nil
}

// writeCards lints every input and writes their evidence cards.
func (r *lintRun) writeCards() int {
	inputs, ok := r.gather()
	if !ok {
		return exitError
	}
	files := r.lintAll(inputs)
	if err := r.writeTo(func(w io.Writer) error {
		if r.flags.format == "json" {
			return report.WriteEvidenceJSON(w, files, version)
		}
		return report.WriteEvidence(w, files, r.flags.locale)
	}); err != nil {
		fmt.Fprintf(r.env.stderr, "hypelint: writing output: %v\n", err)
		return exitError
	}
	if r.failed {
		return exitError
	}
	return exitClean
}

// writeTo runs write on standard output or on -o FILE.
func (r *lintRun) writeTo(write func(io.Writer) error) (err error) {
	if r.flags.output == "" {
		return write(r.env.stdout)
	}
	out, err := os.Create(r.flags.output)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	return write(out)
}
