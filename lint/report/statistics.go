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
	byRule := map[string]*Statistic{}
	for _, f := range files {
		for _, x := range f.Findings {
			s := byRule[x.Rule]
			if s == nil {
				s = &Statistic{Rule: x.Rule, Category: x.Category, Severity: x.Severity}
				byRule[x.Rule] = s
			}
			s.Count++
		}
	}
	out := make([]Statistic, 0, len(byRule))
	for _, s := range byRule {
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

// WriteStatistics writes the per-rule counts of a run, like ruff
// --statistics: a table of count, rule id, category and severity, or with
// asJSON a JSON array of the same.
func WriteStatistics(w io.Writer, run Run, asJSON bool) error {
	stats := Statistics(run.Files)
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(stats)
	}
	// Counts are right-aligned by hand (tabwriter would align every column
	// right), the other columns padded by tabwriter.
	width := 1
	for _, s := range stats {
		width = max(width, len(fmt.Sprint(s.Count)))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, s := range stats {
		fmt.Fprintf(tw, "%*d\t%s\t%s\t%s\n", width, s.Count, s.Rule, s.Category, s.Severity)
	}
	return tw.Flush()
}
