package cmd

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// statusLine redraws one line of a terminal in place. Where the terminal
// interprets escapes, "\r\033[K" erases the old line; where it does not (the
// console of Windows before 10), a carriage return and spaces over the rest
// of the previous line do the same without printing raw escape codes.
type statusLine struct {
	w       io.Writer
	escapes bool
	width   int // characters of the line now shown
}

// Write lets the line stand where the plain writer stood.
func (l *statusLine) Write(p []byte) (int, error) { return l.w.Write(p) }

// redrawLine replaces the line shown on w by s; s == "" clears it and leaves
// the cursor at the start of the line. It returns the writer to use for the
// next redraw, which remembers what is shown, so that the caller needs no
// state of its own.
func redrawLine(w io.Writer, s string) io.Writer {
	l, ok := w.(*statusLine)
	if !ok {
		l = &statusLine{w: w, escapes: consoleEscapes(w)}
	}
	l.show(s)
	return l
}

func (l *statusLine) show(s string) {
	if l.escapes {
		fmt.Fprint(l.w, "\r\033[K"+s)
		return
	}
	// Rune count stands for display width: the progress line is digits and
	// Latin words in either language.
	n := utf8.RuneCountInString(s)
	out := "\r" + s
	if pad := l.width - n; pad > 0 {
		out += strings.Repeat(" ", pad)
		if s == "" {
			// Back to the start, so that what follows is not indented.
			out += "\r"
		}
	}
	fmt.Fprint(l.w, out)
	l.width = n
}
