package facts

import "strings"

// indexMark is strings.Index(text, mark) for a mark of one multi-byte
// character (“, 「, ）, 等…), found by its last byte. In Chinese text the
// lead bytes of such marks (E2, E3, EF, E7…) stand at every few
// characters, each a false start for strings.Index, while one given last
// byte is rare. A character cannot overlap itself, so the first mark to
// end is the first to start.
func indexMark(text, mark string) int {
	n := len(mark)
	last := mark[n-1]
	for i := n - 1; i < len(text); i++ {
		k := strings.IndexByte(text[i:], last)
		if k < 0 {
			return -1
		}
		i += k
		// The byte before the last one first: in Chinese text the last
		// byte alone (89 of ）and 等) ends a character in 32, and a
		// comparison of the whole mark calls the runtime.
		if text[i-1] == mark[n-2] && text[i-n+1:i+1] == mark {
			return i - n + 1
		}
	}
	return -1
}

// containsMark is strings.Contains(text, mark) for a mark of one
// multi-byte character (see indexMark).
func containsMark(text, mark string) bool { return indexMark(text, mark) >= 0 }
