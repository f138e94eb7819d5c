package lexicon

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A phrase is open phrasing: a sequence of slots, each a lexicon class,
// in order within one clause, with at most Gap characters between one slot
// and the next (逆转了大脑的衰老: reverse_verb, then ageing_noun). A hit of
// the phrase's class spans the whole sequence. Because each slot is a
// class, a house lexicon that adds a term to a slot class extends every
// phrase that uses it.
type phrase struct {
	class int
	slots []int // class ids
	gap   int   // units allowed between consecutive slots (see gapUnits)
}

// phraseDef is the YAML shape: {slots: [class, class, …], gap: N}.
type phraseDef struct {
	Slots []string `yaml:"slots"`
	Gap   int      `yaml:"gap"`
	Line  int      `yaml:"-"`
}

// clauseBreak ends a clause: slots of one phrase never span one.
const clauseBreak = ",;:，；：。!?！？()（）\n"

// maxPhraseGap bounds gaps, so that a phrase stays inside a clause-sized
// stretch and matching stays linear in practice.
const maxPhraseGap = 40

// phrases appends the phrase hits found among hits (resolved, in order of
// start) and returns whether it added any.
func (l *Lexicon) matchPhrases(text string, hits []Hit, dst []Hit) []Hit {
	starts := l.startsPhrase
	for k := range hits {
		// Most hits start no phrase: one byte says so, without loading
		// the hit's list of phrases (or copying the hit).
		if c := uint(hits[k].Class); c >= uint(len(starts)) || !starts[c] {
			continue
		}
		h := hits[k]
		for _, pi := range l.phraseStarts[h.Class] {
			p := &l.phrases[pi]
			if end, ok := l.rest(text, hits[k+1:], p, 1, h.End); ok {
				dst = append(dst, Hit{Class: p.class, Start: h.Start, End: end, Term: -1})
			}
		}
	}
	return dst
}

// indexPhrases lists, per class, the phrases whose first slot it is: a
// text is then walked once, not once per phrase.
func (l *Lexicon) indexPhrases() {
	l.phraseStarts = make([][]int, len(l.Classes))
	l.startsPhrase = make([]bool, len(l.Classes))
	l.classFlags = make([]uint8, len(l.Classes))
	for i, p := range l.phrases {
		l.phraseStarts[p.slots[0]] = append(l.phraseStarts[p.slots[0]], i)
		l.startsPhrase[p.slots[0]] = true
		l.classFlags[p.slots[0]] |= classStarts
	}
	for c := range l.Classes {
		if l.Classes[c].SlotOnly {
			l.classFlags[c] |= classSlot
		}
	}
}

// rest finds slots[i:] of p after byte offset from, among hits (in start
// order, those that start before from left off), and returns where the
// last one ends. A hit's own hits start after it (hits are never empty),
// and the stretch before a later hit extends the one before an earlier
// hit: once a hit of the slot is too far, or past a clause break, so is
// every later one. That holds unless the stretch's decoding changes, when
// it ends in a rune's continuation byte (odd UTF-8): then no early stop.
func (l *Lexicon) rest(text string, hits []Hit, p *phrase, i, from int) (int, bool) {
	if i == len(p.slots) {
		return from, true
	}
	for j := range hits {
		h := &hits[j]
		if h.Class != p.slots[i] || h.Start < from {
			continue
		}
		between := text[from:h.Start]
		if gapUnits(between) > p.gap || strings.ContainsAny(between, clauseBreak) {
			if h.Start < len(text) && utf8.RuneStart(text[h.Start]) {
				break
			}
			continue
		}
		if end, ok := l.rest(text, hits[j+1:], p, i+1, h.End); ok {
			return end, true
		}
	}
	return 0, false
}

// gapUnits measures the text between two slots: a Han character (or any
// other non-Latin letter) counts one, a Latin word two (an English word says
// about what two Han characters do); spaces and punctuation count nothing.
func gapUnits(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && isWordRune(r):
			if !inWord {
				n += 2
			}
			inWord = true
		case r < utf8.RuneSelf:
			inWord = false
		default:
			n++
			inWord = false
		}
	}
	return n
}

// addPhrases resolves the slot names of the phrases of class id.
func (b *builder) addPhrase(def phraseDef, id int) error {
	if len(def.Slots) < 2 {
		return fmt.Errorf("a phrase needs at least two slots")
	}
	if def.Gap < 0 || def.Gap > maxPhraseGap {
		return fmt.Errorf("gap %d: want 0 to %d characters", def.Gap, maxPhraseGap)
	}
	b.pending = append(b.pending, pendingPhrase{def: def, class: id})
	return nil
}

type pendingPhrase struct {
	def   phraseDef
	class int
	file  string
}

// resolvePhrases looks the slot classes up once every file is read (a
// slot may be defined in a later file).
func (b *builder) resolvePhrases() error {
	for _, pp := range b.pending {
		p := phrase{class: pp.class, gap: pp.def.Gap}
		for _, name := range pp.def.Slots {
			id, ok := b.lex.byName[name]
			if !ok {
				return fmt.Errorf("%s:%d: phrase of %s: no class named %q", pp.file, pp.def.Line, b.lex.Classes[pp.class].Name, name)
			}
			p.slots = append(p.slots, id)
		}
		b.lex.phrases = append(b.lex.phrases, p)
	}
	b.lex.indexPhrases()
	return nil
}
