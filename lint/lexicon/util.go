package lexicon

import (
	"errors"
	"sort"
	"strings"
	"unicode/utf8"
)

// expand turns brace alternatives into every form they stand for:
// "revers{e,es,ed} ag{e,}ing" has six forms; "{,s}" is an optional suffix.
func expand(s string) ([]string, error) {
	open := strings.IndexByte(s, '{')
	if open < 0 {
		if strings.ContainsRune(s, '}') {
			return nil, errors.New("unmatched }")
		}
		return []string{s}, nil
	}
	end := strings.IndexByte(s[open:], '}')
	if end < 0 {
		return nil, errors.New("unmatched {")
	}
	end += open
	inner := s[open+1 : end]
	if strings.ContainsRune(inner, '{') {
		return nil, errors.New("nested braces are not supported")
	}
	rest, err := expand(s[end+1:])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, alt := range strings.Split(inner, ",") {
		for _, r := range rest {
			out = append(out, s[:open]+alt+r)
		}
	}
	return out, nil
}

// validClassName is the regexp ^[a-z][a-z0-9_]*$ as a byte scan (a
// package init otherwise compiled it in every process).
func validClassName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
func lastRune(s string) (rune, int)  { return utf8.DecodeLastRuneInString(s) }
