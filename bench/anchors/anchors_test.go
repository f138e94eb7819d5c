package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hypelint/hypelint/bench/lexterms"
)

func TestTermListIsEveryTermOnce(t *testing.T) {
	classes := []lexterms.Class{
		{File: "a", Name: "x", Terms: []string{"神药", "miracle cure"}},
		{File: "b", Name: "ignore", Terms: []string{"miracle cure", "cure rate"}},
	}
	if got, want := termList(classes), "神药\nmiracle cure\ncure rate\n"; got != want {
		t.Errorf("termList = %q, want %q", got, want)
	}
}

func TestValeTokenMatchesItsTermOnly(t *testing.T) {
	for _, tc := range []struct {
		term, text string
		match      bool
	}{
		{"神药", "这是神药。", true},
		{"神药", "这是神奇的药。", false},
		{"miracle cure", "A Miracle Cure, they said.", true},
		{"cure", "a curetted sample", false}, // word boundaries for ASCII terms
		{"100%", "works 100% of the time", true},
		{"a.b (c)", "see a.b (c) here", true},
		{"a.b (c)", "see aXb (c) here", false}, // quoted, not a pattern
		{"修复dna", "据称能修复DNA。", true},
		{"it's", "it's proven", true},
	} {
		re, err := regexp.Compile("(?i)" + valeToken(tc.term))
		if err != nil {
			t.Errorf("%q: %v", tc.term, err)
			continue
		}
		if got := re.MatchString(tc.text); got != tc.match {
			t.Errorf("token of %q on %q: match = %v, want %v", tc.term, tc.text, got, tc.match)
		}
	}
}

// The generated style, read back as Vale reads it, has one rule per class
// of valeClasses whose tokens find exactly the class's terms.
func TestWriteGeneratesTheStyleFromTheLexicon(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir); err != nil {
		t.Fatal(err)
	}
	classes, err := lexterms.Classes()
	if err != nil {
		t.Fatal(err)
	}
	terms, err := os.ReadFile(filepath.Join(dir, "terms.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(terms), "\n"), "\n")
	if all := lexterms.All(classes); len(lines) != len(all) {
		t.Errorf("terms.txt has %d lines, the lexicons %d terms", len(lines), len(all))
	}
	for i, l := range lines {
		if l == "" { // rg -f would match every line
			t.Errorf("terms.txt line %d is empty", i+1)
		}
	}
	ini, err := os.ReadFile(filepath.Join(dir, "vale", ".vale.ini"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ini), "BasedOnStyles = Hypelint") || !strings.Contains(string(ini), "StylesPath = styles") {
		t.Errorf(".vale.ini does not use the style:\n%s", ini)
	}
	rules, _ := filepath.Glob(filepath.Join(dir, "vale", "styles", "Hypelint", "*.yml"))
	if len(rules) != len(valeClasses) {
		t.Errorf("%d rule files for %d classes", len(rules), len(valeClasses))
	}
	for _, name := range valeClasses {
		var class lexterms.Class
		for _, c := range classes {
			if c.File+"/"+c.Name == name {
				class = c
			}
		}
		p := filepath.Join(dir, "vale", "styles", "Hypelint", ruleName(class.Name)+".yml")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var rule struct {
			Extends    string
			IgnoreCase bool `yaml:"ignorecase"`
			NonWord    bool `yaml:"nonword"`
			Tokens     []string
		}
		if err := yaml.Unmarshal(data, &rule); err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if rule.Extends != "existence" || !rule.IgnoreCase || !rule.NonWord {
			t.Errorf("%s: extends %q, ignorecase %v, nonword %v", p, rule.Extends, rule.IgnoreCase, rule.NonWord)
		}
		terms := valeTerms(class)
		if len(rule.Tokens) != len(terms) || len(terms) != 2*valePerScript {
			t.Errorf("%s: %d tokens for %d terms, want %d", p, len(rule.Tokens), len(terms), 2*valePerScript)
			continue
		}
		// As Vale joins them: one alternation, case ignored.
		re, err := regexp.Compile("(?i)(?:" + strings.Join(rule.Tokens, "|") + ")")
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		for _, term := range terms {
			if got := re.FindString(" " + strings.ToUpper(term) + " "); !strings.EqualFold(got, term) {
				t.Errorf("%s: term %q found as %q", p, term, got)
			}
		}
	}
}

func TestValeTermsTakeTheFirstOfEachScript(t *testing.T) {
	var c lexterms.Class
	for i := 0; i < valePerScript+2; i++ {
		c.Terms = append(c.Terms, fmt.Sprintf("药%d", i), fmt.Sprintf("cure %d", i))
	}
	got := valeTerms(c)
	if len(got) != 2*valePerScript || got[0] != "药0" || got[valePerScript-1] != fmt.Sprintf("药%d", valePerScript-1) ||
		got[valePerScript] != "cure 0" || got[2*valePerScript-1] != fmt.Sprintf("cure %d", valePerScript-1) {
		t.Errorf("valeTerms = %q", got)
	}
}

func TestRuleName(t *testing.T) {
	if got := ruleName("safety_absolute"); got != "SafetyAbsolute" {
		t.Errorf("ruleName = %q", got)
	}
}
