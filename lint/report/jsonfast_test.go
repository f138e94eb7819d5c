package report

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/score"
)

// The fixed layouts of jsonfast.go write what the builder writes, on the
// corpus's reports (every finding, study, claim and breakdown).
func TestFastLayoutsMatchBuilderOnCorpus(t *testing.T) {
	paths, results := corpusResults(t)
	findings, heads, claims, studies, relatedTexts := 0, 0, 0, 0, 0
	var heads2 criterionHeads // one run's criteria openings, over every file
	for i, res := range results {
		f := NewFile(paths[i], res, "en")
		for j := range f.Findings {
			x := &f.Findings[j]
			if len(x.Fixes) == 0 {
				require.Equal(t, string(x.appendJSONBuilt(nil, jsonFinding)), string(appendFindingItem(nil, x)), "%s: %+v", paths[i], *x)
				findings++
				if x.text != nil && x.text.head != "" {
					heads++
				}
			}
			for _, r := range x.Related {
				if r.text != nil && r.text.message == r.Message {
					relatedTexts++
				}
			}
			// Whatever the path, appendJSON writes the builder's layout.
			require.Equal(t, string(x.appendJSONBuilt(nil, jsonFinding)), string(x.appendJSON(nil, jsonFinding)))
		}
		for j := range f.Claims {
			require.Equal(t, string(f.Claims[j].appendJSONBuilt(nil, jsonFinding)), string(appendClaimItem(nil, &f.Claims[j])))
			claims++
		}
		for j := range f.Studies {
			require.Equal(t, string(f.Studies[j].appendJSONBuilt(nil, jsonFinding)), string(appendStudyItem(nil, &f.Studies[j])))
			studies++
		}
		built, ok := criteria(f.Criteria).appendJSONBuilt(nil, jsonFileKey)
		require.True(t, ok)
		fast, ok := appendCriteriaField(nil, f.Criteria)
		require.True(t, ok)
		require.Equal(t, string(built), string(fast))
		fast, ok = appendCriteria(nil, f.Criteria, &heads2)
		require.True(t, ok)
		require.Equal(t, string(built), string(fast))
	}
	// The corpus has every kind, and its findings' openings and related
	// messages come laid out.
	assert.Positive(t, relatedTexts)
	assert.Positive(t, claims)
	assert.Positive(t, studies)
	assert.Positive(t, findings)
	assert.Equal(t, findings, heads)
}

