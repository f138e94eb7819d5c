package lexterms

import (
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	got := strings.Join(Expand("revers{e,ed} ag{e,}ing"), "|")
	if want := "reverse ageing|reverse aging|reversed ageing|reversed aging"; got != want {
		t.Errorf("Expand = %q, want %q", got, want)
	}
	if got := Expand("逆转衰老"); len(got) != 1 || got[0] != "逆转衰老" {
		t.Errorf("Expand of a plain term = %q", got)
	}
}

func TestClassesReadTheEmbeddedLexicons(t *testing.T) {
	classes, err := Classes()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Class{}
	for _, c := range classes {
		byName[c.File+"/"+c.Name] = c
		if len(c.Terms) == 0 {
			t.Errorf("%s/%s: a class without terms is listed", c.File, c.Name)
		}
		seen := map[string]bool{}
		for _, term := range c.Terms {
			switch {
			case term == "":
				t.Errorf("%s/%s: empty term", c.File, c.Name)
			case strings.ContainsAny(term, "{}"):
				t.Errorf("%s/%s: unexpanded term %q", c.File, c.Name, term)
			case term != strings.ToLower(term):
				t.Errorf("%s/%s: %q is not lower-cased", c.File, c.Name, term)
			case seen[term]:
				t.Errorf("%s/%s: %q twice", c.File, c.Name, term)
			}
			seen[term] = true
		}
	}
	// Terms the overclaim lexicon has had since the start, in both scripts'
	// lists and in English.
	miracle, ok := byName["overclaim/miracle"]
	if !ok {
		t.Fatalf("no overclaim/miracle class among %d", len(classes))
	}
	if !contains(miracle.Terms, "神药") {
		t.Errorf("overclaim/miracle lacks 神药: %q", miracle.Terms)
	}
	if _, ok := byName["overclaim/ignore"]; !ok {
		t.Error("the ignore list of overclaim.yaml is missing")
	}
	all := All(classes)
	if len(all) < 1000 {
		t.Errorf("only %d terms in all", len(all))
	}
}

func TestAllKeepsFirstAppearance(t *testing.T) {
	got := All([]Class{{Terms: []string{"b", "a"}}, {Terms: []string{"a", "c"}}})
	if strings.Join(got, ",") != "b,a,c" {
		t.Errorf("All = %q, want b,a,c", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
