package pathjoin

import (
	"path/filepath"
	"testing"
)

// Prefix plus a one-element name must give what filepath.Join gives, for
// every kind of folder path a command line can hold; names that are not
// one element must be refused by OneElement.
func TestPrefixIsJoin(t *testing.T) {
	dirs := []string{"", ".", "..", "/", "//", "a", "a/", "a//b", "./a", "a/.", "a/..", "../a", "/a/../..",
		"a/b/../c/", "/tmp/x", "x/./y/", "../../", "中文/目录", "a\x00b"}
	names := []string{"f.md", "x", "...", "..f", ".hidden", "中文.txt", "a b", "", ".", "..", "a/b", "/", "f/"}
	for _, d := range dirs {
		prefix, plain := Prefix(d)
		if !plain {
			t.Errorf("Prefix(%q) is not plain", d)
		}
		for _, n := range names {
			if !OneElement(n) {
				continue
			}
			if got, want := prefix+n, filepath.Join(d, n); got != want {
				t.Errorf("Prefix(%q) + %q = %q, Join gives %q", d, n, got, want)
			}
		}
	}
	for _, n := range []string{"", ".", "..", "a/b", "/", "f/"} {
		if OneElement(n) {
			t.Errorf("OneElement(%q) = true", n)
		}
	}
	for _, n := range []string{"f.md", "...", "..f", ".h", "x"} {
		if !OneElement(n) {
			t.Errorf("OneElement(%q) = false", n)
		}
	}
}
