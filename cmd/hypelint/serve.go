package main

import (
	"context"
	"fmt"
	"net"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/hypelint/hypelint/lint/server"
)

func (e *env) serveCommand() *cobra.Command {
	var f ruleSetFlags
	var addr string
	var allowRemote bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "A local web page: paste a draft, see its findings in place",
		Long: `A local web page: paste a draft, see its findings in place. The rules run as the
nearest .hypelint.yaml (or --config) sets them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := e.loadRuleSet(&f, cmd)
			if err != nil {
				return err
			}
			return e.serve(s, addr, allowRemote)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	cmd.Flags().BoolVar(&allowRemote, "allow-remote", false, "allow an --addr other machines can reach")
	registerRuleSetFlags(cmd, &f, "message language when the page names none")
	return cmd
}

// serve runs the local web page until interrupted.
func (e *env) serve(s *ruleSet, addr string, allowRemote bool) error {
	ln, err := server.Listen(addr, allowRemote)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	return e.serveOn(ctx, ln, server.New(s.active, version, s.locale))
}

// serveOn serves s on ln until ctx is done, then lets requests in flight
// finish.
func (e *env) serveOn(ctx context.Context, ln net.Listener, s *server.Server) error {
	fmt.Fprintf(e.stdout, "hypelint serve: open http://%s/ (Ctrl-C stops)\n", ln.Addr())
	return s.Serve(ctx, ln)
}
