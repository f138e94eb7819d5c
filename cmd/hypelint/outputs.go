package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// refuseOverwritingInputs stops a run whose -o or --write-baseline file is
// one of the articles it lints: writing the report would replace the
// article.
func (r *lintRun) refuseOverwritingInputs(inputs []string) error {
	for _, out := range []struct{ flag, path string }{{"-o", r.flags.output}, {"--write-baseline", r.flags.writeBaseline}} {
		if out.path == "" {
			continue
		}
		for _, in := range inputs {
			if in != "-" && samePath(out.path, in) {
				return fmt.Errorf("%s %s: that is one of the files being linted; refusing to overwrite it", out.flag, out.path)
			}
		}
	}
	return nil
}

// samePath reports whether a and b name the same file: the same file on
// disk (through links or different spellings), or the same absolute path.
func samePath(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ia, ib)
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}
