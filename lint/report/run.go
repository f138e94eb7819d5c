package report

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/rule"
)

// Run is what every CI format writer gets.
type Run struct {
	Files   []File
	Rules   []*rule.Rule // the loaded rule set, for formats that describe rules
	Version string
	Locale  string // for rule descriptions
}

// toolName names hypelint in every machine-readable format.
const toolName = "hypelint"

// toolURI is where a format that wants a home page for the tool points.
const toolURI = "https://github.com/hypelint/hypelint"

// slashPath is a report path with forward slashes, as CI systems expect.
func slashPath(p string) string { return filepath.ToSlash(p) }

// fingerprints returns a stable hash for each finding of a file (see
// fingerprinter).
func fingerprints(f File) []string {
	fp := newFingerprinter(f.Path)
	out := make([]string, len(f.Findings))
	for i, x := range f.Findings {
		out[i] = fp.next(x)
	}
	return out
}

// fingerprinter hashes a file's findings in order: SHA-256 of the rule,
// the path, the excerpt and how many findings of the same rule with the
// same excerpt came before it in the file. It survives edits that move a
// finding but not ones that change what it flags.
type fingerprinter struct {
	path string
	seen map[string]int
}

func newFingerprinter(path string) *fingerprinter {
	return &fingerprinter{path: slashPath(path), seen: map[string]int{}}
}

func (fp *fingerprinter) next(x Finding) string {
	key := x.Rule + "\x00" + x.Excerpt
	n := fp.seen[key]
	fp.seen[key]++
	sum := sha256.Sum256([]byte(x.Rule + "\x00" + fp.path + "\x00" + x.Excerpt + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:])
}

// byteColumn returns the 1-based column of a source offset counted in UTF-8
// bytes from the start of its line (reviewdog's unit). Without a document
// it falls back to the code-point column.
func byteColumn(f File, offset int, fallback int) int {
	if f.doc == nil {
		return fallback
	}
	line := f.doc.LineSpan(offset)
	return offset - line.Start + 1
}

// charOffset returns the 0-based offset of a source offset in code points
// from the start of the text (after a byte-order mark, which columns do not
// count either), and false without a document.
func charOffset(f File, offset int) (int, bool) {
	if f.doc == nil {
		return 0, false
	}
	return max(0, f.doc.RuneOffset(offset)), true
}

// neutralMessage is a rule's message with its {term} placeholder replaced
// by a word that stands for any term, for formats that describe a rule
// rather than a finding.
func neutralMessage(r *rule.Rule, locale string) string {
	msg := r.Message(locale, "{term}")
	word := "this term"
	if strings.HasPrefix(locale, "zh") {
		word = "该用语"
		if locale == "zh-Hant" || strings.HasPrefix(locale, "zh-TW") || strings.HasPrefix(locale, "zh-HK") {
			word = "該用語"
		}
	}
	for _, q := range []string{`"{term}"`, "“{term}”", "「{term}」", "'{term}'", "‘{term}’"} {
		if strings.HasPrefix(msg, q) && word == "this term" {
			msg = "This term" + msg[len(q):]
		}
		msg = strings.ReplaceAll(msg, q, word)
	}
	return strings.ReplaceAll(msg, "{term}", word)
}

// camelCase turns a rule id such as "hype-word" into "HypeWord".
func camelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' }) {
		r, n := utf8.DecodeRuneInString(part)
		b.WriteString(strings.ToUpper(string(r)))
		b.WriteString(part[n:])
	}
	return b.String()
}

// ruleTable indexes the rules of a run, adding any rule a finding refers to
// that the run's rule list lacks, so that every finding has an index.
type ruleTable struct {
	rules []*rule.Rule
	index map[string]int
}

func newRuleTable(run Run) *ruleTable {
	t := &ruleTable{index: map[string]int{}}
	add := func(r *rule.Rule) {
		if r == nil {
			return
		}
		if _, ok := t.index[r.ID]; ok {
			return
		}
		t.index[r.ID] = len(t.rules)
		t.rules = append(t.rules, r)
	}
	for _, r := range run.Rules {
		add(r)
	}
	for _, f := range run.Files {
		for _, x := range f.Findings {
			add(x.ruleRef) // nil for a finding not made by NewFile
		}
	}
	return t
}
