package zhconv

// CommonHanFolds has a bit for each character of the common Han block
// (U+4E00 to U+9FFF, bit r-0x4E00) that Fold changes: the normalizer and
// the script guess read it for every Chinese character. It is a table in
// the binary (commonHanFolds, generated from the fold table by
// `go test ./lint/zhconv -run TestCommonHanFoldsAreCurrent -update`), not
// worked out at start: that loaded the 170 KB fold table and called Fold
// 20,992 times, twice, in a process that lints one small Simplified text
// and folds nothing.
func CommonHanFolds() [CommonHanWords]uint64 { return commonHanFolds }

// CommonHanWords is the number of 64-bit words of CommonHanFolds.
const CommonHanWords = (0x9FFF - 0x4E00 + 64) / 64
