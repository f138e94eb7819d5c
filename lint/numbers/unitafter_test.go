package numbers

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// staleHit has every field of a unitHit set, as a hit left from the
// number before would.
var staleHit = unitHit{end: -1, kind: Money, cls: ucStudies, noun: nThing, subject: "x", unit: "y",
	animal: true, approx: true, zh: true, scale: 3, value: 4, hasValue: true, glued: true}

// unitAfterAskingEnglish is unitAfter before its gate on the first byte:
// a non-ASCII byte that starts no Chinese unit is always read as an
// English unit word too. The reference for unitAfter.
func (s *scanner) unitAfterAskingEnglish(tok *token) unitHit {
	t := s.text
	j := tok.end
	k := skipSpace(t, j)
	if k < len(t) && t[k] >= utf8.RuneSelf && !strings.HasPrefix(t[k:], "‰") {
		var h unitHit
		if s.zhUnitAt(tok, k, &h) {
			return h
		}
		return s.enUnitAt(tok, j, k)
	}
	var h unitHit
	s.unitAfter(tok, &h)
	return h
}

// rangeSepInTurn is rangeSep before the switch on the first byte: every
// separator compared in turn. The reference for rangeSep.
func rangeSepInTurn(t string, j int, script byte) (int, bool) {
	if j >= len(t) || !rangeSepFirst.has(t[j]) {
		return j, false
	}
	for _, sep := range rangeSeps {
		if strings.HasPrefix(t[j:], sep) {
			return j + len(sep), true
		}
	}
	if script != 'c' && wordAt(t, j, "to") {
		return j + 2, true
	}
	return j, false
}

// At every position of random text around units, separators and the
// runes that share their first bytes, and of the corpus, unitAfter and
// rangeSep answer as their references, for numbers of each script.
func TestUnitAfterAndRangeSepMatchReferences(t *testing.T) {
	pieces := []string{"μg", "µg", "°c", "°", "μ", "\xce", "\xc2", "\xc2\xa0", "é", "名", "例", "人", "患者", "岁", "年", "%", "‰",
		"-", "~", "–", "—", "〜", "至", "到", "自", "刻", "〝", "−", "to", "TO", "top", " ", "mg", "kg", "people", "12", "三",
		"研究", "\xe8", "\xe5\x88", "\xe2\x80", "x"}
	rng := rand.New(rand.NewPCG(71, 72))
	texts := gateTexts(t)
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	units, seps := 0, 0
	for _, text := range texts {
		s := scanner{text: text}
		for j := 0; j <= len(text); j++ {
			for _, script := range []byte{'a', 'c', 'w'} {
				tok := token{start: j, end: j, val: 12, script: script}
				// got starts as a stale hit with every field set: unitAfter
				// fills it in place and must leave nothing of it.
				want, got := s.unitAfterAskingEnglish(&tok), staleHit
				s.unitAfter(&tok, &got)
				if want != got {
					t.Fatalf("unitAfter(%q at %d, %c) = %+v, want %+v", text, j, script, got, want)
				}
				if want.end != j {
					units++
				}
				wj, wok := rangeSepInTurn(text, j, script)
				gj, gok := rangeSep(text, j, script)
				if wj != gj || wok != gok {
					t.Fatalf("rangeSep(%q at %d, %c) = %d, %v, want %d, %v", text, j, script, gj, gok, wj, wok)
				}
				if wok {
					seps++
				}
			}
		}
	}
	require.Greater(t, units, 10000, "the texts hold units")
	require.Greater(t, seps, 10000, "the texts hold separators")
}
