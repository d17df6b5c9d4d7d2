//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakRSS is the peak resident memory of a finished process, in bytes.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024 // kilobytes on Linux
	}
	return 0
}
