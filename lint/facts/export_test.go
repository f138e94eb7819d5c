package facts

import (
	"slices"
	"strings"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// VoiceCheck compares, for every hit of every sentence of d, the voice
// with the plain-sentence shortcut (voice) and without it (fullVoice). It
// returns the texts of the sentences where they differ, and how many hits
// were answered by the shortcut and by the full reading.
func VoiceCheck(d *Document) (differ []string, plain, full int) {
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			for _, h := range s.Hits {
				if d.ids.voice(s, h) != d.ids.fullVoice(s, h) {
					differ = append(differ, s.Text)
				}
				if d.ids.fullVoice(s, h) != d.ids.fullVoiceByWalks(s, h) {
					differ = append(differ, "one walk to the quotation: "+s.Text)
				}
				if s.plainVoice {
					plain++
				} else {
					full++
				}
			}
		}
	}
	return differ, plain, full
}

// VoiceAll reads the voice of every hit of d, with the shortcut or (full)
// without it, and returns how many were the writer's.
func VoiceAll(d *Document, full bool) int {
	n := 0
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			for _, h := range s.Hits {
				v := ""
				if full {
					v = d.ids.fullVoice(s, h)
				} else {
					v = d.ids.voice(s, h)
				}
				if v == VoiceWriter {
					n++
				}
			}
		}
	}
	return n
}

// FastPathCheck compares, over every sentence of d, each shortcut the
// analyzer takes with the walk it replaces, and returns a description of
// each disagreement: the class masks (modifier, isClaim) with the id
// comparisons, hasClaimTerm's set test with its walk over the hits, the
// quotation mark noted at analysis with a fresh search, and negatesClaim
// with its walk without the early exit, plainVoice's and cueRole's class
// sets with their walks.
func FastPathCheck(d *Document) []string {
	var differ []string
	ids := d.ids
	for class := -1; class < len(d.Lex.Classes)+8; class++ {
		if class >= 0 && ids.modifier(class) != ids.modifierByID(class) {
			differ = append(differ, "modifier of class "+d.Lex.Classes[min(class, len(d.Lex.Classes)-1)].Name)
		}
		if class >= 0 && ids.isClaim(class) != ids.isClaimByID(class) {
			differ = append(differ, "isClaim of class "+d.Lex.Classes[min(class, len(d.Lex.Classes)-1)].Name)
		}
	}
	if !ids.masked {
		differ = append(differ, "no class sets: the shortcuts that test them are not checked")
	}
	a := &Analyzer{Lex: d.Lex, ids: *ids}
	unmasked := *ids
	unmasked.masked = false
	for _, b := range d.Blocks {
		// cueRole's test of the first sentence's classes answers as its
		// walk over the cue classes.
		r, label := ids.cueRole(b)
		if r2, label2 := unmasked.cueRole(b); r != r2 || label != label2 {
			differ = append(differ, "cueRole's class set: "+b.Source.Text)
		}
		for _, s := range b.Sentences {
			// Has answers from the class bits every shortcut that asks
			// it first relies on (cueRole, startsWith, negatesClaim...).
			for class := -1; class < len(d.Lex.Classes)+8; class++ {
				has := false
				for _, h := range s.Hits {
					has = has || h.Class == class
				}
				if s.Has(class) != has {
					differ = append(differ, "Has: "+s.Text)
				}
			}
			walk := false
			for _, h := range s.Hits {
				walk = walk || ids.isClaimByID(h.Class)
			}
			if a.hasClaimTerm(s) != walk {
				differ = append(differ, "hasClaimTerm: "+s.Text)
			}
			// plainVoice's test of the class set is its walk over the cue
			// classes on a sentence not indexed.
			unindexed := *s
			unindexed.indexed = false
			if ids.plainVoice(s) != unmasked.plainVoice(&unindexed) {
				differ = append(differ, "plainVoice's class set: "+s.Text)
			}
			if why := quietDiffers(a, s); why != "" {
				differ = append(differ, "quietForStudies ("+why+"): "+s.Text)
			}
			if s.hasQuotation() != hasQuotation(s.Text) {
				differ = append(differ, "hasQuotation: "+s.Text)
			}
			// The quotation marks noted: a sentence with hits and a
			// quotation mark has them, and the quotation of each hit
			// read from them is the walk's.
			if s.marked != (len(s.Hits) > 0 && hasQuotation(s.Text)) {
				differ = append(differ, "marked: "+s.Text)
			}
			for _, h := range s.Hits {
				var q hitQuote
				open, after := q.of(s, h)
				if wantOpen, wantAfter := quotation(s.Text, h); open != wantOpen || after != wantAfter {
					differ = append(differ, "quotation: "+s.Text)
				}
			}
			negated := false
			for _, h := range s.Hits {
				if !ids.modifierByID(h.Class) && ids.precededBy(s, h, ids.negation, ids.negationWindowFor(h.Class)) {
					negated = true
					break
				}
			}
			if ids.negatesClaim(s) != negated {
				differ = append(differ, "negatesClaim: "+s.Text)
			}
			// The claims kept: every claim term but those whose clause
			// names money, as first worked out (a search of the sentence,
			// then of the clause).
			var kept, want []lexicon.Hit
			for _, c := range s.Claims {
				kept = append(kept, c.Hit)
			}
			for _, h := range s.Hits {
				if ids.isClaimByID(h.Class) && !(moneyWordSet.In(s.Text) && aboutMoney(s.Text, h)) {
					want = append(want, h)
				}
			}
			if !slices.Equal(kept, want) {
				differ = append(differ, "claims: "+s.Text)
			}
			// The same sentence without the quotation mark noted: every
			// reader of it searches the text afresh.
			u := *s
			u.quotes = quotesUnknown
			if ids.plainVoice(s) != ids.plainVoice(&u) || ids.distancesClaim(s) != ids.distancesClaim(&u) {
				differ = append(differ, "plainVoice or distancesClaim: "+s.Text)
			}
			for _, h := range s.Hits {
				if s.quoted(h) != quoted(s.Text, h) || ids.distanced(s, h) != distancedByWalk(ids, s, h) ||
					ids.fullVoice(s, h) != ids.fullVoice(&u, h) || d.HitFacts(s, h) != d.HitFacts(&u, h) {
					differ = append(differ, "quoted, distanced, fullVoice or HitFacts: "+s.Text)
				}
			}
		}
	}
	return differ
}

