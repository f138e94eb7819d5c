// Package zhconv folds Traditional Chinese to Simplified for matching, and
// renders Simplified Chinese messages in Taiwan Traditional usage.
//
// Both directions run on tables exported from OpenCC's dictionaries by
// rules/zhconv/generate.sh and embedded through rules.FS; see
// rules/zhconv/README.md for the source and licence. The tables are parsed on
// first use, so programs that never meet Chinese text pay nothing for them.
package zhconv

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/hypelint/hypelint/rules"
)

// Paths of the tables inside rules.FS.
const (
	t2sFile        = "zhconv/t2s.txt"
	s2tPhrasesFile = "zhconv/s2t_phrases.txt"
	s2tCharsFile   = "zhconv/s2t_chars.txt"
	twPhrasesFile  = "zhconv/tw_phrases.txt"
	twVariantsFile = "zhconv/tw_variants.txt"
	twTermsFile    = "zhconv/tw_terms.txt" // our own glossary of Taiwan research terms
)

// foldTable maps Traditional and variant runes to Simplified ones. Fold runs
// on every rune of every document, so the Basic Multilingual Plane, where
// nearly all entries live, is a dense slice (about 200 KB) indexed without
// hashing; the few hundred supplementary-plane entries sit in a map that
// ordinary text never reaches.
type foldTable struct {
	lo     rune          // smallest BMP key; runes below it are never folded
	bmp    []rune        // bmp[r-lo] is the folded rune, 0 for identity
	astral map[rune]rune // keys above the BMP
}

const maxBMP = 0xFFFF

func (t *foldTable) fold(r rune) rune {
	switch {
	case r < t.lo:
		return r
	case r <= maxBMP:
		if v := t.bmp[r-t.lo]; v != 0 {
			return v
		}
		return r
	}
	if v, ok := t.astral[r]; ok {
		return v
	}
	return r
}

var (
	foldOnce sync.Once
	folder   *foldTable
)

func loadFold() {
	folder = foldTableOf(rules.T2S)
}

// foldTableOf builds the fold table straight from a table's text: the
// table the tests' reference, newFoldTable(parseTable(data)), builds,
// without the entries and the map in between.
func foldTableOf(data string) *foldTable {
	pairs := make([][2]rune, 0, strings.Count(data, "\n")+1)
	lo := rune(utf8.MaxRune + 1)
	for line := range strings.Lines(data) {
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		// One rune, a tab, one rune, as the reference (parseLine, singleRune) accepts.
		k, size := utf8.DecodeRuneInString(line)
		if k == utf8.RuneError || k == '\t' || size >= len(line) || line[size] != '\t' {
			continue
		}
		value := line[size+1:]
		v, size := utf8.DecodeRuneInString(value)
		if v == utf8.RuneError || v == '\t' || size != len(value) || k == v {
			continue
		}
		pairs = append(pairs, [2]rune{k, v})
		if k <= maxBMP && k < lo {
			lo = k
		}
	}
	t := &foldTable{lo: lo, astral: map[rune]rune{}}
	if lo <= maxBMP {
		t.bmp = make([]rune, maxBMP-lo+1)
	}
	for _, p := range pairs { // a later line wins, as in newFoldTable's map
		if p[0] <= maxBMP {
			t.bmp[p[0]-lo] = p[1]
		} else {
			t.astral[p[0]] = p[1]
		}
	}
	return t
}

// Fold maps a Traditional Chinese rune, including Taiwan and Hong Kong
// variant forms, to its Simplified form (衛→卫, 衞→卫, 臺→台, 峯→峰), using the
// first candidate OpenCC gives. Every other rune (ASCII, Simplified, kana,
// characters shared by both scripts) is returned unchanged, and
// Fold(Fold(r)) == Fold(r). It is character-level only: context-dependent
// choices such as 乾→干 versus 乾 are not made.
//
// Fold is O(1) once it has built its table, O(log n) before, and does not
// allocate.
func Fold(r rune) rune {
	// Most runes are answered without the table (loading it was 1.5
	// million instructions and 170 KB of a one-small-file run): below its
	// first entry, and common Han characters that CommonHanFolds says do
	// not change.
	if r < foldLo {
		return r
	}
	if i := r - 0x4E00; i >= 0 && i <= 0x9FFF-0x4E00 && commonHanFolds[i/64]&(1<<(i%64)) == 0 {
		return r
	}
	if foldBuilt.Load() {
		return folder.fold(r)
	}
	return foldRare(r)
}

