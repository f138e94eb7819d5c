// Package rule loads hypelint's rules (YAML files whose conditions are expr
// expressions), compiles them once, and evaluates them over a document's
// facts.
package rule

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// Categories a rule may belong to.
var Categories = []string{
	"animal-as-human", "sample-size", "overclaim", "disclosure",
	"causation", "statistics", "source", "promotion", "suppression",
}

// OtherCategory is how the score counts a house category (any kebab-case
// name outside Categories, allowed for rules outside the built-in set).
const OtherCategory = "other"

// ScoreCategory is the category a rule counts under in the score: its own
// for a built-in category, OtherCategory for a house one.
func ScoreCategory(category string) string {
	if slices.Contains(Categories, category) {
		return category
	}
	return OtherCategory
}

// Severity orders findings; higher is more severe.
type Severity int

// Severities.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = map[string]Severity{"info": Info, "warning": Warning, "error": Error}

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, bool) {
	v, ok := severityNames[strings.ToLower(s)]
	return v, ok
}

// Scope is the unit a rule condition is evaluated on.
type Scope string

// Scopes.
const (
	SentenceScope  Scope = "sentence"
	HeadingScope   Scope = "heading" // sentences of the title and headings
	ParagraphScope Scope = "paragraph"
	DocumentScope  Scope = "document"
	// SuppressionScope rules have no condition: the suppression layer
	// (package suppress) reports them on the comments writers put in their
	// articles. Only the ids below may have it.
	SuppressionScope Scope = "suppression"
)

// Ids of the rules the suppression layer reports.
const (
	UnusedSuppression  = "unused-suppression"  // a directive that suppressed nothing or names nothing known
	UnknownSuppression = "unknown-suppression" // a misspelt or unknown directive
)

// Rule is one compiled rule.
type Rule struct {
	ID          string
	Category    string
	Severity    Severity
	Scope       Scope
	When        string
	Report      string // class whose hits are reported one by one; "" reports the scope's span
	Once        string // "", "document", "paragraph", "sentence" or "study": report only the first match per unit
	Cover       string // "", "sentence" (a reported hit's finding runs from the hit to the end of its sentence) or "story" (on through the sentence telling the person's improvement, when one follows)
	Messages    map[string]string
	Explanation map[string]string
	Source      string
	Examples    Examples
	// Swap lists the terms a simple house rule matches and what to write
	// instead; its fixes are safe (a pure term swap). Suggest gives
	// replacements for the terms a rule with report: flags (not safe:
	// the rewrite needs a person's eye).
	Swap    []Replacement
	Suggest []Replacement
	Fixer   string // a named fixer (see fixers) that proposes the finding's edit
	// Notes advise the writer where no edit would do ("ask the authors for
	// the absolute risks"), per locale like Messages.
	Notes map[string]string

	File string // where the rule was defined
	Line int
	// DocURL is the rule's section in the rule documentation, for the
	// formats that link to it (SARIF helpUri, LSP codeDescription, rdjson
	// code.url); empty for a house rule without documentation.
	DocURL string

	tree        *parser.Tree                // the checked, optimized condition; nil for a suppression rule
	program     func() (*vm.Program, error) // its bytecode, compiled on the first call (see compiler)
	classRefs   []classRef                  // the class names the condition uses, checked by Bind
	env         envKind                     // the environment it is compiled against
	reportClass int
	hant        *traditional           // zh-Hant texts, derived on first use
	needs       [][]int                // sentence classes the condition requires (see sentenceNeeds)
	flags       []uintptr              // sentence bool fields it requires set (see sentenceFlags)
	claimNeeds  []claimNeed            // claim string fields it requires among some values (see claimNeeds)
	gate        gate                   // what Go can decide of the condition before the VM runs (see newGate)
	readsStudy  bool                   // the condition reads study.* or claim.*
	swapLex     *lexicon.Lexicon       // the Swap terms, one class per term, in Swap's order
	suggestFor  map[string]Replacement // normalized Suggest term → its entry
}

// ReportClaims as a rule's report evaluates it once per claim of the
// sentence (see facts.Claim), with claim.* and study.* set.
const ReportClaims = "claim"

