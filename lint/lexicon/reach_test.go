package lexicon

import (
	"cmp"
	"math"
	"math/rand"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/normalize"
)

// The reach of a pattern's window clause: which runes a match may hold on
// each side of the literal, and how many bytes of others.
func TestWindowClauseReach(t *testing.T) {
	type side struct {
		runes string // every rune the set holds, in order
		other int
	}
	for src, want := range map[string][2]side{
		`\d+%的(女性|人)`:             {{"0123456789", 0}, {"", 0}},
		`\b[a-z]+, [1-9][0-9],`:   {{"abcdefghijklmnopqrstuvwxyz", 0}, {",0123456789", 0}},
		`在[^,。]{0,3}(小鼠|细胞)中`:     {{"在", 12}, {"", 0}},
		`(降低|减少)了?.*%`:            {{"", 0}, {"%了", -1}},
		`\b\d+ (in|out of) \d+\b`: {{"0123456789", 0}, {"0123456789", 0}},
		`(?i)x+ risk`:             {{"Xx", 0}, {"", 0}},
		`(a|b)c*风险(d+|e)`:         {{"abc", 0}, {"de", 0}},
	} {
		re, err := syntax.Parse(src, syntax.Perl)
		require.NoError(t, err)
		cs := gate(requiredClauses(re.Simplify()))
		w := window(cs)
		require.GreaterOrEqual(t, w, 0, src)
		got := [2]side{{spell(cs[w].ahead.runes), cs[w].ahead.other}, {spell(cs[w].behind.runes), cs[w].behind.other}}
		assert.Equal(t, want, got, "%s: window clause %q", src, cs[w].lits)
	}
}

// The fewest bytes a match holds ahead of and behind its window literal.
func TestReachLeast(t *testing.T) {
	for src, want := range map[string][2]int{
		`\d+%[的之]*(女性|人)`:         {2, 0},
		`(百分之[一二]+|\d+%)的?(女性|人)`: {2, 0},
		`\b[a-z]+, [1-9][0-9],`:   {1, 3},
		`(?i)k{2,3}x* risk`:       {2, 0},
		`在[^,。]{0,3}(小鼠|细胞)(中|里)`: {3, 0},
		`(a|bb)?风险.{2}`:           {0, 2},
	} {
		re, err := syntax.Parse(src, syntax.Perl)
		require.NoError(t, err)
		cs := gate(requiredClauses(re.Simplify()))
		w := window(cs)
		require.GreaterOrEqual(t, w, 0, src)
		assert.Equal(t, want, [2]int{cs[w].ahead.least, cs[w].behind.least}, "%s: window clause %q", src, cs[w].lits)
	}
}

