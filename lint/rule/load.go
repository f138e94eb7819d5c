package rule

import (
	"errors"
	"runtime"
	"slices"
	"sync"

	exprfile "github.com/expr-lang/expr/file"
	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/internal/stack"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/yamlfile"
)

// ruleFile is the YAML shape of one rule.
type ruleFile struct {
	ID          string            `yaml:"id"`
	Category    string            `yaml:"category"`
	Severity    string            `yaml:"severity"`
	Scope       string            `yaml:"scope"`
	When        string            `yaml:"when"`
	Report      string            `yaml:"report"`
	Once        string            `yaml:"once"`
	Cover       string            `yaml:"cover"`
	Message     map[string]string `yaml:"message"`
	Explanation map[string]string `yaml:"explanation"`
	Source      string            `yaml:"source"`
	Examples    Examples          `yaml:"examples"`
	Swap        yaml.Node         `yaml:"swap"`    // a mapping, kept as a node for its order and lines
	Suggest     yaml.Node         `yaml:"suggest"` // likewise
	Fix         string            `yaml:"fix"`     // a named fixer
	Note        map[string]string `yaml:"note"`
}

var ruleKeys = []string{"id", "category", "severity", "scope", "when", "report", "once", "cover", "message", "explanation", "source", "examples", "swap", "suggest", "fix", "note"}

// kebabCase reports whether s is a rule id or house category: lower-case
// letters and digits in words joined by single hyphens, starting with a
// letter (the regexp ^[a-z][a-z0-9]*(-[a-z0-9]+)*$, as a byte scan: every
// process checks every rule, and compiling the regexp was a package init).
func kebabCase(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Set is a compiled rule set.
type Set struct {
	Rules []*Rule
	byID  map[string]*Rule
	// sieves caches the rules' sieves (see Set.sieves).
	sieveOnce  sync.Once
	sieved     []*Rule
	sieveList  []sieve
	sieveFlags []uintptr
	sieveNeed  *facts.ClassSet
}

// Subset returns a set with the given rules (in the given order); a rule
// may be a modified copy of one of s's.
func Subset(rules []*Rule) *Set {
	set := &Set{byID: map[string]*Rule{}}
	for _, r := range rules {
		set.Rules = append(set.Rules, r)
		set.byID[r.ID] = r
	}
	return set
}

// Known reports whether name is a rule id or a category of the set.
func (s *Set) Known(name string) bool {
	if s.byID[name] != nil {
		return true
	}
	for _, r := range s.Rules {
		if r.Category == name {
			return true
		}
	}
	return false
}

// Get returns a rule by id.
func (s *Set) Get(id string) *Rule { return s.byID[id] }

// Compile reads rule files in order and compiles every condition, once,
// against lex. A rule that does not compile stops loading with its file,
// line and the expr error.
func Compile(lex *lexicon.Lexicon, files []yamlfile.File) (*Set, error) {
	p, parseErr := ParseFiles(files)
	set, err := p.Bind(lex)
	if parseErr != nil || err != nil {
		return nil, joinErrors(slices.DeleteFunc([]error{parseErr, err}, func(err error) bool { return err == nil }))
	}
	return set, nil
}

// Parse compiles rules from one in-memory file, for tests and tools.
func Parse(lex *lexicon.Lexicon, name string, data []byte) (*Set, error) {
	return Compile(lex, []yamlfile.File{{Name: name, Data: data}})
}

// Parsed is rule files read and their conditions compiled, waiting for the
// lexicon whose class names they use (see Bind). Splitting the two lets a
// process read its rules while the lexicon loads.
type Parsed struct {
	compilers []*compiler
	rules     []parsedRule
}

type parsedRule struct {
	*Rule
	node *yaml.Node // where it was defined, for errors; nil from a snapshot
	// broken: the rule has errors, reported by ParseFiles; Bind reports
	// its mistakes against the lexicon too, and leaves it out of the set.
	broken bool
}

// LinkDocs sets each rule's DocURL to its anchor (the rule id) in the
// documentation at base.
func (p *Parsed) LinkDocs(base string) {
	for _, pr := range p.rules {
		pr.DocURL = base + "#" + pr.ID
	}
}

// Join puts parsed rules one after another, as if from one list of files.
func Join(parts ...*Parsed) *Parsed {
	joined := &Parsed{}
	for _, p := range parts {
		joined.compilers = append(joined.compilers, p.compilers...)
		joined.rules = append(joined.rules, p.rules...)
	}
	return joined
}

// ParseFiles reads rule files, one goroutine per file (YAML decoding and
// expr compilation are most of a small run's start-up), and reports every
// error, in file order; with an error it still returns the rules that
// parsed. Every field of a rule is required: this is
// for the built-in rules (see ParseHouseFiles).
func ParseFiles(files []yamlfile.File) (*Parsed, error) {
	return parseFiles(files, true)
}

// ParseHouseFiles reads a newsroom's rule files, which may be simpler than
// the built-in ones: a house category, one message language, no
// explanation or source.
func ParseHouseFiles(files []yamlfile.File) (*Parsed, error) {
	return parseFiles(files, false)
}

func parseFiles(files []yamlfile.File, strict bool) (*Parsed, error) {
	c := newCompiler()
	perFile := make([][]parsedRule, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() { perFile[i], errs[i] = c.parseFile(f.Name, f.Data, strict) })
	}
	wg.Wait()
	p := &Parsed{compilers: []*compiler{c}}
	for i := range files {
		p.rules = append(p.rules, perFile[i]...)
	}
	// The rules that did parse come back with the error, so that Bind can
	// report their mistakes in the same run.
	return p, joinErrors(slices.DeleteFunc(errs, func(err error) bool { return err == nil }))
}