// foldBudget is how many runes Fold looks up in the table's text before it
// builds the dense table: a lookup costs about 2,000 instructions, building
// the table about 1.2 million, and a small Traditional text looks up a few
// hundred runes.
const foldBudget = 256

var (
	foldCalls atomic.Int64 // runes looked up in the text so far
	foldBuilt atomic.Bool  // folder is built
)

// foldRare is Fold of a rune the fast paths did not answer.
func foldRare(r rune) rune {
	if foldCalls.Add(1) > foldBudget {
		foldOnce.Do(loadFold)
		foldBuilt.Store(true)
		return folder.fold(r)
	}
	return sortedFold(rules.T2S, r)
}

// sortedFold is the fold table's answer for r, found by binary search in
// the table's text, whose lines are sorted bytewise and so by key rune
// (TestTablesWellFormed). It skips what foldTableOf skips.
func sortedFold(data string, r rune) rune {
	if r == utf8.RuneError {
		return r
	}
	lo, hi := 0, len(data) // lines starting in [lo, hi) are undecided; lo is a line start
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(data[lo:mid], '\n') + 1
		end := len(data)
		if i := strings.IndexByte(data[start:], '\n'); i >= 0 {
			end = start + i
		}
		line := data[start:end]
		k, size := utf8.DecodeRuneInString(line)
		switch {
		case k < r:
			lo = end + 1
		case k > r:
			hi = start
		default:
			line = strings.TrimSuffix(line, "\r")
			if size >= len(line) || line[size] != '\t' {
				return r
			}
			value := line[size+1:]
			v, vsize := utf8.DecodeRuneInString(value)
			if v == utf8.RuneError || v == '\t' || vsize != len(value) {
				return r
			}
			return v
		}
	}
	return r
}

// FoldString applies Fold to every rune of s. It returns s itself, without
// allocating, when nothing changes.
func FoldString(s string) string {
	return strings.Map(Fold, s)
}

// dict is a phrase table for longest-prefix matching, the way OpenCC's
// dictionaries are consulted.
type dict struct {
	m        map[string]string
	maxRunes int // longest key, in runes
}

// longest finds the longest key that starts at rune i of s, where starts
// holds the byte offset of every rune of s followed by len(s). It returns
// the key's length in runes and its value.
func (d *dict) longest(s string, starts []int, i int) (int, string, bool) {
	for n := min(d.maxRunes, len(starts)-1-i); n > 0; n-- {
		if v, ok := d.m[s[starts[i]:starts[i+n]]]; ok {
			return n, v, true
		}
	}
	return 0, "", false
}

// runeStarts returns the byte offset of each rune of s, then len(s). Invalid
// bytes count as one rune each, so they pass through conversion untouched.
func runeStarts(s string) []int {
	starts := make([]int, 0, len(s)+1)
	for i := range s {
		starts = append(starts, i)
	}
	return append(starts, len(s))
}

// phraseTable is a dictionary consulted by longest match: a map (dict) or
// the sorted text of a generated table (sortedTable).
type phraseTable interface {
	longest(s string, starts []int, i int) (int, string, bool)
}

// sortedTable answers longest-match queries by binary search in the text of
// a generated table, whose lines are sorted bytewise with unique keys
// (TestTablesWellFormed). Nothing is parsed or built: a run converts a few
// short texts, not worth building maps of the 57,000 entries for (see
// sortedBudget for when they are).
type sortedTable struct{ data string }

