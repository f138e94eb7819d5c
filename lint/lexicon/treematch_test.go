package lexicon

import (
	"fmt"
	"math/rand"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// regexpHits is what pattern.find reports from the regexp: the reference
// the tree matcher must equal.
func regexpHits(re *regexp.Regexp, group int, text string, from, to int) []Hit {
	var out []Hit
	for _, m := range re.FindAllStringSubmatchIndex(text[from:to], -1) {
		start, end := m[0], m[1]
		if group > 0 && m[2*group] >= 0 {
			start, end = m[2*group], m[2*group+1]
		}
		if end > start {
			out = append(out, Hit{Class: 7, Start: from + start, End: from + end, Term: -1})
		}
	}
	return out
}

// treeHits is what the tree matcher reports, and whether it did not give up.
func treeHits(tm *treeMatcher, text string, from, to int) ([]Hit, bool) {
	out, ok := tm.appendHits(text, from, to, 7, nil)
	if len(out) == 0 {
		out = nil
	}
	return out, ok
}

// piecesOf returns bits of text a pattern is made of: its literals, the
// runes at the edges of its classes and just outside them (the
// separators a negated class stops at), plus some every text has.
func piecesOf(src string) []string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	pieces := []string{" ", ",", "，", "。", ".", ";", "a", "x", "1", "42", "3.5", "%", "-", "é", "_",
		"中", "\n", "\xe4", "\xb8", "\xff"}
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			pieces = append(pieces, string(re.Rune))
			if len(re.Rune) > 1 {
				pieces = append(pieces, string(re.Rune[:1]), string(re.Rune[len(re.Rune)-1:]))
			}
		case syntax.OpCharClass:
			for i := 0; i+1 < len(re.Rune) && i < 40; i += 2 {
				lo, hi := re.Rune[i], min(re.Rune[i+1], 0x10ffff)
				for _, r := range []rune{lo, hi, lo - 1, hi + 1, lo + (hi-lo)/2} {
					if r >= 0 && r <= 0x10ffff && utf8.ValidRune(r) {
						pieces = append(pieces, string(r))
					}
				}
			}
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(re)
	slices.Sort(pieces)
	return slices.Compact(pieces)
}

// sample returns a random text that re matches, or nearly: assertions
// are ignored, so the pieces around it decide whether they hold.
func sample(rng *rand.Rand, re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		return string(re.Rune)
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return ""
		}
		i := 2 * rng.Intn(len(re.Rune)/2)
		lo, hi := re.Rune[i], min(re.Rune[i+1], re.Rune[i]+200)
		r := lo + rune(rng.Intn(int(hi-lo)+1))
		if !utf8.ValidRune(r) {
			return "?"
		}
		return string(r)
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return []string{"x", "中", " ", ","}[rng.Intn(4)]
	case syntax.OpCapture:
		return sample(rng, re.Sub[0])
	case syntax.OpConcat:
		var sb strings.Builder
		for _, sub := range re.Sub {
			sb.WriteString(sample(rng, sub))
		}
		return sb.String()
	case syntax.OpAlternate:
		return sample(rng, re.Sub[rng.Intn(len(re.Sub))])
	case syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		lo, hi := 0, 1
		switch re.Op {
		case syntax.OpStar:
			hi = 3
		case syntax.OpPlus:
			lo, hi = 1, 3
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 || hi > lo+4 {
				hi = lo + 4
			}
		}
		var sb strings.Builder
		for k := lo + rng.Intn(hi-lo+1); k > 0; k-- {
			sb.WriteString(sample(rng, re.Sub[0]))
		}
		return sb.String()
	}
	return ""
}