// Bind checks the class names of the conditions against lex and makes the
// set. A Parsed is bound once. The rules that had errors when read (see
// ParseFiles) are checked too, and left out of the set.
func (p *Parsed) Bind(lex *lexicon.Lexicon) (*Set, error) {
	for _, c := range p.compilers {
		c.lex = lex
	}
	// The class checks and gates of the conditions, each rule's own work,
	// are spread over the CPUs; the set is then made in order.
	classErrs := make([]error, len(p.rules))
	workers := min(runtime.GOMAXPROCS(0), len(p.rules))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			stack.Grow()
			for i := w; i < len(p.rules); i += workers {
				if pr := p.rules[i]; !pr.broken && pr.tree != nil { // suppression rules have no condition
					classErrs[i] = checkClasses(lex, pr.Rule)
				}
			}
		})
	}
	wg.Wait()
	set := &Set{byID: map[string]*Rule{}}
	var errs []error
	for i, pr := range p.rules {
		if err := set.bind(lex, pr, classErrs[i]); err != nil {
			errs = append(errs, err)
		}
	}
	if err := joinErrors(errs); err != nil {
		return nil, err
	}
	return set, nil
}

// bind adds a rule to the set; classErr is what checkClasses found in its
// condition.
func (set *Set) bind(lex *lexicon.Lexicon, pr parsedRule, classErr error) error {
	r := pr.Rule
	if pr.broken {
		if len(r.classRefs) > 0 {
			if err := checkClassRefs(lex, r); err != nil {
				return whenError(r.File, yamlfile.Get(pr.node, "when"), r.ID, err)
			}
		}
		return nil
	}
	if prev := set.byID[r.ID]; prev != nil {
		return yamlfile.At(r.File, yamlfile.Get(pr.node, "id"), "rule id %q is already defined at %s:%d", r.ID, prev.File, prev.Line)
	}
	if classErr != nil {
		return whenError(r.File, yamlfile.Get(pr.node, "when"), r.ID, classErr)
	}
	if r.Report == ReportClaims {
		r.reportClass = -1
	} else if r.Report != "" {
		if r.reportClass = lex.ClassID(r.Report); r.reportClass < 0 {
			return yamlfile.At(r.File, yamlfile.Get(pr.node, "report"), "rule %s: report: no lexicon class named %q", r.ID, r.Report)
		}
	}
	set.Rules = append(set.Rules, r)
	set.byID[r.ID] = r
	return nil
}