// lastAtMost returns the last line whose key is at most p bytewise, split
// into key and value. A line's order is its key's: the tab ending a key
// sorts below every byte a key holds.
func (t sortedTable) lastAtMost(p string) (key, value string, ok bool) {
	lo, hi := 0, len(t.data) // lines starting in [lo, hi) are undecided; lo is a line start
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(t.data[lo:mid], '\n') + 1
		end := len(t.data)
		if i := strings.IndexByte(t.data[start:], '\n'); i >= 0 {
			end = start + i
		}
		line := t.data[start:end]
		k, v := line, ""
		if tab := strings.IndexByte(line, '\t'); tab >= 0 {
			k, v = line[:tab], line[tab+1:]
		}
		if k <= p {
			key, value, ok = k, v, true
			lo = end + 1
		} else {
			hi = start
		}
	}
	return key, value, ok
}

// longest is dict.longest: the longest key that s continues with at rune i.
// Every key that is a prefix of a text sorts at or below it, and the last
// key at or below the text shares with it a prefix holding every such key,
// so each step either finds the longest or shortens the text searched.
func (t sortedTable) longest(s string, starts []int, i int) (int, string, bool) {
	p := s[starts[i]:]
	for p != "" {
		k, v, ok := t.lastAtMost(p)
		if !ok || k == "" {
			return 0, "", false
		}
		if !strings.HasPrefix(p, k) {
			c := 0
			for c < len(k) && k[c] == p[c] {
				c++
			}
			p = p[:c]
			continue
		}
		if v != "" && strings.IndexByte(v, '\t') < 0 {
			// The key ends on a rune of s when it is valid UTF-8, as the
			// tables' keys are.
			end := starts[i] + len(k)
			for n := 1; i+n < len(starts) && starts[i+n] <= end; n++ {
				if starts[i+n] == end {
					return n, v, true
				}
			}
		}
		p = k[:len(k)-1] // a line dict would skip: look for a shorter key
	}
	return 0, "", false
}

// taiwanTables is OpenCC's s2twp configuration: segment with STPhrases, then
// convert each segment through (STPhrases, STCharacters), TWPhrases and
// TWVariants in turn.
type taiwanTables struct {
	stPhrases, stChars, twPhrases, twVariants, twTerms phraseTable
}

var (
	taiwanOnce sync.Once
	taiwan     taiwanTables
)

// loadTaiwan reads the generated tables in place; only our small glossary,
// which is in reading order rather than sorted, becomes a map.
func loadTaiwan() {
	taiwan = taiwanTables{
		stPhrases:  sortedTable{rules.S2TPhrases},
		stChars:    sortedTable{rules.S2TChars},
		twPhrases:  sortedTable{rules.TWPhrases},
		twVariants: sortedTable{rules.TWVariants},
		twTerms:    readDict(twTermsFile),
	}
}

// Converting on the sorted tables costs about five times what it does on
// maps (BenchmarkToTaiwanTables), so once a process has converted this much
// text (the messages of a zh-Hant run, not a few fixes in a Traditional
// headline) it builds the maps, which cost about what converting 1-4 KB
// on the sorted tables does: a run pays at most about twice the cheaper way.
const sortedBudget = 1 << 10 // bytes

var (
	converted    atomic.Int64 // bytes given to ToTaiwan so far
	taiwanMaps   taiwanTables
	taiwanMapsOn sync.Once
)

func loadTaiwanMaps() {
	taiwanMaps = taiwanTables{
		stPhrases:  dictOf(rules.S2TPhrases),
		stChars:    dictOf(rules.S2TChars),
		twPhrases:  dictOf(rules.TWPhrases),
		twVariants: dictOf(rules.TWVariants),
		twTerms:    readDict(twTermsFile),
	}
}

// taiwanFor returns the tables to convert a text of n bytes with.
func taiwanFor(n int) *taiwanTables {
	if converted.Add(int64(n)) > sortedBudget {
		taiwanMapsOn.Do(loadTaiwanMaps)
		return &taiwanMaps
	}
	taiwanOnce.Do(loadTaiwan)
	return &taiwan
}

