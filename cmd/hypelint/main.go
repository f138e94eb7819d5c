// Command hypelint flags hype and missing credibility signals in
// health-science news written in Chinese (Simplified and Traditional) and
// English.
//
// Usage:
//
//	hypelint [lint] [flags] PATH...   lint files or directories ("-" reads standard input)
//	hypelint rules                    list the rules
//	hypelint explain RULE             explain one rule, with its source and examples
//	hypelint explain-score [FILE...]  how the credibility score works, and each file's breakdown
//	hypelint eval FILE.jsonl...       measure the rules on labelled articles
//	hypelint init [DIR]               write a commented .hypelint.yaml
//	hypelint serve [--addr HOST:PORT] a local web page: paste a draft, see its findings in place
//	hypelint lsp                      a language server on standard input and output
//	hypelint version
//
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or
// rule errors.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	stop := startProfile(os.Getenv("HYPELINT_CPUPROFILE"))
	ownsRuntime = true
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole run to path (bench/run and
// anyone chasing a slow run set HYPELINT_CPUPROFILE); it returns the
// function that finishes it.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "hypelint: HYPELINT_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// ownsRuntime is set when the driver runs as its own process, which may
// tune the Go runtime's memory use (see memoryBudget); tests that run it in
// process leave their runtime alone.
var ownsRuntime bool

// env is the driver's view of the outside world, so tests can run it in
// process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	isTerminal     bool
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, isTerminal: isTerminal(stdout)}
	return e.dispatch(args)
}

func (e *env) dispatch(args []string) int {
	cmd := "lint"
	if len(args) > 0 {
		switch args[0] {
		case "lint", "rules", "explain", "explain-score", "eval", "init", "serve", "lsp", "version", "help":
			cmd, args = args[0], args[1:]
		case "-h", "--help":
			cmd, args = "help", nil
		}
	}
	switch cmd {
	case "rules":
		return e.listRules(args)
	case "explain":
		return e.explain(args)
	case "eval":
		return e.eval(args)
	case "init":
		return e.initConfig(args)
	case "explain-score":
		return e.explainScore(args)
	case "serve":
		return e.serve(args)
	case "lsp":
		return e.lspServer(args)
	case "version":
		fmt.Fprintf(e.stdout, "hypelint %s\n", version)
		return exitClean
	case "help":
		fmt.Fprint(e.stdout, usage)
		return exitClean
	}
	return e.lint(args)
}

const usage = `hypelint flags hype and missing credibility signals in health-science news.

Usage:
  hypelint [lint] [flags] PATH...   lint files or directories ("-" reads standard input)
  hypelint rules                    list the rules
  hypelint explain RULE             explain one rule, with its source and examples
  hypelint explain-score [FILE...]  how the credibility score works, and each file's breakdown
  hypelint eval FILE.jsonl...       measure the rules on labelled articles
  hypelint init [DIR]               write a commented .hypelint.yaml
  hypelint serve [--addr HOST:PORT] a local web page: paste a draft, see its findings in place
  hypelint lsp                      a language server on standard input and output (for editors)
  hypelint version

Run "hypelint lint -h" for the lint flags.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or rule errors.
`

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