// spell lists the runes of a set of ranges.
func spell(ranges []rune) string {
	var sb strings.Builder
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// Walking a reach stops at the first rune it cannot hold once the bytes of
// other runes are spent, and at the byte limit.
func TestReachWalk(t *testing.T) {
	digits := reach{runes: []rune{'%', '%', '0', '9'}, spaces: -1}.indexed()
	text := "共有12%的人"
	lit := strings.Index(text, "的人")
	assert.Equal(t, strings.Index(text, "12"), digits.back(text, lit, -1))
	assert.Equal(t, strings.Index(text, "2"), digits.back(text, lit, 2))
	loose := reach{runes: digits.runes, other: 3}.indexed()
	assert.Equal(t, strings.Index(text, "有"), loose.back(text, lit, -1))
	after := "12%的人"
	assert.Equal(t, len("12%"), digits.forth(after, 0, -1))
	assert.Equal(t, len("12%的"), loose.forth(after, 0, -1))
	assert.Equal(t, 0, digits.back("人", 0, -1))
	assert.Equal(t, 1, digits.forth("人", 1, -1))

	// ( [a-z]+){0,2} holds two spaces: the walk stops at the third.
	words := reachOf(mustParse(t, `( [a-z]+){0,2}`)).indexed()
	assert.Equal(t, 2, words.spaces)
	clause := "so one big new study"
	assert.Equal(t, strings.Index(clause, "big"), words.back(clause, len(clause), -1))
	assert.Equal(t, len(" one big"), words.forth(clause, len("so"), -1)-len("so"))
	assert.Equal(t, -1, reachOf(mustParse(t, `[a-z ]+`)).spaces)
	assert.Equal(t, 2, reachOf(mustParse(t, `(a b|c|.)\s`)).spaces)
}

func mustParse(t *testing.T, src string) *syntax.Regexp {
	re, err := syntax.Parse(src, syntax.Perl)
	require.NoError(t, err)
	return re.Simplify()
}

// Windows walked by reach find what the patterns find on whole texts:
// random texts from the patterns' pieces, each compared with every
// pattern run on the whole text.
func TestReachWindowsKeepMatches(t *testing.T) {
	l, err := Parse(map[string]string{"a.yaml": `classes:
  c:
    patterns:
      - '(\d+(\.\d+)?\s?%|百分之[\d一二三]+|[一二三]成)(的)?(以上)?(女性|人)'
      - '\b\d+(,\d{3})* (in|out of) (every )?\d+(,\d{3})*\b'
      - '\b[a-z]+, [1-9][0-9],'
      - '(?:^|[^a-z])(a|one|the first)( [a-z-]+){0,3} (study|trial)([,.;:]|$| (found|of)\b)'
      - '(降低|减少)了?\s?(约|近)?\s?\d+(\.\d+)?\s?%'
      - '\d[\d,]*(名|人)[^,。;]{0,4}中有?\d[\d,]*(名|人)'
      - '(?P<t>x[^,]{0,3}人)$'
`})
	require.NoError(t, err)
	walked := 0
	for _, p := range l.regexes {
		if p.window >= 0 && (p.before < 0 && p.ahead.other >= 0 || p.after < 0 && p.behind.other >= 0) {
			walked++
		}
	}
	assert.GreaterOrEqual(t, walked, 5, "most of these patterns are bounded only by their reach")
	whole := ungated(l)
	pieces := []string{"12", "3.5", "1,000", "%", " ", "的", "以上", "女性", "人", "百分之", "一", "三", "成", "，", "。",
		" in ", " out of ", "every ", "a", "one", "the first", " new", " study", " trial", ",", ".", " found", " of",
		"降低", "减少了", "约", "名", "中有", "中", "x", "研究", "é", "Ⅻ", "-", "k"}
	rng := rand.New(rand.NewSource(3))
	matched := 0
	for round := 0; round < 20000; round++ {
		var sb strings.Builder
		for n := rng.Intn(24); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := normalize.Normalize(sb.String()).Text
		want := whole.Match(text, nil)
		matched += len(want)
		require.Equal(t, want, l.Match(text, nil), "%q", text)
	}
	assert.Greater(t, matched, 200, "the texts include matches")
}

// Reach shrinks the windows of a pattern unbounded ahead of its literal to
// the stretch of text a match could hold, and drops those too short to
// hold the \d% every match has ahead of its noun.
func TestReachNarrowsWindows(t *testing.T) {
	l, err := Parse(map[string]string{"a.yaml": `classes:
  c:
    patterns: ['\d+%[的之]*(女性|人)']
`})
	require.NoError(t, err)
	text := normalize.Normalize("很多人说，很多很多的人说，其中35%的女性").Text
	var occ []occurrence
	l.ac.scan(text, func(id int32, end int) {
		for _, tr := range l.terms[id].triggers {
			if tr.window {
				occ = append(occ, occurrence{tr.pattern, int32(end - len(l.terms[id].text)), int32(end)})
			}
		}
	})
	var got []string
	for _, w := range l.regexes[0].windows(text, 0, occ, nil) {
		got = append(got, text[w.start:w.end])
	}
	// After the literal a match holds nothing: there the window takes
	// its byte bound (a rune more than the literal), not a walk (walks).
	assert.Equal(t, []string{"多的人说,", "中35%的女性"}, got)
}

// Every built-in pattern is gated by literals the automaton finds: one
// that is not runs its regexp on every sentence. A pattern listed here
// needs a literal it must contain (a word, not only \d or [a-z]).
func TestBuiltinPatternsAreGated(t *testing.T) {
	l := builtinLexicon(t)
	var ungatedSrc []string
	for _, p := range l.regexes {
		if p.always {
			ungatedSrc = append(ungatedSrc, l.Classes[p.class].Name+": "+p.re.src)
		}
	}
	assert.Empty(t, ungatedSrc, "patterns without a literal gate")
	assert.NotEmpty(t, l.regexes)
}

// compareHits orders as comparing start, class, end (longest first) and
// term in turn does.
func TestCompareHitsOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	hit := func() Hit {
		return Hit{Class: rng.Intn(3), Start: rng.Intn(4), End: rng.Intn(4), Term: int32(rng.Intn(3) - 1)}
	}
	for range 5000 {
		a, b := hit(), hit()
		want := cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Class, b.Class),
			cmp.Compare(b.End, a.End), cmp.Compare(a.Term, b.Term))
		require.Equal(t, want, compareHits(a, b), "%+v %+v", a, b)
	}
}

