package lexicon

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hypelint/hypelint/lint/binfmt"
)

// A snapshot is a compiled lexicon written out, so that a process can load
// the built-in lexicon instead of compiling it: normalizing and expanding
// thousands of terms, building the automaton and analysing every pattern
// was most of a small file's run. The YAML files stay the source; a test
// checks that the snapshot in the binary matches them.
//
// The format is binfmt's, fields in the order of snapshot.fields. Loading
// reads the strings and the int32 arrays in place (term texts and the
// automaton's tables are slices of the snapshot, never written); a general
// encoder (gob) copied everything twice and was most of loading. The
// automaton's dense rows, the pattern bit sets and the regexps are rebuilt
// on load: they are quick to derive and large. The symbol scanner is
// stored, its slots read in place: building it took as long as linting a
// small file.
type snapshot struct {
	Classes []Class
	// Terms, flat: term i's text is TermText[TermEnd[i-1]:TermEnd[i]], its
	// classes TermClasses[ClassStart[i]:ClassStart[i+1]] and likewise its
	// triggers.
	TermText       string
	TermEnd        []int32
	TermFlags      string // one byte per term: termIgnore, termLatinL, termLatinR
	ClassStart     []int32
	TermClasses    []int32
	TriggerStart   []int32
	TriggerPattern []int32
	TriggerClause  string // one byte per trigger
	TriggerWindow  string // one byte per trigger, 0 or 1
	Patterns       []snapPattern
	First          []int32
	EdgeByte       string
	EdgeNext       []int32
	Term           []int32
	Fail           []int32
	Dict           []int32
	Dense          int // how many states have dense rows
	Phrases        []snapPhrase
	// ClauseBit is each pattern's clauses' bits in Match's clause bit
	// set (clauseBits.layOut), eight per pattern, -1 for none: laying
	// them out visits every term's triggers.
	ClauseBit []int32
	// Han is the symbol scanner built from the automaton (none for terms
	// that are not UTF-8), so that no process builds it again.
	Han storedScanner
}

type snapPhrase struct {
	Class, Gap int
	Slots      []int32
}

const (
	termIgnore = 1 << iota
	termLatinL
	termLatinR
)

type snapPattern struct {
	Src                  string
	Class, Group         int
	Always               bool
	Clauses, DigitClause uint64
	Window               int
	Before, After        int
	AheadRunes           []int32
	AheadOther           int
	AheadLeast           int
	AheadSpaces          int
	BehindRunes          []int32
	BehindOther          int
	BehindLeast          int
	BehindSpaces         int
	NextRunes            []int32
	NextNull             int
}

// snapshotMagic starts every snapshot; its last digits are the version,
// which changes whenever the layout or the meaning of a snapshot does, so
// that an old one is refused rather than misread.
const snapshotMagic = "hypelint-lexicon-12\n"

func (s *snapshot) fields(c binfmt.Codec) {
	binfmt.Slice(c, &s.Classes, func(cl *Class) {
		c.Text(&cl.Name)
		c.Text(&cl.Description)
		c.Text(&cl.Source)
		c.Text(&cl.File)
		c.Num(&cl.Terms)
		c.Flag(&cl.SlotOnly)
	})
	c.Text(&s.TermText)
	c.Int32s(&s.TermEnd)
	c.Text(&s.TermFlags)
	c.Int32s(&s.ClassStart)
	c.Int32s(&s.TermClasses)
	c.Int32s(&s.TriggerStart)
	c.Int32s(&s.TriggerPattern)
	c.Text(&s.TriggerClause)
	c.Text(&s.TriggerWindow)
	binfmt.Slice(c, &s.Patterns, func(p *snapPattern) {
		c.Text(&p.Src)
		c.Num(&p.Class)
		c.Num(&p.Group)
		c.Flag(&p.Always)
		c.U64(&p.Clauses)
		c.U64(&p.DigitClause)
		c.Num(&p.Window)
		c.Num(&p.Before)
		c.Num(&p.After)
		c.Int32s(&p.AheadRunes)
		c.Num(&p.AheadOther)
		c.Num(&p.AheadLeast)
		c.Num(&p.AheadSpaces)
		c.Int32s(&p.BehindRunes)
		c.Num(&p.BehindOther)
		c.Num(&p.BehindLeast)
		c.Num(&p.BehindSpaces)
		c.Int32s(&p.NextRunes)
		c.Num(&p.NextNull)
	})
	c.Int32s(&s.First)
	c.Text(&s.EdgeByte)
	c.Int32s(&s.EdgeNext)
	c.Int32s(&s.Term)
	c.Int32s(&s.Fail)
	c.Int32s(&s.Dict)
	c.Num(&s.Dense)
	binfmt.Slice(c, &s.Phrases, func(p *snapPhrase) {
		c.Num(&p.Class)
		c.Num(&p.Gap)
		c.Int32s(&p.Slots)
	})
	c.Int32s(&s.ClauseBit)
	c.Num(&s.Han.RootKids)
	c.Int32s(&s.Han.ByteSym)
	c.Text(&s.Han.Wide)
	c.Int32s(&s.Han.Slots)
	c.Int32s(&s.Han.Ends)
}

