// Command ikk computes the Indeks Kualitas Keluarga (family quality index) of
// villages from household survey spreadsheets.
package main

import (
	_ "embed"
	"os"

	"github.com/ikk-tools/ikk/cmd"
)

// The default indicator set ships inside the binary so that ikk works with no
// file beside it; `ikk indicators init` writes it out for editing.
//
//go:embed indicators.yaml
var defaultSet []byte

func main() {
	os.Exit(cmd.Main(os.Args[1:], cmd.Env{
		Builtins: map[string][]byte{"ikk": defaultSet},
		Stdin:    os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
	}))
}
