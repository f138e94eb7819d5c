package lexicon

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

// A snapshot is a compiled lexicon written out, so that a process can load
// the built-in lexicon instead of compiling it: normalizing and expanding
// thousands of terms, building the automaton and analysing every pattern
// was most of a small file's run. The YAML files stay the source; a test
// checks that the snapshot in the binary matches them.
//
// The automaton's failure links and dense rows, the pattern bit sets and
// the regexps are rebuilt on load: they are quick to derive and large.
type snapshot struct {
	Version int
	Classes []Class
	// Terms, flat: term i's classes are TermClasses[ClassStart[i]:
	// ClassStart[i+1]] and likewise for its triggers (decoding a slice per
	// term was most of loading).
	TermText       []string
	TermFlags      []uint8 // termIgnore, termLatinL, termLatinR
	ClassStart     []int32
	TermClasses    []int32
	TriggerStart   []int32
	TriggerPattern []int32
	TriggerClause  []uint8
	TriggerWindow  []bool
	Patterns       []snapPattern
	First          []int32
	EdgeByte       []byte
	EdgeNext       []int32
	Term           []int32
	Dense          int // how many states have dense rows
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
}

// snapshotVersion changes whenever the layout or the meaning of a snapshot
// does, so that an old one is refused rather than misread.
const snapshotVersion = 1

// Snapshot writes the lexicon out (see FromSnapshot).
func (l *Lexicon) Snapshot() ([]byte, error) {
	s := snapshot{Version: snapshotVersion, Classes: l.Classes, Dense: len(l.ac.dense) / 256,
		First: l.ac.first, EdgeByte: l.ac.edgeByte, EdgeNext: l.ac.edgeNext, Term: l.ac.term}
	for _, t := range l.terms {
		var flags uint8
		if t.ignore {
			flags |= termIgnore
		}
		if t.latinL {
			flags |= termLatinL
		}
		if t.latinR {
			flags |= termLatinR
		}
		s.TermText = append(s.TermText, t.text)
		s.TermFlags = append(s.TermFlags, flags)
		s.ClassStart = append(s.ClassStart, int32(len(s.TermClasses)))
		for _, c := range t.classes {
			s.TermClasses = append(s.TermClasses, int32(c))
		}
		s.TriggerStart = append(s.TriggerStart, int32(len(s.TriggerPattern)))
		for _, tr := range t.triggers {
			s.TriggerPattern = append(s.TriggerPattern, tr.pattern)
			s.TriggerClause = append(s.TriggerClause, tr.clause)
			s.TriggerWindow = append(s.TriggerWindow, tr.window)
		}
	}
	s.ClassStart = append(s.ClassStart, int32(len(s.TermClasses)))
	s.TriggerStart = append(s.TriggerStart, int32(len(s.TriggerPattern)))
	for _, p := range l.regexes {
		s.Patterns = append(s.Patterns, snapPattern{Src: p.re.src, Class: p.class, Group: p.group, Always: p.always,
			Clauses: p.clauses, DigitClause: p.digitClause, Window: p.window, Before: p.before, After: p.after})
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FromSnapshot loads a lexicon that Snapshot wrote.
func FromSnapshot(data []byte) (*Lexicon, error) {
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, fmt.Errorf("lexicon snapshot: %v", err)
	}
	if s.Version != snapshotVersion {
		return nil, fmt.Errorf("lexicon snapshot: version %d, want %d", s.Version, snapshotVersion)
	}
	l := &Lexicon{Classes: s.Classes, byName: make(map[string]int, len(s.Classes))}
	for i, c := range s.Classes {
		l.byName[c.Name] = i
	}
	if err := s.checkTerms(); err != nil {
		return nil, err
	}
	classes := make([]int, len(s.TermClasses))
	for i, c := range s.TermClasses {
		classes[i] = int(c)
	}
	triggers := make([]trigger, len(s.TriggerPattern))
	for i := range triggers {
		triggers[i] = trigger{s.TriggerPattern[i], s.TriggerClause[i], s.TriggerWindow[i]}
	}
	l.terms = make([]term, len(s.TermText))
	for i, text := range s.TermText {
		f := s.TermFlags[i]
		l.terms[i] = term{text: text, ignore: f&termIgnore != 0, latinL: f&termLatinL != 0, latinR: f&termLatinR != 0,
			classes:  classes[s.ClassStart[i]:s.ClassStart[i+1]:s.ClassStart[i+1]],
			triggers: triggers[s.TriggerStart[i]:s.TriggerStart[i+1]:s.TriggerStart[i+1]]}
	}
	l.regexes = make([]pattern, len(s.Patterns))
	for i, sp := range s.Patterns {
		l.regexes[i] = pattern{re: &lazyRegexp{src: sp.Src}, class: sp.Class, group: sp.Group, always: sp.Always,
			clauses: sp.Clauses, digitClause: sp.DigitClause, window: sp.Window, before: sp.Before, after: sp.After}
	}
	l.ac = &automaton{first: s.First, edgeByte: s.EdgeByte, edgeNext: s.EdgeNext, term: s.Term}
	if n := len(s.Term); n == 0 || len(s.First) != n+1 || len(s.EdgeByte) != len(s.EdgeNext) ||
		int(s.First[n]) != len(s.EdgeByte) || s.Dense > n {
		return nil, fmt.Errorf("lexicon snapshot: inconsistent automaton")
	}
	l.ac.link()
	l.ac.fillDense(s.Dense)
	l.patternSets()
	return l, nil
}

// checkTerms checks that the flat arrays agree with each other and that
// every index points inside what it indexes, so that a damaged snapshot is
// refused rather than a cause of panics while linting.
func (s *snapshot) checkTerms() error {
	n := len(s.TermText)
	ok := len(s.TermFlags) == n && len(s.ClassStart) == n+1 && len(s.TriggerStart) == n+1 &&
		len(s.TriggerClause) == len(s.TriggerPattern) && len(s.TriggerWindow) == len(s.TriggerPattern) &&
		monotone(s.ClassStart, len(s.TermClasses)) && monotone(s.TriggerStart, len(s.TriggerPattern)) &&
		within(s.TermClasses, 0, len(s.Classes)) && within(s.TriggerPattern, 0, len(s.Patterns)) &&
		within(s.Term, -1, n) && within(s.EdgeNext, 0, len(s.Term))
	for _, p := range s.Patterns {
		ok = ok && p.Class >= 0 && p.Class < len(s.Classes)
	}
	if !ok {
		return fmt.Errorf("lexicon snapshot: inconsistent terms")
	}
	return nil
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