// Snapshot writes the lexicon out (see FromSnapshot).
func (l *Lexicon) Snapshot() ([]byte, error) {
	a := l.ac
	s := snapshot{Classes: l.Classes, Dense: a.startRows, First: a.first, EdgeByte: string(a.edgeByte),
		EdgeNext: a.edgeNext, Term: a.term, Fail: a.fail, Dict: a.dict, Han: a.hanScanner().store()}
	var text, flags, clause, window strings.Builder
	for _, t := range l.terms {
		var f byte
		if t.ignore {
			f |= termIgnore
		}
		if t.latinL {
			f |= termLatinL
		}
		if t.latinR {
			f |= termLatinR
		}
		text.WriteString(t.text)
		s.TermEnd = append(s.TermEnd, int32(text.Len()))
		flags.WriteByte(f)
		s.ClassStart = append(s.ClassStart, int32(len(s.TermClasses)))
		for _, c := range t.classes {
			s.TermClasses = append(s.TermClasses, int32(c))
		}
		s.TriggerStart = append(s.TriggerStart, int32(len(s.TriggerPattern)))
		for _, tr := range t.triggers {
			s.TriggerPattern = append(s.TriggerPattern, tr.pattern)
			clause.WriteByte(tr.clause)
			w := byte(0)
			if tr.window {
				w = 1
			}
			window.WriteByte(w)
		}
	}
	s.ClassStart = append(s.ClassStart, int32(len(s.TermClasses)))
	s.TriggerStart = append(s.TriggerStart, int32(len(s.TriggerPattern)))
	s.TermText, s.TermFlags, s.TriggerClause, s.TriggerWindow = text.String(), flags.String(), clause.String(), window.String()
	for _, p := range l.regexes {
		s.Patterns = append(s.Patterns, snapPattern{Src: p.re.src, Class: p.class, Group: p.group, Always: p.always,
			Clauses: p.clauses, DigitClause: p.digitClause, Window: p.window, Before: p.before, After: p.after,
			AheadRunes: p.ahead.runes, AheadOther: p.ahead.other, AheadLeast: p.ahead.least, AheadSpaces: p.ahead.spaces,
			BehindRunes: p.behind.runes, BehindOther: p.behind.other, BehindLeast: p.behind.least, BehindSpaces: p.behind.spaces,
			NextRunes: p.next.set.runes, NextNull: p.next.null})
	}
	for _, p := range l.phrases {
		sp := snapPhrase{Class: p.class, Gap: p.gap}
		for _, c := range p.slots {
			sp.Slots = append(sp.Slots, int32(c))
		}
		s.Phrases = append(s.Phrases, sp)
	}
	for _, b := range l.clauseBit {
		s.ClauseBit = append(s.ClauseBit, b[:]...)
	}
	w := binfmt.NewWriter(snapshotMagic)
	s.fields(w)
	return w.Buf, nil
}

// FromSnapshot loads a lexicon that Snapshot wrote. The lexicon keeps
// slices of data (term texts, class names), which must not change.
func FromSnapshot(data string) (*Lexicon, error) {
	return fromSnapshot(data, true)
}

