package numbers_test

import (
	"testing"

	"github.com/hypelint/hypelint/lint/internal/benchdocs"
	"github.com/hypelint/hypelint/lint/normalize"
	"github.com/hypelint/hypelint/lint/numbers"
)

// BenchmarkFindArchive scans the sentences of every tenth article under
// HYPELINT_BENCH_DIR (the benchmark archive), normalized as the facts
// analyzer passes them, one FindInto a sentence into a reused buffer. It
// reports the mentions found per KiB of sentence text.
func BenchmarkFindArchive(b *testing.B) { benchArchive(b, numbers.FindInto) }

// BenchmarkSizesAndPercentsArchive is BenchmarkFindArchive with
// SizesAndPercentsInto, as the facts analyzer calls it.
func BenchmarkSizesAndPercentsArchive(b *testing.B) { benchArchive(b, numbers.SizesAndPercentsInto) }

func benchArchive(b *testing.B, find func([]numbers.Mention, string) []numbers.Mention) {
	docs, _ := benchdocs.Parsed(b, 10)
	var sentences []string
	size := 0
	for _, d := range docs {
		for i := range d.Blocks {
			blk := &d.Blocks[i]
			for _, sp := range blk.Sentences {
				text := normalize.Normalize(blk.Text[sp.Start:sp.End]).Text
				sentences = append(sentences, text)
				size += len(text)
			}
		}
	}
	mentions := 0
	var buf []numbers.Mention
	for _, s := range sentences {
		buf = find(buf, s)
		mentions += len(buf)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range sentences {
			buf = find(buf, s)
		}
	}
	b.ReportMetric(float64(mentions)*1024/float64(size), "mentions/KiB")
}
