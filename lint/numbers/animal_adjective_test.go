package numbers

import "testing"

func TestAdjectiveForPeopleBeforeAnimals(t *testing.T) {
	for _, text := range []string{"the team injected 20 elderly mice with the protein"} {
		ms := Find(text)
		found := false
		for _, m := range ms {
			if m.Kind == SampleSize {
				found = true
				if !m.Animal {
					t.Errorf("%q: %q counted as people", text, text[m.Start:m.End])
				}
			}
		}
		if !found {
			t.Errorf("%q: no sample size", text)
		}
	}
}
