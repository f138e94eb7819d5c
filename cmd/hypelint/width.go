package main

import (
	"os"
	"strconv"

	"golang.org/x/term"
)

// textWidth is how many columns the text format's source windows may take:
// the terminal's width when standard output is one, else $COLUMNS, else 0
// (the reporter's default).
func (e *env) textWidth() int {
	if f, ok := e.stdout.(*os.File); ok && e.isTerminal {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 0
}
