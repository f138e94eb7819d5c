package numbers

import "strings"

// decide turns a number, its unit and its context into a mention. It
// reports false for Chinese numerals and number words that have neither a
// unit nor a context making them an age, size or sum: 一 and "one" are
// words far more often than they are counts.
func (s *scanner) decide(tok *token, u *unitHit, pc *preCtx) (Mention, bool) {
	m := Mention{Start: pc.start, End: max(tok.end, u.end), Value: tok.val,
		Approx: tok.approx || pc.approx || u.approx, Vague: tok.vague,
		Subject: u.subject, Animal: u.animal}
	if u.scale != 0 {
		m.Value *= u.scale
	}
	if u.hasValue {
		m.Value = u.value
	}
	m.Kind = s.override(s.baseKind(tok, u, pc, &m), tok, u, pc, &m)
	if m.Kind != SampleSize {
		m.Subject, m.Animal = "", false
	}
	if m.Kind == Year && u.noun != nNone { // "in 2019 researchers found": the noun is not the year's
		m.End = tok.end
	}
	if u.cls == ucNone && tok.script != 'a' && !pc.ordinal && !tok.hasForced {
		switch m.Kind {
		case Age, SampleSize, Money:
		default:
			return m, false
		}
	}
	return m, true
}

// baseKind is the kind the unit gives, refined by context.
func (s *scanner) baseKind(tok *token, u *unitHit, pc *preCtx, m *Mention) Kind {
	if tok.hasForced {
		return tok.forced
	}
	switch u.cls {
	case ucNone:
		return bareKind(tok, pc)
	case ucYear:
		if yearLike(tok) {
			return Year
		}
		if pc.age {
			return Age
		}
		return Duration
	case ucPlain:
		return s.plainKind(u, pc)
	}
	if s.countsSubjects(tok, u, pc, m) {
		return SampleSize
	}
	return Other
}

// countsSubjects decides the classifiers and nouns that may count study
// subjects: strong ones (名, 例, 只, "patients") unless the noun is a role
// or a population; 位 and 户 with a noun or study context; 人 and
// "people" only with a qualifier, multiplier or study context; 个, 份,
// 头, 条 with the right noun; 项, 篇 and "studies" when pooled.
func (s *scanner) countsSubjects(tok *token, u *unitHit, pc *preCtx, m *Mention) bool {
	t := s.text
	switch u.cls {
	case ucPerson, ucAnimal:
		return u.noun != nRole && u.noun != nThing && !s.population(u, m)
	case ucPersonCtx:
		return u.noun != nRole && (u.noun != nNone || pc.sampleKW || pc.total || zhStudyNear(t, m.Start, m.End))
	case ucPersonWeak:
		if pc.family || s.rateNumerator(m.Start) {
			return false
		}
		if pc.sampleKW || pc.arm || s.studyNear(u, m) {
			return true
		}
		return (m.Approx || m.Vague || pc.total || tok.mult) && !s.population(u, m)
	case ucNeedAnimal, ucNeedSample, ucStudies:
		switch u.noun {
		case nNone, nRole:
			return false
		case nStudy:
			return pooledNear(t, m.Start)
		}
		return true
	}
	return false
}

// bareKind is the kind of a number with no unit, from context alone.
func bareKind(tok *token, pc *preCtx) Kind {
	switch {
	case pc.sampleKW:
		return SampleSize
	case pc.age:
		return Age
	case pc.money:
		return Money
	case pc.ratio:
		return Ratio
	case yearLike(tok):
		return Year
	}
	return Other
}

// plainKind is the kind of a unit that fixes it, with three exceptions:
// "aged 65 years" is an age, "$5 m" money, and "95% ci" a confidence
// level rather than a percentage of anything.
func (s *scanner) plainKind(u *unitHit, pc *preCtx) Kind {
	switch {
	case u.kind == Duration && pc.age:
		return Age
	case u.kind == Other && pc.money:
		return Money
	case u.kind == Percent:
		rest := s.text[u.end:]
		if rest == "" || !ciFirst.has(rest[0]) {
			return u.kind // most percentages: nothing of ciWords starts here
		}
		for _, ci := range ciWords {
			if strings.HasPrefix(rest, ci) {
				return Other
			}
		}
	}
	return u.kind
}

// ciWords name a confidence level after a percentage ("95% ci", 95%置信区间).
var (
	ciWords = []string{" ci", "ci", "置信区间", "可信区间", "信赖区间", " confidence", "的置信", "的可信"}
	ciFirst = newByteSet(ciWords...)
)

// override applies context that outranks the unit: ordinals and rankings
// (第1000名, 前10名), references, statistics, rate denominators
// (每10万人), calendar years after "in", and single subjects.
func (s *scanner) override(k Kind, tok *token, u *unitHit, pc *preCtx, m *Mention) Kind {
	switch {
	case pc.ordinal, pc.rank, pc.ref, pc.stat:
		return Other
	case pc.rankNear && (u.unit == "名" || u.unit == "位"):
		return Other
	case pc.rate && (k == SampleSize || k == Other):
		return Ratio
	case pc.yearPrep && yearLike(tok) && (k == SampleSize || k == Other):
		return Year
	}
	// One person is an anecdote or an outcome (减少1例), not a sample:
	// 一名患者, "one patient".
	if k == SampleSize && m.Value < 2 && !m.Approx && !m.Vague && !pc.sampleKW {
		return Other
	}
	return k
}

// yearLike reports a plain four-digit number that can be a calendar year.
func yearLike(tok *token) bool {
	if tok.approx || tok.mult {
		return false
	}
	four := tok.script == 'a' && tok.plain && tok.digits == 4 || tok.seq
	return four && tok.val >= 1800 && tok.val <= 2100
}

// studyNear looks for study words around a weak count (人, "people").
func (s *scanner) studyNear(u *unitHit, m *Mention) bool {
	if u.zh {
		return zhStudyNear(s.text, m.Start, m.End)
	}
	return enStudyNear(s.text, m.Start, m.End)
}

// rateNumerator reports a count that follows a rate denominator closely:
// the 64人 of 每100人中约有64人 counts events, not subjects.
func (s *scanner) rateNumerator(start int) bool {
	return s.lastRatio && backRunes(s.text, start, 6) <= s.lastEnd
}

// population reports a count of a population rather than of a study's
// subjects: "280 million people worldwide", "66,000 americans each year",
// 全球有5000万人. A study word nearby wins ("a trial of 6,812 people in spain").
func (s *scanner) population(u *unitHit, m *Mention) bool {
	t := s.text
	if m.Vague || m.Value < 1000 || s.studyNear(u, m) { // populations run to thousands
		return false
	}
	if u.zh {
		return zhPopSet.In(t[backRunes(t, m.Start, 8):m.Start]) ||
			zhPopSet.In(t[m.End:fwdRunes(t, m.End, 6)])
	}
	after := t[m.End:min(len(t), m.End+24)]
	before := t[max(0, m.Start-32):m.Start]
	return enPopAfterSet.In(after) || enPopBeforeSet.In(before)
}