func (c *compiler) parseFile(file string, data []byte, strict bool) ([]parsedRule, error) {
	root, err := yamlfile.Parse(file, data)
	if err != nil {
		return nil, err
	}
	if err := yamlfile.CheckKeys(file, root, "rules"); err != nil {
		return nil, err
	}
	list := yamlfile.Get(root, "rules")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, yamlfile.At(file, root, "want a list of rules under the key rules")
	}
	// Every rule is checked, so that one run names every mistake in the
	// file rather than the first.
	var out []parsedRule
	var errs []error
	for _, n := range list.Content {
		r, err := c.parseRule(file, n, strict)
		if err != nil {
			errs = append(errs, err)
		}
		if r != nil {
			out = append(out, parsedRule{r, n, err != nil})
		}
	}
	return out, joinErrors(errs)
}

// joinErrors is nil, the one error, or all of them, one per line.
func joinErrors(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

func (c *compiler) parseRule(file string, n *yaml.Node, strict bool) (*Rule, error) {
	// Every mistake of the rule is reported, not only the first.
	var errs []error
	if err := yamlfile.CheckKeys(file, n, ruleKeys...); err != nil {
		errs = append(errs, err)
	}
	var f ruleFile
	if err := n.Decode(&f); err != nil {
		return nil, joinErrors(append(errs, yamlfile.Wrap(file, err)))
	}
	r := &Rule{
		ID: f.ID, Category: f.Category, Scope: Scope(f.Scope), When: f.When, Report: f.Report,
		Once: f.Once, Cover: f.Cover, Messages: f.Message, Explanation: f.Explanation, Source: f.Source,
		Examples: f.Examples, File: file, Line: n.Line, reportClass: -1, Fixer: f.Fix, Notes: f.Note,
	}
	var err error
	if r.Swap, err = replacements(file, &f.Swap, "swap"); err != nil {
		errs = append(errs, err)
	}
	if r.Suggest, err = replacements(file, &f.Suggest, "suggest"); err != nil {
		errs = append(errs, err)
	}
	simpleDefaults(r)
	if err := validate(file, n, r, f.Severity, strict); err != nil {
		errs = append(errs, err)
	} else if err := prepareFixes(r); err != nil {
		errs = append(errs, yamlfile.At(file, yamlfile.Get(n, "swap"), "rule %s: %v", r.ID, err))
	}
	r.hant = &traditional{}
	if r.When != "" && validScope(r.Scope) {
		if err := c.compile(r); err != nil {
			errs = append(errs, whenError(file, yamlfile.Get(n, "when"), r.ID, err))
		}
	}
	return r, joinErrors(errs)
}

// whenError places the errors in a rule's condition on the file's lines:
// expr counts lines within the condition, which a literal block (when: |)
// keeps and starts on the line after the key. (Other styles join lines.)
func whenError(file string, n *yaml.Node, id string, err error) error {
	if many, ok := err.(interface{ Unwrap() []error }); ok {
		var errs []error
		for _, one := range many.Unwrap() {
			errs = append(errs, whenError(file, n, id, one))
		}
		return joinErrors(errs)
	}
	e := yamlfile.At(file, n, "rule %s: %v", id, err)
	var fe *exprfile.Error
	if n == nil || !errors.As(err, &fe) || fe.Line < 1 {
		return e
	}
	switch n.Style {
	case yaml.LiteralStyle:
		e.Line += fe.Line
	case yaml.FoldedStyle: // its lines are joined: the first is as near as can be told
		e.Line++
	}
	return e
}

// validate checks every field a rule must have and reports every mistake;
// errors point at the field. strict (the built-in rules) requires a
// built-in category, messages in en and zh-Hans, an explanation and a
// source.
func validate(file string, n *yaml.Node, r *Rule, severity string, strict bool) error {
	var errs []error
	check := func(wrong bool, key, format string, args ...any) {
		if !wrong {
			return
		}
		node := yamlfile.Get(n, key)
		if node == nil {
			node = n
		}
		errs = append(errs, yamlfile.At(file, node, format, args...))
	}
	id := r.ID
	check(!kebabCase(r.ID), "id", "rule id %q must be kebab-case (a-z, 0-9, -)", r.ID)
	check(strict && !slices.Contains(Categories, r.Category), "category", "rule %s: category %q is not one of %v", id, r.Category, Categories)
	check(!strict && !kebabCase(r.Category), "category", "rule %s: category %q must be one of %v or a house category in kebab-case (a-z, 0-9, -)", id, r.Category, Categories)
	check(len(r.Swap) > 0 && r.Report != "", "swap", "rule %s: a swap rule reports its own terms; drop report", id)
	check(len(r.Swap) > 0 && r.Scope != SentenceScope && r.Scope != HeadingScope, "scope", "rule %s: a swap rule needs scope sentence or heading", id)
	check(r.Fixer != "" && fixers[r.Fixer] == nil, "fix", "rule %s: fix %q is not one of %v", id, r.Fixer, FixerNames())
	check(r.Fixer != "" && r.Scope != SentenceScope && r.Scope != HeadingScope, "fix", "rule %s: fix needs scope sentence or heading", id)
	check(len(r.Suggest) > 0 && r.Report == "", "suggest", "rule %s: suggest replaces the terms a rule reports; it needs report", id)
	check(r.When == "" && r.Scope != SuppressionScope, "when", "rule %s: when (an expr condition) is required", id)
	check(r.When != "" && r.Scope == SuppressionScope, "when", "rule %s: a rule of scope suppression has no condition", id)
	check(r.Scope == SuppressionScope && r.ID != UnusedSuppression && r.ID != UnknownSuppression, "scope", "rule %s: scope suppression is only for %s and %s", id, UnusedSuppression, UnknownSuppression)
	bothMessages := r.Messages["en"] != "" && r.Messages["zh-Hans"] != ""
	check(strict && !bothMessages, "message", "rule %s: message needs both en and zh-Hans", id)
	check(!strict && pick(r.Messages, "en") == "", "message", "rule %s: message needs at least one of en, zh-Hans, zh-Hant", id)
	check(strict && len(r.Notes) > 0 && (r.Notes["en"] == "" || r.Notes["zh-Hans"] == ""), "note", "rule %s: note needs both en and zh-Hans", id)
	check(strict && r.Explanation["en"] == "", "explanation", "rule %s: explanation needs at least en", id)
	check(strict && r.Source == "", "source", "rule %s: source (the criterion or study behind the rule) is required", id)
	sev, ok := ParseSeverity(severity)
	check(!ok, "severity", "rule %s: severity %q is not error, warning or info", id, severity)
	r.Severity = sev
	check(!validScope(r.Scope), "scope", "rule %s: scope %q is not sentence, heading, paragraph, document or suppression", id, r.Scope)
	check(!slices.Contains([]string{"", "document", "paragraph", "sentence", "study"}, r.Once), "once", "rule %s: once %q is not document, paragraph, sentence or study", id, r.Once)
	check(r.Cover != "" && r.Cover != "sentence" && r.Cover != "story", "cover", "rule %s: cover %q is not sentence or story", id, r.Cover)
	check(r.Cover != "" && (r.Report == "" || r.Report == ReportClaims || r.Scope != SentenceScope), "cover", "rule %s: cover applies to a sentence rule that reports a class's hits", id)
	check(r.Once != "" && r.Scope == SuppressionScope, "once", "rule %s: once does not apply to scope suppression", id)
	check(r.Report != "" && r.Scope != SentenceScope && r.Scope != HeadingScope, "report", "rule %s: report needs scope sentence or heading", id)
	return joinErrors(errs)
}

func validScope(s Scope) bool {
	switch s {
	case SentenceScope, HeadingScope, ParagraphScope, DocumentScope, SuppressionScope:
		return true
	}
	return false
}