// sortHits (an insertion sort up to smallSort hits, which leaves hits
// already in place alone) orders as the generic sort does, on both sides
// of smallSort, from random orders and from nearly sorted ones (a few
// hits out of place, as sentences have them).
func TestSortHitsAsGeneric(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	for round := range 6000 {
		hits := make([]Hit, rng.Intn(2*smallSort+2))
		for i := range hits {
			hits[i] = Hit{Class: rng.Intn(4), Start: rng.Intn(6), End: rng.Intn(6), Term: int32(rng.Intn(4) - 1)}
		}
		if round%2 == 1 && len(hits) > 1 {
			slices.SortFunc(hits, compareHits)
			for range rng.Intn(3) {
				i, j := rng.Intn(len(hits)), rng.Intn(len(hits))
				hits[i], hits[j] = hits[j], hits[i]
			}
		}
		want := slices.Clone(hits)
		slices.SortFunc(want, compareHits)
		got := slices.Clone(hits)
		sortHits(got)
		require.Equal(t, want, got)
	}
}

// resolve sorts once, by start, and keeps each class's last hit on the
// side; resolveByClass, what it replaced, sorted by class, resolved each
// class's run in turn and sorted the rest by start. They agree on random
// hits: overlapping, touching, pattern and term hits, some in ignored
// phrases, of a few classes or of many (more than resolve's list holds
// in its frame, and classes 128 apart, which share a bit of its set of
// classes seen).
func TestResolveAsByClass(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	many := []int{0, 1, 2, 127, 128, 129, 255, 256, 300, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}
	for round := range 40000 {
		hits := make([]Hit, rng.Intn(2*smallSort+2))
		for i := range hits {
			start := rng.Intn(12)
			class := rng.Intn(20) % 5
			if round%2 == 1 {
				class = many[rng.Intn(len(many))]
			}
			hits[i] = Hit{Class: class, Start: start, End: start + rng.Intn(5), Term: int32(rng.Intn(4) - 1)}
		}
		var ignored []Hit
		for range rng.Intn(3) {
			start := rng.Intn(12)
			ignored = append(ignored, Hit{Class: -1, Start: start, End: start + rng.Intn(4), Term: int32(rng.Intn(4) - 1)})
		}
		want := slices.Clone(hits)
		want = want[:resolveByClass(want, ignored)]
		got := slices.Clone(hits)
		got = got[:resolve(got, ignored)]
		require.Equal(t, want, got, "%+v ignoring %+v", hits, ignored)
	}
}

