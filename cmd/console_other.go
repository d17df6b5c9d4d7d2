//go:build !windows

package cmd

import "io"

// consoleEscapes reports whether w interprets ANSI escape sequences. The
// terminals of Linux, macOS and the BSDs all do, and the progress line is
// only drawn on a terminal.
func consoleEscapes(io.Writer) bool { return true }
