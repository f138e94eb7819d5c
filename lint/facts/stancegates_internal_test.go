package facts

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/lexicon"
)

// The stance walks as written before the class-set gates: every hit read.

func hedgeAfterByWalk(ids *classIDs, s *Sentence, h lexicon.Hit) bool {
	for _, c := range s.Hits {
		if c.Class == ids.hedge && c.Start >= h.End && c.Start-h.End <= followingHedgeWindow &&
			!breaksOrWords.in(s.Text[h.End:c.End]) {
			return true
		}
	}
	return false
}

func followedByWalk(s *Sentence, h lexicon.Hit, class, window int) bool {
	if class < 0 {
		return false
	}
	for _, c := range s.Hits {
		if c.Class != class || c.Start < h.End || c.Start-h.End > window {
			continue
		}
		if !breaksAfter.in(s.Text[h.End:c.Start]) {
			return true
		}
	}
	return false
}

func reportedBeforeByWalk(ids *classIDs, s *Sentence, h lexicon.Hit) bool {
	for _, c := range s.Hits {
		if c.Class == ids.speech && c.End <= h.Start {
			return true
		}
	}
	return false
}

func labelledClaimByWalk(ids *classIDs, s *Sentence, h lexicon.Hit) bool {
	for _, c := range s.Hits {
		if c.Class != ids.critique && c.Class != ids.distancing || c.Start > cueStart || c.End > h.Start {
			continue
		}
		rest := strings.TrimLeft(s.Text[c.End:h.Start], " 0123456789一二三四五六七八九十")
		if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
			return true
		}
	}
	return false
}

// hedgeAfter, followedBy, reportedBefore and labelledClaim, which return
// at once when the sentence's class set lacks the cue they look for,
// answer as the walks over every hit on random sentences whose cues
// (hedge, rebuttal, speech, critique, distancing; each class alone too)
// stand before, after and inside the terms, with colons, numbers and
// clause breaks between; indexed sentences and ones built by hand.
func TestStanceWalksGatedByClassSet(t *testing.T) {
	names := []string{"hedge", "rebuttal", "speech", "critique", "distancing", "effect", "hype"}
	ids := maskedClasses(t, names)
	pieces := []string{"可能", "尚未被证实", "谣言", "网传", "：", ":", "1", "二", " ", "，", "。", "神药", "逆转衰老", "称", "表示",
		"myth", "may", "said", "cure", "a"}
	rng := rand.New(rand.NewPCG(21, 4))
	found := map[string]int{}
	for n := range 60000 {
		only := rng.IntN(len(names) + 1) // a sentence with one cue class among the terms, or any
		s := randomSentence(rng, pieces, 12, func() int {
			if only < len(names) && rng.IntN(2) == 0 {
				return only
			}
			return rng.IntN(len(names))
		})
		if n%4 == 0 {
			s.indexed = false // built by hand: Has walks
		}
		for _, h := range s.Hits {
			for _, c := range []struct {
				name      string
				got, want bool
			}{
				{"hedgeAfter", ids.hedgeAfter(s, h), hedgeAfterByWalk(&ids, s, h)},
				{"followedBy", ids.followedBy(s, h, ids.rebuttal, rebuttalWindow), followedByWalk(s, h, ids.rebuttal, rebuttalWindow)},
				{"reportedBefore", ids.reportedBefore(s, h), reportedBeforeByWalk(&ids, s, h)},
				{"labelledClaim", ids.labelledClaim(s, h), labelledClaimByWalk(&ids, s, h)},
			} {
				require.Equal(t, c.want, c.got, "%s: %q %v of %v", c.name, s.Text, h, s.Hits)
				if c.want {
					found[c.name]++
				}
			}
		}
	}
	for _, name := range []string{"hedgeAfter", "followedBy", "reportedBefore", "labelledClaim"} {
		require.Greater(t, found[name], 200, name)
	}
}
