package rule

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/expr-lang/expr/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/yamlfile"
	"github.com/hypelint/hypelint/rules"
)

// A rule is not evaluated for a sentence that lacks a class it needs: with
// a condition that is always true, only the sentence holding the class may
// produce a finding.
func TestRuleNotEvaluatedWithoutNeededClass(t *testing.T) {
	lex := testLexicon(t)
	src := replace(replace(validRule, `when: "!hit.negated"`, `when: "true"`), "    report: hype\n", "")
	set, err := Parse(lex, "r.yaml", []byte(src))
	require.NoError(t, err)
	r := set.Get("hype-word")
	require.Empty(t, r.needs, "a constant condition needs nothing")
	r.needs = [][]int{{lex.ClassID("hype")}}

	e := &evaluator{doc: &facts.Document{Doc: &document.Document{}}}
	block := &facts.Block{}
	ok, err := e.sentence(r, block, &facts.Sentence{})
	require.NoError(t, err)
	assert.False(t, ok, "skipped: the sentence has no hype hit")

	withHit := &facts.Sentence{Hits: []lexicon.Hit{{Class: lex.ClassID("hype")}}}
	ok, err = e.sentence(r, block, withHit)
	require.NoError(t, err)
	assert.True(t, ok, "evaluated: the sentence has the class")
	assert.Len(t, e.findings.items, 1)
}

func gatingLexicon(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Parse(map[string]string{"l.yaml": `
classes:
  hype: {description: d, source: s, zh: [重磅]}
  a: {description: d, source: s, zh: [甲]}
  b: {description: d, source: s, zh: [乙]}
`})
	require.NoError(t, err)
	return lex
}

// withCondition parses validRule (report: hype) with another condition.
func withCondition(t *testing.T, lex *lexicon.Lexicon, when string) *Rule {
	t.Helper()
	set, err := Parse(lex, "r.yaml", []byte(replace(validRule, `when: "!hit.negated"`, `when: '`+when+`'`)))
	require.NoError(t, err, when)
	return set.Get("hype-word")
}

// The classes a sentence needs come from counts and claim classes as well
// as has(); where the condition could hold without the class (a negation,
// a disjunction with anything else, a count compared the other way, a
// predicate over a list that may be empty, a variable)
// nothing is derived and the sentence is always evaluated.
func TestNeedsDerivedFromCountsAndClaimClasses(t *testing.T) {
	lex := gatingLexicon(t)
	id := lex.ClassID
	for when, want := range map[string][][]int{
		`count(sentence, "a") > 0 && !sentence.negated`:                 {{id("a")}},
		`count(sentence, "a") >= 1`:                                     {{id("a")}},
		`count(sentence, "a") != 0`:                                     {{id("a")}},
		`claim.class in ["hype", "b"] && has(sentence, "a")`:            {{id("hype"), id("b")}, {id("a")}},
		`claim.class == "b"`:                                            {{id("b")}},
		`(claim.class == "a" || has(sentence, "b")) && sentence.hedged`: {{id("a"), id("b")}},
		`hit.class == "hype"`:                                           {{id("hype")}},
	} {
		assert.Equal(t, want, withCondition(t, lex, when).needs, when)
	}
	for _, when := range []string{
		`!has(sentence, "a")`,
		`!(has(sentence, "a") && has(sentence, "b"))`,
		`has(sentence, "a") || !has(sentence, "b")`,
		`count(sentence, "a") < 2`,
		`count(sentence, "a") >= 0`,
		`count(sentence, "a") == 0`,
		`count(paragraph, "a") > 0`, // the paragraph may have it where the sentence does not
		`has(doc, "a")`,
		`claim.class in ["", "a"]`, // the blank claim's class is ""
		`claim.class != "a"`,
		`all(sentence.sampleSizes, has(sentence, "a"))`, // true of an empty list
		`let s = sentence; has(s, "a")`,                 // a variable the derivation does not follow
		`has(sentence, "a") ? false : true`,
	} {
		assert.Empty(t, withCondition(t, lex, when).needs, when)
	}
}