// readDict loads a phrase table from rules.FS; a missing one is empty:
// conversion then becomes the identity instead of failing the lint run,
// and TestTablesWellFormed catches the missing file before release.
func readDict(name string) *dict {
	data, _ := rules.FS.ReadFile(name)
	return dictOf(string(data))
}

// dictOf builds the dictionary the tests' reference,
// newDict(parseTable(data)), builds, straight
// from the table's text: without the entries in between and without
// checking each line's UTF-8 (the most costly part of loading). The
// embedded tables are valid UTF-8 (TestTablesWellFormed), so the check only
// ever passed; a line the generator would never write is still skipped.
func dictOf(data string) *dict {
	d := &dict{m: make(map[string]string, strings.Count(data, "\n")+1)}
	for data != "" {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		line = strings.TrimSuffix(line, "\r")
		tab := strings.IndexByte(line, '\t')
		if tab <= 0 || tab == len(line)-1 {
			continue // no tab, or an empty side
		}
		key, value := line[:tab], line[tab+1:]
		if strings.IndexByte(value, '\t') >= 0 {
			continue
		}
		if _, dup := d.m[key]; dup {
			continue // keep the first, as newDict
		}
		d.m[key] = value
		// A key of n bytes has at most n runes: count only the keys that
		// could be longer than the longest so far.
		if len(key) > d.maxRunes {
			d.maxRunes = max(d.maxRunes, utf8.RuneCountInString(key))
		}
	}
	return d
}

// ToTaiwan converts Simplified Chinese to Traditional Chinese with Taiwan
// vocabulary and variants (软件→軟體, 鼠标→滑鼠, 头发→頭髮), reproducing
// `opencc -c s2twp.json` with the first candidate of every entry. It exists
// to derive zh-Hant messages from zh-Hans ones, so it favours matching
// OpenCC exactly over speed. Text that is not Simplified Chinese passes
// through unchanged.
func ToTaiwan(s string) string {
	t := taiwanFor(len(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, seg := range segment(s, t.stPhrases) {
		seg = convert(seg, t.stPhrases, t.stChars)
		seg = convert(seg, t.twPhrases)
		b.WriteString(convert(seg, t.twVariants))
	}
	// Research terms Taiwan says differently (世代研究 for cohort study),
	// which OpenCC's tables do not know.
	return convert(b.String(), t.twTerms)
}

// segment splits s the way OpenCC's maximum-match segmentation does: each
// longest dictionary phrase is a segment of its own, and each run of
// characters between phrases is one segment. The later conversions never
// match across a segment boundary, which is why this step matters for
// reproducing OpenCC (a Taiwan phrase cannot straddle a known phrase).
func segment(s string, d phraseTable) []string {
	starts := runeStarts(s)
	var segs []string
	pending := 0 // byte offset where the current unmatched run began
	for i := 0; i < len(starts)-1; {
		n, _, ok := d.longest(s, starts, i)
		if !ok {
			i++
			continue
		}
		if starts[i] > pending {
			segs = append(segs, s[pending:starts[i]])
		}
		segs = append(segs, s[starts[i]:starts[i+n]])
		i += n
		pending = starts[i]
	}
	if pending < len(s) {
		segs = append(segs, s[pending:])
	}
	return segs
}

// convert rewrites one segment left to right. At each position the first
// dictionary of group that has any match supplies its longest match, as in
// OpenCC's DictGroup; a rune no dictionary knows is copied.
func convert(seg string, group ...phraseTable) string {
	starts := runeStarts(seg)
	var b strings.Builder
	b.Grow(len(seg))
	for i := 0; i < len(starts)-1; {
		n, v := 1, seg[starts[i]:starts[i+1]]
		for _, d := range group {
			if m, val, ok := d.longest(seg, starts, i); ok {
				n, v = m, val
				break
			}
		}
		b.WriteString(v)
		i += n
	}
	return b.String()
}