// A resolver, kept from one text to the next as Found keeps it, resolves
// as resolve does and returns the flags of the classes it keeps: on the
// random hits of TestResolveAsByClass, with classes up to 300, across its
// stamp's wrap (the table is then cleared, else a hit of an earlier call
// could look kept), and after a lexicon with other classes asks for its
// own table (flags are read from the table: fails with one left as it was).
func TestResolverAsResolve(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	many := []int{0, 1, 2, 127, 128, 129, 255, 256, 300, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}
	lexicon := func(classes int) *Lexicon {
		l := &Lexicon{classFlags: make([]uint8, classes)}
		for c := range l.classFlags {
			l.classFlags[c] = uint8(rng.Intn(4))
		}
		return l
	}
	few, lots := lexicon(20), lexicon(301)
	var res resolver
	// The first call's hit of class 3 and, once the stamp wraps, a hit it
	// would hide if it looked kept by the call then.
	res.reset(few)
	first := []Hit{{Class: 3, Start: 0, End: 9, Term: 1}}
	n, met := res.resolve(first, nil)
	require.Equal(t, 1, n)
	require.Equal(t, few.classFlags[3], met)
	res.stamp = math.MaxUint32
	again := []Hit{{Class: 3, Start: 2, End: 4, Term: 2}}
	n, _ = res.resolve(again, nil)
	require.Equal(t, 1, n, "a hit of a call before the wrap")
	for round := range 40000 {
		// Lexicons in turns of 250 texts; every fourth turn a new one
		// with as many classes as the last, and other flags.
		turn := round / 250
		l := few
		if turn%2 == 1 {
			l = lots
		}
		if round%250 == 0 && turn%4 == 3 {
			lots = lexicon(len(lots.classFlags))
			l = lots
		}
		if res.lex != l {
			res.reset(l)
		}
		if round == 1010 {
			res.stamp = math.MaxUint32 - 3 // wraps within the next calls
		}
		hits := make([]Hit, rng.Intn(2*smallSort+2))
		for i := range hits {
			start := rng.Intn(12)
			class := rng.Intn(20) % 5
			if l != few {
				class = many[rng.Intn(len(many))]
			}
			hits[i] = Hit{Class: class, Start: start, End: start + rng.Intn(5), Term: int32(rng.Intn(4) - 1)}
		}
		var ignored []Hit
		for range rng.Intn(3) {
			start := rng.Intn(12)
			ignored = append(ignored, Hit{Class: -1, Start: start, End: start + rng.Intn(4), Term: int32(rng.Intn(4) - 1)})
		}
		want := slices.Clone(hits)
		want = want[:resolve(want, ignored)]
		var wantFlags uint8
		for _, h := range want {
			wantFlags |= l.classFlags[h.Class]
		}
		got := slices.Clone(hits)
		n, met := res.resolve(got, ignored)
		require.Equal(t, want, got[:n], "round %d: %+v ignoring %+v", round, hits, ignored)
		require.Equal(t, wantFlags, met, "round %d", round)
	}
	require.Less(t, res.stamp, uint32(1<<20), "the stamp wrapped")
}

// resolveByClass is resolve as it was (commit e757be5), the reference.
func resolveByClass(hits []Hit, ignored []Hit) int {
	slices.SortFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(a.Class, b.Class), cmp.Compare(a.Start, b.Start),
			cmp.Compare(b.End, a.End), cmp.Compare(a.Term, b.Term))
	})
	n := 0
	lastEnd := -1
	lastClass := -2
	for _, h := range hits {
		if covered(&h, ignored) {
			continue
		}
		if h.Class == lastClass && h.Term < 0 && hits[n-1].Term < 0 && h.Start <= lastEnd {
			hits[n-1].End = max(lastEnd, h.End)
			lastEnd = hits[n-1].End
			continue
		}
		if h.Class == lastClass && h.Start < lastEnd {
			continue
		}
		hits[n] = h
		n++
		lastClass, lastEnd = h.Class, h.End
	}
	slices.SortStableFunc(hits[:n], func(a, b Hit) int { return cmp.Compare(a.Start, b.Start) })
	return n
}

