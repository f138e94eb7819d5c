// Command hypelint flags hype and missing credibility signals in
// health-science news written in Chinese (Simplified and Traditional) and
// English.
//
// Usage:
//
//	hypelint [lint] [flags] PATH...   lint files or directories ("-" or a pipe reads standard input)
//	hypelint rules                    list the rules, as the configuration sets them
//	hypelint explain RULE             explain one rule, with its source and examples
//	hypelint explain-score [FILE...]  how the credibility score works, and each file's breakdown
//	hypelint eval FILE.jsonl...       measure the rules on labelled articles
//	hypelint evidence FILE...         each article's evidence card: its studies, and why flagged claims outrun them
//	hypelint init [DIR]               write a commented .hypelint.yaml
//	hypelint serve [--addr HOST:PORT] a local web page: paste a draft, see its findings in place
//	hypelint lsp                      a language server on standard input and output
//	hypelint completion bash|zsh|fish shell completion
//	hypelint version
//
// The command line is built with github.com/spf13/cobra (see cli.go).
//
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or
// rule errors.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	if os.Getenv("HYPELINT_MEMPROFILE") == "" {
		// Sampling allocations for a profile nobody asked for walks the
		// stack every 512 KiB allocated: ten times while loading the
		// rules, 2% of a small file's run.
		runtime.MemProfileRate = 0
	}
	stop := startProfile(os.Getenv("HYPELINT_CPUPROFILE"))
	ownsRuntime = true
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	writeHeapProfile(os.Getenv("HYPELINT_MEMPROFILE"))
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

// writeHeapProfile writes a heap profile to path at the end of a run
// (HYPELINT_MEMPROFILE): its alloc_space view shows where a large input's
// memory went.
func writeHeapProfile(path string) {
	if path == "" {
		return
	}
	// The profile counts allocations up to the last completed collection:
	// without one here a run's last few megabytes were missing, and two
	// runs' totals differed by more than the change being measured.
	runtime.GC()
	f, err := os.Create(path)
	if err == nil {
		err = pprof.WriteHeapProfile(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "hypelint: HYPELINT_MEMPROFILE: %v\n", err)
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
	isTerminal     bool // standard output is a terminal
	stdinPiped     bool // standard input is a pipe or a file, not a terminal
	freshReports   bool // a streamed JSON run reuses no written file's memory (tests compare with it)

	code int // the exit status a command sets when it succeeds
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv,
		isTerminal: isTerminal(stdout), stdinPiped: isPiped(stdin)}
	return e.dispatch(args)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// isPiped reports whether r is a pipe or a regular file (`cmd | hypelint`,
// `hypelint < a.md`): then a run without paths reads it. A terminal or
// /dev/null (a character device, as CI jobs often have) is not read, so a
// forgotten path is an error rather than an empty, passing run.
func isPiped(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && (info.Mode()&os.ModeNamedPipe != 0 || info.Mode().IsRegular())
}
