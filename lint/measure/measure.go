// Package measure scores the rules against labelled articles: for each
// category, whether an article got at least one finding of it, compared with
// the label.
package measure

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
)

// Item is one labelled article: {"id","lang","text","expect":{category:bool}}.
type Item struct {
	ID     string          `json:"id"`
	Lang   string          `json:"lang"`
	Text   string          `json:"text"`
	Expect map[string]bool `json:"expect"`
}

// ReadItems reads JSON lines; a bad line is an error naming its line number.
func ReadItems(name string, r io.Reader) ([]Item, error) {
	var items []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var it Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if it.Expect == nil {
			return nil, fmt.Errorf("%s:%d: no \"expect\" object", name, line)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return items, nil
}

// Confusion counts outcomes for one category.
type Confusion struct {
	TP, FP, FN, TN int
}

// Add records one article: want is the label, got whether it was flagged.
func (c *Confusion) Add(want, got bool) {
	switch {
	case want && got:
		c.TP++
	case !want && got:
		c.FP++
	case want && !got:
		c.FN++
	default:
		c.TN++
	}
}

// N is the number of articles counted.
func (c Confusion) N() int { return c.TP + c.FP + c.FN + c.TN }

// Precision is TP/(TP+FP), 0 when nothing was flagged.
func (c Confusion) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN).
func (c Confusion) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Confusion) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// MCC is the Matthews correlation coefficient; 0 for any constant answer.
func (c Confusion) MCC() float64 {
	tp, fp, fn, tn := float64(c.TP), float64(c.FP), float64(c.FN), float64(c.TN)
	den := math.Sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
	if den == 0 {
		return 0
	}
	return (tp*tn - fp*fn) / den
}

// Positives is the share of articles labelled positive.
func (c Confusion) Positives() float64 { return ratio(c.TP+c.FN, c.N()) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score compares predictions with labels per category. flagged(item) returns
// the categories that got at least one finding.
func Score(items []Item, flagged func(Item) (map[string]bool, error)) (map[string]*Confusion, error) {
	out := map[string]*Confusion{}
	for _, it := range items {
		got, err := flagged(it)
		if err != nil {
			return nil, fmt.Errorf("item %s: %w", it.ID, err)
		}
		for cat, want := range it.Expect {
			if out[cat] == nil {
				out[cat] = &Confusion{}
			}
			out[cat].Add(want, got[cat])
		}
	}
	return out, nil
}

// Categories returns the keys of a score table in order.
func Categories(m map[string]*Confusion) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
