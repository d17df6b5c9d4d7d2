// Command ikk computes the Indeks Kualitas Keluarga (family quality index) of
// villages from household survey spreadsheets.
package main

import (
	_ "embed"
	"os"
	"runtime/debug"

	"github.com/ikk-tools/ikk/cmd"
)

// The default indicator set ships inside the binary so that ikk works with no
// file beside it; `ikk indicators init` writes it out for editing.
//
//go:embed indicators.yaml
var defaultSet []byte

// The iBangga set (BKKBN's Indeks Pembangunan Keluarga) is the second
// built-in: --indicators ibangga.
//
//go:embed ibangga.yaml
var ibanggaSet []byte

// builtinSets are the sets --indicators names without a file.
func builtinSets() map[string][]byte {
	return map[string][]byte{"ikk": defaultSet, "ibangga": ibanggaSet}
}

func main() {
	// ikk's live memory is small (totals by village, a few batches of rows)
	// and its garbage plentiful (every row read): collecting at 50% growth
	// instead of 100% keeps the peak near the live set, at a cost of a few
	// percent of CPU. GOGC, when set, still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	os.Exit(cmd.Main(os.Args[1:], cmd.Env{
		Builtins: builtinSets(),
		Stdin:    os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
	}))
}
