package numbers

import (
	"strings"

	"github.com/hypelint/hypelint/lint/internal/anyword"
)

// preCtx is what the text just before a number says about it.
type preCtx struct {
	start    int  // span start, moved left over qualifiers and keywords
	approx   bool // 超过, about
	total    bool // 共, a total of
	ordinal  bool // 第
	rank     bool // 排名, top
	rankNear bool // 前/后 directly before: 前10名 is a ranking if the unit is 名/位
	ref      bool // [12], 参考文献3
	stat     bool // p = 0.03
	ratio    bool // hr 1.2, odds ratio of
	rate     bool // 每10万人, per 100,000
	money    bool // $20
	age      bool // aged 65, 年龄为
	yearPrep bool // in 2019
	sampleKW bool // n = 48, 样本量为48, a cohort of
	family   bool // 一家3人
	arm      bool // 干预组506人, 药物组(803人): the size of a study arm
}

var (
	ordinalMarks = newSuffixSet("第", "#")
	armMarks     = newSuffixSet("组", "组(", "组:", "组,")
)

// settledBits and nearBits are the suffixPairs bits of the lists settled
// and nearMarks read at one position: one load tells that none of them
// ends there, as for most numbers.
var (
	settledBits = ordinalMarks.bit | zhRankCtx.bit | enRankCtx.bit | refMarks.bit | statEq.bit | statRatio.bit | rateMarks.bit
	nearBits    = armMarks.bit | zhAgeCtx.bit | enAgeCtx.bit | enYearPrep.bit
)

// extend moves the span start left to j unless that would overlap the
// previous mention.
func (pc *preCtx) extend(j, lastEnd int) {
	if j >= lastEnd && j < pc.start {
		pc.start = j
	}
}

// preContext reads the text before a number from right to left: marks that
// settle the kind on their own come first, then qualifiers, then the
// keywords that may sit before a qualifier ("样本量约1.2万").
func (s *scanner) preContext(at int) preCtx {
	k := trimSpaceBack(s.text, at)
	b := pairBits(s.text, k) // the lists that may end at k, read once
	if b&contextBits == 0 {  // most numbers: none does
		pc := preCtx{start: at}
		nearRunes(&pc, s.text, k)
		return pc
	}
	return s.readContext(at, k, b)
}

// contextBefore reports whether some list preContext(at) reads may end
// before at: without one, preContext sets only start and nearRunes' flags.
func (s *scanner) contextBefore(at int) bool {
	return pairBits(s.text, trimSpaceBack(s.text, at))&contextBits != 0
}

// rateBefore reports whether preContext(at) would set rate, reading only
// the marks settled reads.
func (s *scanner) rateBefore(at int) bool {
	k := trimSpaceBack(s.text, at)
	b := pairBits(s.text, k)
	if b&contextBits == 0 || b&settledBits == 0 {
		return false
	}
	pc := preCtx{start: at}
	s.settled(&pc, k, b)
	return pc.rate
}

// readContext is preContext reading the lists at k = trimSpaceBack(at),
// whose pairBits are b. Where k moves left over a word, b is read again.
func (s *scanner) readContext(at, k int, b uint32) preCtx {
	t := s.text
	pc := preCtx{start: at}
	if b&settledBits != 0 && s.settled(&pc, k, b) {
		return pc
	}
	if j, ok := moneyMarks.at(t, k, b); ok {
		pc.money = true
		pc.extend(j, s.lastEnd)
		k = trimSpaceBack(t, j)
		b = pairBits(t, k)
	}
	k, b = s.qualifiers(&pc, k, b)
	s.nearMarks(&pc, k, b)
	s.keywords(&pc, k, b)
	return pc
}

// settled handles marks that decide the kind whatever else is said:
// ordinals, rankings, references, statistics and rate denominators.
func (s *scanner) settled(pc *preCtx, k int, b uint32) bool {
	t := s.text
	if j, ok := ordinalMarks.at(t, k, b); ok {
		pc.ordinal = true
		pc.extend(j, s.lastEnd)
		return true
	}
	if _, ok := zhRankCtx.at(t, k, b); ok {
		pc.rank = true
		return true
	}
	if _, ok := enRankCtx.at(t, k, b); ok {
		pc.rank = true
		return true
	}
	if _, ok := refMarks.at(t, k, b); ok {
		pc.ref = true
		return true
	}
	if s.statistic(pc, k, b) {
		return true
	}
	if j, ok := rateMarks.at(t, k, b); ok {
		pc.rate = true
		pc.extend(j, s.lastEnd)
		return true
	}
	return false
}

