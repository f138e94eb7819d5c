package rule

import (
	"math/bits"
	"math/rand/v2"
	"reflect"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/facts"
	"github.com/hypelint/hypelint/lint/lexicon"
)

// A sieve admits a sentence exactly when meets (and, for a rule that
// reports a class, Has) does, on random needs and random sentences (so
// block may skip those tests for an admitted sentence: metSentence); a
// block's union admits whenever one of its sentences is admitted.
func TestSieveAdmitsAsMeets(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2))
	admitted, refused := 0, 0
	for range 3000 {
		var needs [][]int
		for range rng.IntN(4) {
			clause := make([]int, 1+rng.IntN(3))
			for i := range clause {
				clause[i] = rng.IntN(12)
			}
			needs = append(needs, clause)
		}
		report := rng.IntN(14) - 2
		sv := newSieve(needs, report)
		require.True(t, sv.ok)
		var block facts.Block
		blockMeets := false
		for range 1 + rng.IntN(3) {
			var hits []lexicon.Hit
			for range rng.IntN(6) {
				hits = append(hits, lexicon.Hit{Class: rng.IntN(12)})
			}
			s := &facts.Sentence{Hits: hits}
			s.IndexClasses()
			block.Sentences = append(block.Sentences, s)
			want := meets(s, needs) && (report < 0 || s.Has(report))
			set, ok := s.Classes()
			require.True(t, ok)
			assert.Equal(t, want, sv.admits(&set), "needs %v report %d hits %v", needs, report, hits)
			blockMeets = blockMeets || want
			if want {
				admitted++
			} else {
				refused++
			}
		}
		var bc blockClasses
		classesOfBlock(&bc, &block, -1, nil)
		if blockMeets {
			assert.True(t, sv.admits(&bc.union))
		}
	}
	assert.Greater(t, admitted, 500)
	assert.Greater(t, refused, 500)
	// A class beyond a ClassSet turns the sieve off.
	assert.False(t, newSieve([][]int{{facts.ClassSetSize}}, -1).ok)
	assert.False(t, newSieve(nil, facts.ClassSetSize+3).ok)
}

// On the corpus's articles the sieved evaluation finds exactly what the
// evaluation that visits every sentence finds, in the same order.
func TestSievedEvaluationIsUnsievedOnCorpus(t *testing.T) {
	set, lex := builtinSet(t)
	paths, docs := corpusFacts(t, facts.NewAnalyzer(lex))
	findings := 0
	for j, fd := range docs {
		var got [3][]Finding
		for i, noSieve := range []bool{true, false, false} {
			run := set.Start(fd)
			run.e.noSieve = noSieve
			if i < 2 {
				require.NoError(t, run.Blocks(fd.Blocks))
			} else { // in calls of a few blocks, so that whole calls are sieved away
				for bs := fd.Blocks; len(bs) > 0; bs = bs[min(3, len(bs)):] {
					require.NoError(t, run.Blocks(bs[:min(3, len(bs))]))
				}
			}
			var err error
			got[i], err = run.Finish()
			require.NoError(t, err)
		}
		assert.Equal(t, got[0], got[1], paths[j])
		assert.ElementsMatch(t, got[0], got[2], paths[j]) // each call reports in rule order
		findings += len(got[0])
	}
	require.Greater(t, findings, 300)
}

// "once: study" reports again after a sentence that opens a study, also
// when the block holding that sentence is sieved away: the block's reset
// still happens.
func TestSievedBlockStillResetsOnceStudy(t *testing.T) {
	lex := gatingLexicon(t)
	r := withCondition(t, lex, "true")
	hype := lex.ClassID("hype")
	r.Once, r.Report, r.reportClass, r.needs = "study", "", -1, [][]int{{hype}}
	sentence := func(class int, opens bool) *facts.Sentence {
		s := &facts.Sentence{Text: "重磅", OpensStudy: opens, Span: document.Span{Start: 0, End: 6}}
		if class >= 0 {
			s.Hits = []lexicon.Hit{{Class: class, Start: 0, End: 6}}
		}
		s.IndexClasses()
		return s
	}
	blocks := []*facts.Block{
		{Sentences: []*facts.Sentence{sentence(hype, false)}},
		{Sentences: []*facts.Sentence{sentence(hype, false)}}, // same study: no report
		{Sentences: []*facts.Sentence{sentence(lex.ClassID("a"), true)}},
		{Sentences: []*facts.Sentence{sentence(hype, false)}}, // the next study: reported
	}
	doc := &facts.Document{Doc: &document.Document{Source: []byte("重磅")}, Lex: lex, Blocks: blocks}
	for _, noSieve := range []bool{true, false} {
		run := Subset([]*Rule{r}).Start(doc)
		run.e.noSieve = noSieve
		require.NoError(t, run.Blocks(blocks))
		found, err := run.Finish()
		require.NoError(t, err)
		assert.Len(t, found, 2, "noSieve %v", noSieve)
		// Block by block (as sections are run): the call holding only the
		// opening sentence, which no block of it lets the rule meet, must
		// still reset once.
		run = Subset([]*Rule{r}).Start(doc)
		run.e.noSieve = noSieve
		for i := range blocks {
			require.NoError(t, run.Blocks(blocks[i:i+1]))
		}
		found, err = run.Finish()
		require.NoError(t, err)
		assert.Len(t, found, 2, "block by block, noSieve %v", noSieve)
	}
}