// A guard decides a condition false from the facts known at its stage,
// and otherwise leaves it to the VM.
func TestGuardDecidesOnlyWhatItKnows(t *testing.T) {
	lex := gatingLexicon(t)
	blankDoc := &facts.Document{Doc: &document.Document{}}
	sized := &facts.Sentence{SampleSize: true, SampleSizes: []int{12}, Kind: "paragraph"}
	unsized := &facts.Sentence{Kind: "paragraph"}
	animal := &facts.Claim{Evidence: "preclinical", Class: "hype"}
	human := &facts.Claim{Evidence: "human", Class: "hype"}
	env := func(s *facts.Sentence, c *facts.Claim) *HitEnv {
		return &HitEnv{Doc: blankDoc, Sentence: s, Paragraph: &facts.Block{}, Claim: c, Study: &facts.Study{}}
	}
	type stage int
	const (
		onDoc stage = iota
		onSentence
		onClaim
	)
	guardAt := func(r *Rule, at stage) guard {
		return [...]guard{r.gate.onDoc.get(), r.gate.onSentence.get(), r.gate.onClaim.get()}[at]
	}
	cases := []struct {
		when  string
		env   *HitEnv
		at    stage
		false bool
	}{
		{`sentence.sampleSize && claim.evidence == "preclinical" && !hit.negated`, env(unsized, animal), onSentence, true},
		{`sentence.sampleSize && claim.evidence == "preclinical" && !hit.negated`, env(sized, human), onSentence, false}, // the claim is not known yet
		{`sentence.sampleSize && claim.evidence == "preclinical" && !hit.negated`, env(sized, human), onClaim, true},
		{`sentence.sampleSize && claim.evidence == "preclinical" && !hit.negated`, env(sized, animal), onClaim, false}, // hit.negated decides
		{`sentence.sampleSize && claim.evidence == "preclinical"`, env(unsized, animal), onDoc, false},
		{`claim.class in ["hype", "a"] && len(sentence.sampleSizes) > 0`, env(unsized, animal), onClaim, true},
		{`claim.class in ["a", "b"]`, env(sized, animal), onClaim, true},
		{`claim.class in ["a", "hype"]`, env(sized, animal), onClaim, false},
		{`sentence.kind != "paragraph" || sentence.sampleSize`, env(unsized, animal), onSentence, true},
		{`sentence.text matches "x" && sentence.sampleSize`, env(unsized, animal), onSentence, true},
		{`sentence.text matches "x" || sentence.sampleSize`, env(unsized, animal), onSentence, false}, // matches may hold
		{`!(sentence.sampleSize || sentence.text matches "x")`, env(unsized, animal), onSentence, false},
		{`!(sentence.sampleSize || sentence.text matches "x")`, env(sized, animal), onSentence, true},
		{`count(sentence, "a") + count(sentence, "b") > 0`, env(unsized, animal), onSentence, true},
		{`has(doc, "a") && !doc.critical`, env(sized, animal), onDoc, true},
		{`!doc.evidence.preclinicalOnly && sentence.sampleSize`, env(unsized, animal), onDoc, false},
		{`study.index > 0 && !study.sized`, env(sized, animal), onClaim, true},
		{`study.index > 0 && !study.sized`, env(sized, animal), onSentence, false},
		{`let s = sentence; s.sampleSize`, env(unsized, animal), onSentence, false}, // not followed: left to the VM
		{`sentence.sampleSize == false`, env(sized, animal), onSentence, true},
		{`all(sentence.sampleSizes, # < 10) && sentence.sampleSize`, env(sized, animal), onSentence, false},
	}
	for _, c := range cases {
		r := withCondition(t, lex, c.when)
		got := decidedFalse(guardAt(r, c.at), c.env)
		assert.Equal(t, c.false, got, "%s at stage %d", c.when, c.at)
		if got {
			vm := &evaluator{env: *c.env, doc: blankDoc}
			vm.env.Hit = &facts.Hit{}
			ok, err := vm.runVM(r)
			require.NoError(t, err, c.when)
			assert.False(t, ok, "%s: the VM must agree with the guard", c.when)
		}
	}
}