// statistic recognises p-values ("p = 0.03", "p<0.05") and ratio
// statistics ("hr 0.8", "or=1.5", "odds ratio of 2.1", "风险比为1.3").
func (s *scanner) statistic(pc *preCtx, k int, b uint32) bool {
	t := s.text
	if j, ok := statEq.at(t, k, b); ok {
		j = trimSpaceBack(t, j)
		if _, ok := suffixAt(t, j, statP); ok {
			pc.stat = true
			return true
		}
		if _, ok := suffixAt(t, j, statRatio); ok {
			pc.ratio = true
			return true
		}
	}
	if j, ok := statRatio.at(t, k, b); ok && t[j:k] != "or" && t[j:k] != "ci" {
		pc.ratio = true
		return true
	}
	return false
}

// qualifiers strips up to two approximating words (超过, 约有, "just
// over", "more than about") and then notes a totalling word (共, "a total
// of"), which lets a bare 人 count as subjects.
func (s *scanner) qualifiers(pc *preCtx, k int, b uint32) (int, uint32) {
	t := s.text
	for n := 0; n < 2; n++ {
		if j, ok := zhApprox.at(t, k, b); ok && zhApproxOK(t, j, t[j:k]) {
			pc.approx = true
			pc.extend(j, s.lastEnd)
			k = trimSpaceBack(t, j)
			b = pairBits(t, k)
			continue
		}
		if j, ok := enApprox.at(t, k, b); ok {
			pc.approx = true
			pc.extend(j, s.lastEnd)
			k = trimSpaceBack(t, j)
			b = pairBits(t, k)
			continue
		}
		break
	}
	if _, ok := zhTotal.at(t, k, b); ok {
		pc.total = true
	} else if _, ok := enTotal.at(t, k, b); ok {
		pc.total = true
	}
	return k, b
}

// zhApproxOK rejects qualifier characters that belong to another word:
// 最近/附近 (recently, nearby), 纽约 (New York), 合约.
func zhApproxOK(t string, j int, w string) bool {
	prev, _ := runeBefore(t, j)
	switch w {
	case "近":
		return !strings.ContainsRune("最附靠亲邻贴走就", prev)
	case "约":
		return !strings.ContainsRune("纽契条合公邀预节制签婚违相隐简誓赴失践履", prev)
	case "上下":
		return false // only after a number
	}
	return true
}

// nearMarks reads marks directly before the number (after qualifiers):
// 一家3人, 前10名, ages, years.
func (s *scanner) nearMarks(pc *preCtx, k int, b uint32) {
	t := s.text
	nearRunes(pc, t, k)
	if b&nearBits == 0 {
		return // most numbers: none of the four lists ends here
	}
	if _, ok := armMarks.at(t, k, b); ok {
		pc.arm = true
	}
	if _, ok := zhAgeCtx.at(t, k, b); ok {
		pc.age = true
	} else if _, ok := enAgeCtx.at(t, k, b); ok {
		pc.age = true
	}
	if _, ok := enYearPrep.at(t, k, b); ok {
		pc.yearPrep = true
	}
}

// nearRunes reads the single characters directly before the number: 一家3人, 前10名.
// 家, 前 and 后 all begin with 0xE5: before most numbers nothing is decoded.
func nearRunes(pc *preCtx, t string, k int) {
	if k < 3 || t[k-3] != 0xE5 {
		return
	}
	switch t[k-3 : k] {
	case "家":
		pc.family = true
	case "前", "后":
		before, _ := runeBefore(t, k-3)
		pc.rankNear = !strings.ContainsRune(zhRankBlock, before)
	}
}

// contextLists are the lists readContext reads at the position before a
// number (enArticles and statP only after another list's entry).
var contextLists = []*suffixSet{ordinalMarks, zhRankCtx, enRankCtx, refMarks, statEq, statRatio,
	rateMarks, moneyMarks, zhApprox, enApprox, zhTotal, enTotal, armMarks, zhAgeCtx, enAgeCtx,
	enYearPrep, zhConnect, enConnect, zhSampleKW, enSampleKW, enCohortKW}

// contextBits are the suffixPairs bits of contextLists.
var contextBits = func() (bits uint32) {
	for _, ss := range contextLists {
		bits |= ss.bit
	}
	return bits
}()

