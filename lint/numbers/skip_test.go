package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/internal/swar"
	"github.com/hypelint/hypelint/lint/internal/utf8x"
	"github.com/stretchr/testify/require"
)

// skipByteAtATime is skip before skipHan: every byte of a Chinese rune
// passed one loop turn at a time, the reference for the fast path.
func skipByteAtATime(t string, i int) int {
	for {
		for i < len(t) && skipClass[t[i]] == passByte {
			i++
		}
		if i >= len(t) {
			return i
		}
		switch c := t[i]; skipClass[c] {
		case leadByte:
			if i+1 < len(t) && cjkTriggerPairs[c&0x0F]&(1<<(t[i+1]&0x3F)) != 0 {
				if r, _ := utf8x.RuneAt(t, i); cjkTriggers.has(r) && !idleTriggerRef(t, i, r) {
					return i
				}
			}
			i++
		case digitByte:
			return i
		default:
			e := i + 1
			for e < len(t) && skipClass[t[e]] == letterByte {
				e++
			}
			if i > 0 && isAlnum(t[i-1]) || !mayTriggerLowered(t[i:e]) || !secondLetterOfTrigger(t[i:e]) || idleArticleRef(t, i, e) {
				i = e
				continue
			}
			return i
		}
	}
}

// idleTriggerRef reports a 大, 成 or 上 at i (the rune r) that the rune
// after it, decoded, does not make the start of 大量, 大规模, 大型, 大样本,
// 成千…, 成百…, 上百, 上千, 上万 or 上亿, or a numeral that
// idleNumeralRef passes (数 not before 以).
func idleTriggerRef(t string, i int, r rune) bool {
	next, _ := utf8.DecodeRuneInString(t[i+utf8.RuneLen(r):])
	switch r {
	case '大':
		return !strings.ContainsRune("量规型样", next)
	case '成':
		return !strings.ContainsRune("千百", next)
	case '上':
		return !strings.ContainsRune("百千万亿", next)
	case '数':
		return next != '以' && idleNumeralRef(t, i+utf8.RuneLen(r))
	}
	return idleNumeralRef(t, i+utf8.RuneLen(r))
}

// idleNumeralRef reports that the text from j, after a numeral, holds a
// rune of three bytes with a lead byte from 0xE1 up but 0xED (as
// Rune3At decodes) that continues no numeral, is no word quietAfter
// gates, no ‰ and starts no unit a numeral may take, and that no context
// list may end before the numeral (contextBefore).
func idleNumeralRef(t string, j int) bool {
	next, size := utf8.DecodeRuneInString(t[j:])
	if size != 3 || next < 0x1000 || next >= 0xD000 && next < 0xE000 {
		return false
	}
	if strings.ContainsRune("零〇一二两三四五六七八九几数十百千万亿‰"+strings.Join(tailWords, ""), next) {
		return false
	}
	for _, u := range zhUnitList {
		if !u.arabicOnly && []rune(u.s)[0] == next {
			return false
		}
	}
	return !(&scanner{text: t}).contextBefore(j - 3)
}

// secondLetterOfTrigger reports whether some word of enTriggers has the
// first two letters of w (lowered), or w is one letter long.
func secondLetterOfTrigger(w string) bool {
	if len(w) == 1 {
		return true
	}
	for k := range enTriggers {
		if len(k) > 1 && k[0] == lower(w[0]) && k[1] == lower(w[1]) {
			return true
		}
	}
	return false
}

// idleArticleRef reports an "a" or "an" (any case) at t[i:e] not followed,
// one space on, by a word enTriggers lists as a number word or a vague
// adjective.
func idleArticleRef(t string, i, e int) bool {
	if w := strings.ToLower(t[i:e]); w != "a" && w != "an" {
		return false
	}
	if !strings.HasPrefix(t[e:], " ") {
		return true
	}
	w, _ := word(t, e+1)
	return enTriggers[strings.ToLower(w)]&(roleNumWord|roleVagueAdj) == 0
}

// mayTriggerLowered is mayTrigger with each letter lowered by lower, the
// reference for its five low bits.
func mayTriggerLowered(w string) bool {
	return triggerShapes[lower(w[0])-'a'+1][lower(w[len(w)-1])-'a'+1]&(1<<min(len(w), 63)) != 0
}

