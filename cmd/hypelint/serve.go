package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

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
	if err := e.serveOn(ctx, ln, server.New(l, version, *locale).Handler()); err != nil {
		fmt.Fprintf(e.stderr, "hypelint serve: %v\n", err)
		return exitError
	}
	return exitClean
}

// serveOn serves h on ln until ctx is done, then lets requests in flight
// finish.
func (e *env) serveOn(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.stdout, "hypelint serve: open http://%s/ (Ctrl-C stops)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
