package rule

import (
	"sync"
	"sync/atomic"
	"testing"
)

// A lazy guard compiles only when first asked for, once, even when several
// runs ask at the same time, and every caller gets the compiled guard.
func TestLazyGuardCompilesOnceOnFirstUse(t *testing.T) {
	var builds atomic.Int32
	l := newLazyGuard(func() guard {
		builds.Add(1)
		return func(*HitEnv) tri { return no }
	})
	if n := builds.Load(); n != 0 {
		t.Fatalf("compiled %d times before first use", n)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if g := l.get(); g == nil || g(nil) != no {
				t.Error("get did not return the compiled guard")
			}
		})
	}
	wg.Wait()
	if g := l.get(); g == nil || g(nil) != no {
		t.Fatal("get did not return the compiled guard")
	}
	if n := builds.Load(); n != 1 {
		t.Fatalf("compiled %d times, want 1", n)
	}
	var none *lazyGuard
	if none.get() != nil {
		t.Fatal("a missing gate must have no guard")
	}
}

// Loading rules compiles no guard: they are compiled on first use.
func TestLoadCompilesNoGuard(t *testing.T) {
	r := withCondition(t, gatingLexicon(t), `has(doc, "a") && !doc.critical`)
	for _, l := range []*lazyGuard{r.gate.onDoc, r.gate.onSentence, r.gate.onClaim, r.gate.afterSentence, r.gate.full} {
		if l.build == nil {
			t.Fatal("a guard was compiled at load time")
		}
	}
	if g := r.gate.onDoc.get(); g == nil {
		t.Fatal("onDoc should decide doc.critical")
	}
}
