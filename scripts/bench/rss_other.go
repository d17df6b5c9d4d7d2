//go:build !unix

package main

import "os"

// peakRSS is not measured where the system reports no resource usage the
// way Unix does (Windows): the bench's memory rows then read 0.
func peakRSS(*os.ProcessState) int64 { return 0 }