// On random facts, no guard of a built-in rule ever decides false a
// condition the VM finds true; and the guards do decide (most sentences
// are turned away before the VM).
func TestGuardsAgreeWithVMOnBuiltinRules(t *testing.T) {
	lexFiles, err := yamlfile.ReadDir(rules.FS, "lexicon", "rules")
	require.NoError(t, err)
	lex, err := lexicon.Compile(lexFiles)
	require.NoError(t, err)
	ruleFiles, err := yamlfile.ReadDir(rules.FS, ".", "rules")
	require.NoError(t, err)
	parsed, err := ParseFiles(ruleFiles)
	require.NoError(t, err)
	set, err := parsed.Bind(lex)
	require.NoError(t, err)

	rng := rand.New(rand.NewPCG(1, 2))
	literal := regexp.MustCompile(`"([^"]*)"`)
	decided := 0
	for _, r := range set.Rules {
		if r.tree == nil {
			continue
		}
		// Strings to draw from: the condition's own literals, so that
		// comparisons go both ways; classes: those it names.
		pool := []string{"", "other"}
		var classes []int
		for _, m := range literal.FindAllStringSubmatch(r.When, -1) {
			pool = append(pool, m[1])
			if id := lex.ClassID(m[1]); id >= 0 {
				classes = append(classes, id)
			}
		}
		for range 3000 {
			env := randomEnv(rng, pool, classes)
			for _, g := range []guard{r.gate.onDoc.get(), r.gate.onSentence.get(), r.gate.onClaim.get()} {
				if !decidedFalse(g, env) {
					continue
				}
				decided++
				e := &evaluator{env: *env, doc: env.Doc}
				ok, err := e.runVM(r)
				require.NoError(t, err, r.ID)
				require.False(t, ok, "%s: a guard decided false a condition that holds", r.ID)
			}
		}
	}
	assert.Greater(t, decided, 10000, "the guards decide most random cases of the built-in rules")
}

// The full guard, which sees every scope, decides a condition outright in
// place of the VM: on random facts its every yes and no is the VM's answer,
// for every built-in rule; and it decides most of them, both ways.
func TestFullGuardIsTheVMOnBuiltinRules(t *testing.T) {
	set, lex := builtinSet(t)
	rng := rand.New(rand.NewPCG(3, 4))
	counts := map[tri]int{}
	fully := 0
	for _, r := range set.Rules {
		if r.tree == nil {
			continue
		}
		pool, classes := conditionPool(lex, r)
		ruleCounts := map[tri]int{}
		for range 3000 {
			env := randomEnv(rng, pool, classes)
			switch r.env { // what the evaluator leaves unset at each scope
			case paragraphEnv, documentEnv:
				env.Sentence, env.Claim, env.Study, env.Hit = &facts.Sentence{}, &facts.Claim{}, &facts.Study{}, nil
			case sentenceEnv, headingEnv:
				env.Hit = nil
			}
			got := decided(r.gate.full.get(), env)
			ruleCounts[got]++
			if got == unknown {
				continue
			}
			e := &evaluator{env: *env, doc: env.Doc}
			ok, err := e.runVM(r)
			require.NoError(t, err, r.ID)
			require.Equal(t, ok, got == yes, "%s: the full guard and the VM disagree", r.ID)
			gotRun, err := e.run(r)
			require.NoError(t, err, r.ID)
			require.Equal(t, ok, gotRun, "%s: run gives the guard's answer", r.ID)
		}
		if ruleCounts[unknown] == 0 {
			fully++
		}
		for k, v := range ruleCounts {
			counts[k] += v
		}
	}
	assert.Greater(t, counts[yes], 1000, "the full guard decides true conditions")
	assert.Greater(t, counts[no], 10000, "the full guard decides false conditions")
	assert.Greater(t, fully, len(set.Rules)/2, "most built-in conditions are understood whole")
}