// letterRunEnd stops where a byte-at-a-time loop over letters stops, from
// every position of random bytes weighted to letters and the bytes around
// them ('@', '[', '`', '{', and bytes from 0x80 up, 0xC1 and 0xDA among
// them, which |0x20 would fold into letters were they ASCII).
func TestLetterRunEndMatchesBytes(t *testing.T) {
	const near = "@[`{AZaz09 -\xc1\xda\xe4\x80\xff"
	rng := rand.New(rand.NewPCG(51, 52))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			switch rng.IntN(4) {
			case 0:
				b[i] = byte(rng.IntN(256))
			case 1:
				b[i] = near[rng.IntN(len(near))]
			default:
				b[i] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[rng.IntN(52)]
			}
		}
		text := string(b)
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && isLetter(text[want]) {
				want++
			}
			if got := letterRunEnd(text, i); got != want {
				t.Fatalf("%q from %d: letterRunEnd = %d, want %d", text, i, got, want)
			}
		}
	}
}

// skip with skipHan stops where the byte-at-a-time loop stops, from every
// position of random text (triggers, runes sharing a trigger's first two
// bytes, malformed, overlong and surrogate sequences, cut runes) and of the
// corpus articles.
func TestSkipHanMatchesByteAtATime(t *testing.T) {
	pieces := []string{"研究", "患者", "一", "大", "数", "成", "万", "两", "丁", "丂", "七", "夨", "x", "one", "1", " ", "，",
		"\xe4", "\xe4\xb8", "\xb8", "\xe0\x80\x80", "\xed\xa0\x80", "\xe4\xb8\x80\x80", "\xef\xbf\xbd", "é", "𠀀", "\xff",
		"Thousands", "participants", "a", "An", "dozens", "twice", "ABCDEFGHIJKLMNOP", "abc@[`{", "wordé"}
	rng := rand.New(rand.NewPCG(41, 42))
	texts := gateTexts(t)
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	stops := 0
	for _, text := range texts {
		s := scanner{text: text}
		for i := 0; i < len(text); i++ {
			want := skipByteAtATime(text, i)
			if got := s.skip(i); got != want {
				t.Fatalf("%q from %d: skip = %d, want %d", text, i, got, want)
			}
			if want < len(text) && text[want] >= 0x80 {
				stops++
			}
		}
	}
	require.Greater(t, stops, 10000, "the texts hold Chinese triggers")
}

// hanTrigger, read from a rune's three bytes in a word, agrees with the
// set for every three-byte rune, whatever bytes follow it in the word.
func TestHanTriggerMatchesSet(t *testing.T) {
	loadTables()
	triggers := 0
	for r := rune(0x800); r < 0x10000; r++ {
		var b [8]byte
		n := utf8.EncodeRune(b[:], r)
		if n != 3 {
			continue // surrogates
		}
		b[3], b[4] = 0xE4, 0xB8 // the start of another rune: not read
		w := uint64(0)
		for k := 7; k >= 0; k-- {
			w = w<<8 | uint64(b[k])
		}
		if hanTrigger(w) != cjkTriggers.has(r) {
			t.Fatalf("hanTrigger(%q) = %v", r, hanTrigger(w))
		}
		if hanTrigger(w) {
			triggers++
		}
	}
	require.Equal(t, utf8.RuneCountInString(cjkTriggerRunes), triggers)
}

// skip passes long runs of Chinese (two runes a load) as the byte loop
// does, with a trigger, a rune sharing a trigger's first two bytes, a
// malformed or cut sequence, ASCII or a four-byte rune at every place in
// the run, from every position.
func TestSkipHanLongRuns(t *testing.T) {
	loadTables()
	plain := []string{"研", "究", "不", "个", "中", "丁", "丂", "患", "者", "，", "。", "“"}
	odd := []string{"一", "大", "上", "万", "两", "\xe4", "\xe4\xb8", "\xb8", "\xe0\x80\x80", "\xed\xa0\x80", "x", "7", " ", "𠀀", "\xff", "é"}
	rng := rand.New(rand.NewPCG(43, 44))
	stops := 0
	for n := range 24 {
		for k := 0; k <= n; k++ {
			for _, o := range odd {
				var b strings.Builder
				for j := range n {
					if j == k {
						b.WriteString(o)
					}
					b.WriteString(plain[rng.IntN(len(plain))])
				}
				if k == n {
					b.WriteString(o)
				}
				text := b.String()
				s := scanner{text: text}
				for i := 0; i <= len(text); i++ {
					want := skipByteAtATime(text, i)
					if got := s.skip(i); got != want {
						t.Fatalf("%q from %d: skip = %d, want %d", text, i, got, want)
					}
					if want < len(text) {
						stops++
					}
				}
			}
		}
	}
	require.Greater(t, stops, 10000)
}