// randomText joins up to n pieces picked at random.
func randomText(rng *rand.Rand, pieces []string, n int) string {
	var sb strings.Builder
	for k := rng.Intn(n + 1); k > 0; k-- {
		sb.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return sb.String()
}

// Every built-in pattern the tree matcher takes finds what its regexp
// finds, on the corpus lines and on random texts made of its own pieces,
// whole and in random slices (as windows are run).
func TestTreeMatcherEqualsRegexp(t *testing.T) {
	l := builtinLexicon(t)
	lines := corpusLines(t)
	rng := rand.New(rand.NewSource(17))
	taken, matched := 0, 0
	for _, p := range l.regexes {
		tm := compileTree(p.re.src, p.group)
		if tm == nil {
			continue
		}
		taken++
		re := regexp.MustCompile(p.re.src)
		check := func(text string, from, to int) {
			want := regexpHits(re, p.group, text, from, to)
			got, ok := treeHits(tm, text, from, to)
			require.True(t, ok, "%s gave up on %q", p.re.src, text)
			require.Equal(t, want, got, "%s on %q[%d:%d]", p.re.src, text, from, to)
			matched += len(want)
		}
		for _, line := range lines {
			check(line, 0, len(line))
		}
		pieces := piecesOf(p.re.src)
		parsed, err := syntax.Parse(p.re.src, syntax.Perl)
		require.NoError(t, err)
		for range 2000 {
			text := randomText(rng, pieces, 30)
			if rng.Intn(2) == 0 {
				// A match of the pattern, or nearly, among the pieces.
				text = randomText(rng, pieces, 4) + sample(rng, parsed) + randomText(rng, pieces, 4)
			}
			check(text, 0, len(text))
			from := rng.Intn(len(text) + 1)
			check(text, from, from+rng.Intn(len(text)-from+1))
		}
	}
	t.Logf("%d of %d patterns taken, %d matches compared", taken, len(l.regexes), matched)
	assert.GreaterOrEqual(t, taken, len(l.regexes)-2, "the tree matcher takes nearly every built-in pattern")
	assert.Greater(t, matched, 20000, "the texts include matches")
}

// Shapes the built-in patterns do not all have: non-greedy and unbounded
// repeats of groups, \B, empty matches (their rule for a match right
// after another), alternatives that match nothing, . across lines, a
// group set on a path that failed, and invalid UTF-8 (a class that takes
// U+FFFD takes a stray byte, but only where the regexp's rune steps
// land).
func TestTreeMatcherShapes(t *testing.T) {
	srcs := []string{
		`(ab|a)(c|bcd)(d*)`, `(?:ab)+?c`, `(?:ab){2,}`, `(x|xy){1,3}?y`, `a*`, `\Bb+\B`, `(a|)b?`,
		`^|$`, `\b`, `(?:a|b)*?$`, `a.{0,3}?b`, `(?s:a.b)`, `(?P<t>a+)b|(?P<u>c)`, `x(?P<t>y?)z`,
		`[^a-c]{2,4}[a-c]`, `(?:^|[^a-z])(one|a)( [a-z-]+){0,3} (study)`, `\d+(\.\d+)?%`,
		`(?P<t>a)ab|aa`, `[\x{fffd}x]a`, `[^a-c]{2}`,
	}
	pieces := []string{"a", "b", "c", "d", "x", "y", "z", "ab", " ", "\n", "é", "1", "2.5", "%", "one", "study", "\xe4", "-"}
	rng := rand.New(rand.NewSource(5))
	for _, src := range srcs {
		re := regexp.MustCompile(src)
		group := max(re.SubexpIndex("t"), 0)
		tm := compileTree(src, group)
		require.NotNil(t, tm, src)
		for range 5000 {
			text := randomText(rng, pieces, 12)
			got, ok := treeHits(tm, text, 0, len(text))
			require.True(t, ok)
			require.Equal(t, regexpHits(re, group, text, 0, len(text)), got, "%s on %q", src, text)
		}
	}
	for _, src := range []string{`(?i)ab`, `(a*)*`, `(?m)^a`} {
		assert.Nil(t, compileTree(src, 0), "%s is left to the regexp", src)
	}
}

// A walk that takes too many steps gives up rather than run long, and
// pattern.find then gives the regexp's hits.
func TestTreeMatcherGivesUp(t *testing.T) {
	src := `(?:a|aa)*(?:a|aa)*b|c`
	text := strings.Repeat("a", 60) + "c"
	tm := compileTree(src, 0)
	require.NotNil(t, tm)
	_, ok := tm.appendHits(text, 0, len(text), 0, nil)
	assert.False(t, ok, "the walk should give up on this text")
	p := pattern{re: newLazyRegexp(src), class: 7}
	want := regexpHits(p.re.get(), 0, text, 0, len(text))
	require.Len(t, want, 1)
	assert.Equal(t, want, p.find(text, 0, len(text), nil))
}

// The byte tables of the built-in patterns (and of some shapes with
// empty alternatives) say what the byte sets say: a matcher's starts
// holds the bytes of its first, its seconds those of its second, and
// the lead table of every alternation lists, for each byte and the end
// of the text, exactly the alternatives that can start there, in order:
// those that can match nothing or start with the byte.
func TestByteTablesMatchSets(t *testing.T) {
	srcs := []string{`(a|)b?`, `(?:ab)+?c`, `(x|xy){1,3}?y`, `^|$`, `(?:a|b)*?$`, `[^a-c]{2,4}[a-c]|中|丰|x?`}
	for _, p := range builtinLexicon(t).regexes {
		srcs = append(srcs, p.re.src)
	}
	alts := 0
	for _, src := range srcs {
		tm := compileTree(src, 0)
		if tm == nil {
			continue
		}
		for b := range 256 {
			require.Equal(t, tm.first.has(byte(b)), tm.starts[b], "%s, byte %d", src, b)
			require.Equal(t, tm.hasSecond && tm.second.has(byte(b)), tm.hasSecond && tm.seconds[b], "%s, second byte %d", src, b)
		}
		for n := range tm.nodes() {
			if n.op != tmAlt {
				continue
			}
			alts++
			require.NotNil(t, n.lead, src)
			for b := 0; b <= 256; b++ {
				var want []*tmNode
				for _, a := range n.alts {
					if a.empty || b < 256 && a.first.has(byte(b)) {
						want = append(want, a)
					}
				}
				got := n.lead.list[n.lead.at[b]:n.lead.at[b+1]]
				require.Equal(t, len(want), len(got), "%s, byte %d", src, b)
				for i := range want {
					require.Same(t, want[i], got[i], "%s, byte %d, alternative %d", src, b, i)
				}
			}
		}
	}
	assert.Greater(t, alts, 100)
	// Too many alternatives for the table's offsets (more than 255): the
	// regexp runs.
	many := make([]string, 300)
	for i := range many {
		many[i] = fmt.Sprintf("%cx", 0x4e00+i) // no shared prefix to factor out
	}
	assert.Nil(t, compileTree(strings.Join(many, "|"), 0))
	assert.NotNil(t, compileTree(strings.Join(many[:255], "|"), 0), "255 alternatives fit")
	assert.Nil(t, compileTree(strings.Join(many[:256], "|"), 0), "256 do not")
}

// Literals are compared by word when eight bytes are left (and by string
// near the end or past eight bytes), and a greedy class repeat without
// U+FFFD gives its runes back by stepping back over them, and one whose
// next cannot start with its runes' bytes gives none back: random
// patterns of literals of 1 to 12 bytes and repeats of ASCII, non-ASCII
// (mixed three-byte leads among them) and U+FFFD classes find what the
// regexp finds on random texts with multi-byte runes and stray bytes,
// cut anywhere.
func TestTreeMatcherLiteralsAndRepeats(t *testing.T) {
	alphabet := []string{"a", "b", "é", "中", " ", "\xe4", "\xb8", "。", "\xe3\x80"}
	repeats := []string{`[ab]*`, `[ab]{0,3}`, `[a-z ]{1,4}`, `[é中a]+`, `[é中]{0,2}`, `[^a]{1,3}`,
		`[^ ]*`, `[\x{fffd}b]*`, `[ab]{2,}`, `[é中b]*?`, `[^,。]{0,5}`, `[一-龥]+`}
	rng := rand.New(rand.NewSource(9))
	randomLit := func() string {
		var sb strings.Builder
		for sb.Len() < 1+rng.Intn(12) {
			sb.WriteString(alphabet[rng.Intn(4)]) // valid runes only
		}
		return sb.String()
	}
	valid, taking, alone := 0, 0, 0
	for range 400 {
		var parts []string
		for k := 1 + rng.Intn(4); k > 0; k-- {
			if rng.Intn(2) == 0 {
				parts = append(parts, regexp.QuoteMeta(randomLit()))
			} else {
				parts = append(parts, repeats[rng.Intn(len(repeats))])
			}
		}
		src := strings.Join(parts, "")
		if rng.Intn(3) == 0 {
			src += "|" + regexp.QuoteMeta(randomLit())
		}
		re := regexp.MustCompile(src)
		tm := compileTree(src, 0)
		require.NotNil(t, tm, src)
		for n := range tm.nodes() {
			if n.op == tmRepeat && !n.nonGreed {
				if n.noGiveBack {
					alone++
				}
				if n.clsTakesError {
					taking++
				} else {
					valid++
				}
			}
		}
		for range 200 {
			text := randomText(rng, alphabet, 24)
			if rng.Intn(2) == 0 {
				text += sample(rng, syntaxOf(t, src)) + randomText(rng, alphabet, 3)
			}
			from := rng.Intn(len(text) + 1)
			to := from + rng.Intn(len(text)-from+1)
			got, ok := treeHits(tm, text, from, to)
			require.True(t, ok)
			require.Equal(t, regexpHits(re, 0, text, from, to), got, "%s on %q[%d:%d]", src, text, from, to)
		}
	}
	assert.Greater(t, valid, 100, "repeats given back by stepping")
	assert.Greater(t, taking, 20, "repeats given back from their ends")
	assert.Greater(t, alone, 50, "repeats that go on from their longest take alone")
}

func syntaxOf(t *testing.T, src string) *syntax.Regexp {
	re, err := syntax.Parse(src, syntax.Perl)
	require.NoError(t, err)
	return re
}

// nodes returns every node of the matcher's graph.
func (t *treeMatcher) nodes() map[*tmNode]bool {
	seen := map[*tmNode]bool{}
	var walk func(n *tmNode)
	walk = func(n *tmNode) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		for _, a := range n.alts {
			walk(a)
		}
		walk(n.next)
	}
	walk(t.start)
	return seen
}

