package report

import (
	"fmt"
	"math/rand"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hypelint/hypelint/lint/rule"
)

// The shared message cache gives every finding the message it would
// compose itself, and its rule's texts: over every corpus finding in each
// locale, twice (the second time from the cache), from two goroutines at
// once.
func TestSharedMessagesEqualComposed(t *testing.T) {
	_, results := corpusResults(t)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 2 {
				for _, locale := range []string{"en", "zh-Hans", "zh-Hant"} {
					for _, res := range results {
						for _, x := range res.Findings {
							checkFindingText(t, x, locale, findingMessage(x, locale))
						}
					}
				}
			}
		})
	}
	wg.Wait()
}

// Random terms and suggestions of one rule: each message is its own,
// whatever was cached before (the suggestion is part of the key).
func TestSharedMessagesRandomTerms(t *testing.T) {
	r := &rule.Rule{ID: "test-random", Messages: map[string]string{"en": "{term}: try {suggestion}", "zh-Hans": "「{term}」改为{suggestion}"}}
	rng := rand.New(rand.NewSource(3))
	for range 2000 {
		x := rule.Finding{Rule: r, Term: fmt.Sprint(rng.Intn(20)), Suggestion: fmt.Sprint(rng.Intn(5))}
		locale := []string{"en", "zh-Hans", "zh-Hant"}[rng.Intn(3)]
		checkFindingText(t, x, locale, findingMessage(x, locale))
	}
}

// checkFindingText checks a shared text against what x composes: its
// message and rule's texts, and the JSON opening laid out from them.
func checkFindingText(t *testing.T, x rule.Finding, locale string, got *findingText) {
	t.Helper()
	want := findingText{rule: x.Rule.ID, category: x.Rule.Category, severity: x.Rule.Severity.String(), message: x.Message(locale)}
	want.head = string(appendFindingHead(nil, want.rule, want.category, want.severity, want.message))
	want.messageAt = got.messageAt
	assert.Equal(t, want, *got)
	quoted := string(appendJSONString(nil, want.message))
	assert.Equal(t, quoted[1:len(quoted)-1], got.escapedMessage())
	assert.Equal(t, quoted, want.head[got.messageAt:])
}

// A claim's reason quoting its first finding's message takes it from the
// shared texts (findingMessage) and reads as the card composes it alone:
// every flagged corpus claim in each locale, with the shared message
// asked for at least once per locale.
func TestClaimReasonTakesSharedMessage(t *testing.T) {
	_, results := corpusResults(t)
	for _, locale := range []string{"en", "zh-Hans", "zh-Hant"} {
		asked := 0
		shared := func(x rule.Finding, locale string) string {
			asked++
			return findingMessage(x, locale).message
		}
		for _, res := range results {
			for _, c := range res.Card.Claims {
				if c.Flagged() {
					assert.Equal(t, res.Card.Why(c, locale), res.Card.WhyWith(c, locale, shared))
				}
			}
		}
		assert.Positive(t, asked, locale)
	}
}
