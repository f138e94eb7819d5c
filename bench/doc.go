// Package bench holds hypelint's benchmarks: per-stage go test benchmarks
// (bench_test.go), the synthetic archive generator (gen), the baseline
// scanner (baseline), the inputs of the other anchors, ripgrep and Vale
// (anchors, from the lexicon terms read by lexterms), and the end-to-end
// script (run) with its table and targets (table). See README.md.
package bench