// Replacement is a term and what to write instead.
type Replacement struct {
	Term string
	With string
}

// Message returns the rule's message in a locale (en, zh-Hans, zh-Hant),
// with {term} replaced by the text that triggered it (and a {suggestion},
// which only a finding has, by "…").
func (r *Rule) Message(locale, term string) string {
	return r.message(locale, term, "…")
}

func (r *Rule) message(locale, term, suggestion string) string {
	msg := pick(r.Messages, locale)
	if locale == "zh-Hant" && r.Messages["zh-Hant"] == "" {
		msg = r.traditional().message
	}
	if strings.Contains(msg, "{suggestion}") {
		msg = strings.ReplaceAll(msg, "{suggestion}", suggestion)
	}
	return strings.ReplaceAll(msg, "{term}", term)
}

// ExplanationIn returns the explanation in a locale, falling back to English.
func (r *Rule) ExplanationIn(locale string) string {
	if locale == "zh-Hant" && r.Explanation["zh-Hant"] == "" {
		return r.traditional().explanation
	}
	return pick(r.Explanation, locale)
}

// NoteIn returns the rule's note in a locale ("" when it has none).
func (r *Rule) NoteIn(locale string) string {
	if len(r.Notes) == 0 {
		return ""
	}
	if locale == "zh-Hant" && r.Notes["zh-Hant"] == "" {
		return r.traditional().note
	}
	return pick(r.Notes, locale)
}

// traditional holds zh-Hant texts derived from zh-Hans ones with Taiwan
// phrasing. They are derived on first use because the phrase tables behind
// the conversion take most of start-up time, and most runs never show them.
type traditional struct {
	once                       sync.Once
	message, explanation, note string
}

func (r *Rule) traditional() *traditional {
	t := r.hant
	if t == nil { // a Rule built without Compile
		t = &traditional{}
	}
	t.once.Do(func() {
		t.message = toTraditional(r.Messages)
		t.explanation = toTraditional(r.Explanation)
		t.note = toTraditional(r.Notes)
	})
	return t
}

func toTraditional(m map[string]string) string {
	if m["zh-Hans"] == "" {
		return pick(m, "en")
	}
	return zhconv.ToTaiwan(m["zh-Hans"])
}

func pick(m map[string]string, locale string) string {
	if s, ok := m[locale]; ok && s != "" {
		return s
	}
	if strings.HasPrefix(locale, "zh") {
		if s := m["zh-Hans"]; s != "" {
			return s
		}
	}
	// A house rule may give one language only: the others fall back to it.
	for _, l := range []string{"en", "zh-Hans", "zh-Hant"} {
		if s := m[l]; s != "" {
			return s
		}
	}
	return ""
}

// Finding is one rule match, at the source span of what triggered it.
type Finding struct {
	Rule *Rule
	Span document.Span // source byte offsets, end exclusive
	Term string        // source text of the trigger, for {term} in messages
	// Suggestion is what to write instead, for {suggestion} in messages
	// (a misspelt suppression directive's nearest real one).
	Suggestion string
	Role       string // role of the block it is in (facts.RoleBody…); "" for document findings
	Voice      string // whose words the trigger is in (facts.VoiceWriter…); "" when not judged
	// Study is the study a claim rule's finding was judged against (nil
	// for other rules): its Span is the finding's related location
	// (SARIF relatedLocations, LSP relatedInformation, the evidence card).
	Study *facts.Study
	// Fixes are edits that would resolve the finding, best first.
	Fixes []Fix
}

// Fix is one suggested edit: replace the source bytes of Span with
// Replacement (an empty span inserts). Safe fixes are pure term swaps from
// house rules, which `hypelint --fix` applies; the others are offered to a
// person (editor code actions, review suggestions, the web page).
type Fix struct {
	Span        document.Span
	Replacement string
	Safe        bool
}

// Message renders the finding's message in a locale.
func (f Finding) Message(locale string) string {
	return f.Rule.message(locale, f.Term, f.Suggestion)
}

func (r *Rule) String() string { return fmt.Sprintf("%s (%s:%d)", r.ID, r.File, r.Line) }
