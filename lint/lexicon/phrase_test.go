package lexicon

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/rules"
)

const phraseLexicon = `
classes:
  reverse_verb:
    zh: [逆转, 对抗]
    en: [reverse, reverses]
  ageing_noun:
    zh: [衰老, 老化]
    en: [ageing, aging]
  antiaging:
    zh: [返老还童]
    phrases:
      - {slots: [reverse_verb, ageing_noun], gap: 6}
`

func phraseHits(t *testing.T, lex *Lexicon, text string) []string {
	t.Helper()
	var out []string
	for _, h := range lex.Match(text, nil) {
		if lex.Classes[h.Class].Name == "antiaging" {
			out = append(out, text[h.Start:h.End])
		}
	}
	return out
}

func TestPhraseSlotsWithinAClause(t *testing.T) {
	lex, err := Parse(map[string]string{"a.yaml": phraseLexicon})
	require.NoError(t, err)
	require.Equal(t, []string{"逆转衰老"}, phraseHits(t, lex, "逆转衰老"))
	require.Equal(t, []string{"逆转了大脑衰老"}, phraseHits(t, lex, "这种药逆转了大脑衰老"))
	require.Equal(t, []string{"reverses brain ageing"}, phraseHits(t, lex, "the drug reverses brain ageing"))
	// Too far apart, or across a clause break: no phrase.
	require.Empty(t, phraseHits(t, lex, "逆转这种非常非常常见的衰老"))
	require.Empty(t, phraseHits(t, lex, "逆转，衰老"))
	// Order matters: the ageing noun first is not the phrase.
	require.Empty(t, phraseHits(t, lex, "衰老无法逆转"))
}

func TestPhraseSurvivesSnapshot(t *testing.T) {
	lex, err := Parse(map[string]string{"a.yaml": phraseLexicon})
	require.NoError(t, err)
	data, err := lex.Snapshot()
	require.NoError(t, err)
	loaded, err := FromSnapshot(string(data))
	require.NoError(t, err)
	require.Equal(t, []string{"对抗老化"}, phraseHits(t, loaded, "对抗老化"))
}

func TestPhraseNamingAnUnknownClassIsAnError(t *testing.T) {
	_, err := Parse(map[string]string{"a.yaml": "classes:\n  x:\n    phrases:\n      - {slots: [nope, nada], gap: 3}\n"})
	require.ErrorContains(t, err, `no class named "nope"`)
	_, err = Parse(map[string]string{"a.yaml": "classes:\n  x:\n    zh: [甲]\n    phrases:\n      - {slots: [x], gap: 3}\n"})
	require.ErrorContains(t, err, "at least two slots")
}

func TestSlotOnlyHitsAreDropped(t *testing.T) {
	lex, err := Parse(map[string]string{"a.yaml": `
classes:
  person_det:
    slot_only: true
    zh: [一位]
  person_noun:
    slot_only: true
    zh: [患者]
  anecdote:
    phrases:
      - {slots: [person_det, person_noun], gap: 6}
`})
	require.NoError(t, err)
	var names []string
	for _, h := range lex.Match("一位患糖尿病的患者", nil) {
		names = append(names, lex.Classes[h.Class].Name)
	}
	require.Equal(t, []string{"anecdote"}, names, "the slots fed the phrase and are gone")
	data, err := lex.Snapshot()
	require.NoError(t, err)
	loaded, err := FromSnapshot(string(data))
	require.NoError(t, err)
	require.True(t, loaded.Classes[loaded.ClassID("person_det")].SlotOnly)
}

// startsPhrase, the byte matchPhrases tests before a hit's list of
// phrases, says exactly which classes start one, in the lexicon built
// from rules and in the one read from the built-in snapshot.
func TestStartsPhraseMatchesLists(t *testing.T) {
	snapshot := rules.LexiconSnapshot
	_, content, ok := strings.Cut(snapshot, "\n") // the header line
	require.True(t, ok)
	fromSnapshot, err := FromSnapshot(content)
	require.NoError(t, err)
	for _, l := range []*Lexicon{builtinLexicon(t), fromSnapshot} {
		require.Len(t, l.startsPhrase, len(l.phraseStarts))
		starting := 0
		for c, list := range l.phraseStarts {
			require.Equal(t, len(list) > 0, l.startsPhrase[c], "class %s", l.Classes[c].Name)
			if len(list) > 0 {
				starting++
			}
		}
		require.Positive(t, starting, "some class starts a phrase")
	}
}