func builtinSet(t *testing.T) (*Set, *lexicon.Lexicon) {
	t.Helper()
	lexFiles, err := yamlfile.ReadDir(rules.FS, "lexicon", "rules")
	require.NoError(t, err)
	lex, err := lexicon.Compile(lexFiles)
	require.NoError(t, err)
	ruleFiles, err := yamlfile.ReadDir(rules.FS, ".", "rules")
	require.NoError(t, err)
	parsed, err := ParseFiles(ruleFiles)
	require.NoError(t, err)
	set, err := parsed.Bind(lex)
	require.NoError(t, err)
	return set, lex
}

// conditionPool gives the strings to draw from (the condition's own
// literals, so that comparisons go both ways) and the classes it names.
func conditionPool(lex *lexicon.Lexicon, r *Rule) ([]string, []int) {
	pool := []string{"", "other"}
	var classes []int
	for _, m := range regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(r.When, -1) {
		pool = append(pool, m[1])
		if id := lex.ClassID(m[1]); id >= 0 {
			classes = append(classes, id)
		}
	}
	return pool, classes
}

// randomEnv fills every bool, int, string and number-list field of the
// scopes at random (strings from pool), and gives the sentence hits of
// some of classes.
func randomEnv(rng *rand.Rand, pool []string, classes []int) *HitEnv {
	s := &facts.Sentence{}
	b := &facts.Block{Sentences: []*facts.Sentence{s}}
	env := &HitEnv{Doc: &facts.Document{}, Sentence: s, Paragraph: b, Study: &facts.Study{}, Claim: &facts.Claim{}, Hit: &facts.Hit{}}
	for _, scope := range []any{env.Doc, s, b, env.Study, env.Claim, env.Hit} {
		fill(rng, reflect.ValueOf(scope).Elem(), pool)
	}
	for range rng.IntN(4) {
		if len(classes) > 0 {
			s.Hits = append(s.Hits, lexicon.Hit{Class: classes[rng.IntN(len(classes))]})
		}
	}
	return env
}

func fill(rng *rand.Rand, v reflect.Value, pool []string) {
	for i := range v.NumField() {
		f, field := v.Type().Field(i), v.Field(i)
		if _, ok := exprName(f); !ok {
			continue
		}
		switch field.Kind() {
		case reflect.Bool:
			field.SetBool(rng.IntN(2) == 0)
		case reflect.Int:
			field.SetInt(int64(rng.IntN(4)))
		case reflect.String:
			field.SetString(pool[rng.IntN(len(pool))])
		case reflect.Struct:
			fill(rng, field, pool)
		case reflect.Slice:
			n := rng.IntN(3)
			list := reflect.MakeSlice(field.Type(), n, n)
			for j := range n {
				switch list.Index(j).Kind() {
				case reflect.Int:
					list.Index(j).SetInt(int64(rng.IntN(60)))
				case reflect.Float64:
					list.Index(j).SetFloat(float64(rng.IntN(60)))
				}
			}
			field.Set(list)
		}
	}
}

// A rule's hit facts are the ones its condition reads; hit used in any
// other way reads them all.
func TestHitFieldsRead(t *testing.T) {
	lex := gatingLexicon(t)
	for when, want := range map[string]facts.HitFields{
		`!hit.negated && !sentence.caveat`:                 facts.HitNegated,
		`!hit.negated && hit.term matches "^x"`:            facts.HitNegated,
		`hit.voice == "writer" || hit.distanced`:           facts.HitVoice | facts.HitDistanced,
		`!hit.associated && !hit.numbered && hit.specific`: facts.HitAssociated | facts.HitNumbered | facts.HitSpecific,
		`sentence.caveat`:                                  0,
		`hit != nil && hit.hedged`:                         facts.AllHitFields,
	} {
		assert.Equal(t, want, withCondition(t, lex, when).gate.hitFields, when)
	}
}