// FromBuiltinSnapshot is FromSnapshot for the snapshot built into the
// binary, whose consistency a test checks (CheckSnapshot): it skips the
// check, which reads every array of the automaton (9% of the instructions
// of a process linting one small file, and pages of the binary it would
// not otherwise touch), and the comparison of its symbol scanner with the
// one its automaton gives (a build of 23M instructions). The format is
// still read with its bounds checked, and the scanner's sizes.
func FromBuiltinSnapshot(data string) (*Lexicon, error) {
	return fromSnapshot(data, false)
}

// CheckSnapshot reads a snapshot and checks its arrays as FromSnapshot
// does.
func CheckSnapshot(data string) error {
	s, err := readSnapshot(data)
	if err != nil {
		return err
	}
	return s.check()
}

func readSnapshot(data string) (*snapshot, error) {
	r, err := binfmt.NewReader(data, snapshotMagic)
	if err != nil {
		return nil, fmt.Errorf("lexicon snapshot: %v", err)
	}
	var s snapshot
	s.fields(r)
	if err := r.Done(); err != nil {
		return nil, fmt.Errorf("lexicon snapshot: %v", err)
	}
	return &s, nil
}

func fromSnapshot(data string, check bool) (*Lexicon, error) {
	s, err := readSnapshot(data)
	if err != nil {
		return nil, err
	}
	if check {
		if err := s.check(); err != nil {
			return nil, err
		}
	}
	l := &Lexicon{Classes: s.Classes, byName: make(map[string]int, len(s.Classes))}
	for i, c := range s.Classes {
		l.byName[c.Name] = i
	}
	classes := make([]int, len(s.TermClasses))
	for i, c := range s.TermClasses {
		classes[i] = int(c)
	}
	triggers := make([]trigger, len(s.TriggerPattern))
	for i := range triggers {
		// Checked even in the built-in snapshot (one comparison each):
		// Match indexes its per-pattern state by a trigger's pattern,
		// and takes a clause's bit from its three low bits.
		if p := s.TriggerPattern[i]; p < 0 || int(p) >= len(s.Patterns) {
			return nil, fmt.Errorf("lexicon snapshot: trigger %d names pattern %d of %d", i, p, len(s.Patterns))
		}
		if c := s.TriggerClause[i]; c >= maxClauses {
			return nil, fmt.Errorf("lexicon snapshot: trigger %d names clause %d of at most %d", i, c, maxClauses)
		}
		triggers[i] = trigger{s.TriggerPattern[i], s.TriggerClause[i], s.TriggerWindow[i] == 1}
	}
	l.terms = make([]term, len(s.TermFlags))
	start := int32(0)
	for i := range l.terms {
		f := s.TermFlags[i]
		cs, ce, ts, te := s.ClassStart[i], s.ClassStart[i+1], s.TriggerStart[i], s.TriggerStart[i+1]
		l.terms[i] = term{text: s.TermText[start:s.TermEnd[i]], ignore: f&termIgnore != 0,
			latinL: f&termLatinL != 0, latinR: f&termLatinR != 0,
			classes: classes[cs:ce:ce], triggers: triggers[ts:te:te]}
		start = s.TermEnd[i]
	}
	l.regexes = make([]pattern, len(s.Patterns))
	for i, sp := range s.Patterns {
		l.regexes[i] = pattern{re: newLazyRegexp(sp.Src), class: sp.Class, group: sp.Group, always: sp.Always,
			clauses: sp.Clauses, digitClause: sp.DigitClause, window: sp.Window, before: sp.Before, after: sp.After,
			ahead:  reach{runes: sp.AheadRunes, other: sp.AheadOther, least: sp.AheadLeast, spaces: sp.AheadSpaces},
			behind: reach{runes: sp.BehindRunes, other: sp.BehindOther, least: sp.BehindLeast, spaces: sp.BehindSpaces},
			next:   next{set: reach{runes: sp.NextRunes}, null: sp.NextNull}}
	}
	h, err := s.Han.load()
	if err != nil {
		return nil, fmt.Errorf("lexicon snapshot: %v", err)
	}
	l.ac = s.automaton()
	if h != nil {
		l.ac.useScanner(h, s.Dense)
	} else {
		l.ac.prepare(s.Dense)
	}
	if len(s.ClauseBit) != 8*len(l.regexes) {
		return nil, fmt.Errorf("lexicon snapshot: %d clause bits for %d patterns", len(s.ClauseBit), len(l.regexes))
	}
	bitOf := make([][8]int32, len(l.regexes))
	for i := range bitOf {
		bitOf[i] = [8]int32(s.ClauseBit[8*i:])
	}
	if check && !slices.Equal(bitOf, (&clauseBits{}).layOut(l)) {
		// Bits out of place would gate patterns wrongly or index
		// past the bit set.
		return nil, fmt.Errorf("lexicon snapshot: the clause bits are not its patterns'")
	}
	if err := l.patternSets(bitOf); err != nil {
		return nil, err
	}
	for _, sp := range s.Phrases {
		p := phrase{class: sp.Class, gap: sp.Gap}
		for _, c := range sp.Slots {
			p.slots = append(p.slots, int(c))
		}
		l.phrases = append(l.phrases, p)
	}
	l.indexPhrases()
	return l, nil
}

