package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os/signal"
	"syscall"

	"github.com/hypelint/hypelint/lint/server"
)

// serve runs the local web page until interrupted.
func (e *env) serve(args []string) int {
	fs := flag.NewFlagSet("hypelint serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	allowRemote := fs.Bool("allow-remote", false, "allow an --addr other machines can reach")
	locale := fs.String("locale", "en", "message language when the page names none: en, zh-Hans or zh-Hant")
	var dirs ruleDirs
	fs.Var(&dirs, "rules", "a directory of extra rule files (and lexicon/ beside them); repeatable")
	if err := fs.Parse(args); err != nil {
		return exitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "hypelint serve: unexpected argument %q\n", fs.Arg(0))
		return exitError
	}
	if err := checkChoice("locale", *locale, "en", "zh-Hans", "zh-Hant"); err != nil {
		fmt.Fprintf(e.stderr, "hypelint serve: %v\n", err)
		return exitError
	}
	l, err := loadLinter(dirs)
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint: %v\n", err)
		return exitError
	}
	ln, err := server.Listen(*addr, *allowRemote)
	if err != nil {
		fmt.Fprintf(e.stderr, "hypelint serve: %v\n", err)
		return exitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := e.serveOn(ctx, ln, server.New(l, version, *locale)); err != nil {
		fmt.Fprintf(e.stderr, "hypelint serve: %v\n", err)
		return exitError
	}
	return exitClean
}

// serveOn serves s on ln until ctx is done, then lets requests in flight
// finish.
func (e *env) serveOn(ctx context.Context, ln net.Listener, s *server.Server) error {
	fmt.Fprintf(e.stdout, "hypelint serve: open http://%s/ (Ctrl-C stops)\n", ln.Addr())
	return s.Serve(ctx, ln)
}