// fieldNamed's index finds, for every environment type and every name, the
// field a scan of the type's own fields finds first.
func TestFieldNamedMatchesScan(t *testing.T) {
	scan := func(t reflect.Type, name string) (reflect.StructField, bool) {
		for i := range t.NumField() {
			if n, ok := exprName(t.Field(i)); ok && n == name {
				return t.Field(i), true
			}
		}
		return reflect.StructField{}, false
	}
	checked := 0
	for typ := range exprFields {
		if typ.Kind() != reflect.Struct {
			continue
		}
		names := []string{"", "nope", "-"}
		for i := range typ.NumField() {
			names = append(names, typ.Field(i).Name, typ.Field(i).Tag.Get("expr"))
		}
		for _, name := range names {
			want, wantOK := scan(typ, name)
			got, ok := fieldNamed(typ, name)
			assert.Equal(t, wantOK, ok, "%v.%s", typ, name)
			assert.Equal(t, want.Index, got.Index, "%v.%s", typ, name)
			checked++
		}
	}
	assert.Greater(t, checked, 50)
}

// On the corpus's articles, analysed for real, the full guard decides most
// conditions the rules reach, and each of its answers is the VM's.
func TestFullGuardIsTheVMOnCorpus(t *testing.T) {
	set, lex := builtinSet(t)
	paths, docs := corpusFacts(t, facts.NewAnalyzer(lex))
	var decisions [3]int
	for k, d := range docs {
		run := set.Start(d)
		run.e.verify = true
		require.NoError(t, run.Blocks(d.Blocks))
		_, err := run.Finish()
		require.NoError(t, err)
		assert.Empty(t, run.e.disagreements, paths[k])
		for i, n := range run.e.decisions {
			decisions[i] += n
		}
	}
	assert.Greater(t, decisions[yes], 500, "decided true: %v", decisions)
	assert.Greater(t, decisions[no], 200, "decided false: %v", decisions)
	assert.Greater(t, decisions[yes]+decisions[no], 4*decisions[unknown], "most runs are decided: %v", decisions)
}

// allOf and anyOf are Kleene's three-valued && and || over any number of
// guards, a nil guard being unknown: checked against the two-place tables
// folded left, over every combination of up to four parts.
func TestChainsAreThreeValuedLogic(t *testing.T) {
	and := func(a, b tri) tri {
		switch {
		case a == no || b == no:
			return no
		case a == yes && b == yes:
			return yes
		}
		return unknown
	}
	or := func(a, b tri) tri { return and(a.not(), b.not()).not() }
	values := []tri{unknown, no, yes}
	const nilGuard = tri(-1) // stands for a part the compiler did not understand
	parts := append([]tri{nilGuard}, values...)
	var combos func(n int) [][]tri
	combos = func(n int) [][]tri {
		if n == 0 {
			return [][]tri{nil}
		}
		var out [][]tri
		for _, c := range combos(n - 1) {
			for _, p := range parts {
				out = append(out, append(slices.Clone(c), p))
			}
		}
		return out
	}
	for n := 1; n <= 4; n++ {
		for _, c := range combos(n) {
			var gs []guard
			wantAll, wantAny := yes, no
			allNil := true
			for _, p := range c {
				v := p
				if p == nilGuard {
					gs, v = append(gs, nil), unknown
				} else {
					gs = append(gs, func(*HitEnv) tri { return v })
					allNil = false
				}
				wantAll, wantAny = and(wantAll, v), or(wantAny, v)
			}
			if allNil {
				assert.Nil(t, allOf(gs), "%v", c)
				assert.Nil(t, anyOf(gs), "%v", c)
				continue
			}
			assert.Equal(t, wantAll, allOf(gs)(nil), "all of %v", c)
			assert.Equal(t, wantAny, anyOf(gs)(nil), "any of %v", c)
		}
	}
}

