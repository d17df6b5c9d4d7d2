//go:build windows

package cmd

import (
	"io"
	"os"

	"golang.org/x/sys/windows"
)

// consoleEscapes reports whether w is a console that interprets ANSI escape
// sequences, turning that on when the console can do it. The Windows
// console shows "\033[K" as raw characters unless the process enables
// virtual-terminal processing; Windows 10 (1511) and later can, the consoles
// of older Windows cannot, and there the progress line falls back to spaces.
func consoleEscapes(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	// The mode is left on at exit: cmd.exe and PowerShell set the modes they
	// need again when they take the console back.
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
