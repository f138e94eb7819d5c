package rule

import "sync"

// findingList is where an evaluator gathers a document's findings: a list
// kept from one document's run to the next (findingPool), so that the
// findings of a run are not appended into a list that doubles, and is
// copied whole, from one finding to thirty-two and on. Its rule of
// ownership: the list never leaves the evaluator; what callers get (out)
// is an exact-sized copy of their own, and the list goes back to the pool
// (release) cleared, so it holds no finding's term, fixes or study.
type findingList struct {
	kept  *[]Finding // from findingPool; nil until the first finding
	items []Finding
}

// findingPool keeps lists of findings between runs.
var findingPool = sync.Pool{New: func() any { return new([]Finding) }}

// keepAtMost is the capacity above which a list is left to the collector
// rather than pooled: one huge file's findings are not kept for all the
// small ones after it.
const keepAtMost = 1024

// add appends a finding, taking a pooled list for the first.
func (l *findingList) add(f Finding) {
	if l.kept == nil {
		l.kept = findingPool.Get().(*[]Finding)
		l.items = (*l.kept)[:0]
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
	if l.kept == nil {
		return
	}
	clear(l.items)
	if cap(l.items) <= keepAtMost {
		*l.kept = l.items[:0]
		findingPool.Put(l.kept)
	}
	l.kept, l.items = nil, nil
}