func TestHasASCIIDigit(t *testing.T) {
	for _, s := range []string{"", "abc", "共有12%", "٣ full-width ３", "/:", "x9", "0", "abcdefgh9", "abcdefgh/", ":::::::::"} {
		assert.Equal(t, strings.ContainsAny(s, "0123456789"), hasASCIIDigit(s), "%q", s)
	}
	// Eight bytes at a time: every byte value at every place of a word
	// and of the tail, next to bytes just outside the digits.
	rng := rand.New(rand.NewSource(5))
	near := []byte{'/', ':', 0x00, 0x7f, 0x80, 0xb0, 0xb9, 0xff, 'a'}
	for round := 0; round < 20000; round++ {
		b := make([]byte, rng.Intn(20))
		for i := range b {
			b[i] = near[rng.Intn(len(near))]
		}
		if len(b) > 0 && rng.Intn(3) == 0 {
			b[rng.Intn(len(b))] = byte(rng.Intn(256))
		}
		s := string(b)
		require.Equal(t, strings.ContainsAny(s, "0123456789"), hasASCIIDigit(s), "%q", s)
	}
}

// A pattern becomes a candidate only once the literals and digits of the
// text meet all its clauses (or it needs digits only): random texts of
// the patterns' pieces find what running every pattern on every text
// finds, and the gated lexicon runs fewer patterns.
func TestCandidatesWhenClausesComplete(t *testing.T) {
	l, err := Parse(map[string]string{"a.yaml": `classes:
  c:
    patterns:
      - '\b\d{4}\b'
      - '(\d|百分之)[一二三]?成'
      - '(降低|减少)了?\d+%'
      - '比[^,]{0,4}(高|低)\d+%'
      - '风险(降低|减少)'
`})
	require.NoError(t, err)
	whole := ungated(l)
	pieces := []string{"1", "23", "2024", "百分之", "一", "成", "降低", "减少", "了", "%", "比", "高", "低", "风险", ",", " ", "x"}
	rng := rand.New(rand.NewSource(3))
	matched := 0
	for round := 0; round < 20000; round++ {
		var sb strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		want := whole.Match(text, nil)
		matched += len(want)
		require.Equal(t, want, l.Match(text, nil), "%q", text)
	}
	assert.Greater(t, matched, 1000, "the texts include matches")
	assert.Equal(t, uint64(1), l.digitSet[0], "only the first pattern needs digits alone")
}

// back and forth, testing a rune through the ASCII bits below 0x80 and
// the bits of r&63 above, take into a walk just the runes the search of
// the ranges finds, for every reach of the built-in patterns (a walk that
// may hold no other byte stops at the first rune outside).
func TestWalksTestRunesAsRanges(t *testing.T) {
	l := builtinLexicon(t)
	walked := 0
	reaches := []reach{reach{runes: []rune{'a', 'z', 0x4e00, 0x4eff, 0x9000, 0x9000}}.indexed()} // a wide range too
	for _, p := range l.regexes {
		reaches = append(reaches, p.ahead, p.behind)
	}
	texts := make([]string, 0xa000) // ASCII to the common Han block
	for r := range texts {
		texts[r] = string(rune(r))
	}
	for _, x := range reaches {
		if len(x.runes) > 0 {
			walked++
		}
		x.other, x.spaces = 0, -1
		for r, text := range texts {
			in := x.inRanges(rune(r))
			if got := x.forth(text, 0, -1) == len(text); got != in {
				require.Equal(t, in, got, "forth: %q in %v", r, x.runes)
			}
			if got := x.back(text, len(text), -1) == 0; got != in {
				require.Equal(t, in, got, "back: %q in %v", r, x.runes)
			}
		}
	}
	assert.Greater(t, walked, 20)
}

