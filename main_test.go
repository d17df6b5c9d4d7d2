package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/ikk-tools/ikk/internal/surveygen"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files and testscript cmp sections")

// TestMain lets testscript run the ikk binary in-process as the "ikk" command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ikk": func() {
			os.Exit(cmd.Main(os.Args[1:], cmd.Env{
				Builtins: builtinSets(),
				Stdin:    os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
			}))
		},
	})
}

// TestScripts runs the end-to-end scripts of testdata/script: each runs the
// commands as a user would and checks output, exit status and files.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// hardlink OLD NEW: a second name for a file.
			"hardlink": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: hardlink old new")
				}
				ts.Check(os.Link(ts.MkAbs(args[0]), ts.MkAbs(args[1])))
			},
			// maxwidth N [REGEXP]: no line of the last standard output is
			// wider than N characters, up to the first line matching
			// REGEXP (the issue lines after a card or table are prose,
			// which a terminal wraps).
			"maxwidth": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 1 || len(args) > 2 {
					ts.Fatalf("usage: maxwidth N [regexp]")
				}
				n, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("maxwidth: %q is not a number", args[0])
				}
				var until *regexp.Regexp
				if len(args) == 2 {
					until = regexp.MustCompile(args[1])
				}
				for i, l := range strings.Split(ts.ReadFile("stdout"), "\n") {
					if until != nil && until.MatchString(l) {
						break
					}
					if w := utf8.RuneCountInString(l); w > n {
						ts.Fatalf("line %d is %d characters wide, more than %d: %s", i+1, w, n, l)
					}
				}
			},
			// gensurvey SEED HOUSEHOLDS DESA KECAMATAN FILE: a generated
			// kabupaten survey (internal/surveygen), as a CSV file.
			"gensurvey": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 5 {
					ts.Fatalf("usage: gensurvey seed households desa kecamatan file")
				}
				var n [4]int
				for i := range n {
					v, err := strconv.Atoi(args[i])
					if err != nil {
						ts.Fatalf("gensurvey: %q is not a number", args[i])
					}
					n[i] = v
				}
				var b bytes.Buffer
				ts.Check(surveygen.Generate(&b, surveygen.Config{Seed: uint64(n[0]), Households: n[1], Desa: n[2], Kecamatan: n[3]}))
				ts.Check(os.WriteFile(ts.MkAbs(args[4]), b.Bytes(), 0o644))
			},
			// exits N CMD ARGS...: run CMD and require exit status N, so that
			// scripts pin the exit codes of the contract, not only failure.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: %q is not a number", args[0])
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exits: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
		},
		Setup: func(env *testscript.Env) error {
			// Scripts reach the shared fixtures through $TESTDATA.
			wd, err := os.Getwd()
			if err != nil {
				return err
			}
			env.Setenv("TESTDATA", wd+"/testdata")
			// The scripts check the English messages (IKK_LANG sets the
			// default --lang); a script that checks Indonesian output says
			// --lang id, and TestNoOtherLanguage checks that language.
			env.Setenv("IKK_LANG", "en")
			return nil
		},
	})
}
