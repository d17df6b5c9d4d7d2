// Package cmd is the command line of ikk: it parses flags, calls package ikk
// and hands the result to a renderer of package report. It holds no scoring
// logic.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes, decided in exitCode and nowhere else.
const (
	exitOK       = 0
	exitRuntime  = 1
	exitUsage    = 2
	exitDataFail = 3
)

// Env is what the program gets from its surroundings; tests supply their own.
type Env struct {
	Builtins       map[string][]byte // built-in indicator sets by name
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// StderrTTY forces the terminal test for progress output (tests).
	StderrTTY *bool
	// lang is the language of the run's messages, from --lang or the
	// default, found before the command line is parsed.
	lang string
}

// usageError marks a mistake in the command line: exit 2, with a hint.
type usageError struct {
	err     error
	cmdPath string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// dataIssuesError fails a --strict run that met data issues: exit 3.
type dataIssuesError struct{ n int }

func (e *dataIssuesError) Error() string { return explain("en", e) }

// Main runs ikk with args and returns the exit code.
func Main(args []string, env Env) int {
	// A terminal's Ctrl-C, a service manager's SIGTERM and a closed SSH
	// session's SIGHUP all stop the run the same way: nothing half written
	// is left behind.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	// A closed standard output (ikk score x | head) must end the run with an
	// error, not kill it silently by SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)
	out := &stickyWriter{w: env.Stdout}
	env.Stdout = out
	env.lang = argLang(args)
	root := newRootCmd(&env)
	root.SetArgs(args)
	c, err := root.ExecuteContextC(ctx)
	err = cobraError(c, err)
	if out.err != nil && !errors.Is(err, context.Canceled) {
		err = wrapSay(out.err, "cli.stdout_failed")
	}
	return exitCode(env.Stderr, err, env.lang)
}

// stickyWriter keeps the first write error of standard output, so that a
// full disk or a closed pipe is reported even where a writer ignores it.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}

func exitCode(stderr io.Writer, err error, lang string) int {
	var ue *usageError
	var de *dataIssuesError
	errLine := func() { fmt.Fprintf(stderr, "ikk: %s\n", report.Say(lang, "cli.error", "err", explain(lang, err))) }
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		errLine()
		path := ue.cmdPath
		if path == "" {
			path = "ikk"
		}
		fmt.Fprintf(stderr, "ikk: %s\n", report.Say(lang, "cli.hint_help", "cmd", path))
		return exitUsage
	case errors.As(err, &de):
		errLine()
		return exitDataFail
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "ikk: %s\n", report.Say(lang, "cli.interrupted"))
		return exitRuntime
	}
	errLine()
	return exitRuntime
}

func newRootCmd(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "ikk",
		Short: "Indeks Kualitas Keluarga: score villages from household surveys",
		Long: `ikk computes the Indeks Kualitas Keluarga (IKK, family quality index) of
villages from household survey spreadsheets (.xlsx or .csv): the index, its
category, the five dimension indices, the achievement of every indicator and
the weak indicators (permasalahan) with the offices responsible for them.

Exit status: 0 success (data issues, if any, are reported); 1 runtime error;
2 usage error; 3 data issues under --strict.

Command and flag names are English; the Indonesian words work as aliases
everywhere (ikk nilai, ikk lampiran, ikk tindaklanjut, --tanggal, --nomor,
--desa-lokus, ...). Messages and reports follow --lang (id or en).`,
		Version:       Version(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	// "ikk versi ..." in the run's language, not cobra's English line.
	root.SetVersionTemplate(report.Say(env.lang, "cli.version_line", "version", Version()) + "\n")
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetFlagErrorFunc(flagError(env))
	root.AddCommand(newScoreCmd(env), newAnnexCmd(env), newFollowUpCmd(env), newIndicatorsCmd(env), newAreasCmd(env), newFormCmd(env), newCompareCmd(env))
	root.AddCommand(newLokusCmd(env))
	root.SetHelpCommand(newHelpCmd(env))
	addCompletion(env, root)
	applyNames(root)
	return root
}

// loadSet resolves --indicators: a built-in name or a file path.
func loadSet(env *Env, ref string) (*ikk.Set, error) {
	if ref == "" {
		ref = "ikk"
	}
	if data, ok := env.Builtins[ref]; ok {
		return ikk.LoadSet("builtin:"+ref, data)
	}
	data, err := os.ReadFile(ref)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, sayErr("cli.set_not_found", "file", ref, "builtins", strings.Join(builtinNames(env), ", "))
		}
		return nil, wrapSay(err, "cli.set_unreadable", "file", ref)
	}
	return ikk.LoadSet(ref, data)
}

// builtinNames lists the names of the built-in indicator sets, sorted.
func builtinNames(env *Env) []string {
	var names []string
	if env == nil {
		return nil
	}
	for k := range env.Builtins {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func stderrIsTerminal(env *Env) bool {
	if env.StderrTTY != nil {
		return *env.StderrTTY
	}
	f, ok := env.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false
	}
	t := os.Getenv("TERM")
	return t != "dumb"
}
