package lexicon

import (
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The symbol scan finds exactly what the byte scan finds, in the same
// order, on random terms over an alphabet that mixes ASCII, Han characters
// sharing lead bytes, characters of U+4000–U+4DFF (lead byte E4, read as
// one symbol too), three-byte characters outside the range (U+3400,
// U+A000, U+FF0C: read byte by byte) and other multi-byte runes, and on
// texts that add stray lead and continuation bytes and cut characters.
func TestHanScanFindsWhatBytesFind(t *testing.T) {
	alphabet := []string{"a", "b", "中", "丁", "人", "龥", "䀀", "䷿", "㐀", "ꀀ", "é", "，", "😀"}
	odd := []string{"\xe4", "\xe4\xb8", "\xb8", "\x80", "\xe9\xbf", "\xff", "\xe4\x80", "\xea\x80", "\xf0\x9f"}
	rng := rand.New(rand.NewSource(11))
	word := func(max int, extra []string) string {
		var sb strings.Builder
		for n := 1 + rng.Intn(max); n > 0; n-- {
			if len(extra) > 0 && rng.Intn(5) == 0 {
				sb.WriteString(extra[rng.Intn(len(extra))])
			} else {
				sb.WriteString(alphabet[rng.Intn(len(alphabet))])
			}
		}
		return sb.String()
	}
	built := 0
	for round := 0; round < 1000; round++ {
		seen := map[string]bool{}
		var terms []string
		for len(terms) < 1+rng.Intn(12) {
			if w := word(4, nil); !seen[w] {
				seen[w] = true
				terms = append(terms, w)
			}
		}
		a := buildAutomaton(terms)
		h := buildHanScanner(a)
		require.NotNil(t, h, "terms %q", terms)
		checkSlots(t, h)
		built++
		for range 5 {
			text := word(40, odd)
			require.Equal(t, a.find(text, nil), h.find(text, nil), "terms %q in %q", terms, text)
		}
	}
	require.Equal(t, 1000, built)
}

// Terms that are not UTF-8 in their structure get no symbol scan.
func TestHanScanNeedsUTF8Terms(t *testing.T) {
	for _, terms := range [][]string{{"ab", "\xe4\xb8"}, {"\xb8\xad"}, {"a\xffb"}, {"中", "\xe4x"}} {
		require.Nil(t, buildHanScanner(buildAutomaton(terms)), "%q", terms)
	}
	require.NotNil(t, buildHanScanner(buildAutomaton([]string{"中文", "a"})))
}

// On the built-in lexicon: the corpus, the corpus cut at random bytes
// with bytes dropped, random soups of the terms' pieces and stray bytes,
// and an archive's sentences when HYPELINT_BENCH_DIR names one.
func TestHanScanOnBuiltinTerms(t *testing.T) {
	a := builtinLexicon(t).ac
	h := buildHanScanner(a)
	require.NotNil(t, h)
	checkSlots(t, h)
	check := func(text string) {
		t.Helper()
		if got, want := h.find(text, nil), a.find(text, nil); !slices.Equal(got, want) {
			require.Equal(t, want, got, "%q", text)
		}
	}
	lines := corpusLines(t)
	for _, line := range lines {
		check(line)
	}
	rng := rand.New(rand.NewSource(12))
	terms := termTexts(a)
	for range 20000 {
		line := lines[rng.Intn(len(lines))]
		if len(line) == 0 {
			continue
		}
		i, j := rng.Intn(len(line)), rng.Intn(len(line)+1)
		if i > j {
			i, j = j, i
		}
		cut := line[i:j]
		if len(cut) > 2 && rng.Intn(2) == 0 {
			k := rng.Intn(len(cut))
			cut = cut[:k] + cut[k+1:]
		}
		check(cut)
	}
	for range 300 {
		check(termSoup(rng, terms, 100))
	}
	if dir := os.Getenv("HYPELINT_BENCH_DIR"); dir != "" {
		for _, s := range archiveSentences(t, dir) {
			check(s)
		}
	}
}

// checkSlots fails unless every index the scan masks instead of checking
// is a slot of a power-of-two count of slots, so that the mask leaves it
// as it is: base+symbol for every slot and symbol (emitsFlag aside), every
// failure link and the slots 1 to rootKids the root's symbols lead to;
// unless the slots with emitsFlag in their base are those with some term
// in ends and their dict links lead to such slots, ending; and unless
// every slot's kids holds the bit of each symbol that leads from it, and
// no other (a filter that let everything through would find as much).
func checkSlots(t *testing.T, h *hanScanner) {
	t.Helper()
	n, symbols := len(h.slots), int32(0)
	for _, sym := range h.byteSym {
		symbols = max(symbols, sym)
	}
	for _, sym := range h.wide {
		symbols = max(symbols, int32(sym))
	}
	require.True(t, n > 0 && n&(n-1) == 0, "%d slots: not a power of two", n)
	require.Len(t, h.ends, n)
	require.True(t, h.rootKids >= 0 && h.rootKids <= symbols, "%d root symbols of %d", h.rootKids, symbols)
	require.Equal(t, int32(0), h.slots[0].base&^emitsFlag, "the root's base")
	for b, sym := range h.byteSym {
		require.True(t, sym >= 0, "byte %#x: symbol %d", b, sym)
	}
	// Plain tests, not require: a scanner has tens of thousands of slots,
	// and the random tests check a thousand scanners.
	kids := make([]uint32, n) // what each slot's kids should be
	for u, sl := range h.slots {
		if base := sl.base &^ emitsFlag; int(base+symbols) >= n || sl.fail < 0 || int(sl.fail) >= n {
			t.Fatalf("slot %d = %+v: %d symbols, %d slots", u, sl, symbols, n)
		}
		if p := sl.check; p >= 0 {
			kids[p] |= kidBit(int32(u) - h.slots[p].base&^emitsFlag)
		}
		if sl.base >= 0 {
			continue
		}
		terms := 0
		for o, hops := int32(u), 0; o >= 0; o, hops = h.ends[o].dict, hops+1 {
			if int(o) >= n || h.slots[o].base >= 0 || hops > n {
				t.Fatalf("slot %d: its chain of ends reaches slot %d after %d hops", u, o, hops)
			}
			if h.ends[o].term >= 0 {
				terms++
			}
		}
		if terms == 0 {
			t.Fatalf("slot %d emits but no term ends there", u)
		}
	}
	for u, sl := range h.slots {
		if sl.kids != kids[u] {
			t.Fatalf("slot %d: kids %#x, its transitions' symbols give %#x", u, sl.kids, kids[u])
		}
	}
	for c := int32(1); c <= h.rootKids; c++ {
		if h.slots[c].check != 0 {
			t.Fatalf("symbol %d of the root's: slot %d has check %d", c, c, h.slots[c].check)
		}
	}
}

// walk notes at most len(landings) landings where terms end and stops
// there, and find goes on from where it stopped: texts with 0 to 100 such
// landings, with or without stray bytes and symbols no term holds
// between, give what the byte scan gives, and walk stops after exactly
// len(landings) of them.
func TestHanScanLandingsFill(t *testing.T) {
	a := buildAutomaton([]string{"中", "文", "ab"}) // one term a landing
	h := buildHanScanner(a)
	require.NotNil(t, h)
	var at landings
	for _, gap := range []string{"", "x", "\xe4", "丁"} {
		for k := 0; k <= 100; k++ {
			text := strings.Repeat("中文"+gap, k/2) + strings.Repeat("ab"+gap, k-k/2)
			require.Equal(t, a.find(text, nil), h.find(text, nil), "%q", text)
			landed := 2*(k/2) + k - k/2 // two in "中文", one in "ab"
			i, _, n := h.walk(text, 0, 0, &at)
			if landed < landingsLen {
				require.Equal(t, uint(landed), n, "%q", text)
				require.Equal(t, uint(len(text)), i, "%q", text)
				continue
			}
			require.Equal(t, uint(landingsLen), n, "%q", text)
			require.Equal(t, int32(landingsLen), int32(len(h.find(text[:i], nil))), "%q: matches up to %d", text, i)
		}
	}
}

// BenchmarkHanScanArchive is BenchmarkAutomatonArchive with the symbol
// scan of the built-in lexicon (same sentences, same HYPELINT_BENCH_DIR).
// It reports the states the scanner holds, not its padded slot count.
func BenchmarkHanScanArchive(b *testing.B) {
	dir := os.Getenv("HYPELINT_BENCH_DIR")
	if dir == "" {
		b.Skip("set HYPELINT_BENCH_DIR to a directory of articles")
	}
	l, sentences := builtinLexicon(b), archiveSentences(b, dir)
	h := buildHanScanner(l.ac)
	if h == nil || !slices.ContainsFunc(h.slots, func(sl hanSlot) bool { return sl.base < 0 }) {
		b.Fatal("no symbol scanner, or one with no terms, for the built-in lexicon")
	}
	size, matches := 0, 0
	for _, s := range sentences {
		size += len(s)
		matches += len(h.find(s, nil))
	}
	if matches == 0 {
		b.Skipf("no term found in %d bytes of sentences under %s: not an archive of articles", size, dir)
	}
	states := 0
	for _, sl := range h.slots {
		if sl.check >= 0 {
			states++
		}
	}
	b.SetBytes(int64(size))
	buf := make([]match, 0, 256)
	for b.Loop() {
		for _, s := range sentences {
			buf = h.find(s, buf[:0])
		}
	}
	b.ReportMetric(float64(states+1), "states") // +1: the root has no check
	b.ReportMetric(float64(matches)*1024/float64(size), "matches/KiB")
}

func BenchmarkHanScanBuild(b *testing.B) {
	a := builtinLexicon(b).ac
	for b.Loop() {
		buildHanScanner(a)
	}
}

// A user's lexicon may be any set of terms: none at all, terms of
// U+4000–U+9FFF characters beside stray or cut bytes, or so many that the
// states pass what 16 bits count. Each either gets no scanner or one that
// finds what the byte scan finds.
func TestHanScanOnOddLexicons(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	many := make([]string, 0, 30000)
	seen := map[string]bool{}
	for len(many) < cap(many) {
		r := []rune{rune(0x4000 + rng.Intn(0x6000)), rune(0x4000 + rng.Intn(0x6000)), rune('a' + rng.Intn(26))}
		if w := string(r); !seen[w] {
			seen[w] = true
			many = append(many, w)
		}
	}
	lexicons := map[string][]string{
		"none":     nil,
		"one byte": {"a"},
		"edges":    {"䀀", "鿿", "\u3fff", "ꀀ", "䀀鿿", "a䀀b"},
		"invalid":  {"中\xff", "\xe4\xb8\xad\x80", "\xe9\xbf\xbf\xe4", "\xe4\xb8"},
		"overlong": {"\xc0\x80中", "中\xed\xa0\x80", "\xe0\x80\x80"}, // UTF-8 in structure only
		"many":     many,
	}
	texts := []string{"", "\xe4", "\xe4\xb8", "中", "\xc0\x80中\xe0\x80\x80", "中\xed\xa0\x80", "a䀀b鿿\u3fffꀀ", "\x80中\xff中\x80", "\xe4\xe4\xb8\xad\x80", "\xe9\xbf\xbf\xe4\xb8"}
	for i := 0; i < 2000; i++ {
		texts = append(texts, many[rng.Intn(len(many))][rng.Intn(3):]+many[rng.Intn(len(many))]+string(rune(0x4000+rng.Intn(0x6000))))
	}
	for name, terms := range lexicons {
		a := buildAutomaton(terms)
		h := buildHanScanner(a)
		if name == "invalid" {
			for _, term := range terms {
				require.True(t, buildHanScanner(buildAutomaton([]string{term})) == nil, "%q", term)
			}
		}
		if h == nil {
			require.Equal(t, "invalid", name, "no scanner")
			continue
		}
		checkSlots(t, h)
		if name == "many" {
			require.Greater(t, len(a.term), 1<<16, "states")
		}
		for _, text := range texts {
			require.Equal(t, a.find(text, nil), h.find(text, nil), "%s: %q", name, text)
		}
	}
}
