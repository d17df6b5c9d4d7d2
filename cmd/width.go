package cmd

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// stdoutWidth is the width of the terminal the table is drawn on: COLUMNS
// when set (as shells export it, and as a user can give it), else the size
// of standard output when it is a terminal, else 0: a table piped to a
// file keeps every column.
func stdoutWidth(env *Env) int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	w := env.Stdout
	if s, ok := w.(*stickyWriter); ok {
		w = s.w
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	if w, _, err := term.GetSize(int(f.Fd())); err == nil {
		return w
	}
	return 0
}