// Random values, with the escapes and optional fields the corpus may lack.
func TestFastLayoutsMatchBuilderOnRandomValues(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	maybe := func() string {
		if r.IntN(2) == 0 {
			return ""
		}
		return randomString(r)
	}
	for range 3000 {
		x := Finding{Rule: randomString(r), Category: maybe(), Severity: maybe(), Message: randomString(r), Start: position(r), End: position(r),
			Excerpt: randomString(r), Role: maybe(), Note: maybe()}
		for range r.IntN(3) {
			x.Related = append(x.Related, Related{Start: position(r), End: position(r), Message: randomString(r)})
		}
		if r.IntN(3) == 0 {
			x.text = &findingText{rule: x.Rule, category: x.Category, severity: x.Severity, message: x.Message}
			x.text.head = string(appendFindingHead(nil, x.Rule, x.Category, x.Severity, x.Message))
		}
		require.Equal(t, string(x.appendJSONBuilt(nil, jsonFinding)), string(appendFindingItem(nil, &x)))
		s := Study{Index: r.IntN(9), Population: maybe(), Model: maybe(), Design: maybe(), Size: r.IntN(3) * r.IntN(1000), Studies: r.IntN(3),
			Venue: maybe(), Link: maybe(), Sentences: r.IntN(9), Description: maybe(), Start: position(r), End: position(r)}
		switch r.IntN(3) {
		case 0:
			s.Notes = []Note{}
		case 1:
			for range 1 + r.IntN(3) {
				s.Notes = append(s.Notes, Note{Rule: maybe(), Message: maybe()})
			}
		}
		require.Equal(t, string(s.appendJSONBuilt(nil, jsonFinding)), string(appendStudyItem(nil, &s)))
		c := Claim{Term: maybe(), Class: maybe(), Subject: maybe(), Strength: maybe(), Voice: maybe(), Evidence: maybe(), Where: maybe(),
			Excerpt: randomString(r), Why: maybe(), Study: r.IntN(4), Start: position(r), End: position(r)}
		if r.IntN(3) == 0 { // the term as the excerpt, which the fast path copies escaped
			c.Excerpt = c.Term
		}
		switch r.IntN(3) {
		case 0:
			c.Rules = []string{}
		case 1:
			for range 1 + r.IntN(3) {
				c.Rules = append(c.Rules, maybe())
			}
		}
		require.Equal(t, string(c.appendJSONBuilt(nil, jsonFinding)), string(appendClaimItem(nil, &c)))
		var cs criteria
		if r.IntN(4) > 0 {
			cs = criteria{}
			for range r.IntN(4) {
				cs = append(cs, score.Criterion{ID: maybe(), Question: maybe(), Applicable: r.IntN(2) == 0, Satisfied: r.IntN(2) == 0,
					Findings: r.IntN(5), Earned: r.Float64() * 10})
			}
		}
		built, okBuilt := cs.appendJSONBuilt(nil, jsonFileKey)
		fast, okFast := appendCriteriaField(nil, cs)
		require.Equal(t, okBuilt, okFast)
		require.Equal(t, string(built), string(fast))
	}
}

// Criteria openings kept across files are written as the builder writes
// the criteria: random lists that share, change and reorder a few ids
// and questions (some with escapes), and grow and shrink.
func TestCriterionHeadsMatchBuilder(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 4))
	ids := []string{"a", "b", "", "c\\"}
	questions := []string{"Is it new?", "Are the costs given?", "这是新的吗？", "\"quoted\"", ""}
	var heads criterionHeads
	for range 5000 {
		cs := criteria{}
		for range r.IntN(6) {
			q := questions[r.IntN(len(questions))]
			if r.IntN(5) == 0 {
				q = strings.Clone(q) // the same text in another string
			}
			cs = append(cs, score.Criterion{ID: ids[r.IntN(len(ids))], Question: q, Applicable: r.IntN(2) == 0, Findings: r.IntN(3)})
		}
		built, _ := cs.appendJSONBuilt(nil, jsonFileKey)
		fast, ok := appendCriteria([]byte("x"), cs, &heads)
		require.True(t, ok)
		require.Equal(t, "x"+string(built), string(fast))
	}
	assert.NotEmpty(t, heads)
}

// A related location whose message was changed after it was resolved is
// written as it now is, not from the JSON made with it.
func TestRelatedTextFollowsChangedMessage(t *testing.T) {
	x := Finding{Rule: "r", Message: "m", Related: []Related{{Message: "judged against study 1"}}}
	x.Related[0].text = &relatedText{message: x.Related[0].Message, json: `"judged against study 1"`}
	require.Equal(t, string(x.appendJSONBuilt(nil, jsonFinding)), string(appendFindingItem(nil, &x)))
	x.Related[0].Message = "judged against \"study 2\""
	require.Equal(t, string(x.appendJSONBuilt(nil, jsonFinding)), string(appendFindingItem(nil, &x)))
}