// indexed sets ascii and above from the runes alone, whatever they held.
func TestIndexedSetsTheBitsAfresh(t *testing.T) {
	x := reach{runes: []rune{'a', 'z', 0x4e00, 0x4e00}}.indexed()
	require.NotZero(t, x.above)
	x.runes = []rune{'0', '9'}
	x = x.indexed()
	assert.Zero(t, x.above, "a rune above 0x80 left over")
	assert.Equal(t, [2]uint64{0x3ff << '0', 0}, x.ascii)
}

// Windows that take the byte bound where walking the reach would stop
// near it anyway (walks) find what every pattern finds on the whole text,
// and what the windows walked on every side with a reach found: on the
// corpus lines, on lines cut at any byte (invalid UTF-8 at the edges), on
// the built-in terms in random order and on random texts of the pieces of
// the patterns whose walks are skipped.
func TestWalkChoiceKeepsMatches(t *testing.T) {
	l := builtinLexicon(t)
	whole := ungated(l)
	walkAll := *l
	walkAll.regexes = append([]pattern(nil), l.regexes...)
	skipped, walked := 0, 0
	var pieces []string
	for i := range walkAll.regexes {
		p := &walkAll.regexes[i]
		for _, side := range []struct {
			x    *reach
			walk *bool
		}{{&p.ahead, &p.walkAhead}, {&p.behind, &p.walkBehind}} {
			switch {
			case side.x.other < 0:
			case *side.walk:
				walked++
			default:
				skipped++
				pieces = append(pieces, piecesOf(p.re.src)...)
				*side.walk = true
			}
		}
	}
	assert.Greater(t, skipped, 10, "the byte bound is taken on some sides with a reach")
	assert.Greater(t, walked, 10, "and reaches are walked on others")

	rng := rand.New(rand.NewSource(11))
	texts := corpusLines(t)
	for _, line := range texts[:min(len(texts), 3000)] {
		i := rng.Intn(len(line) + 1)
		texts = append(texts, line[i:], line[:i], line[i:i+rng.Intn(len(line)-i+1)])
	}
	terms := termTexts(l.ac)
	for range 1000 {
		texts = append(texts, termSoup(rng, terms, 3+rng.Intn(60)))
	}
	for range 3000 {
		texts = append(texts, randomText(rng, pieces, 40))
	}
	matched := 0
	for _, text := range texts {
		want := whole.Match(text, nil)
		matched += len(want)
		require.Equal(t, want, l.Match(text, nil), "%q", text)
		require.Equal(t, want, walkAll.Match(text, nil), "%q", text)
	}
	assert.Greater(t, matched, 10000, "the texts include matches")
}

// The window literals of "a … study" are followed, in every match, by
// one of ",.;: " or by the end of the text: " trials" and " study" in
// "studying" make no run.
func TestNextAfterStudy(t *testing.T) {
	l := builtinLexicon(t)
	i := slices.IndexFunc(l.regexes, func(p pattern) bool { return strings.Contains(p.re.src, "(study|trial|analysis") })
	require.GreaterOrEqual(t, i, 0)
	p := &l.regexes[i]
	require.Equal(t, nextAtEnd, p.next.null)
	require.Equal(t, []rune{' ', ' ', ',', ',', '.', '.', ':', ';'}, p.next.set.runes)
	for text, want := range map[string]bool{"a study": true, "a study, he": true, "a study in": true,
		"a studying": false, "a trials": false, "a trial\xff": false} {
		end := strings.LastIndex(text, "stud") + len("study")
		if strings.Contains(text, "trial") {
			end = strings.Index(text, "trial") + len("trial")
		}
		assert.Equal(t, want, p.next.allows(text, end), "%q", text)
	}
}