// A guard read only for one value leaves out the chains that can never
// give it, and is nil when it can never give it itself; compiled for
// every value, it keeps them. Where it is not nil it decides that value
// as the exact guard does.
func TestWantedGuardsLeaveOutWhatCannotGiveTheirValue(t *testing.T) {
	lex := gatingLexicon(t)
	sentenceStage := map[string]bool{"doc": true, "sentence": true, "paragraph": true}
	compile := func(when string, want tri) guard {
		r := withCondition(t, lex, when)
		return guardCompiler{lex: lex, known: sentenceStage}.wanting(want).bool(r.tree.Node)
	}
	for _, tc := range []struct {
		when     string
		nilWhen  []tri // the values wanted for which the guard is nil
		notNilOf []tri
	}{
		{`sentence.isHeading || claim.summary`, []tri{no}, []tri{yes, unknown}},
		{`claim.summary && sentence.isHeading`, []tri{yes}, []tri{no, unknown}},
		{`!(claim.summary && sentence.isHeading)`, []tri{no}, []tri{yes, unknown}},
		{`!(claim.summary || sentence.isHeading)`, []tri{yes}, []tri{no, unknown}},
		{`(claim.summary || sentence.isHeading) || (claim.summary && sentence.isTitle)`, []tri{no}, []tri{yes, unknown}},
		{`(!claim.summary || sentence.isHeading) && (claim.summary || sentence.isTitle)`, []tri{no}, []tri{unknown}},
		{`sentence.isHeading && sentence.isTitle`, nil, []tri{no, yes, unknown}},
	} {
		for _, want := range tc.nilWhen {
			assert.Nil(t, compile(tc.when, want), "%s wanting %d", tc.when, want)
		}
		for _, want := range tc.notNilOf {
			assert.NotNil(t, compile(tc.when, want), "%s wanting %d", tc.when, want)
		}
	}
	// (!claim.summary || sentence.isHeading) can never be false at the
	// sentence stage: wanting no, the && below runs sentence.sampleSize
	// alone and says no exactly where the exact guard does.
	when := `(!claim.summary || sentence.isHeading) && sentence.sampleSize`
	wanted, exact := compile(when, no), compile(when, unknown)
	rng := rand.New(rand.NewPCG(7, 8))
	for range 500 {
		env := randomEnv(rng, []string{"", "x"}, []int{lex.ClassID("a")})
		env.Claim = nil
		assert.Equal(t, exact(env) == no, wanted(env) == no)
		assert.NotEqual(t, yes, wanted(env), "yes is left out")
	}
}

// The guards as compiled (one-step tests, cheapest operand first) decide
// every random case of every built-in rule as the plain guards do, at
// every stage, some scopes unset.
func TestGuardsAreThePlainGuards(t *testing.T) {
	set, lex := builtinSet(t)
	rng := rand.New(rand.NewPCG(3, 4))
	literal := regexp.MustCompile(`"([^"]*)"`)
	compared, settled, afterStudy := 0, 0, 0
	for _, r := range set.Rules {
		if r.tree == nil {
			continue
		}
		pool := []string{"", "other"}
		var classes []int
		for _, m := range literal.FindAllStringSubmatch(r.When, -1) {
			pool = append(pool, m[1])
			if id := lex.ClassID(m[1]); id >= 0 {
				classes = append(classes, id)
			}
		}
		fast, plain := r.gate, compileGate(lex, r.tree.Node, true)
		pairs := [][2]guard{{fast.onDoc.get(), plain.onDoc.get()}, {fast.onSentence.get(), plain.onSentence.get()}, {fast.onClaim.get(), plain.onClaim.get()}, {fast.onStudy.get(), plain.onStudy.get()}, {fast.full.get(), plain.full.get()}}
		for range 2000 {
			env := randomEnv(rng, pool, classes)
			switch rng.IntN(4) { // a scope not set yet: what it decides is unknown
			case 0:
				env.Hit = nil
			case 1:
				env.Claim, env.Study = nil, nil
			}
			for stage, p := range pairs {
				got, want := decided(p[0], env), decided(p[1], env)
				if stage < 4 { // read by decidedFalse: only no must agree (see guardCompiler.want)
					got, want = truth(got == no), truth(want == no)
				}
				require.Equal(t, want, got, "%s at stage %d", r.ID, stage)
				compared++
				if got != unknown {
					settled++
				}
			}
			if env.Claim != nil && !decidedFalse(plain.onSentence.get(), env) {
				require.Equal(t, decidedFalse(plain.onClaim.get(), env), decidedFalse(fast.afterSentence.get(), env), "%s after the sentence", r.ID)
			}
			if env.Claim != nil && !decidedFalse(plain.onStudy.get(), env) {
				require.Equal(t, decidedFalse(plain.onClaim.get(), env), decidedFalse(fast.afterStudy.get(), env), "%s after the study", r.ID)
				afterStudy++
			}
		}
	}
	assert.Greater(t, compared, 100000)
	assert.Greater(t, settled, compared/4, "the cases compared are mostly decided")
	assert.Greater(t, afterStudy, 10000, "studies let through")
}

