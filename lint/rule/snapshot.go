package rule

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/hypelint/hypelint/lint/binfmt"
	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/internal/stack"
)

// A rules snapshot is parsed rule files written out (binfmt), so that a
// process can skip decoding the YAML of the built-in rules, whose long
// explanations and examples made it the slowest part of start-up. The
// files stay the source; a test checks the snapshot matches them.
// Each condition's parsed tree is written too (see treecodec.go); the type
// checker and the optimizer run on load, and the bytecode waits for the
// first run (see compiler).
const snapshotMagic = "hypelint-rules-4\n"

// walkRules walks the rules, then conds: each rule's condition as a tree
// (see snapCondition), the zero value where it has none or it is parsed on
// load.
func walkRules(c binfmt.Codec, rules *[]*Rule, conds *[]snapCondition) {
	binfmt.Slice(c, rules, func(rp **Rule) {
		if *rp == nil {
			*rp = &Rule{}
		}
		r := *rp
		severity, scope := r.Severity.String(), string(r.Scope)
		c.Text(&r.ID)
		c.Text(&r.Category)
		c.Text(&severity)
		c.Text(&scope)
		c.Text(&r.When)
		c.Text(&r.Report)
		c.Text(&r.Once)
		c.Text(&r.Cover)
		binfmt.StringMap(c, &r.Messages)
		binfmt.StringMap(c, &r.Explanation)
		c.Text(&r.Source)
		binfmt.Strings(c, &r.Examples.Bad)
		binfmt.Strings(c, &r.Examples.Good)
		binfmt.Slice(c, &r.Examples.BadSpans, func(spans *[]document.Span) {
			binfmt.Slice(c, spans, func(s *document.Span) {
				c.Num(&s.Start)
				c.Num(&s.End)
			})
		})
		binfmt.Slice(c, &r.Examples.BadLines, c.Num)
		binfmt.Slice(c, &r.Examples.GoodLines, c.Num)
		walkReplacements(c, &r.Swap)
		walkReplacements(c, &r.Suggest)
		c.Text(&r.Fixer)
		binfmt.StringMap(c, &r.Notes)
		c.Text(&r.File)
		c.Num(&r.Line)
		r.Severity, _ = ParseSeverity(severity)
		r.Scope = Scope(scope)
	})
	binfmt.Slice(c, conds, func(cond *snapCondition) {
		c.Text(&cond.tree)
		c.Flag(&cond.optimal)
	})
}

// Snapshot writes the parsed rules out (see FromSnapshot).
func (p *Parsed) Snapshot() []byte {
	var rules []*Rule
	for _, pr := range p.rules {
		if !pr.broken {
			rules = append(rules, pr.Rule) // writing leaves each rule as it was
		}
	}
	c := newCompiler()
	conds := make([]snapCondition, len(rules))
	for i, r := range rules {
		if r.Scope != SuppressionScope {
			conds[i] = c.snapCondition(r)
		}
	}
	w := binfmt.NewWriter(snapshotMagic)
	walkRules(w, &rules, &conds)
	return w.Buf
}

// FromSnapshot reads rules that Snapshot wrote, checks each as a rule file
// would be checked and its condition as compile does, spread over the CPUs.
func FromSnapshot(data string) (*Parsed, error) {
	r, err := binfmt.NewReader(data, snapshotMagic)
	if err != nil {
		return nil, fmt.Errorf("rules snapshot: %v", err)
	}
	var rules []*Rule
	var conds []snapCondition
	walkRules(r, &rules, &conds)
	if err := r.Done(); err != nil {
		return nil, fmt.Errorf("rules snapshot: %v", err)
	}
	if len(conds) != len(rules) {
		return nil, fmt.Errorf("rules snapshot: %d conditions for %d rules", len(conds), len(rules))
	}
	c := newCompiler()
	errs := make([]error, len(rules))
	workers := min(runtime.GOMAXPROCS(0), len(rules))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			stack.Grow()
			for i := w; i < len(rules); i += workers {
				errs[i] = c.load(rules[i], conds[i])
			}
		})
	}
	wg.Wait()
	p := &Parsed{compilers: []*compiler{c}}
	for i, rule := range rules {
		if errs[i] != nil {
			return nil, fmt.Errorf("rules snapshot: %v", errs[i])
		}
		p.rules = append(p.rules, parsedRule{Rule: rule})
	}
	return p, nil
}

// load checks a rule read from a snapshot and its condition, whose parsed
// tree the snapshot may hold (see compileSnapshot).
func (c *compiler) load(r *Rule, cond snapCondition) error {
	r.reportClass, r.hant = -1, &traditional{}
	if err := validate(r.File, nil, r, r.Severity.String(), true); err != nil {
		return err
	}
	if r.Scope == SuppressionScope {
		return nil // no condition
	}
	if err := prepareFixes(r); err != nil {
		return fmt.Errorf("rule %s: %v", r.ID, err)
	}
	compile := c.compile
	if cond.tree != "" {
		compile = func(r *Rule) error { return c.compileSnapshot(r, cond) }
	}
	if err := compile(r); err != nil {
		return fmt.Errorf("rule %s: %v", r.ID, err)
	}
	return nil
}

func walkReplacements(c binfmt.Codec, list *[]Replacement) {
	binfmt.Slice(c, list, func(x *Replacement) {
		c.Text(&x.Term)
		c.Text(&x.With)
	})
}