// windowRuns finds pattern p's matches as Match does: by appendNear from
// its starts, or in its windows.
func windowRuns(p *pattern, i int32, text string, occ []occurrence) []Hit {
	if tree := p.re.treeFor(p.group); tree != nil && (p.before >= 0 || p.walkAhead) {
		if got, ok := tree.appendNear(text, p.starts(text, i, occ, nil), p.class, nil); ok {
			return got
		}
	}
	var got []Hit
	for _, w := range p.windows(text, i, occ, nil) {
		got = p.find(text, w.start, w.end, got)
	}
	return got
}

// Occurrences of a window literal that what follows them rules out (next)
// leave out no match: patterns whose literal is followed by an end ($,
// (?m)$), an alternation with an empty branch, a repetition holding the
// literal, a case-folded letter, \b, or a class that takes bytes that
// are not UTF-8 (U+FFFD), on soups of their pieces and stray bytes, find what the
// regexp finds on the whole text.
func TestNextAfterWindowAsRegexp(t *testing.T) {
	l, err := Parse(map[string]string{"a.yaml": `classes:
  c:
    patterns:
      - '(a|one) (study|trial)([,.]|$| (found|in)\b)'
      - '(?m)(中文|中)[ab]?$'
      - '(降低|降)(了|\d)+%'
      - '(?i)(risky)(YES|ZED)+'
      - '(预防)[\x{FFFD}。]+!'
      - '(ab|中)+[!~]'
      - '(中文|中)[^a]{0,3}!'
      - '\b(cut|cuts)\b'
      - '(可以|能)(?:降低|预防)?x'
      - '(?:^|\s)(预防)(?:$|[.a])'
`})
	require.NoError(t, err)
	filtered := 0
	for i := range l.regexes {
		if l.regexes[i].next.null != nextAny {
			filtered++
		}
	}
	require.Equal(t, 7, filtered, "patterns whose literal only some runes follow")
	pieces := []string{"a", "one", " ", "study", "trial", "trials", ",", ".", "found", "in", "\n", "中文", "中", "b",
		"降低", "降", "了", "2", "%", "risky", "yes", "zed", "。", "ab", "!", "~", "cut", "cuts", "可以", "能", "预防",
		"x", "\xe4", "\xb8", "\xe4\xb8", "\x80", "\xff", "é"}
	rng := rand.New(rand.NewSource(17))
	hits := 0
	for range 30000 {
		var sb strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		occ := occurrencesOf(l, text)
		for i := range l.regexes {
			p := &l.regexes[i]
			want := p.findRegexp(text, 0, len(text), nil)
			require.Equal(t, want, windowRuns(p, int32(i), text, occ), "%s on %q", p.re.src, text)
			hits += len(want)
		}
	}
	assert.Greater(t, hits, 5000, "the soups matched")
}

// firstOf gives the runes a match can start with and where it can be
// empty, case folds included.
func TestFirstOf(t *testing.T) {
	for src, want := range map[string]next{
		`(?i)YES|zed`:  {set: reach{runes: []rune{'Y', 'Z', 'y', 'z'}}},
		`a?b`:          {set: reach{runes: []rune{'a', 'b'}}},
		`a*$`:          {set: reach{runes: []rune{'a', 'a'}}, null: nextAtEnd},
		`(?m)$`:        {set: reach{runes: []rune{'\n', '\n'}}, null: nextAtEnd},
		`\bx|,`:        {set: reach{runes: []rune{',', ',', 'x', 'x'}}},
		`(x|)`:         {set: reach{runes: []rune{'x', 'x'}}, null: nextAny},
		`[\x{FFFD}。]+`: {set: reach{runes: []rune{'。', '。', utf8.RuneError, utf8.RuneError}}},
		`$a`:           {},              // nothing, never
		`(?s).`:        {null: nextAny}, // not followed: anything
		`.`:            {set: reach{runes: []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}}},
	} {
		re, err := syntax.Parse(src, syntax.Perl)
		require.NoError(t, err)
		got := firstOf(re.Simplify())
		assert.Equal(t, want.null, got.null, src)
		assert.Equal(t, want.set.runes, normRanges(got.set.runes), src)
	}
}
