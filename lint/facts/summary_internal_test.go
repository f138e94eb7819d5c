package facts

import "testing"

func TestSummaryEvidenceTiers(t *testing.T) {
	unknown := &Study{Population: "unknown", Intervened: true}
	mice := &Study{Population: "animals", Animal: true, Preclinical: true, Intervened: true}
	cohort := &Study{Population: "people", Human: true}
	trial := &Study{Population: "people", Human: true, Intervened: true}
	cases := []struct {
		name               string
		studies            []*Study
		human, preclinical *Study
	}{
		{"a trial in people beats earlier mouse work", []*Study{unknown, mice, cohort, trial}, trial, mice},
		{"studies that gave nothing count when none did", []*Study{cohort, unknown}, cohort, nil},
		{"only mice", []*Study{unknown, mice}, nil, mice},
		{"nothing known", []*Study{unknown}, nil, nil},
		{"no studies", nil, nil, nil},
	}
	for _, c := range cases {
		d := &Document{Studies: c.studies}
		human, preclinical := d.summaryEvidence()
		if human != c.human || preclinical != c.preclinical {
			t.Errorf("%s: got %v, %v; want %v, %v", c.name, human, preclinical, c.human, c.preclinical)
		}
	}
	// The answer is kept until the studies change (Finish clears it).
	d := &Document{Studies: []*Study{mice}}
	_, first := d.summaryEvidence()
	d.Studies = []*Study{trial}
	if human, _ := d.summaryEvidence(); human != nil || first != mice {
		t.Errorf("the cached answer was not kept: %v %v", human, first)
	}
	d.summary.done = false
	if human, _ := d.summaryEvidence(); human != trial {
		t.Errorf("after clearing, got %v, want the trial", human)
	}
}
