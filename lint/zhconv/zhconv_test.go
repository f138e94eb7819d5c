package zhconv

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/rules"
)

// allTables lists every embedded table and whether both sides of each of its
// entries must be a single rune.
var allTables = []struct {
	name   string
	single bool
}{
	{t2sFile, true},
	{s2tPhrasesFile, false},
	{s2tCharsFile, true},
	{twPhrasesFile, false},
	{twVariantsFile, true},
}

// The loader skips malformed lines instead of panicking, so this test is
// where a damaged or hand-edited table is caught.
func TestTablesWellFormed(t *testing.T) {
	for _, tc := range allTables {
		t.Run(tc.name, func(t *testing.T) {
			data, err := rules.FS.ReadFile(tc.name)
			require.NoError(t, err)
			require.NotEmpty(t, data)
			require.True(t, bytes.HasSuffix(data, []byte("\n")), "table must end with a newline")
			seen := map[string]bool{}
			prev, prevKey := "", ""
			for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
				e, ok := parseLine(line)
				require.Truef(t, ok, "line %d malformed: %q", i+1, line)
				require.Equalf(t, line, e.key+"\t"+e.value, "line %d has stray characters", i+1)
				require.Falsef(t, seen[e.key], "line %d: duplicate key %q", i+1, e.key)
				require.Lessf(t, prev, line, "line %d: not sorted bytewise", i+1)
				// sortedTable's binary search needs the keys themselves in order.
				require.Lessf(t, prevKey, e.key, "line %d: key not sorted bytewise", i+1)
				seen[e.key], prev, prevKey = true, line, e.key
				if tc.single {
					_, okK := singleRune(e.key)
					_, okV := singleRune(e.value)
					require.Truef(t, okK && okV, "line %d: want one rune each side: %q", i+1, line)
				}
			}
		})
	}
}

func TestParseTableSkipsMalformedLines(t *testing.T) {
	data := "體\t体\n" +
		"no tab here\n" +
		"\t空键\n" +
		"空值\t\n" +
		"a\tb\tc\n" +
		"\xff\t坏\n" +
		"\n" +
		"萬\t万\r\n" +
		"兩\t两"
	got := parseTable(data)
	assert.Equal(t, []entry{{"體", "体"}, {"萬", "万"}, {"兩", "两"}}, got)

	// Multi-rune entries are dropped from the single-rune fold table.
	ft := newFoldTable(append(got, entry{"衛生", "卫生"}, entry{"x", "yz"}))
	assert.Equal(t, '体', ft.fold('體'))
	assert.Equal(t, '两', ft.fold('兩'))
	assert.Equal(t, 'x', ft.fold('x'))
}

func TestEmptyFoldTableIsIdentity(t *testing.T) {
	ft := newFoldTable(nil)
	for _, r := range "體a衛𫇭" {
		assert.Equal(t, r, ft.fold(r))
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"衛生": "卫生",
		"衞生": "卫生", // Hong Kong variant of 衛
		"癒":  "愈",
		"臺灣": "台湾", // TSCharacters: 臺→台, 灣→湾
		"台灣": "台湾",
		"體":  "体",
		"隻":  "只",
		"萬":  "万",
		"兩":  "两",
		"餘":  "余",
		"峯":  "峰",
		"裡":  "里", // Taiwan variant of 裏
		"衹":  "只", // Hong Kong variant; TSCharacters alone keeps it
		"痺":  "痹", // Taiwan variant, as in 麻痺
		"為":  "为",
		"醫療": "医疗",
		"蔿":  "𫇭", // folds into the supplementary plane
	}
	for in, want := range cases {
		assert.Equalf(t, want, FoldString(in), "FoldString(%q)", in)
	}
}

func TestFoldLeavesOtherTextAlone(t *testing.T) {
	for _, s := range []string{
		"The study, n=120, p<0.05.",
		"研究显示这项疗法能显著改善症状，卫生部门表示只是初步结果。",
		"什么抬头著名才能干燥后来", // Simplified forms that TW/HK variant tables also list
		"ひらがなカタカナ",
		"café naïve 😀",
	} {
		assert.Equal(t, s, FoldString(s))
	}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		assert.Equal(t, r, Fold(r))
	}
	assert.Equal(t, rune(-1), Fold(-1))
	assert.Equal(t, rune(utf8.MaxRune+1), Fold(utf8.MaxRune+1))
}