// occurrencesOf returns the window literal occurrences the automaton finds
// in text, as matchFound records them.
func occurrencesOf(l *Lexicon, text string) []occurrence {
	var occ []occurrence
	for _, m := range l.ac.find(text, nil) {
		tm := &l.terms[m.term]
		for _, tr := range tm.triggers {
			if tr.window {
				occ = append(occ, occurrence{tr.pattern, m.end - int32(len(tm.text)), m.end})
			}
		}
	}
	return occ
}

// A pattern whose matches start a bounded way before a window literal
// runs at the places where they can (pattern.starts, appendNear): it finds
// what the regexp finds on the whole text. Built-in patterns on the corpus
// lines and term soups (with prefixes, suffixes and stray bytes), whole
// and cut anywhere, and patterns of their own on soups of their pieces
// with stray bytes before the literals, literals of several lengths
// starting at one place, one inside another (reported before it, though
// it starts later), context before the match and overlapping matches.
func TestAppendNearAsRegexp(t *testing.T) {
	near := func(p *pattern) bool { return !p.always && p.window >= 0 && (p.before >= 0 || p.walkAhead) }
	check := func(l *Lexicon, texts []string) (bounded, hits int) {
		for i := range l.regexes {
			if p := &l.regexes[i]; near(p) && p.re.treeFor(p.group) != nil {
				bounded++
			}
		}
		for _, text := range texts {
			occ := occurrencesOf(l, text)
			tried := map[int32]bool{}
			for _, o := range occ {
				p := &l.regexes[o.pattern]
				if tried[o.pattern] || !near(p) {
					continue
				}
				tried[o.pattern] = true
				tree := p.re.treeFor(p.group)
				if tree == nil {
					continue
				}
				got, ok := tree.appendNear(text, p.starts(text, o.pattern, occ, nil), p.class, nil)
				require.True(t, ok, "%s on %q", p.re.src, text)
				want := p.findRegexp(text, 0, len(text), nil)
				require.Equal(t, want, got, "%s on %q", p.re.src, text)
				hits += len(want)
			}
		}
		return bounded, hits
	}
	l := builtinLexicon(t)
	texts, rng := corpusAndSoups(t, l, 23, 3000, 3, 40)
	for _, text := range texts[:len(texts):len(texts)] {
		texts = append(texts, text[rng.Intn(len(text)+1):], text[:rng.Intn(len(text)+1)])
	}
	bounded, hits := check(l, texts)
	assert.Greater(t, bounded, 150, "built-in patterns start a bounded way before their window literal")
	assert.Greater(t, hits, 1000, "built-in patterns matched")

	own, err := Parse(map[string]string{"a.yaml": `classes:
  c:
    patterns:
      - '^(买|买了)\s?\d+送\d+'
      - '\b(cut|cuts|cutting) (the )?risk\b'
      - '(?P<t>(降低|降)了?)\d+%'
      - '(#@!|@)[#@!]*~'
      - '(中文|中)[^a]{0,3}$'
      - '(^|[^可])(?P<t>(可以|能)(降低|预防))'
      - '[#@]{0,2}(中文|中)[^a]{0,3}!'
      - '(a|é|中)[a-z ]{0,4}(降低|预防)'
`})
	require.NoError(t, err)
	pieces := []string{"买", "买了", " ", "2", "送", "1", "cut", "cuts", "cutting", "the ", "risk", "降低", "降", "了",
		"%", "#@!", "#@", "@", "#", "!", "~", "中文", "中", "a", "\xe4", "\xb8", "\xe4\xb8", "\x80", "é", "可", "可以",
		"能", "预防", "b"}
	var soups []string
	for range 20000 {
		var sb strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		soups = append(soups, sb.String())
	}
	bounded, hits = check(own, soups)
	assert.Equal(t, 8, bounded, "each of these patterns starts a bounded way before its window literal")
	assert.Greater(t, hits, 3000, "the soups matched")
}