// check checks that the flat arrays agree with each other and that every
// index points inside what it indexes, so that a damaged snapshot is
// refused rather than a cause of panics while linting.
func (s *snapshot) check() error {
	n, states := len(s.TermFlags), len(s.Term)
	ok := len(s.TermEnd) == n && len(s.ClassStart) == n+1 && len(s.TriggerStart) == n+1 &&
		len(s.TriggerClause) == len(s.TriggerPattern) && len(s.TriggerWindow) == len(s.TriggerPattern) &&
		monotone(append([]int32{0}, s.TermEnd...), len(s.TermText)) &&
		monotone(s.ClassStart, len(s.TermClasses)) && monotone(s.TriggerStart, len(s.TriggerPattern)) &&
		within(s.TermClasses, 0, len(s.Classes)) && within(s.TriggerPattern, 0, len(s.Patterns)) &&
		within(s.Term, -1, n) && within(s.EdgeNext, 0, states)
	ok = ok && states > 0 && len(s.First) == states+1 && len(s.EdgeByte) == len(s.EdgeNext) &&
		monotone(s.First, len(s.EdgeByte)) && s.Dense >= 0 && s.Dense <= states &&
		len(s.Fail) == states && len(s.Dict) == states && within(s.Fail, 0, states) && within(s.Dict, -1, states)
	// Links point to shallower states, numbered earlier: a scan follows
	// them to the root and never round a loop.
	for st := 1; ok && st < states; st++ {
		ok = s.Fail[st] < int32(st) && s.Dict[st] < int32(st)
	}
	for _, p := range s.Patterns {
		ok = ok && p.Class >= 0 && p.Class < len(s.Classes) && len(p.AheadRunes)%2 == 0 && len(p.BehindRunes)%2 == 0 &&
			len(p.NextRunes)%2 == 0 && p.NextNull >= nextNone && p.NextNull <= nextAny
	}
	for _, p := range s.Phrases {
		ok = ok && p.Class >= 0 && p.Class < len(s.Classes) && len(p.Slots) >= 2 && within(p.Slots, 0, len(s.Classes))
	}
	if !ok {
		return fmt.Errorf("lexicon snapshot: inconsistent terms or automaton")
	}
	// The stored symbol scanner must be the one the automaton gives: its
	// links cannot be checked more cheaply than by building it.
	h, err := s.Han.load()
	if err != nil {
		return fmt.Errorf("lexicon snapshot: %v", err)
	}
	if !buildHanScanner(s.automaton()).equal(h) {
		return fmt.Errorf("lexicon snapshot: the symbol scanner is not its automaton's")
	}
	return nil
}

// automaton is the snapshot's automaton, without rows.
func (s *snapshot) automaton() *automaton {
	return &automaton{first: s.First, edgeByte: []byte(s.EdgeByte), edgeNext: s.EdgeNext, term: s.Term, fail: s.Fail, dict: s.Dict}
}

// monotone reports offsets that start at 0, never decrease and end at n.
func monotone(offsets []int32, n int) bool {
	if len(offsets) == 0 || offsets[0] != 0 || int(offsets[len(offsets)-1]) != n {
		return false
	}
	for i := 1; i < len(offsets); i++ {
		if offsets[i] < offsets[i-1] {
			return false
		}
	}
	return true
}

// within reports values all in [lo, hi).
func within(values []int32, lo, hi int) bool {
	for _, v := range values {
		if int(v) < lo || int(v) >= hi {
			return false
		}
	}
	return true
}