// A finding whose rule, category, severity or message was changed after
// it was resolved is written as it now is, not from its laid-out opening.
func TestFindingHeadFollowsChangedTexts(t *testing.T) {
	paths, results := corpusResults(t)
	var x Finding
	for i, res := range results {
		if f := NewFile(paths[i], res, "en"); len(f.Findings) > 0 && f.Findings[0].text != nil && len(f.Findings[0].Fixes) == 0 {
			x = f.Findings[0]
			break
		}
	}
	require.NotNil(t, x.text)
	require.NotEmpty(t, x.text.head)
	changes := map[string]func(*Finding){
		"rule":     func(x *Finding) { x.Rule += "-2" },
		"category": func(x *Finding) { x.Category = "other" },
		"severity": func(x *Finding) { x.Severity = "error-" + x.Severity },
		// Same length, other text: a length test alone would miss it.
		"message": func(x *Finding) { x.Message = "Z" + x.Message[1:] },
	}
	for name, change := range changes {
		y := x
		change(&y)
		assert.Equal(t, string(y.appendJSONBuilt(nil, jsonFinding)), string(appendFindingItem(nil, &y)), name)
		assert.NotEqual(t, string(x.appendJSONBuilt(nil, jsonFinding)), string(appendFindingItem(nil, &y)), name)
	}
}

// appendInt writes what strconv writes, around every change of digit
// count, at the extremes and on random values.
func TestAppendIntMatchesStrconv(t *testing.T) {
	values := []int{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, -1, -10, -99, -100, math.MaxInt, math.MinInt}
	for p := 10; p > 0 && p < math.MaxInt/10; p *= 10 {
		values = append(values, p-1, p, p+1, 2*p-1, 9*p+9)
	}
	r := rand.New(rand.NewPCG(2, 4))
	for range 10000 {
		values = append(values, r.IntN(1<<20), int(r.Int64()), -r.IntN(1000))
	}
	for _, n := range values {
		require.Equal(t, strconv.AppendInt([]byte("x"), int64(n), 10), appendInt([]byte("x"), n), "%d", n)
	}
}

// appendInt writes its digits in place after what b holds, within the
// room it has or after growing it, and nothing past them.
func TestAppendIntWritesInPlace(t *testing.T) {
	for _, n := range []int{7, 42, 305, 98765, math.MaxInt} {
		room := []byte("ab" + strings.Repeat("#", 30))
		b := appendInt(room[:2], n)
		want := strconv.AppendInt([]byte("ab"), int64(n), 10)
		require.Equal(t, want, b)
		require.Same(t, &room[0], &b[0], "wrote in the room b had")
		require.Equal(t, strings.Repeat("#", len(room)-len(b)), string(room[len(b):]))
		full := []byte("ab")[:2:2]
		require.Equal(t, want, appendInt(full, n))
	}
}

// spanLayout writes an item's and a related location's start and end as
// the builder does, numbers of every length (and negative ones) included:
// a finding with related locations, a claim and a study each.
func TestSpanLayoutMatchesBuilder(t *testing.T) {
	values := []int{0, 7, 9, 10, 99, 100, 999, 1000, 9999, 10000, 123456, 1 << 40, -1, -12345}
	r := rand.New(rand.NewPCG(5, 8))
	pos := func() document.Position {
		return document.Position{Line: values[r.IntN(len(values))], Column: values[r.IntN(len(values))], Offset: values[r.IntN(len(values))]}
	}
	for range 2000 {
		x := Finding{Rule: "r", Category: "c", Severity: "warning", Message: "m", Start: pos(), End: pos(), Excerpt: "e"}
		for range r.IntN(3) {
			x.Related = append(x.Related, Related{Start: pos(), End: pos(), Message: "s"})
		}
		require.Equal(t, string(x.appendJSONBuilt(nil, jsonFinding)), string(appendFindingItem(nil, &x)))
		c := Claim{Term: "t", Start: pos(), End: pos(), Rules: []string{"r"}}
		require.Equal(t, string(c.appendJSONBuilt(nil, jsonFinding)), string(appendClaimItem(nil, &c)))
		s := Study{Index: 1, Start: pos(), End: pos()}
		require.Equal(t, string(s.appendJSONBuilt(nil, jsonFinding)), string(appendStudyItem(nil, &s)))
	}
}
