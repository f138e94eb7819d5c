package rule

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/yamlfile"
	"github.com/hypelint/hypelint/lint/zhconv"
)

// replacements reads a swap: or suggest: mapping (term → replacement) in
// the order written.
func replacements(file string, n *yaml.Node, key string) ([]Replacement, error) {
	if n.Kind == 0 {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return nil, yamlfile.At(file, n, "%s must be a mapping from a term to what to write instead", key)
	}
	if err := yamlfile.CheckDuplicates(file, n); err != nil {
		return nil, err
	}
	var out []Replacement
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || strings.TrimSpace(k.Value) == "" {
			return nil, yamlfile.At(file, k, "%s: each entry is a term and its replacement, both text", key)
		}
		out = append(out, Replacement{Term: k.Value, With: v.Value})
	}
	return out, nil
}

// simpleDefaults fills in what a swap rule may leave out: it is checked on
// every sentence (scope sentence, when true) and reports its terms.
func simpleDefaults(r *Rule) {
	if len(r.Swap) == 0 {
		return
	}
	if r.Scope == "" {
		r.Scope = SentenceScope
	}
	if r.When == "" {
		r.When = "true"
	}
}

// prepareFixes compiles a swap rule's terms into a lexicon of their own
// (normalized like the built-in lexicon, so one term matches both Chinese
// scripts and any case) and indexes suggest: terms by their normalized
// form.
func prepareFixes(r *Rule) error {
	if len(r.Swap) > 0 {
		classes := map[string]map[string][]string{}
		for i, s := range r.Swap {
			classes[fmt.Sprintf("t%d", i)] = map[string][]string{"en": {s.Term}}
		}
		data, err := yaml.Marshal(map[string]any{"classes": classes})
		if err != nil {
			return err
		}
		lex, err := lexicon.Compile([]yamlfile.File{{Name: r.File, Data: data}})
		if err != nil {
			var e *yamlfile.Error
			if errors.As(err, &e) { // its line is in the generated file: leave it out
				return fmt.Errorf("swap: %s", e.Msg)
			}
			return fmt.Errorf("swap: %v", err)
		}
		r.swapLex = lex
	}
	if len(r.Suggest) > 0 {
		r.suggestFor = map[string]Replacement{}
		for _, s := range r.Suggest {
			r.suggestFor[normalize.Normalize(s.Term).Text] = s
		}
	}
	return nil
}

// swapHits finds a swap rule's terms in a sentence: the longest where two
// overlap ("miracle cure" over "cure").
func (r *Rule) swapHits(s *facts.Sentence) []lexicon.Hit {
	hits := r.swapLex.Match(s.Text, nil)
	out := hits[:0]
	for _, h := range hits {
		inside := false
		for _, o := range hits {
			if o != h && o.Start <= h.Start && h.End <= o.End && o.End-o.Start > h.End-h.Start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	return out
}

// swapFix is the fix for a swap hit whose source text is term. It is safe
// when the source text is the term as written (up to case, script and
// spacing): a term that runs across markup ("miracle **cure**", an HTML
// entity) would lose the markup, so a person decides.
func (r *Rule) swapFix(h lexicon.Hit, span document.Span, term string) Fix {
	safe := normalize.Normalize(term).Text == r.swapLex.Term(h)
	return Fix{Span: span, Replacement: fitTo(term, r.Swap[h.Class].Term, r.Swap[h.Class].With), Safe: safe}
}

// suggestFix is the fix a suggest: rule offers for a reported term, if it
// names one.
func (r *Rule) suggestFix(span document.Span, term string) (Fix, bool) {
	if r.suggestFor == nil {
		return Fix{}, false
	}
	s, ok := r.suggestFor[normalize.Normalize(term).Text]
	if !ok {
		return Fix{}, false
	}
	return Fix{Span: span, Replacement: fitTo(term, s.Term, s.With)}, true
}

// fitTo adapts a replacement to how the writer wrote the term: in
// Traditional characters when the term was written so, capitalised when
// the term was.
func fitTo(found, written, with string) string {
	if found != written && hasHan(found) && zhconv.FoldString(found) != found {
		with = zhconv.ToTaiwan(with)
	}
	first, _ := utf8.DecodeRuneInString(found)
	w, size := utf8.DecodeRuneInString(with)
	if unicode.IsUpper(first) && unicode.IsLower(w) {
		with = string(unicode.ToUpper(w)) + with[size:]
	}
	return with
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