// After a report, a rule whose once does not carry from block to block
// (sentence, paragraph, none) goes on through the masked blocks only, and
// reports what the visit of every sentence reports; study and document
// go on block by block.
func TestMaskedBlocksAfterAReport(t *testing.T) {
	lex := gatingLexicon(t)
	hype, a := lex.ClassID("hype"), lex.ClassID("a")
	sentence := func(class int) *facts.Sentence {
		s := &facts.Sentence{Text: "重磅", Span: document.Span{Start: 0, End: 6}, OpensStudy: class == a}
		s.Hits = []lexicon.Hit{{Class: class, Start: 0, End: 6}}
		s.IndexClasses()
		return s
	}
	blocks := []*facts.Block{
		{Sentences: []*facts.Sentence{sentence(hype), sentence(hype)}},
		{Sentences: []*facts.Sentence{sentence(a)}}, // opens a study; not admitted
		{Sentences: []*facts.Sentence{sentence(hype)}},
		{Sentences: []*facts.Sentence{sentence(a), sentence(hype)}},
	}
	doc := &facts.Document{Doc: &document.Document{Source: []byte("重磅")}, Lex: lex, Blocks: blocks}
	// Two calls over the blocks: the second starts with done as the first
	// left it.
	for once, want := range map[string]int{"": 8, "sentence": 8, "paragraph": 6, "study": 5, "document": 1} {
		r := withCondition(t, lex, "true")
		r.Once, r.Report, r.reportClass, r.needs = once, "", -1, [][]int{{hype}}
		var got [2][]Finding
		for i, noSieve := range []bool{true, false} {
			run := Subset([]*Rule{r}).Start(doc)
			run.e.noSieve = noSieve
			require.NoError(t, run.Blocks(blocks))
			require.NoError(t, run.Blocks(blocks))
			var err error
			got[i], err = run.Finish()
			require.NoError(t, err)
			assert.Len(t, got[i], want, "once %q, noSieve %v", once, noSieve)
		}
		assert.Equal(t, got[0], got[1], "once %q", once)
	}
}

// The blocks a rule visits come from the call's class masks: a heading
// rule reads titles and headings only, and no rule reads a block whose
// role is excluded (references), whatever classes they have.
func TestMaskedBlocksKeepScopeAndRoles(t *testing.T) {
	lex := gatingLexicon(t)
	r := withCondition(t, lex, "true")
	hype := lex.ClassID("hype")
	r.Report, r.reportClass, r.needs, r.Once = "", -1, [][]int{{hype}}, ""
	block := func(kind document.Kind, role string) *facts.Block {
		s := &facts.Sentence{Text: "重磅", Span: document.Span{Start: 0, End: 6}, Hits: []lexicon.Hit{{Class: hype, Start: 0, End: 6}}}
		s.IndexClasses()
		return &facts.Block{Source: &document.Block{Kind: kind}, Role: role, Sentences: []*facts.Sentence{s}}
	}
	blocks := []*facts.Block{
		block(document.Paragraph, facts.RoleReferences), block(document.Paragraph, facts.RoleBody),
		block(document.Title, facts.RoleHeadline), block(document.Heading, facts.RoleBody),
	}
	doc := &facts.Document{Doc: &document.Document{Source: []byte("重磅")}, Lex: lex, Blocks: blocks}
	for _, scope := range []Scope{SentenceScope, HeadingScope} {
		r.Scope = scope
		want := map[Scope]int{SentenceScope: 3, HeadingScope: 2}[scope]
		for _, noSieve := range []bool{true, false} {
			run := Subset([]*Rule{r}).Start(doc)
			run.e.noSieve = noSieve
			require.NoError(t, run.Blocks(blocks))
			found, err := run.Finish()
			require.NoError(t, err)
			assert.Len(t, found, want, "scope %v, noSieve %v", scope, noSieve)
		}
	}
}

