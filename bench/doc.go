// Package bench holds hypelint's benchmarks: per-stage go test benchmarks
// (bench_test.go), the synthetic archive generator (gen), the baseline
// scanner (baseline) and the end-to-end script (run). See README.md.
package bench
