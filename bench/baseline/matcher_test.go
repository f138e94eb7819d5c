package main

import (
	"strings"
	"testing"
)

func TestMatcherCountsEveryOccurrence(t *testing.T) {
	terms := []string{"he", "she", "his", "hers", "逆转衰老", "衰老", "in mice"}
	text := "USHERS said she and his hers; 逆转衰老不是衰老. In Mice, in mice!"
	want := 0
	lower := strings.ToLower(text)
	for _, term := range terms {
		for i := 0; i+len(term) <= len(lower); i++ {
			if lower[i:i+len(term)] == term {
				want++
			}
		}
	}
	if got := newMatcher(terms).count([]byte(text)); got != want {
		t.Errorf("count = %d, want %d", got, want)
	}
}

func TestLexiconTerms(t *testing.T) {
	terms, err := lexiconTerms()
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) < 1000 {
		t.Errorf("only %d terms", len(terms))
	}
	for _, term := range terms {
		if strings.ContainsAny(term, "{}") {
			t.Errorf("unexpanded term %q", term)
		}
	}
}