// sentenceFlags finds the sentence's bool fields joined by && at the top,
// set ones only; and on random facts of every built-in rule, a sentence
// with one of its rule's flags clear never meets the rule's condition.
func TestSentenceFlagsAreNeeded(t *testing.T) {
	lex := gatingLexicon(t)
	offset := func(name string) uintptr {
		f, ok := fieldNamed(reflect.TypeFor[facts.Sentence](), name)
		require.True(t, ok, name)
		return f.Offset
	}
	for when, want := range map[string][]uintptr{
		`sentence.sampleSize && !sentence.negated && sentence.opensStudy`: {offset("sampleSize"), offset("opensStudy")},
		`sentence.sampleSize || sentence.opensStudy`:                      nil,
		`!sentence.sampleSize`:                                            nil,
		`doc.critical && (sentence.caveat && has(sentence, "a"))`:         {offset("caveat")},
		`claim.summary && sentence.isHeading == false`:                    nil,
	} {
		assert.Equal(t, want, withCondition(t, lex, when).flags, when)
	}

	set, lex := builtinSet(t)
	rng := rand.New(rand.NewPCG(5, 6))
	refused, rules := 0, 0
	for _, r := range set.Rules {
		if r.tree == nil || len(r.flags) == 0 {
			continue
		}
		rules++
		sv := sieve{flags: r.flags}
		pool, classes := conditionPool(lex, r)
		for range 3000 {
			env := randomEnv(rng, pool, classes)
			if sv.flagsSet(env.Sentence) {
				continue
			}
			refused++
			e := &evaluator{env: *env, doc: env.Doc}
			ok, err := e.runVM(r)
			require.NoError(t, err, r.ID)
			require.False(t, ok, "%s: a sentence refused for a clear flag meets the condition", r.ID)
		}
	}
	assert.Greater(t, rules, 2, "built-in rules need sentence flags")
	assert.Greater(t, refused, 1000)
}

// A block's flags say which of the set's flag fields some sentence of it
// has set: the sieve's flag bits refuse a block (and the masks leave it
// out) exactly when a field the rule needs is clear in all its sentences,
// so never a block with a sentence that has every field set; on random
// sentences and random flag needs.
func TestBlockFlagsRefuseAsSentences(t *testing.T) {
	fields := []string{"SampleSize", "OpensStudy", "Caveat", "Negated", "IsHeadline", "InLimitations"}
	typ := reflect.TypeFor[facts.Sentence]()
	var offsets []uintptr
	for _, name := range fields {
		f, ok := typ.FieldByName(name)
		require.True(t, ok, name)
		require.Equal(t, reflect.Bool, f.Type.Kind(), name)
		offsets = append(offsets, f.Offset)
	}
	rng := rand.New(rand.NewPCG(8, 3))
	refused, admitted := 0, 0
	for range 2000 {
		list := make([]sieve, 1+rng.IntN(4))
		for i := range list {
			for range rng.IntN(3) {
				list[i].flags = append(list[i].flags, offsets[rng.IntN(len(offsets))])
			}
		}
		flags := blockFlags(list)
		require.LessOrEqual(t, len(flags), len(offsets))
		blocks := make([]*facts.Block, 1+rng.IntN(5))
		classes := make([]blockClasses, len(blocks))
		for bi := range blocks {
			b := &facts.Block{Source: &document.Block{Kind: document.Paragraph}}
			for range 1 + rng.IntN(4) {
				s := &facts.Sentence{}
				for _, off := range offsets {
					*(*bool)(unsafe.Add(unsafe.Pointer(s), off)) = rng.IntN(3) == 0
				}
				s.IndexClasses()
				b.Sentences = append(b.Sentences, s)
			}
			blocks[bi] = b
			classesOfBlock(&classes[bi], b, -1, flags)
		}
		var m blockMasks
		m.set(blocks, classes, &facts.ClassSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)})
		require.True(t, m.ok)
		for i := range list {
			sv := &list[i]
			for bi, b := range blocks {
				want, some := false, true // a sentence has every field; every field is in some sentence
				for _, s := range b.Sentences {
					want = want || sv.flagsSet(s)
				}
				for _, off := range sv.flags {
					inSome := false
					for _, s := range b.Sentences {
						inSome = inSome || *(*bool)(unsafe.Add(unsafe.Pointer(s), off))
					}
					some = some && inSome
				}
				require.Equal(t, some, sv.admitsBlock(&classes[bi]), "flags %v", sv.flags)
				require.Equal(t, some, m.flagged(sv)&(1<<bi) != 0, "flags %v", sv.flags)
				require.True(t, some || !want)
				if some {
					admitted++
				} else {
					refused++
				}
			}
		}
	}
	assert.Greater(t, admitted, 1000)
	assert.Greater(t, refused, 1000)
}