// A class steps over a rune from its byte kinds as decoding the rune and
// searching the ranges does: every class of the built-in patterns and
// some made to put whole three-byte leads in or out, at every position of
// texts of valid runes, stray bytes, cut and overlong sequences and
// surrogates.
func TestRuneClassStepAsDecoding(t *testing.T) {
	srcs := []string{`[^,。;!?]`, `[一-龥]`, `[\x{1000}-\x{1fff}a-c]`, `[^\x{4000}-\x{5fff}]`, `[\x{fffd}]`,
		`[^a]`, `.`, `(?s:.)`, `[\x{e000}-\x{ffff}]`, `[^\x{1000}-\x{efff}]`, `[é中]`}
	for _, p := range builtinLexicon(t).regexes {
		srcs = append(srcs, p.re.src)
	}
	var classes []*runeClass
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		if c := classOf(re); c != nil {
			classes = append(classes, c)
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	for _, src := range srcs {
		walk(syntaxOf(t, src))
	}
	pieces := []string{"a", "z", " ", ",", "，", "。", "中", "一", "龥", "é", "\u1234", "\u4fff", "\u5000", "\ufffd",
		"\uffff", "\U0001F600", "\xe4", "\xe4\xb8", "\xb8", "\xff", "\xe0\x80\x80", "\xed\xa0\x80", "\xef\xbf", "\xc3"}
	rng := rand.New(rand.NewSource(21))
	fast, mixed := 0, 0
	for _, c := range classes {
		for range 20 {
			text := randomText(rng, pieces, 12)
			for p := 0; p <= len(text); p++ {
				want := -1
				if p < len(text) {
					if r, w := utf8.DecodeRuneInString(text[p:]); c.has(r) {
						want = p + w
					}
				}
				require.Equal(t, want, c.step(text, p), "class %v on %q at %d", c.ranges, text, p)
				if p < len(text) && c.kind[text[p]] != kindSlow {
					if c.kind[text[p]] == kindMix3 {
						mixed++
					}
					fast++
				}
			}
		}
	}
	assert.Greater(t, len(classes), 100)
	assert.Greater(t, fast, 10000, "steps decided by the byte's kind")
	assert.Greater(t, mixed, 1000, "steps decided by a mixed lead's bits")
}
