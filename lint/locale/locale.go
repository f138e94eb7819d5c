// Package locale picks the language hypelint speaks: en, zh-Hans or
// zh-Hant, from a flag, a configuration value, or the environment (LC_ALL,
// LC_MESSAGES, LANG), matched with golang.org/x/text/language so that zh-TW
// and zh-HK get Traditional and zh-CN and zh-SG Simplified.
package locale

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Supported are the locales hypelint has messages in, the first the default.
var Supported = []string{"en", "zh-Hans", "zh-Hant"}

// matcher is made on first use, not at package init, which every process
// paid (0.07 ms) though most read no locale from a tag: LC_ALL=C says
// nothing, and a flag or configuration that names a supported locale needs
// no matching.
var matcher = sync.OnceValue(func() language.Matcher {
	return language.NewMatcher([]language.Tag{language.English, language.SimplifiedChinese, language.TraditionalChinese})
})

// Match maps a language tag or POSIX locale ("zh_TW.UTF-8", "zh-HK",
// "en_GB") to a supported locale; ok is false when nothing matched well.
func Match(s string) (string, bool) {
	s = posixToBCP47(s)
	if s == "" {
		return Supported[0], false
	}
	tag, err := language.Parse(s)
	if err != nil {
		return Supported[0], false
	}
	_, index, confidence := matcher().Match(tag)
	if confidence < language.Low {
		return Supported[0], false
	}
	return Supported[index], true
}

// posixToBCP47 turns "zh_TW.UTF-8@variant" into "zh-TW"; "C" and "POSIX"
// say nothing about language.
func posixToBCP47(s string) string {
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	if s == "C" || s == "POSIX" {
		return ""
	}
	return strings.ReplaceAll(s, "_", "-")
}

// FromEnv picks a locale from the environment variables POSIX programs
// read, in their order of precedence.
func FromEnv(getenv func(string) string) (string, bool) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return Match(v)
		}
	}
	return Supported[0], false
}