// keywords finds a sample-size keyword before the number, with an optional
// connector: "n = 48", "样本量为48", "样本数:300", "sample size of 500",
// "a cohort of 2,400". The span then starts at the keyword.
func (s *scanner) keywords(pc *preCtx, k int, b uint32) {
	t := s.text
	c, cb := k, b
	conn := ""
	for n := 0; n < 2; n++ {
		j, ok := zhConnect.at(t, c, cb)
		if !ok {
			j, ok = enConnect.at(t, c, cb)
		}
		if !ok {
			break
		}
		if conn == "" {
			conn = t[j:c]
		}
		c = trimSpaceBack(t, j)
		cb = pairBits(t, c)
	}
	if j, ok := nKeyword(t, c); ok && (conn == "=" || conn == ":") {
		pc.sampleKW = true
		pc.extend(j, s.lastEnd)
		return
	}
	if j, ok := zhSampleKW.at(t, c, cb); ok {
		pc.sampleKW = true
		pc.extend(j, s.lastEnd)
		return
	}
	if j, ok := enSampleKW.at(t, c, cb); ok {
		pc.sampleKW = true
		pc.extend(j, s.lastEnd)
		return
	}
	if j, ok := enCohortKW.at(t, k, b); ok {
		pc.sampleKW = true
		if a, ok := suffixAt(t, trimSpaceBack(t, j), enArticles); ok {
			j = a
		}
		pc.extend(j, s.lastEnd)
	}
}

// nKeyword matches a standalone "n" (or "N") ending at k.
func nKeyword(t string, k int) (int, bool) {
	if k < 1 || lower(t[k-1]) != 'n' {
		return k, false
	}
	if k >= 2 && isAlnum(t[k-2]) {
		return k, false
	}
	return k - 1, true
}

// zhStudyNear reports a study word within six runes before start or
// after end: 招募了300人, 3000人参与. 研究 in 研究人员 names the
// researchers, not the study.
func zhStudyNear(t string, start, end int) bool {
	if zhStudyIn(t, backRunes(t, start, 6), start) {
		return true // the window after is not measured
	}
	return zhStudyIn(t, end, fwdRunes(t, end, 6))
}

// zhStudyIn looks for a study word within t[lo:hi]. Every study word is
// two three-byte runes, so one pass over the window's lead bytes looks
// each six bytes up in a set, instead of searching the window once per
// word.
func zhStudyIn(t string, lo, hi int) bool {
	for p := lo; p+zhStudyLen <= hi; p++ {
		if t[p]&0xF0 != 0xE0 {
			continue // no study word starts here
		}
		if zhStudyFirst[t[p]&0x0F]&(1<<(t[p+1]&0x3F)) == 0 {
			continue // no study word's first rune: most runes, without hashing six bytes
		}
		if _, ok := zhStudySet[t[p:p+zhStudyLen]]; ok && !hasAnyPrefix(t[p+zhStudyLen:], zhResearcher) {
			return true
		}
	}
	return false
}

// zhStudyLen is the length of every study word.
const zhStudyLen = 6

var zhStudySet = map[string]struct{}{} // filled by buildStudySet

// zhStudyFirst has, as cjkTriggerPairs, a bit for the lead byte (low four
// bits) and second byte (low six bits) of each study word's first rune.
var zhStudyFirst [16]uint64 // filled by buildStudySet

// The word lists searched for in windows, as substrings (made by buildStudySet).
var enStudySet, poolSet, zhPopSet, enPopAfterSet, enPopBeforeSet, negVagueEnSet, negVagueZhSet *anyword.Set

// buildStudySet fills zhStudySet and makes the window word sets (see loadTables).
func buildStudySet() {
	enStudySet, poolSet = anyword.New(enStudyWords), anyword.New(zhPoolWords, enPoolWords)
	zhPopSet, enPopAfterSet, enPopBeforeSet = anyword.New(zhPopWords), anyword.New(enPopAfter), anyword.New(enPopBefore)
	negVagueEnSet, negVagueZhSet = anyword.New(negVagueEn), anyword.New(negVagueZh)
	for _, w := range zhStudyWords {
		if len(w) != zhStudyLen || w[0]&0xF0 != 0xE0 || w[3]&0xF0 != 0xE0 {
			panic("numbers: a study word that is not two three-byte runes: " + w)
		}
		zhStudySet[w] = struct{}{}
		zhStudyFirst[w[0]&0x0F] |= 1 << (w[1] & 0x3F)
	}
}

// zhResearcher follows 研究 or 实验 in words for people and places.
var zhResearcher = []string{"人员", "者", "团队", "员", "所", "院", "生", "室", "中心"}

func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// enStudyNear is the English counterpart, over about eight words.
func enStudyNear(t string, start, end int) bool {
	lo, hi := max(0, start-48), min(len(t), end+48)
	return enStudySet.In(t[lo:start]) || enStudySet.In(t[end:hi])
}

// pooledNear reports pooling words before a count of studies: 纳入23项研究,
// "a meta-analysis of 23 trials", "pooled 23 trials".
func pooledNear(t string, start int) bool {
	lo := backRunes(t, start, 15)
	if lo < start-60 {
		lo = start - 60
	}
	w := t[lo:start]
	return poolSet.In(w)
}
