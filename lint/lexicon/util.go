package lexicon

import (
	"errors"
	"regexp"
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

var classNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func validClassName(s string) bool { return classNameRE.MatchString(s) }

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