// The steps read in a chain's loop (bool fields, merged into words where
// they share one; has(); string fields against literals) decide as the
// plain guards, for && and ||, negated or not, with scopes unset, on
// every stage.
func TestChainStepsAreThePlainGuards(t *testing.T) {
	lex := gatingLexicon(t)
	rng := rand.New(rand.NewPCG(5, 6))
	pool := []string{"", "other", "writer", "quoted"}
	classes := []int{lex.ClassID("a"), lex.ClassID("b"), lex.ClassID("hype")}
	for _, when := range []string{
		`!sentence.negated && !sentence.hedged && !sentence.caveat && !sentence.inLimitations && !sentence.inEndMatter`,
		`sentence.negated && !sentence.hedged && sentence.caveat && sentence.sampleSize && !sentence.isTitle && !sentence.isLead`,
		`sentence.negated || !sentence.hedged || sentence.distanced || !sentence.namesModel || sentence.isHeading`,
		`!sentence.negated && (sentence.hedged || !sentence.caveat || claim.voice == "quoted") && !claim.summary && !hit.negated`,
		`has(sentence, "a") && !has(sentence, "b") && sentence.voice != "writer" && claim.voice == "quoted" && !sentence.testimonial`,
		`!(sentence.hedged && sentence.caveat) && (sentence.inLimitations || has(sentence, "hype") || "writer" == sentence.voice)`,
		`sentence.negated && !sentence.hedged && !sentence.negated && !sentence.caveat`,
		`sentence.negated || !sentence.hedged || !sentence.negated`,
		`sentence.isTitle == sentence.isHeading && !sentence.cites && !sentence.critical && !sentence.question && !sentence.isHeadline`,
	} {
		r := withCondition(t, lex, when)
		fast, plain := r.gate, compileGate(lex, r.tree.Node, true)
		pairs := [][2]guard{{fast.onSentence.get(), plain.onSentence.get()}, {fast.onClaim.get(), plain.onClaim.get()}, {fast.full.get(), plain.full.get()}}
		for range 3000 {
			env := randomEnv(rng, pool, classes)
			switch rng.IntN(4) {
			case 0:
				env.Hit = nil
			case 1:
				env.Claim, env.Study = nil, nil
			}
			for stage, p := range pairs {
				require.Equal(t, decided(p[1], env), decided(p[0], env), "%s at stage %d", when, stage)
			}
		}
	}
}