// A trigger skip passes as idle (idleTrigger) is one that step passes
// too: fromCJK reads nothing from it and records nothing, with every rune
// that can follow one of them, at the end of the text and before a cut
// rune, whatever comes before.
func TestIdleTriggerStartsNothing(t *testing.T) {
	loadTables()
	before := []string{"", "以", "一", "数", "的", "x", "5"}
	after := []string{"量", "规模", "规则", "型", "样本", "样子", "千", "百", "万", "亿", "千上万", "百上千", "万人",
		"学", "约", "升", "为", "", "\xe5", "\xe5\x8d", " ", "1", "二", "十"}
	idle, busy := 0, 0
	for _, b := range before {
		for _, lead := range []string{"大", "成", "上", "一", "两"} {
			for _, a := range after {
				for _, tail := range []string{"", "研究", "名患者", "人"} {
					text := b + lead + a + tail
					i := len(b)
					r, _ := utf8.DecodeRuneInString(text[i:])
					require.Equal(t, idleTriggerRef(text, i, r), idleTrigger(text, i), "%q", text)
					if !idleTrigger(text, i) {
						busy++
						continue
					}
					idle++
					s := scanner{text: text}
					if r == '一' || r == '两' { // a numeral of one rune: passed whole
						require.Equal(t, i+3, s.step(i), "%q", text)
					} else {
						require.Equal(t, i, s.fromCJK(i, r), "%q", text)
					}
					require.Empty(t, s.out, "%q", text)
					require.Zero(t, s.lastEnd, "%q", text)
				}
			}
		}
	}
	require.Greater(t, idle, 500)
	require.Greater(t, busy, 500)
}

// A numeral idleNumeral passes is one from which step records nothing
// and moves on by the numeral's three bytes, in both scans and whatever
// the last mention was: in random texts of numerals, units, tail words,
// context words, cut and invalid runes, and in the articles (the corpus,
// and the archive with HYPELINT_BENCH_DIR), at every trigger.
func TestIdleNumeralStepsOverIt(t *testing.T) {
	loadTables()
	pieces := []string{"一", "两", "三", "十", "百", "千", "万", "亿", "几", "数", "零", "〇", "些", "起", "般", "名", "人",
		"个", "项", "种", "岁", "年", "点", "度", "分", "克", "‰", "%", "研究", "患者", "约", "共", "第", "每", "为", "有", "以", "计", "据", "多",
		"样本量", "年龄", " ", "，", "1", "x", "\xe4", "\xe4\xb8", "\xed\x9f\xbf", "\xe0\xa4\x80", "\xef\xbf\xbd"}
	pieces = append(pieces, tailWords...)
	rng := rand.New(rand.NewPCG(71, 72))
	texts := joinPieces(nil, rng, pieces, 30000)
	texts = append(texts, gateTexts(t)[20000:]...)
	idle, busy := 0, 0
	for _, text := range texts {
		for i := 0; i+3 <= len(text); i++ {
			r, n := utf8x.Rune3At(text, i)
			if n == 0 || !cjkTriggers.has(r) || r == '大' || r == '成' || r == '上' {
				continue
			}
			require.Equal(t, idleTriggerRef(text, i, r), idleTrigger(text, i), "%q at %d", text, i)
			if !idleTrigger(text, i) {
				busy++
				continue
			}
			idle++
			for _, sizesOnly := range []bool{false, true} {
				for _, last := range []int{0, i / 2, i} {
					s := scanner{text: text, sizesOnly: sizesOnly, lastEnd: last, lastRatio: last > 0}
					require.Equal(t, i+3, s.step(i), "%q at %d", text, i)
					require.Empty(t, s.out, "%q at %d", text, i)
					require.Equal(t, last, s.lastEnd, "%q at %d", text, i)
					require.Equal(t, last > 0, s.lastRatio, "%q at %d", text, i)
				}
			}
		}
	}
	require.Greater(t, idle, 2000)
	require.Greater(t, busy, 2000)
}

// skip's word loop (a word and the space after it from one load, a second
// load for longer words) stops where the byte-at-a-time loop stops, on
// English text: words of every length up to twenty, triggers among them,
// joined by a space, punctuation, a digit, Chinese or invalid UTF-8, cut
// at every length, from every position.
func TestSkipWordLoopMatchesByteAtATime(t *testing.T) {
	loadTables()
	words := []string{"a", "an", "A", "of", "the", "this", "those", "study", "studies", "one", "two", "ten", "half",
		"dozens", "Thousands", "hundreds", "millions", "percent", "twice", "patients", "participants", "approximately",
		"abcdefghijklmnopqrst", "Researchers", "mice", "x", "é", "wordé"}
	seps := []string{" ", " ", " ", ", ", ". ", "-", " (", "1", " 2 ", "研究", "\xe4", "\xe4\xb8", "\xff", "一", ""}
	rng := rand.New(rand.NewPCG(63, 64))
	stops := 0
	for range 6000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			if rng.IntN(3) == 0 {
				// a random word of 1–20 letters
				for range 1 + rng.IntN(20) {
					b.WriteByte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[rng.IntN(52)])
				}
			} else {
				b.WriteString(words[rng.IntN(len(words))])
			}
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		full := b.String()
		for _, text := range []string{full, full[:rng.IntN(len(full)+1)]} {
			s := scanner{text: text}
			for i := 0; i <= len(text); i++ {
				want := skipByteAtATime(text, i)
				if got := s.skip(i); got != want {
					t.Fatalf("%q from %d: skip = %d, want %d", text, i, got, want)
				}
				if want < len(text) && isLetter(text[want]) {
					stops++
				}
			}
		}
	}
	require.Greater(t, stops, 10000, "the texts hold English triggers")
}

