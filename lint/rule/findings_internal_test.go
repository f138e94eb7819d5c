package rule

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/document"
)

func finding(term string, start int) Finding {
	return Finding{Span: document.Span{Start: start, End: start + len(term)}, Term: term, Fixes: []Fix{{Replacement: term + "!"}}}
}

// What out hands out is the caller's own: findings added after it, or
// after the list went back to the pool and came out again for another
// document, leave it as it was; and it is exactly as long as the findings.
func TestFindingListOutIsACopy(t *testing.T) {
	var l findingList
	assert.Nil(t, l.out(), "no findings: nil, as before the list")
	l.add(finding("神药", 0))
	l.add(finding("奇迹", 10))
	first := l.out()
	require.Len(t, first, 2)
	assert.Equal(t, len(first), cap(first), "sized once, exactly")
	assert.Empty(t, l.items, "out empties the list")

	l.add(finding("根治", 20))
	last := l.last()
	last.Fixes = append(last.Fixes, Fix{Replacement: "x"})
	second := l.out()
	l.release()
	for range 3 { // another document's run, on the list from the pool
		var next findingList
		next.add(finding("突破", 30))
		next.add(finding("首次", 40))
		next.add(finding("最强", 50))
		next.release()
	}
	assert.Equal(t, []Finding{finding("神药", 0), finding("奇迹", 10)}, first)
	want := finding("根治", 20)
	want.Fixes = append(want.Fixes, Fix{Replacement: "x"})
	assert.Equal(t, []Finding{want}, second)
}

// release leaves nothing of the document's findings in the pooled list
// (no term, fixes or study kept alive), and the list is usable again.
func TestFindingListReleaseClears(t *testing.T) {
	var l findingList
	l.add(finding("神药", 0))
	l.add(finding("奇迹", 10))
	backing := l.items[:cap(l.items)]
	l.release()
	for i, f := range backing {
		assert.Zero(t, f, "slot %d cleared", i)
	}
	assert.Nil(t, l.items)
	assert.Nil(t, l.out())
	l.add(finding("根治", 20))
	backing = l.items[:cap(l.items)]
	assert.Equal(t, []Finding{finding("根治", 20)}, l.out())
	l.release() // after out (Take, Finish), as a run does
	for i, f := range backing {
		assert.Zero(t, f, "slot %d cleared after out", i)
	}
}

// A list grown past keepAtMost is not pooled: release drops it.
func TestFindingListHugeNotKept(t *testing.T) {
	var l findingList
	for i := range keepAtMost + 1 {
		l.add(finding("x", i))
	}
	huge := &l.items[:cap(l.items)][0]
	l.release()
	for range 4 {
		got := findingLists.Get(0)
		assert.LessOrEqual(t, cap(got), keepAtMost, "the huge list is not pooled")
		if cap(got) > 0 {
			assert.NotSame(t, huge, &got[:cap(got)][0])
		}
	}
}

// appendTo puts the findings after what the caller's list holds, and
// leaves nothing of them in the list.
func TestFindingListAppendTo(t *testing.T) {
	var l findingList
	l.add(finding("奇迹", 10))
	l.add(finding("根治", 20))
	backing := l.items[:cap(l.items)]
	into := make([]Finding, 1, 8)
	into[0] = finding("神药", 0)
	got := l.appendTo(into)
	assert.Equal(t, []Finding{finding("神药", 0), finding("奇迹", 10), finding("根治", 20)}, got)
	assert.Empty(t, l.items)
	for i, f := range backing {
		assert.Zero(t, f, "slot %d cleared", i)
	}
	l.release()
}
