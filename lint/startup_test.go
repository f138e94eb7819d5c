package lint

import (
	"strings"
	"testing"

	"github.com/hypelint/hypelint/lint/lexicon"
	"github.com/hypelint/hypelint/lint/rule"
)

// BenchmarkStartup times the parts of loading the built-in linter, what
// every process pays before its first file (issue 17's small-file target):
// checking the snapshots are current, reading the lexicon snapshot, reading
// the rule snapshot and checking its conditions, binding the rules to the
// lexicon, and the whole of Default. Run with -benchmem, and with -cpu 1
// for the CPU each part costs.
func BenchmarkStartup(b *testing.B) {
	lexContent := strings.TrimPrefix(Builtin.Snapshot, mustHeader(b, Builtin.Lexicons))
	ruleContent := strings.TrimPrefix(Builtin.RuleSnapshot, mustHeader(b, Builtin.Rules))
	b.Run("header", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			mustHeader(b, Builtin.Rules)
			mustHeader(b, Builtin.Lexicons)
		}
	})
	b.Run("lexicon", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := lexicon.FromSnapshot(lexContent); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rules", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := rule.FromSnapshot(ruleContent); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("bind", func(b *testing.B) {
		lex, err := lexicon.FromSnapshot(lexContent)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			parsed, err := rule.FromSnapshot(ruleContent)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := parsed.Bind(lex); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("default", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Default(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func mustHeader(b *testing.B, dir string) string {
	h, err := dirHeader(Builtin.FS, dir, Builtin.Prefix)
	if err != nil {
		b.Fatal(err)
	}
	if !strings.HasPrefix(Builtin.Snapshot, h) && !strings.HasPrefix(Builtin.RuleSnapshot, h) {
		b.Fatalf("the built-in snapshots are stale: run go test ./lint -run TestBuiltinSnapshotsAreCurrent -update")
	}
	return h
}
