package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
)

// Statistic is the number of findings of one rule in a run.
type Statistic struct {
	Count    int    `json:"count"`
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Severity string `json:"severity"`
}

// Statistics counts a run's findings by rule, most frequent first, then by
// rule id. Rules without findings are left out.
func Statistics(files []File) []Statistic {
	var t statisticsTally
	for _, f := range files {
		t.add(f)
	}
	return t.sorted()
}

// statisticsTally counts findings by rule, file by file.
type statisticsTally struct {
	byRule map[string]*Statistic
}

func (t *statisticsTally) add(f File) {
	for _, x := range f.Findings {
		t.addFinding(x)
	}
}

func (t *statisticsTally) addFinding(x Finding) {
	if t.byRule == nil {
		t.byRule = map[string]*Statistic{}
	}
	s := t.byRule[x.Rule]
	if s == nil {
		s = &Statistic{Rule: x.Rule, Category: x.Category, Severity: x.Severity}
		t.byRule[x.Rule] = s
	}
	s.Count++
}

func (t *statisticsTally) sorted() []Statistic {
	out := make([]Statistic, 0, len(t.byRule))
	for _, s := range t.byRule {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// WriteStatistics writes the per-rule counts of a run (see
// StatisticsWriter).
func WriteStatistics(w io.Writer, run Run, asJSON bool) error {
	return writeAll(NewStatisticsWriter(w, asJSON), run.Files)
}

// StatisticsWriter counts findings per rule file by file and writes the
// counts at the end, like ruff --statistics: a table of count, rule id,
// category and severity, or with asJSON a JSON array of the same.
type StatisticsWriter struct {
	w      io.Writer
	asJSON bool
	tally  statisticsTally
}

// NewStatisticsWriter starts the statistics of a run, written to w on
// Close.
func NewStatisticsWriter(w io.Writer, asJSON bool) *StatisticsWriter {
	return &StatisticsWriter{w: w, asJSON: asJSON}
}

// File counts one file's findings.
func (s *StatisticsWriter) File(f File) error { return writeParts(s, f) }

func (s *StatisticsWriter) beginFile(*File) error { return nil }

func (s *StatisticsWriter) finding(_ *File, x Finding) error {
	s.tally.addFinding(x)
	return nil
}

func (s *StatisticsWriter) endFile(File) error { return nil }

// Close writes the counts.
func (s *StatisticsWriter) Close() error {
	stats := s.tally.sorted()
	if s.asJSON {
		enc := json.NewEncoder(s.w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(stats)
	}
	// Counts are right-aligned by hand (tabwriter would align every column
	// right), the other columns padded by tabwriter.
	width := 1
	for _, st := range stats {
		width = max(width, len(fmt.Sprint(st.Count)))
	}
	tw := tabwriter.NewWriter(s.w, 0, 0, 2, ' ', 0)
	for _, st := range stats {
		fmt.Fprintf(tw, "%*d\t%s\t%s\t%s\n", width, st.Count, st.Rule, st.Category, st.Severity)
	}
	return tw.Flush()
}
