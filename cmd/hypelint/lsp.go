package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/config"
	"github.com/hypelint/hypelint/lint/lsp"
)

func (e *env) lspCommand() *cobra.Command {
	var dirs []string
	var configPath string
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "A language server on standard input and output (for editors)",
		Long: `A language server on standard input and output (for editors). Each document is
linted as the .hypelint.yaml nearest it (or --config) says. Exit status: 0 after
shutdown and exit, 1 when the client left without shutdown, 2 for usage errors.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return e.lspServer(dirs, configPath)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&configPath, "config", "", "use the configuration `FILE` instead of the nearest .hypelint.yaml")
	fs.StringArrayVar(&dirs, "rules", nil, "a directory `DIR` of extra rule files (and lexicon/ beside them); repeatable")
	fs.Bool("stdio", true, "talk over standard input and output (the only transport; accepted for clients that pass it)")
	return cmd
}

// lspServer runs the language server on standard input and output.
func (e *env) lspServer(dirs []string, configPath string) error {
	linters := &lspLinters{extra: dirs, explicit: configPath, byConfig: map[string]lspLinter{}}
	if _, err := linters.base(); err != nil {
		return err
	}
	opts := lsp.Options{Linter: linters.forPath, Locale: configuredLocale(configPath), Version: version, Log: e.stderr}
	err := lsp.Serve(e.stdin, e.stdout, opts)
	if err != nil {
		if err != lsp.ErrNoShutdown {
			fmt.Fprintf(e.stderr, "hypelint lsp: %v\n", err)
		}
		e.code = 1 // what the protocol asks for an exit without shutdown
	}
	return nil
}

// configuredLocale is the locale of --config, or of the configuration
// nearest the working directory (the editor's workspace), "" when none
// sets one. A configuration that does not load says so in each document's
// diagnostics, so it is passed over here.
func configuredLocale(explicit string) string {
	path := explicit
	if path == "" {
		path, _ = config.Find(".")
	}
	if path == "" {
		return ""
	}
	cfg, err := config.Load(path)
	if err != nil {
		return ""
	}
	return cfg.Locale
}

// lspLinters finds the linter for each document: the one its nearest
// .hypelint.yaml (or --config) asks for. A configuration is reloaded when
// its file changes, so edits to it apply from the next keystroke.
type lspLinters struct {
	extra    []string // --rules
	explicit string   // --config

	mu       sync.Mutex
	builtin  *lint.Linter
	byConfig map[string]lspLinter
}

type lspLinter struct {
	modTime time.Time
	linter  *lint.Linter
	err     error
}

func (c *lspLinters) base() (*lint.Linter, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.builtin == nil {
		l, err := loadLinter(c.extra)
		if err != nil {
			return nil, err
		}
		c.builtin = l
	}
	return c.builtin, nil
}

func (c *lspLinters) forPath(path string) (*lint.Linter, error) {
	cfgPath := c.explicit
	if cfgPath == "" && path != "" {
		found, err := config.Find(filepath.Dir(path))
		if err != nil {
			return nil, err
		}
		cfgPath = found
	}
	if cfgPath == "" {
		return c.base()
	}
	info, err := os.Stat(cfgPath)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cached, ok := c.byConfig[cfgPath]; ok && cached.modTime.Equal(info.ModTime()) {
		return cached.linter, cached.err
	}
	l, err := c.load(cfgPath)
	c.byConfig[cfgPath] = lspLinter{modTime: info.ModTime(), linter: l, err: err}
	return l, err
}

func (c *lspLinters) load(cfgPath string) (*lint.Linter, error) {
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return nil, err
	}
	base, err := loadLinter(append(append([]string{}, c.extra...), cfg.Rules...))
	if err != nil {
		return nil, err
	}
	return configure(base, cfg)
}