// distancedByWalk is distanced as first written, looking for the quotation
// around h whether or not the sentence has a quotation mark: the reference.
func distancedByWalk(ids *classIDs, s *Sentence, h lexicon.Hit) bool {
	if ids.precededBy(s, h, ids.distancing, distanceWindow) || labelsClaims(s.Text[h.End:]) {
		return true
	}
	open, close := quotation(s.Text, h)
	if open < 0 {
		return false
	}
	if labelsClaims(s.Text[close:]) {
		return true
	}
	for _, c := range s.Hits {
		if c.End <= open && (c.Class == ids.distancing || c.Class == ids.framing && !ownSide(s.Text[:c.Start])) {
			return true
		}
	}
	return false
}

// aboutMoney reports a claim term whose clause is about money: the
// reference for the clause-by-clause search in claimsOf.
func aboutMoney(text string, h lexicon.Hit) bool {
	start, end := clause(text, h)
	return moneyWordSet.In(text[start:end])
}

// fullVoiceByWalks is fullVoice as it was before the walk to the quotation
// holding h was shared (hitQuote): distanced and quoted each walk.
func (ids *classIDs) fullVoiceByWalks(s *Sentence, h lexicon.Hit) string {
	switch {
	case ids.distanced(s, h) || ids.rebutted(s, h) || ids.labelledClaim(s, h):
		return VoiceDistanced
	case s.quoted(h):
		return VoiceQuoted
	case ids.reportedBefore(s, h):
		return VoiceReported
	case s.Question && !strings.ContainsAny(s.Text[h.End:], ",;:，；：。"):
		return VoicePosed
	}
	return VoiceWriter
}