// words merges the bool fields of one word into one step, keeps the others
// in their place, and never reads past the scope's end.
func TestWordsMergeFieldsOfOneWord(t *testing.T) {
	sentence := gateScopes["sentence"]
	field := func(name string, not bool) step {
		f, ok := fieldNamed(sentence.typ, name)
		require.True(t, ok, name)
		return step{kind: stepBool, not: not, scope: sentence.offset, offset: f.Offset, size: sentence.typ.Size()}
	}
	other := step{g: func(*HitEnv) tri { return unknown }}
	steps := []step{field("negated", true), other, field("hedged", false), field("caveat", true)}
	merged := words(steps, false)
	require.Len(t, merged, 2)
	assert.Equal(t, stepWord, merged[0].kind)
	assert.Equal(t, stepGuard, merged[1].kind)
	assert.Equal(t, field("negated", true).offset&^7, merged[0].offset)

	s := &facts.Sentence{Hedged: true}
	env := &HitEnv{Sentence: s}
	for _, c := range []struct {
		negated, hedged, caveat bool
		want                    tri
	}{
		{false, true, false, unknown}, // none decides: the guard step is unknown
		{true, true, false, no},
		{false, false, false, no},
		{false, true, true, no},
	} {
		s.Negated, s.Hedged, s.Caveat = c.negated, c.hedged, c.caveat
		assert.Equal(t, c.want, chain(steps, no, yes)(env), "%+v", c)
	}

	short := step{kind: stepBool, scope: sentence.offset, offset: 9, size: 12} // a scope of 12 bytes
	assert.Equal(t, stepBool, words([]step{short}, false)[0].kind, "a word past the end is not read")
}

// The tests read in a chain's loop beyond bool fields, has(sentence, …)
// and string equality (a string field in a list, an int field against a
// literal on either side, has() of the document or the paragraph) are
// compiled as steps, and decide every random case as the plain guards
// do, negated or not, with their scope set or not.
func TestInPlaceStepsAreThePlainGuards(t *testing.T) {
	lex := gatingLexicon(t)
	all := map[string]bool{"doc": true, "sentence": true, "paragraph": true, "claim": true, "study": true, "hit": true}
	rng := rand.New(rand.NewPCG(21, 5))
	settled := 0
	for when, kind := range map[string]stepKind{
		`claim.strength in ["direct", "can"]`:         stepIn,
		`claim.strength in ["none", "may", "direct"]`: stepIn,
		`study.index > 0`:                             stepInt,
		`study.index >= 2`:                            stepInt,
		`study.index < 2`:                             stepInt,
		`study.index <= 1`:                            stepInt,
		`study.index == 3`:                            stepInt,
		`study.index != 1`:                            stepInt,
		`1 < study.index`:                             stepInt,
		`2 >= study.index`:                            stepInt,
		`has(doc, "a")`:                               stepDocHas,
		`has(paragraph, "b")`:                         stepBlockHas,
	} {
		for _, cond := range []string{when, `!(` + when + `)`, `sentence.caveat && ` + when, `sentence.caveat || !(` + when + `)`} {
			r := withCondition(t, lex, cond)
			c := guardCompiler{lex: lex, known: all}.wanting(unknown)
			n := r.tree.Node
			if b, ok := n.(*ast.BinaryNode); ok && (b.Operator == "&&" || b.Operator == "||") {
				n = b.Right
			}
			if u, ok := n.(*ast.UnaryNode); ok {
				n = u.Node
			}
			assert.Equal(t, kind, c.step(n).kind, "%s", cond)
			fast, plain := compileGate(lex, r.tree.Node, false), compileGate(lex, r.tree.Node, true)
			for range 300 {
				env := randomEnv(rng, []string{"", "direct", "can", "may", "none"}, []int{lex.ClassID("a"), lex.ClassID("b")})
				env.Paragraph.Sentences[0].Hits = append(env.Paragraph.Sentences[0].Hits, env.Sentence.Hits...)
				switch rng.IntN(4) {
				case 0:
					env.Study = nil
				case 1:
					env.Claim = nil
				case 2:
					env.Paragraph = nil
				}
				// full decides every value as the plain guard does; the
				// stages read for "false" only decide false where it does.
				want := decided(plain.full.get(), env)
				require.Equal(t, want, decided(fast.full.get(), env), "%s", cond)
				if want != unknown {
					settled++
				}
				for _, stage := range []struct{ fast, plain *lazyGuard }{{fast.onClaim, plain.onClaim}, {fast.onStudy, plain.onStudy}, {fast.onDoc, plain.onDoc}} {
					require.Equal(t, decidedFalse(stage.plain.get(), env), decidedFalse(stage.fast.get(), env), "%s", cond)
				}
			}
		}
	}
	assert.Greater(t, settled, 10000)
}
