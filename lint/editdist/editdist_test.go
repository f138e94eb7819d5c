package editdist

import "testing"

func TestLevenshtein(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"explain", "explain", 0},
		{"expain", "explain", 1},
		{"hypelint-disabel-next-line", "hypelint-disable-next-line", 2},
		{"", "abc", 3},
		{"逆转衰老", "逆轉衰老", 1}, // runes, not bytes
		{"kitten", "sitting", 3},
	}
	for _, c := range cases {
		if got := Levenshtein(c.a, c.b); got != c.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Levenshtein(c.b, c.a); got != c.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	designs := []string{"rct", "trial", "observational", "preclinical", "unknown"}
	cases := []struct {
		s    string
		want string
		ok   bool
	}{
		{"rtc", "rct", true},
		{"RCT", "rct", true},
		{"trail", "trial", true},
		{"observatonal", "observational", true},
		{"x", "", false}, // as many edits as letters: no guess
		{"ab", "", false},
		{"cohort", "", false},
	}
	for _, c := range cases {
		got, ok := Closest(c.s, designs)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", c.s, got, ok, c.want, c.ok)
		}
	}
	if got, ok := Closest("titel", []string{"paragraph", "title", "heading"}); !ok || got != "title" {
		t.Errorf("Closest(titel) = %q, %v", got, ok)
	}
}
