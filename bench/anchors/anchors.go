package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hypelint/hypelint/bench/lexterms"
)

// termList is ripgrep's pattern file: every term of every class (ignore
// phrases included, as the baseline scanner has them), one a line.
func termList(classes []lexterms.Class) string {
	return strings.Join(lexterms.All(classes), "\n") + "\n"
}

// valeClasses are the lexicon classes that become Vale rules: the hype
// hypelint is named for, the kind of short list a newsroom would give Vale.
// Vale's cost grows with every token (its rules are regular expressions), so
// each rule takes the first valePerScript Chinese and English terms of its
// class: 3 rules and 42 terms, the size of style issue 17 measured Vale with.
var valeClasses = []string{
	"overclaim/miracle",
	"overclaim/hype",
	"overclaim/antiaging",
}

const valePerScript = 7

// valeTerms picks a class's terms for its rule: the first valePerScript
// with a non-ASCII character (Chinese) and the first valePerScript without.
func valeTerms(c lexterms.Class) []string {
	var zh, en []string
	for _, t := range c.Terms {
		if isASCII(t) {
			if len(en) < valePerScript {
				en = append(en, t)
			}
		} else if len(zh) < valePerScript {
			zh = append(zh, t)
		}
	}
	return append(zh, en...)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// valeStyle returns the Vale configuration and one existence rule per class
// of valeClasses, keyed by their paths below the vale folder.
func valeStyle(classes []lexterms.Class) (map[string]string, error) {
	byName := map[string]lexterms.Class{}
	for _, c := range classes {
		byName[c.File+"/"+c.Name] = c
	}
	files := map[string]string{".vale.ini": valeINI}
	for _, name := range valeClasses {
		c, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("lexicon class %s (a Vale rule) is missing", name)
		}
		files["styles/Hypelint/"+ruleName(c.Name)+".yml"] = valeRule(c)
	}
	return files, nil
}

const valeINI = `# Written by go run ./bench/anchors for bench/run; regenerated on every run.
StylesPath = styles
MinAlertLevel = suggestion

[*.{txt,md,markdown,html,htm}]
BasedOnStyles = Hypelint
`

// ruleName turns a class name into a Vale rule name: safety_absolute →
// SafetyAbsolute.
func ruleName(class string) string {
	var b strings.Builder
	for _, part := range strings.Split(class, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// valeRule is an existence rule flagging the class's valeTerms. Vale reads
// tokens as regular expressions joined into one alternation, and with
// nonword adds no word boundaries (which would never hold between two
// Chinese characters): each term is quoted, gets its own boundaries, and
// longer terms come first so that "cure-all" is not found as "cure".
func valeRule(c lexterms.Class) string {
	terms := valeTerms(c)
	slices.SortStableFunc(terms, func(a, b string) int { return len(b) - len(a) })
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by go run ./bench/anchors from rules/lexicon/%s.yaml, class %s.\n", c.File, c.Name)
	b.WriteString("extends: existence\n")
	fmt.Fprintf(&b, "message: \"'%%s' (%s)\"\n", c.Name)
	b.WriteString("level: warning\nignorecase: true\nnonword: true\ntokens:\n")
	for _, t := range terms {
		fmt.Fprintf(&b, "  - '%s'\n", strings.ReplaceAll(valeToken(t), "'", "''"))
	}
	return b.String()
}

// valeToken is the regular expression for one term: quoted, with \b on a
// side where the term begins or ends with an ASCII letter or digit.
func valeToken(term string) string {
	q := regexp.QuoteMeta(term)
	if isWordByte(term[0]) {
		q = `\b` + q
	}
	if isWordByte(term[len(term)-1]) {
		q += `\b`
	}
	return q
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
