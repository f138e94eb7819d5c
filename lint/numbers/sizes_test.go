package numbers

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// sizesAndPercentsByFiltering is the reference for SizesAndPercentsInto:
// every mention, then the SampleSize and Percent ones.
func sizesAndPercentsByFiltering(text string) []Mention {
	var want []Mention
	for _, m := range Find(text) {
		if m.Kind == SampleSize || m.Kind == Percent {
			want = append(want, m)
		}
	}
	return want
}

// requireSizesAndPercents compares SizesAndPercentsInto with filtering
// Find on text and on text cut at a random byte (which may split a rune),
// and returns how many mentions the reference gave.
func requireSizesAndPercents(t *testing.T, rng *rand.Rand, text string) int {
	t.Helper()
	n := 0
	for _, s := range []string{text, text[:rng.IntN(len(text)+1)], text[rng.IntN(len(text)+1):]} {
		want := sizesAndPercentsByFiltering(s)
		got := SizesAndPercentsInto(nil, s)
		if !slices.Equal(want, got) {
			t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
		}
		n += len(want)
	}
	return n
}

// The numbers whose context SizesAndPercentsInto does not read sit among
// the others in random texts: units that fix a kind (mg, 岁, 年, 杯), rate
// marks that make a count after them a Ratio (每, per), counts that a
// Ratio just before turns into events (人, people), qualifiers, ranges,
// vague sizes, malformed and cut runes.
func TestSizesAndPercentsMatchFiltering(t *testing.T) {
	pieces := []string{"1", "2,013", "50", "100", "2019", "%", "‰", "名", "人", "岁", "年", "周", "个月", "杯", "次", "元", "倍", "成",
		"毫克", "一", "两", "十", "万", "每", "约", "共", "第", "前", "中", "有", "例", "只", "项", "组", "大", "量", "型", "数", "千",
		"研究", "患者", "小鼠", "纳入", "样本量为", "追踪", "在", "的", "-", "~", "至",
		"one", "two", "ten", "thousands", "of", "a", "an", "large", "study", "people", "patients", "mice", "aged", "in", "out of",
		"per", "every", "mg", "years", "year-old", "cups", "times", "twice", "about", "more than", "n = ", "$", "percent", "ci",
		" ", " ", ",", "，", "。", "(", "\xe4", "\xe4\xb8", "\xb8\x80", "\xff"}
	rng := rand.New(rand.NewPCG(91, 92))
	found := 0
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		found += requireSizesAndPercents(t, rng, b.String())
	}
	require.Greater(t, found, 10000, "the random texts hold sample sizes and percentages")
}

// Random runs of mentions built from every unit, classifier and hyphen
// compound the scanner knows, with every context word before them: each
// class of unit meets rate marks, qualifiers and counts after it.
func TestSizesAndPercentsMatchFilteringEveryUnit(t *testing.T) {
	// Half the picks from a short list of common ones, so that a rate
	// mark, a unit and a count after it meet often.
	prefixes := [2][]string{{"", "", "约", "共", "每", "per ", "in ", "n = ", "第"}}
	for _, ss := range contextLists {
		prefixes[1] = append(prefixes[1], ss.byLast...)
	}
	numerals := [2][]string{{"10", "64", "2019", "一", "两"}, {"1", "100", "1,200", "3.5", "12-15", "十", "三千", "1万", "数千",
		"one", "twelve", "twice", "thousands of", "a dozen"}}
	units := [2][]string{{"", "年", "人", "岁", "杯", "个", "名患者", "%", " mg", " people", " years"},
		{" ", "‰", "分之一", "成", "个样本", "项研究", "只小鼠", "位", "户", " patients", " mice", " studies", "-year-old", " times", "s"}}
	for _, u := range zhUnitList {
		units[1] = append(units[1], u.s)
	}
	for w := range enUnits {
		units[1] = append(units[1], " "+w, w)
	}
	for _, d := range hyphenUnits {
		units[1] = append(units[1], d.s)
	}
	seps := [2][]string{{"", " ", "约有", ","}, {"，", "中", "有", " of ", " in ", "的", "。", " about "}}
	rng := rand.New(rand.NewPCG(95, 96))
	pick := func(lists [2][]string) string {
		list := lists[rng.IntN(2)]
		return list[rng.IntN(len(list))]
	}
	found := 0
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(pick(prefixes) + pick(numerals) + pick(units) + pick(seps))
		}
		found += requireSizesAndPercents(t, rng, b.String())
	}
	require.Greater(t, found, 50000, "the runs hold sample sizes and percentages")
}

// On the corpus (and the archive, with HYPELINT_BENCH_DIR) line by line,
// as written and lower-cased, whole and cut at random bytes.
func TestSizesAndPercentsMatchFilteringOnArticles(t *testing.T) {
	rng := rand.New(rand.NewPCG(93, 94))
	found, lines := 0, 0
	for _, text := range gateTexts(t)[20000:] { // the articles, after the random texts
		for line := range strings.SplitSeq(text, "\n") {
			found += requireSizesAndPercents(t, rng, line)
			lines++
		}
	}
	require.Greater(t, lines, 2000, "the articles are read")
	require.Greater(t, found, 1000, "the articles hold sample sizes and percentages")
}

// The cases the skipped context decides: a count right after a rate
// whose unit fixes no kind is events, not subjects (its Ratio must be
// seen), while after a dose or an age it stays a sample size.
func TestSizesAndPercentsAfterUnitsThatFixAKind(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // span:Kind of SizesAndPercentsInto
	}{
		{"每10杯约有64人", nil},
		{"每10年约有64人", []string{"约有64人:SampleSize"}}, // 10年 is a Duration, not a Ratio
		{"每天10毫克约有64人", []string{"约有64人:SampleSize"}},
		{"12岁约有64人,30%", []string{"约有64人:SampleSize", "30%:Percent"}},
		{"2019年共3,000名患者", []string{"3,000名患者:SampleSize"}},
		{"per 10 cups 64 people", nil},
		{"twice mg, about 64 people", nil}, // a Ratio by its word, not by a rate mark
		{"10 mg in 3,000 patients, 12%", []string{"3,000 patients:SampleSize", "12%:Percent"}},
	} {
		var got []string
		for _, m := range SizesAndPercentsInto(nil, tc.text) {
			got = append(got, tc.text[m.Start:m.End]+":"+m.Kind.String())
		}
		require.Equal(t, tc.want, got, tc.text)
		require.Equal(t, sizesAndPercentsByFiltering(tc.text), SizesAndPercentsInto(nil, tc.text), tc.text)
	}
}

// SizesAndPercentsInto writes into the buffer it is given.
func TestSizesAndPercentsIntoReusesBuffer(t *testing.T) {
	buf := make([]Mention, 3, 8)
	got := SizesAndPercentsInto(buf, "共纳入1200名受试者，随访10年，其中30%为女性")
	require.Len(t, got, 2)
	require.Same(t, &buf[0], &got[0])
}

// FuzzSizesAndPercents checks SizesAndPercentsInto against filtering Find.
func FuzzSizesAndPercents(f *testing.F) {
	for _, s := range []string{benchText, proseText, "每10杯约有64人", "12岁约有64人", "\xe4\xb8每10", "per 10 cups 64 people"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := sizesAndPercentsByFiltering(text)
		got := SizesAndPercentsInto(nil, text)
		if !slices.Equal(want, got) {
			t.Fatalf("%q (valid UTF-8 %v):\n got %+v\nwant %+v", text, utf8.ValidString(text), got, want)
		}
	})
}