// plainHanPair passes two three-byte runes only when both are of that
// shape and neither is a trigger (hanTrigger), and passes most such
// pairs, for every trigger and random runes and bytes around them.
func TestPlainHanPairMatchesHanTrigger(t *testing.T) {
	loadTables()
	runes := append([]rune(cjkTriggerRunes), '研', '究', '丁', '丂', '，', 'x', 0x7FF, 0xFFFD, 0xD7FF, 0xE000)
	rng := rand.New(rand.NewPCG(65, 66))
	plain, passed := 0, 0
	for range 200000 {
		var b []byte
		for len(b) < 8 {
			if rng.IntN(8) == 0 {
				b = append(b, byte(rng.IntN(256)))
			} else if rng.IntN(2) == 0 {
				b = utf8.AppendRune(b, runes[rng.IntN(len(runes))])
			} else {
				b = utf8.AppendRune(b, rune(0x800+rng.IntN(0xF800)))
			}
		}
		w := swar.Load8(string(b[:8]))
		want := w&runeMask == runeShape && w>>24&runeMask == runeShape && !hanTrigger(w) && !hanTrigger(w>>24)
		got := plainHanPair(w)
		if got && !want {
			t.Fatalf("% x: plainHanPair passes a trigger or another shape", b[:8])
		}
		if want {
			plain++
			if got {
				passed++
			}
		}
	}
	require.Greater(t, plain, 10000)
	require.Greater(t, passed, plain*9/10, "most plain pairs pass")
}

// zhNumeralRunes holds the runes cjkNumberInto reads on over after a
// digit, and no others, each three bytes long.
func TestZhNumeralRunesAreWhatCJKNumberReads(t *testing.T) {
	loadTables()
	for r := rune(0x800); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		text := "一" + string(r) + "x"
		var tok token
		require.True(t, cjkNumberInto(text, 0, &tok))
		require.Equal(t, tok.end > len("一"), zhNumeralRunes.has(r), "%q", text)
	}
	for _, r := range zhNumeralText {
		require.Equal(t, 3, utf8.RuneLen(r), "%q", r)
	}
}

// loneDigit reads what cjkNumberInto reads wherever it reads anything:
// at every digit of random texts of numerals, units and other runes, cut
// and invalid ones among them, and of the articles.
func TestLoneDigitMatchesCJKNumber(t *testing.T) {
	loadTables()
	pieces := []string{"一", "两", "三", "九", "十", "百", "千", "万", "亿", "几", "数", "零", "〇", "克", "米", "些", "名",
		"个", "项", "多", "余", "年", "研究", " ", "1", "x", "\xe4", "\xe4\xb8", "\xed\x9f\xbf", "\xef\xbf\xbd"}
	rng := rand.New(rand.NewPCG(73, 74))
	texts := append(joinPieces(nil, rng, pieces, 30000), gateTexts(t)[20000:]...)
	lone, quiets, units := 0, 0, 0
	for _, text := range texts {
		for i := 0; i+3 <= len(text); i++ {
			r, n := utf8x.Rune3At(text, i)
			if n == 0 || !cjkTriggers.has(r) {
				continue
			}
			var got, want token
			ok, quiet, next := loneDigit(text, i, r, &got)
			if !ok {
				require.False(t, quiet, "%q at %d", text, i)
				continue
			}
			lone++
			if quiet {
				quiets++
				require.True(t, quietAfter(text, got.end), "%q at %d", text, i)
				// unitAtRune reads from next what unitAfter reads.
				s := scanner{text: text}
				var wantU, gotU unitHit
				s.unitAfter(&got, &wantU)
				s.unitAtRune(&got, next, &gotU)
				require.Equal(t, wantU, gotU, "%q at %d", text, i)
				if wantU.end != got.end {
					units++
				}
			}
			require.True(t, cjkNumberInto(text, i, &want), "%q at %d", text, i)
			require.Equal(t, want, got, "%q at %d", text, i)
		}
	}
	require.Greater(t, lone, 10000)
	require.Greater(t, quiets, 2000, "the texts hold lone digits with no tail word after them")
	require.Greater(t, units, 1000, "the texts hold units after lone digits")
}
