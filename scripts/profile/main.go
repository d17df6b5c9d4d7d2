// Command profile runs one ikk command in-process under the Go profiler, so
// that where the time and the allocations go can be read with `go tool
// pprof` on the same inputs the bench measures:
//
//	go run ./scripts/profile -cpu cpu.out -mem mem.out -- score big.csv --format json >/dev/null
//	go tool pprof -top -nodecount 25 cpu.out
//
// The command is ikk's own (cmd.Main with the default set read from
// -indicators, indicators.yaml by default, so run it from the repository), with
// the garbage collector set as the binary sets it.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/ikk-tools/ikk/cmd"
)

func main() {
	cpu := flag.String("cpu", "", "write a CPU profile to this file")
	mem := flag.String("mem", "", "write an allocation profile (every allocation since the start) to this file")
	set := flag.String("indicators", "indicators.yaml", "the default set to embed, as main.go does")
	heap := flag.String("heap", "", "write a profile of the memory in use, taken -heapafter into the run, to this file")
	heapAfter := flag.Duration("heapafter", 2*time.Second, "when to take the -heap profile")
	flag.Parse()
	if *heap != "" {
		// The heap in use midway: what the run holds while it streams,
		// not what is left at its end.
		time.AfterFunc(*heapAfter, func() {
			f, err := os.Create(*heap)
			if err == nil {
				runtime.GC()
				err = pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "profile:", err)
			}
		})
	}
	def, err := os.ReadFile(*set)
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(2)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	if *mem != "" || *heap != "" {
		runtime.MemProfileRate = 64 << 10
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
	}
	code := cmd.Main(flag.Args(), cmd.Env{
		Builtins: map[string][]byte{"ikk": def},
		Stdin:    os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
	})
	if *cpu != "" {
		pprof.StopCPUProfile()
	}
	if *mem != "" {
		f, err := os.Create(*mem)
		if err == nil {
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
	}
	os.Exit(code)
}
