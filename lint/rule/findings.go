package rule

import "github.com/hypelint/hypelint/lint/reuse"

// findingList is where an evaluator gathers a document's findings: a list
// kept from one document's run to the next (findingLists), so that the
// findings of a run are not appended into a list that doubles, and is
// copied whole, from one finding to thirty-two and on. Its rule of
// ownership: the list never leaves the evaluator; what callers get (out)
// is an exact-sized copy of their own, and the list goes back to the pool
// (release) cleared, so it holds no finding's term, fixes or study.
type findingList struct {
	items []Finding // from findingLists; nil until the first finding
}

// findingLists keeps lists of findings between runs; one above keepAtMost
// is left to the collector rather than pooled: one huge file's findings
// are not kept for all the small ones after it.
var findingLists = reuse.Slices[Finding]{Max: keepAtMost}

// keepAtMost is the largest capacity of a list kept between runs.
const keepAtMost = 1024

// add appends a finding, taking a pooled list for the first.
func (l *findingList) add(f Finding) {
	if l.items == nil {
		l.items = findingLists.Get(0)
	}
	l.items = append(l.items, f)
}

// last is the finding added last (for its fixes).
func (l *findingList) last() *Finding { return &l.items[len(l.items)-1] }

// out returns a copy of the findings, exactly as long as they are (nil
// when there are none, as before the list), and empties the list.
func (l *findingList) out() []Finding {
	if len(l.items) == 0 {
		return nil
	}
	found := make([]Finding, len(l.items))
	copy(found, l.items)
	clear(l.items)
	l.items = l.items[:0]
	return found
}

// appendTo appends the findings to into (a list of the caller's) and
// empties the list.
func (l *findingList) appendTo(into []Finding) []Finding {
	into = append(into, l.items...)
	clear(l.items)
	l.items = l.items[:0]
	return into
}

// release gives the list back to the pool, cleared; the next add takes one
// again. Nothing handed out refers to it (out copies).
func (l *findingList) release() {
	if l.items == nil {
		return
	}
	clear(l.items)
	findingLists.Put(l.items)
	l.items = nil
}
