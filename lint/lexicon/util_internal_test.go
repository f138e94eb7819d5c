package lexicon

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// validClassName is the regexp ^[a-z][a-z0-9_]*$ it replaced.
func TestValidClassNameMatchesTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := "az09_-A.é"
	cases := []string{"", "a", "study_design", "_a", "1a", "aB", "a-b", "hype_words2"}
	for range 50000 {
		b := make([]byte, rng.IntN(6))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := validClassName(s), re.MatchString(s); got != want {
			t.Fatalf("validClassName(%q) = %v, the regexp says %v", s, got, want)
		}
	}
}