// onceOf gives each once value Load accepts its own kind, and onceNone to
// "": the evaluator's resets and skips read the kind, not the string
// (TestMaskedBlocksAfterAReport checks their effect on findings).
func TestOnceOfNamesEachValue(t *testing.T) {
	for once, want := range map[string]onceKind{
		"":          onceNone,
		"document":  onceDocument,
		"paragraph": onceParagraph,
		"sentence":  onceSentence,
		"study":     onceStudy,
	} {
		assert.Equal(t, want, onceOf(once), "once %q", once)
	}
}

// Masks kept only for the classes the sieves name (sieveClasses) admit
// the blocks that each sieve's own test of a block's union admits, as the
// masks of every class do; and the listed classes of each clause are its
// set's. On random needs (reported classes too) and random blocks, with
// classes the sieves do not name.
func TestMasksOfNeededClassesAdmitAsUnions(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 19))
	all := facts.ClassSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	admitted, refused := 0, 0
	for range 1000 {
		list := make([]sieve, 1+rng.IntN(4))
		for i := range list {
			needs := make([][]int, rng.IntN(3))
			for k := range needs {
				for range 1 + rng.IntN(3) {
					needs[k] = append(needs[k], rng.IntN(facts.ClassSetSize))
				}
			}
			report := -1
			if rng.IntN(2) == 0 {
				report = rng.IntN(facts.ClassSetSize)
			}
			list[i] = newSieve(needs, report)
			require.Len(t, list[i].classes, len(list[i].clauses))
			for k, classes := range list[i].classes {
				var set facts.ClassSet
				for _, c := range classes {
					set[c/64] |= 1 << (c % 64)
				}
				require.Equal(t, list[i].clauses[k], set)
			}
		}
		need := sieveClasses(list)
		blocks := make([]*facts.Block, 1+rng.IntN(64))
		classes := make([]blockClasses, len(blocks))
		for bi := range blocks {
			blocks[bi] = &facts.Block{Source: &document.Block{Kind: document.Paragraph}}
			classes[bi].indexed = true
			for range rng.IntN(40) {
				c := rng.IntN(facts.ClassSetSize)
				classes[bi].union[c/64] |= 1 << (c % 64)
			}
		}
		var some, every blockMasks
		some.set(blocks, classes, &need)
		every.set(blocks, classes, &all)
		require.True(t, some.ok)
		for i := range list {
			sv := &list[i]
			var want uint64
			for bi := range blocks {
				if sv.admits(&classes[bi].union) {
					want |= 1 << bi
				}
			}
			require.Equal(t, want, some.admitted(sv, false))
			require.Equal(t, want, every.admitted(sv, false))
			admitted += bits.OnesCount64(want)
			refused += len(blocks) - bits.OnesCount64(want)
		}
		// The next call's masks (other blocks) keep none of this one's.
		for bi := range classes {
			classes[bi].union = facts.ClassSet{}
			for range rng.IntN(4) {
				c := rng.IntN(facts.ClassSetSize)
				classes[bi].union[c/64] |= 1 << (c % 64)
			}
		}
		some.set(blocks, classes, &need)
		for i := range list {
			var want uint64
			for bi := range blocks {
				if list[i].admits(&classes[bi].union) {
					want |= 1 << bi
				}
			}
			require.Equal(t, want, some.admitted(&list[i], false))
		}
	}
	assert.Greater(t, admitted, 1000)
	assert.Greater(t, refused, 1000)
}
