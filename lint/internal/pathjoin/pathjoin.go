// Package pathjoin names a folder's entries as filepath.Join does, with
// the folder's path cleaned once rather than once per entry:
//
//	prefix, plain := pathjoin.Prefix(dir)
//	path := prefix + name // when plain && pathjoin.OneElement(name)
//
// and filepath.Join(dir, name) otherwise.
package pathjoin

import (
	"os"
	"path/filepath"
	"strings"
)

// Prefix returns the text filepath.Join(dir, name) puts before a name of
// one element (see OneElement); plain is false when Join must be asked for
// every name.
func Prefix(dir string) (prefix string, plain bool) {
	const probe = "x"
	p := filepath.Join(dir, probe)
	if !strings.HasSuffix(p, probe) {
		return "", false
	}
	return p[:len(p)-len(probe)], true
}

// OneElement reports a name that filepath.Join appends to a folder's path
// as it is: not empty, no separator, not "." or ".." (a folder listing
// gives no other).
func OneElement(name string) bool {
	if name == "" || name == "." || name == ".." {
		return false
	}
	for i := 0; i < len(name); i++ {
		if os.IsPathSeparator(name[i]) {
			return false
		}
	}
	return true
}