// Fold must be idempotent and every Simplified output must be a fixed
// point; otherwise two spellings of one word could fold apart.
func TestFoldIdempotent(t *testing.T) {
	entries := readTable(t2sFile)
	require.Greater(t, len(entries), 4000)
	for _, e := range entries {
		k, _ := singleRune(e.key)
		v, _ := singleRune(e.value)
		assert.Equalf(t, v, Fold(k), "Fold(%q)", e.key)
		assert.Equalf(t, Fold(k), Fold(Fold(k)), "Fold not idempotent at %q", e.key)
		assert.Equalf(t, v, Fold(v), "output %q of %q is folded again", e.value, e.key)
	}
}

func TestFoldStringNoAllocWhenUnchanged(t *testing.T) {
	s := "Simplified 简体中文 stays as it is."
	_ = Fold('体') // load the table outside the measurement
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = FoldString(s) }))
}

// Expected values were checked with `opencc -c s2twp.json` (OpenCC 1.1.6).
func TestToTaiwan(t *testing.T) {
	cases := map[string]string{
		"研究显示":            "研究顯示",
		"软件":              "軟體",
		"鼠标":              "滑鼠",
		"这项研究没有披露利益冲突":    "這項研究沒有披露利益衝突",
		"头发":              "頭髮",
		"后来":              "後來",
		"皇后":              "皇后",
		"队列研究":            "世代研究", // our Taiwan glossary; OpenCC's TWPhrases would give 佇列研究 (队列 as a computing queue)
		"干燥":              "乾燥",
		"面条":              "麵條",
		"里面":              "裡面",
		"支持":              "支持", // prose: OpenCC's TWPhrases gives the computing 支援 (see tw_computing.txt)
		"声明":              "聲明",
		"对象":              "對象",
		"":                "",
		"plain ASCII":     "plain ASCII",
		"混合 text 与数字 42%": "混合 text 與數字 42%",
		"坏\xff字节":         "壞\xff位元組",
	}
	for in, want := range cases {
		assert.Equalf(t, want, ToTaiwan(in), "ToTaiwan(%q)", in)
	}
}

// healthNews is varied Simplified health-news text for the OpenCC comparison.
var healthNews = []string{
	"一项新研究显示，每天喝咖啡可能降低患心脏病的风险。",
	"专家提醒，这项研究只是观察性研究，不能证明因果关系。",
	"该药物在小鼠实验中显示出抗癌效果，但尚未进行人体试验。",
	"研究人员招募了一千名志愿者，随访时间长达十年。",
	"这款保健品号称能治愈糖尿病，实际上缺乏临床证据。",
	"世界卫生组织发布了新的饮食指南，建议减少糖的摄入。",
	"医生表示，头发稀疏可能与压力和睡眠不足有关。",
	"这项随机对照试验的样本量较小，结果需要谨慎解读。",
	"新冠疫苗的加强针可以显著降低重症和死亡的风险。",
	"研究经费来自一家制药公司，作者声明没有利益冲突。",
	"科学家发现一种新的肠道细菌，可能与肥胖有关。",
	"该论文尚未经过同行评审，已发布在预印本服务器上。",
	"吃红肉会增加患结肠癌的风险吗？专家给出了答案。",
	"一项荟萃分析汇总了三十项研究的数据。",
	"这种神奇的草药据说能在一周内减肥十公斤。",
	"研究发现，规律运动的老年人认知能力下降得更慢。",
	"后来，研究团队在更大的人群中重复了这一结果。",
	"患者服用该药后出现了头痛、恶心等副作用。",
	"这个应用软件可以用手机摄像头检测皮肤癌。",
	"用鼠标点击网页上的链接即可下载完整报告。",
	"队列研究表明，吸烟者患肺癌的概率是非吸烟者的二十倍。",
	"该基因疗法被誉为突破性进展，但长期安全性仍不清楚。",
	"维生素D补充剂对预防骨折没有明显作用。",
	"研究人员在实验室里培养了人类干细胞。",
	"这种面膜含有天然成分，号称百分之百安全无副作用。",
	"疾病控制与预防中心报告称，流感病例数量有所上升。",
	"母乳喂养与婴儿的免疫系统发育密切相关。",
	"该研究的发表偏倚可能夸大了治疗效果。",
	"网上流传的说法称，喝醋可以软化血管，这没有科学依据。",
	"皇后区的一家医院开展了这项临床试验。",
	"他们用人工智能算法分析了数百万张医学影像。",
	"睡眠不足八小时会损害免疫系统吗？",
	"专家建议公众不要轻信“包治百病”的宣传。",
	"这项发现发表在《新英格兰医学杂志》上。",
	"里面的数据表明，干预组和对照组之间没有统计学差异。",
	"研究只涉及了二十名受试者，统计效力不足。",
}

