package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/config"
	"github.com/hypelint/hypelint/lint/locale"
)

// setting is a resolved value and where it came from: "default", "flag
// --NAME", "FILE:LINE" of a configuration, or "environment VAR=value".
type setting struct {
	value, origin string
}

// resolve decides one run-wide setting: a flag beats the configuration,
// which beats the default.
func resolve(flag string, flagValue string, flagSet bool, cfg *config.Config, key, configValue, def string) setting {
	switch {
	case flagSet:
		return setting{flagValue, "flag --" + flag}
	case configValue != "":
		return setting{configValue, configOrigin(cfg, key)}
	}
	return setting{def, "default"}
}

func configOrigin(cfg *config.Config, key string) string {
	if line := cfg.Line(key); line > 0 {
		return fmt.Sprintf("%s:%d", cfg.Path, line)
	}
	return cfg.Path
}

// resolveLocale decides the message language: the flag, else the
// configuration, else the first of LC_ALL, LC_MESSAGES and LANG that is
// set, else English.
func (e *env) resolveLocale(flagValue string, flagSet bool, cfg *config.Config) (setting, error) {
	s := resolve("locale", flagValue, flagSet && flagValue != "", cfg, "locale", cfg.Locale, "")
	if s.value == "" {
		s = setting{locale.Supported[0], "default"}
		for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if v := e.getenv(name); v != "" {
				if m, ok := locale.Match(v); ok {
					s = setting{m, fmt.Sprintf("environment %s=%s", name, v)}
				}
				break
			}
		}
		return s, nil
	}
	matched, ok := locale.Match(s.value)
	if !ok {
		return s, fmt.Errorf("--locale %q: want en, zh-Hans or zh-Hant (or a tag such as zh-TW, zh-CN)", s.value)
	}
	s.value = matched
	return s, nil
}

// ruleSetFlags are the flags of the commands that show or use the rules
// without linting paths: rules, explain, explain-score, eval and serve.
type ruleSetFlags struct {
	rules  []string
	config string
	locale string
}

func registerRuleSetFlags(cmd *cobra.Command, f *ruleSetFlags, localeUse string) {
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.StringVar(&f.locale, "locale", "", localeUse+" `LOCALE`: en, zh-Hans or zh-Hant (default: the configuration's, else LC_ALL, LC_MESSAGES or LANG, else en)")
	fs.StringVar(&f.config, "config", "", "use the configuration `FILE` instead of the nearest .hypelint.yaml")
	fs.StringArrayVar(&f.rules, "rules", nil, "a directory `DIR` of extra rule files (and lexicon/ beside them); repeatable")
	_ = cmd.RegisterFlagCompletionFunc("locale", completeChoices(locale.Supported...))
}

// ruleSet is the rules as the configuration nearest the working directory
// (or --config) sets them, as `hypelint lint` would run them there.
type ruleSet struct {
	cfg    *config.Config
	all    *lint.Linter // every rule (built-in, --rules, the configuration's extra:) at its own severity
	active *lint.Linter // the rules the configuration runs, at the severities it sets
	locale string
}

func (e *env) loadRuleSet(f *ruleSetFlags, cmd *cobra.Command) (*ruleSet, error) {
	configs, err := newConfigs(f.config, f.rules)
	if err != nil {
		return nil, err
	}
	cfg := configs.base
	all, err := loadLinter(append(append([]string{}, f.rules...), cfg.Rules...))
	if err != nil {
		return nil, err
	}
	active, err := configure(all, cfg)
	if err != nil {
		return nil, err
	}
	loc, err := e.resolveLocale(f.locale, cmd.Flags().Changed("locale"), cfg)
	if err != nil {
		return nil, err
	}
	return &ruleSet{cfg: cfg, all: all, active: active, locale: loc.value}, nil
}

// state says how the configuration runs a rule: its severity, or "off".
func (s *ruleSet) state(id string) string {
	if r := s.active.Rules.Get(id); r != nil {
		return r.Severity.String()
	}
	return "off"
}
