package numbers

import "strings"

// Size claims without a number: "a large study", 大规模研究, 大量患者.
// They are SampleSize, Vague, Value 0, and are dropped when the same text
// gives a real size. Calls for bigger studies ("larger trials are
// needed", 仍需更大规模的试验) are not claims about this one.

// enVague matches an adjective at a ("large", "large-scale") followed
// within three words by a study noun, or "large number(s) of" + subjects.
// start is where the span begins (the article, if any). It returns the
// end of the mention, or start when there is none.
func (s *scanner) enVague(start, a int) int {
	t := s.text
	w, e := word(t, a)
	if ok, _ := enVagueAdjTable.get(w); !ok {
		return start
	}
	if wordAt(t, e, "-scale") {
		e += len("-scale")
	}
	for p, n := e, 0; n < 3 && p < len(t) && t[p] == ' '; n++ {
		w2, e2 := nounWord(t, p+1)
		if ok, _ := enVagueNounTable.get(w2); ok {
			return s.enVagueEmit(start, e2, w2)
		}
		if _, stop := enStopTable.get(w2); stop || w2 == "" {
			break
		}
		p = e2
	}
	return start
}

// enVagueEmit emits the mention for enVague unless the context asks for
// larger studies; "a large number of patients" needs a counted noun.
func (s *scanner) enVagueEmit(start, end int, noun string) int {
	t := s.text
	m := Mention{Start: start, End: end, Kind: SampleSize, Vague: true}
	if strings.HasPrefix(noun, "number") {
		if !wordAt(t, end, " of ") {
			return start
		}
		h := enCounted(t, end+len(" of "), unitHit{})
		if h.noun == nNone || h.noun == nRole || h.noun == nStudy {
			return start
		}
		m.End, m.Subject, m.Animal = h.end, h.subject, h.animal
	}
	before := t[max(0, start-30):start]
	after := t[m.End:min(len(t), m.End+20)]
	if negVagueEnSet.In(before) || strings.Contains(after, "need") || start < s.lastEnd {
		return start
	}
	return s.emit(m)
}

// zhVague matches 大量 + subjects, and 大规模/大型/大样本 + a study noun.
func (s *scanner) zhVague(i int) int {
	t := s.text
	if !hasAnyPrefix(t[i:], zhVagueLeads) {
		return i // 大学, 大家, 大约…: the context before is not read
	}
	if strings.ContainsAny(t[backRunes(t, i, 2):i], "更需待应") || negVagueZhSet.In(t[backRunes(t, i, 12):i]) {
		return i
	}
	if strings.HasPrefix(t[i:], "大量") {
		p := skipDe(t, i+len("大量"))
		n, e, ok := zhNounAt(t, p)
		if !ok || n.cls == nRole || n.cls == nStudy {
			return i
		}
		return s.emit(Mention{Start: i, End: e, Kind: SampleSize, Vague: true, Subject: n.s, Animal: n.cls == nAnimal})
	}
	for _, adj := range zhVagueLeads[1:] {
		if !strings.HasPrefix(t[i:], adj) {
			continue
		}
		p := skipDe(t, i+len(adj))
		if e, ok := zhStudyNoun(t, p); ok {
			return s.emit(Mention{Start: i, End: e, Kind: SampleSize, Vague: true})
		}
		if adj == "大样本" {
			return s.emit(Mention{Start: i, End: i + len(adj), Kind: SampleSize, Vague: true})
		}
	}
	return i
}

// zhVagueLeads are the words zhVague reads on from 大.
var zhVagueLeads = []string{"大量", "大规模", "大型", "大样本"}

// skipDe skips a 的.
func skipDe(t string, p int) int {
	if strings.HasPrefix(t[p:], "的") {
		return p + len("的")
	}
	return p
}

// zhStudyNoun finds a study noun within six runes of p (大型前瞻性队列研究).
func zhStudyNoun(t string, p int) (int, bool) {
	for n := 0; n < 6 && p < len(t); n++ {
		for _, w := range zhVagueStudy {
			if strings.HasPrefix(t[p:], w) {
				return p + len(w), true
			}
		}
		r, size := runeAt(t, p)
		if !isCJKRune(r) {
			break
		}
		p += size
	}
	return p, false
}
