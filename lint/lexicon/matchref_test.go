package lexicon

import (
	"math/bits"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Match gives what it gave before the sixth session's changes to its loop
// (matchReference, Match and runPattern of commit e3ee41c): on the corpus,
// on random text of the built-in terms with digits and punctuation
// between them and, with HYPELINT_BENCH_DIR=DIR, on the sentences of an
// archive.
func TestMatchEqualsReference(t *testing.T) {
	l := builtinLexicon(t)
	texts, _ := corpusAndSoups(t, l, 17, 1500, 3, 60)
	if dir := os.Getenv("HYPELINT_BENCH_DIR"); dir != "" {
		texts = append(texts, archiveSentences(t, dir)...)
	}
	hits, patternHits := 0, 0
	var got, want []Hit
	for _, text := range texts {
		want = matchReference(l, text, want[:0])
		got = l.Match(text, got[:0])
		require.Equal(t, want, got, "%q", text)
		hits += len(want)
		for _, h := range want {
			if h.Term < 0 {
				patternHits++
			}
		}
	}
	assert.Greater(t, hits, 10000)
	assert.Greater(t, patternHits, 1000)
}

// matchReference is Match as of commit e3ee41c.
func matchReference(l *Lexicon, text string, dst []Hit) []Hit {
	var ignored []Hit
	first := len(dst)
	seen := make([]uint8, len(l.regexes))
	var occ []occurrence
	cand := make([]uint64, (len(l.regexes)+63)/64)
	copy(cand, l.alwaysSet)
	hasDigit := hasASCIIDigit(text)
	if hasDigit {
		for w := range cand {
			cand[w] |= l.digitSet[w]
		}
	}
	for _, m := range l.ac.find(text, nil) {
		id, end := m.term, int(m.end)
		t := &l.terms[id]
		start := end - len(t.text)
		for _, tr := range t.triggers {
			p := &l.regexes[tr.pattern]
			met := seen[tr.pattern] | 1<<tr.clause
			seen[tr.pattern] = met
			need := uint8(p.clauses)
			if hasDigit {
				need = uint8(p.clauses &^ p.digitClause)
			}
			if met&need == need {
				cand[tr.pattern/64] |= 1 << (tr.pattern % 64)
			}
			if tr.window {
				occ = append(occ, occurrence{tr.pattern, int32(start), int32(end)})
			}
		}
		if len(t.classes) == 0 && !t.ignore || !boundaryOK(text, start, end, hotFlags(t)) {
			continue
		}
		if t.ignore {
			ignored = append(ignored, Hit{Class: -1, Start: start, End: end, Term: id})
		}
		for _, c := range t.classes {
			dst = append(dst, Hit{Class: c, Start: start, End: end, Term: id})
		}
	}
	for w, bitsLeft := range cand {
		for ; bitsLeft != 0; bitsLeft &= bitsLeft - 1 {
			i := w*64 + bits.TrailingZeros64(bitsLeft)
			dst = runPatternReference(l, i, text, uint64(seen[i]), hasDigit, occ, dst)
		}
	}
	dst = dst[:first+resolve(dst[first:], ignored)]
	if len(l.phrases) > 0 {
		n := len(dst)
		if dst = l.matchPhrases(text, dst[first:n], dst); len(dst) > n {
			dst = dst[:first+resolve(dst[first:], nil)]
		}
		dst = dropSlotsReference(l, dst, first)
	}
	return dst
}

// dropSlotsReference is dropSlots as of commit e3ee41c.
func dropSlotsReference(l *Lexicon, dst []Hit, first int) []Hit {
	kept := dst[:first]
	for _, h := range dst[first:] {
		if h.Class >= 0 && l.Classes[h.Class].SlotOnly {
			continue
		}
		kept = append(kept, h)
	}
	return kept
}

// hotFlags is the boundary flags of a term.
func hotFlags(t *term) uint8 {
	var f uint8
	if t.latinL {
		f |= hotLatinL
	}
	if t.latinR {
		f |= hotLatinR
	}
	return f
}

// runPatternReference is runPattern as of commit e3ee41c.
func runPatternReference(l *Lexicon, i int, text string, seen uint64, hasDigit bool, occ []occurrence, dst []Hit) []Hit {
	p := &l.regexes[i]
	if hasDigit {
		seen |= p.digitClause
	}
	if !p.always && seen != p.clauses {
		return dst
	}
	if !p.re.needs().met(text) {
		return dst
	}
	if p.always || p.window < 0 {
		return p.find(text, 0, len(text), dst)
	}
	for _, w := range p.windows(text, int32(i), occ, nil) {
		dst = p.find(text, w.start, w.end, dst)
	}
	return dst
}
