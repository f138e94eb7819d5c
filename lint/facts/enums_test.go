package facts_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
)

// freeText are the string facts that hold text rather than one of a few
// values.
var freeText = map[string]bool{"Sentence.Text": true, "Hit.Term": true, "Claim.Term": true}

var factTypes = []reflect.Type{
	reflect.TypeFor[facts.Sentence](), reflect.TypeFor[facts.Block](), reflect.TypeFor[facts.Document](),
	reflect.TypeFor[facts.Evidence](), reflect.TypeFor[facts.Study](), reflect.TypeFor[facts.Claim](),
	reflect.TypeFor[facts.Hit](),
}

// Every string fact rules see has its values listed (or holds a class name,
// or is free text), so that a comparison with any other value is caught
// when the rule loads.
func TestEveryStringFactIsAnEnum(t *testing.T) {
	for _, typ := range factTypes {
		for f := range typ.Fields() {
			tag := f.Tag.Get("expr")
			if tag == "" || tag == "-" || f.Type.Kind() != reflect.String {
				continue
			}
			values, isClass := facts.Enum(typ, f.Name)
			name := typ.Name() + "." + f.Name
			if freeText[name] {
				assert.False(t, isClass || len(values) > 0, "%s is free text", name)
				continue
			}
			assert.True(t, isClass || len(values) > 0, "%s (%s) lists no values in facts/enums.go", name, tag)
			assert.Len(t, slices.Compact(slices.Sorted(slices.Values(values))), len(values), "%s lists a value twice", name)
		}
	}
	values, _ := facts.Enum(reflect.TypeFor[facts.Sentence](), "Text")
	assert.Empty(t, values)
}

// Every value the facts take on the corpus is one the enums list: the
// lists are complete (a rule comparing with a real value must load). And
// what heading rules may not read never holds in a title or heading.
func TestCorpusFactsTakeListedValues(t *testing.T) {
	l, err := lint.Default()
	require.NoError(t, err)
	files, err := filepath.Glob("../../corpus/*/*.*")
	require.NoError(t, err)
	seen := map[string]map[string]bool{}
	record := func(v reflect.Value) {
		v = reflect.Indirect(v)
		for f := range v.Type().Fields() {
			if f.Tag.Get("expr") == "" || f.Tag.Get("expr") == "-" || f.Type.Kind() != reflect.String {
				continue
			}
			values, isClass := facts.Enum(v.Type(), f.Name)
			got := v.FieldByIndex(f.Index).String()
			name := v.Type().Name() + "." + f.Name
			if seen[name] == nil {
				seen[name] = map[string]bool{}
			}
			seen[name][got] = true
			switch {
			case isClass:
				assert.GreaterOrEqual(t, l.Lexicon.ClassID(got), 0, "%s = %q", name, got)
			case len(values) > 0:
				assert.True(t, got == "" || slices.Contains(values, got), "%s = %q, not one of %v", name, got, values)
			}
		}
	}
	linted := 0
	for _, file := range files {
		if strings.HasSuffix(file, ".yaml") || strings.HasSuffix(file, ".go") {
			continue
		}
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		res, err := l.Lint(lint.Input{Path: file, Data: data})
		require.NoError(t, err, file)
		d := res.Facts
		linted++
		record(reflect.ValueOf(d))
		for _, st := range d.Studies {
			record(reflect.ValueOf(st))
		}
		for _, b := range d.Blocks {
			record(reflect.ValueOf(b))
			if b.Role == facts.RoleHeadline || b.Role == facts.RoleHeading { // paragraph rules never see these roles
				assert.Contains(t, []string{"title", "heading"}, b.Kind, "%s: %q", file, b.Source.Text)
			}
			for _, s := range b.Sentences {
				record(reflect.ValueOf(s))
				if s.IsTitle || s.IsHeading { // what heading rules may not read (rule.neverAt)
					assert.False(t, s.IsLead || s.OpensStudy || b.IsLead, "%s: %q", file, s.Text)
					assert.Nil(t, s.Study, "%s: %q", file, s.Text)
				}
				for _, c := range s.Claims {
					record(reflect.ValueOf(c))
				}
				for _, h := range s.Hits {
					record(reflect.ValueOf(d.HitFacts(s, h)))
				}
			}
		}
	}
	require.Greater(t, linted, 50)
	// The corpus exercises the lists: most values of each are seen.
	for _, name := range []string{"Sentence.Kind", "Study.Design", "Claim.Strength", "Claim.Subject", "Hit.Voice", "Document.Language"} {
		assert.GreaterOrEqual(t, len(seen[name]), 3, "%s: %v", name, seen[name])
	}
}