// restReference is rest as first written: every hit, no early stop.
func restReference(text string, hits []Hit, p phrase, i, from int) (int, bool) {
	if i == len(p.slots) {
		return from, true
	}
	for _, h := range hits {
		if h.Class != p.slots[i] || h.Start < from {
			continue
		}
		between := text[from:h.Start]
		if gapUnits(between) > p.gap || strings.ContainsAny(between, clauseBreak) {
			continue
		}
		if end, ok := restReference(text, hits, p, i+1, h.End); ok {
			return end, true
		}
	}
	return 0, false
}

// rest, which looks only past the hit before and stops at the first hit
// of the slot too far away, finds what a search of every hit finds: on
// random texts of Han and Latin words, spaces, clause breaks and bytes
// that are not UTF-8 (some hits start at a continuation byte, where a
// stretch decodes otherwise once extended), with random hits in start
// order and random phrases of a few classes.
func TestRestAsEveryHit(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	pieces := []string{"中", "老化", "a", "word", " ", "  ", ",", "，", "。", "\x80", "\xe4\xb8", "\xad", "\xff", "x1"}
	found := 0
	for range 20000 {
		var sb strings.Builder
		for range 2 + rng.Intn(30) {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		var hits []Hit
		for range rng.Intn(12) {
			s := rng.Intn(len(text))
			e := s + 1 + rng.Intn(min(6, len(text)-s))
			hits = append(hits, Hit{Class: rng.Intn(4), Start: s, End: e, Term: -1})
		}
		sortHits(hits)
		p := phrase{class: 9, gap: rng.Intn(8)}
		for range 2 + rng.Intn(3) {
			p.slots = append(p.slots, rng.Intn(4))
		}
		l := &Lexicon{phrases: []phrase{p}}
		for k, h := range hits {
			if h.Class != p.slots[0] {
				continue
			}
			wantEnd, wantOK := restReference(text, hits, p, 1, h.End)
			end, ok := l.rest(text, hits[k+1:], &p, 1, h.End)
			require.Equal(t, wantOK, ok, "%q %v %v", text, hits, p)
			if ok {
				require.Equal(t, wantEnd, end, "%q %v %v", text, hits, p)
				found++
			}
		}
	}
	require.Greater(t, found, 1000, "phrases found")
}

// MatchFound runs the phrase and slot passes only for a sentence whose
// hits call for them (finish, by the class flags the resolver gathers),
// and finds what Match, which runs them on every sentence, finds: on
// random texts of small lexicons with phrases that start with a slot-only
// class or not, a slot-only class no phrase uses, and slot-only classes
// without any phrase (whose hits are then kept), the same Found passed
// from one lexicon to the next. Each kind of text is met (fails with the
// flags of either kind left out).
func TestMatchFoundPassesAsMatch(t *testing.T) {
	const slots = `
  det:
    slot_only: true
    zh: [一位, 一种]
    en: [a]
  noun:
    slot_only: true
    zh: [患者, 药]
    en: [patient]
  verb:
    zh: [逆转, 治愈]
    en: [reverses, cures]
  spare:
    slot_only: true
    zh: [今天]
`
	lexicons := map[string]string{
		"phrases": "classes:" + slots + `
  anecdote:
    zh: [病例]
    phrases:
      - {slots: [det, noun], gap: 4}
  cure:
    phrases:
      - {slots: [verb, noun], gap: 4}
      - {slots: [noun, verb], gap: 2}
`,
		"no phrases": "classes:" + slots,
	}
	pieces := []string{"一位", "一种", "患者", "药", "逆转", "治愈", "今天", "病例", "，", "的", "很多", " a ", " patient ", " cures ", "\xe4\xb8", "。"}
	rng := rand.New(rand.NewSource(5))
	var f Found
	kinds := map[string]int{}
	for range 20 {
		for name, src := range lexicons {
			lex, err := Parse(map[string]string{"a.yaml": src})
			require.NoError(t, err)
			texts := make([]string, 50)
			for i := range texts {
				var b strings.Builder
				for range rng.Intn(8) {
					b.WriteString(pieces[rng.Intn(len(pieces))])
				}
				texts[i] = b.String()
			}
			lex.Find(&f, texts)
			for i, text := range texts {
				want := lex.Match(text, nil)
				require.Equal(t, want, lex.MatchFound(text, false, &f, i, nil), "%s: %q", name, text)
				for _, h := range want {
					switch {
					case h.Term < 0:
						kinds["phrase"]++
					case lex.Classes[h.Class].SlotOnly:
						kinds["slot kept"]++
					}
				}
			}
		}
	}
	require.Positive(t, kinds["phrase"])
	require.Positive(t, kinds["slot kept"])
}