// TestToTaiwanMatchesOpenCC compares ToTaiwan with the reference
// implementation, line by line, when the opencc tool is installed. OpenCC
// runs its s2twp chain with our TWPhrases table (without the computing-only
// entries of tw_computing.txt) in place of its own.
func TestToTaiwanMatchesOpenCC(t *testing.T) {
	path, err := exec.LookPath("opencc")
	if err != nil {
		t.Skip("opencc not installed (apt-get install -y opencc libopencc-data); skipping the comparison with OpenCC's s2twp")
	}
	dir := t.TempDir()
	phrases, err := rules.FS.ReadFile(twPhrasesFile)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "tw_phrases.txt"), phrases, 0o644))
	config := `{"name": "s2twp with hypelint's TWPhrases",
"segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "STPhrases.ocd2"}},
"conversion_chain": [
  {"dict": {"type": "group", "dicts": [{"type": "ocd2", "file": "STPhrases.ocd2"}, {"type": "ocd2", "file": "STCharacters.ocd2"}]}},
  {"dict": {"type": "text", "file": "` + filepath.Join(dir, "tw_phrases.txt") + `"}},
  {"dict": {"type": "ocd2", "file": "TWVariants.ocd2"}}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s2twp.json"), []byte(config), 0o644))
	cmd := exec.Command(path, "-c", filepath.Join(dir, "s2twp.json"))
	cmd.Stdin = strings.NewReader(strings.Join(healthNews, "\n") + "\n")
	out, err := cmd.Output()
	require.NoError(t, err)
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, want, len(healthNews))
	for i, in := range healthNews {
		// Our Taiwan research-term glossary applies on top of OpenCC.
		taiwanOnce.Do(loadTaiwan)
		assert.Equalf(t, convert(want[i], taiwan.twTerms), ToTaiwan(in), "ToTaiwan(%q)", in)
	}
}

// benchText mixes the scripts hypelint lints: Traditional, Simplified and
// English.
const benchText = "一項新研究顯示，每天喝咖啡可能降低患心臟病的風險。" +
	"一项新研究显示，每天喝咖啡可能降低患心脏病的风险。" +
	"A new study shows coffee may cut heart disease risk by 20%."

func BenchmarkFold(b *testing.B) {
	runes := []rune(benchText)
	Fold('體') // load the table outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	var sink rune
	for b.Loop() {
		for _, r := range runes {
			sink += Fold(r)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(runes)), "ns/rune")
	_ = sink
}

// BenchmarkFoldMap is the same work against a plain map, kept to justify the
// dense table in foldTable.
func BenchmarkFoldMap(b *testing.B) {
	runes := []rune(benchText)
	m := map[rune]rune{}
	for _, e := range readTable(t2sFile) {
		k, _ := singleRune(e.key)
		v, _ := singleRune(e.value)
		m[k] = v
	}
	b.ReportAllocs()
	b.ResetTimer()
	var sink rune
	for b.Loop() {
		for _, r := range runes {
			if v, ok := m[r]; ok {
				r = v
			}
			sink += r
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(runes)), "ns/rune")
	_ = sink
}

func TestToTaiwanUsesTaiwanResearchTerms(t *testing.T) {
	cases := map[string]string{
		"这项队列研究纳入了受试者": "這項世代研究納入了受試者",
		"荟萃分析和细胞系":     "統合分析和細胞株",
		"未经同行评审的预印本":   "未經同儕審查的預印本",
		"医保数据显示":       "健保資料顯示",
	}
	for in, want := range cases {
		assert.Equal(t, want, ToTaiwan(in), in)
	}
}

// BenchmarkLoadFold is what the first Fold of a process costs: building
// the fold table.
func BenchmarkLoadFold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadFold()
	}
}

// foldTableOf reads a table's text straight into the fold table; it must
// build the table that parsing the entries and newFoldTable build, on the
// real table, on the malformed lines parseTable skips and on random lines
// of runes, tabs, line ends and broken bytes.
func TestFoldTableOfMatchesParsedEntries(t *testing.T) {
	data, err := rules.FS.ReadFile(t2sFile)
	require.NoError(t, err)
	inputs := []string{string(data), "", "\n", "體\t体\nno tab\n\t空\n空\t\na\tb\tc\n\xff\t坏\n萬\t万\r\n兩\t两",
		"體\t体\n體\t體\n體\t仏\n𫇭\t𫇭\n𩙰\t风\n\uFFFD\t体\n体\t\uFFFD\n"}
	pieces := []string{"體", "体", "a", "𫇭", "风", "\t", "\n", "\r", "\xff", "\xe9\xab", "\uFFFD", "x"}
	inputs = append(inputs, randomTexts(rand.New(rand.NewPCG(3, 4)), pieces, 2000, 24)...)
	for _, in := range inputs {
		assert.Equal(t, newFoldTable(parseTable(in)), foldTableOf(in), "%q", in)
	}
}

// randomTexts returns count texts of fewer than most pieces each, picked
// at random.
func randomTexts(rng *rand.Rand, pieces []string, count, most int) []string {
	texts := make([]string, count)
	for i := range texts {
		var b strings.Builder
		for range rng.IntN(most) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts[i] = b.String()
	}
	return texts
}

// dictOf reads a table's text straight into a dictionary; it must build the
// dictionary that parsing the entries and newDict build, on every real
// table and on random lines of runes, tabs, line ends and duplicate keys.
// (Lines with invalid UTF-8, which parseTable drops, are the one
// difference: the embedded tables have none, see TestTablesWellFormed.)
func TestDictOfMatchesParsedEntries(t *testing.T) {
	var inputs []string
	for _, name := range []string{s2tPhrasesFile, s2tCharsFile, twPhrasesFile, twVariantsFile, twTermsFile} {
		data, err := rules.FS.ReadFile(name)
		require.NoError(t, err)
		inputs = append(inputs, string(data))
	}
	inputs = append(inputs, "", "\n", "\t", "软件\t軟體\nno tab\n\t空\n空\t\na\tb\tc\n软件\t軟件\n头发\t頭髮\r\n后\t後",
		"# comment\n队列研究\t世代研究\n队列\t世代\n队列\t佇列\n")
	pieces := []string{"软", "件", "軟體", "a", "𫇭", "队列", "\t", "\n", "\r", "\r\n", "x", "#", " "}
	inputs = append(inputs, randomTexts(rand.New(rand.NewPCG(5, 6)), pieces, 3000, 30)...)
	for _, in := range inputs {
		assert.Equal(t, newDict(parseTable(in)), dictOf(in), "%q", in)
	}
}

// BenchmarkLoadTaiwan is what the first ToTaiwan of a process costs:
// building the Taiwan phrase tables.
func BenchmarkLoadTaiwan(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadTaiwan()
	}
}

// mapTables are the Taiwan tables as maps, the way ToTaiwan read them
// before it searched the sorted text in place.
func mapTables(t *testing.T) taiwanTables {
	t.Helper()
	return taiwanTables{
		stPhrases:  readDict(s2tPhrasesFile),
		stChars:    readDict(s2tCharsFile),
		twPhrases:  readDict(twPhrasesFile),
		twVariants: readDict(twVariantsFile),
		twTerms:    readDict(twTermsFile),
	}
}

// toTaiwanWith is ToTaiwan on the given tables.
func toTaiwanWith(tables taiwanTables, s string) string {
	var b strings.Builder
	for _, seg := range segment(s, tables.stPhrases) {
		seg = convert(seg, tables.stPhrases, tables.stChars)
		seg = convert(seg, tables.twPhrases)
		b.WriteString(convert(seg, tables.twVariants))
	}
	return convert(b.String(), tables.twTerms)
}

// randomText strings together keys of the tables, pieces of them, other
// runes and broken bytes, so that longest matches start, end and nest
// everywhere.
func randomText(rng *rand.Rand, keys []string) string {
	others := []string{"a", " ", "，", "。", "\xff", "\xe9\xab", "𫇭", "了", "的", "体", "\t", "\n", "Meta"}
	var b strings.Builder
	for range rng.IntN(12) {
		switch k := keys[rng.IntN(len(keys))]; rng.IntN(4) {
		case 0, 1:
			b.WriteString(k)
		case 2:
			r := []rune(k)
			b.WriteString(string(r[:rng.IntN(len(r))+1]))
		default:
			b.WriteString(others[rng.IntN(len(others))])
		}
	}
	return b.String()
}

// A sorted table must give, at every rune of any text, the longest match
// the map of the same table gives.
func TestSortedTableMatchesDict(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, name := range []string{s2tPhrasesFile, s2tCharsFile, twPhrasesFile, twVariantsFile} {
		t.Run(name, func(t *testing.T) {
			data, err := rules.FS.ReadFile(name)
			require.NoError(t, err)
			sorted, dict := sortedTable{string(data)}, dictOf(string(data))
			var keys []string
			for k := range dict.m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			texts := slices.Clone(keys[:min(200, len(keys))])
			for range 3000 {
				texts = append(texts, randomText(rng, keys))
			}
			for _, s := range texts {
				starts := runeStarts(s)
				for i := range len(starts) - 1 {
					n, v, ok := dict.longest(s, starts, i)
					sn, sv, sok := sorted.longest(s, starts, i)
					require.Equalf(t, []any{n, v, ok}, []any{sn, sv, sok}, "%q at rune %d", s, i)
				}
			}
		})
	}
}

// The sorted tables, and ToTaiwan, must convert exactly as the maps: the
// health-news lines, every Simplified text of the corpus, and random text.
func TestToTaiwanSortedMatchesMaps(t *testing.T) {
	maps := mapTables(t)
	texts := slices.Clone(healthNews)
	files, err := filepath.Glob("../../corpus/zh-Hans/*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	var keys []string
	for k := range maps.stPhrases.(*dict).m {
		keys = append(keys, k)
	}
	for k := range maps.twPhrases.(*dict).m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		texts = append(texts, randomText(rng, keys))
	}
	taiwanOnce.Do(loadTaiwan)
	for _, s := range texts {
		want := toTaiwanWith(maps, s)
		require.Equalf(t, want, toTaiwanWith(taiwan, s), "sorted tables on %q", s)
		require.Equalf(t, want, ToTaiwan(s), "ToTaiwan(%q)", s)
	}
}

// ToTaiwan searches the sorted tables until it has converted sortedBudget
// bytes, then the maps.
func TestToTaiwanBuildsMapsOnlyPastTheBudget(t *testing.T) {
	defer converted.Store(converted.Load())
	converted.Store(0)
	assert.Same(t, &taiwan, taiwanFor(10))
	assert.Same(t, &taiwan, taiwanFor(sortedBudget-10))
	assert.Same(t, &taiwanMaps, taiwanFor(1))
	assert.Same(t, &taiwanMaps, taiwanFor(0))
	assert.NotNil(t, taiwanMaps.stPhrases)
}

// BenchmarkToTaiwanTables converts the health-news lines on the sorted
// tables and on the maps, for sortedBudget.
func BenchmarkToTaiwanTables(b *testing.B) {
	taiwanOnce.Do(loadTaiwan)
	taiwanMapsOn.Do(loadTaiwanMaps)
	n := 0
	for _, s := range healthNews {
		n += len(s)
	}
	for _, tc := range []struct {
		name   string
		tables taiwanTables
	}{{"sorted", taiwan}, {"maps", taiwanMaps}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range healthNews {
					toTaiwanWith(tc.tables, s)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/B")
		})
	}
}

// The table's text searched in place must fold every rune as the dense
// table does, on the real table and on tables with the lines foldTableOf
// skips.
func TestSortedFoldMatchesFoldTable(t *testing.T) {
	foldOnce.Do(loadFold)
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := sortedFold(rules.T2S, r), folder.fold(r); got != want {
			t.Fatalf("sortedFold(U+%04X) = U+%04X, the table says U+%04X", r, got, want)
		}
	}
	for _, data := range []string{"", "\n", "\t体\n仏\t\n体\t体\n兩\t两\r\n萬\t万x\n體\t体\n\uFFFD\t体\n𩙰\t风\n𫇭\t\t\n"} {
		table := foldTableOf(data)
		for _, r := range "\t仏体兩萬體𩙰𫇭a\uFFFD" {
			assert.Equalf(t, table.fold(r), sortedFold(data, r), "%q: %c", data, r)
		}
	}
}

// Fold searches the text until foldBudget lookups, then builds the table.
func TestFoldBuildsTheTableOnlyPastTheBudget(t *testing.T) {
	// Other tests may have built the table: start over (the built table
	// stays, only the switch to it is reset).
	foldBuilt.Store(false)
	foldCalls.Store(0)
	for range foldBudget {
		Fold('體')
	}
	assert.False(t, foldBuilt.Load())
	assert.Equal(t, '体', Fold('體'))
	assert.True(t, foldBuilt.Load())
}
