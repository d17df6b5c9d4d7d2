package cmd

import (
	"errors"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Every mistake on the command line that cobra or pflag finds is said here
// in the catalogue's words, with what would be right: flag errors come as
// pflag's typed errors through flagError, argument errors from the
// validators below, and the one error cobra makes as bare text (an unknown
// command under ikk itself) through cobraError.

// flagError turns pflag's parse errors into usage errors in the
// catalogue's words.
func flagError(env *Env) func(c *cobra.Command, err error) error {
	return func(c *cobra.Command, err error) error {
		var notExist *pflag.NotExistError
		var needsValue *pflag.ValueRequiredError
		var invalid *pflag.InvalidValueError
		var syntax *pflag.InvalidSyntaxError
		switch {
		case errors.As(err, &notExist):
			name, group := notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()
			if group == "" {
				return usage(c, unknownFlag(c, "--"+name, name))
			}
			// -format is --format written with one dash.
			if len(group) > 1 && group[0] == name[0] {
				if s := closestFlag(c, group); s != "" {
					return usage(c, say("cli.unknown_option_suggest", "flag", "-"+group, "suggestion", s))
				}
			}
			if len(group) == 1 {
				return usage(c, say("cli.unknown_option", "flag", "-"+group))
			}
			return usage(c, say("cli.unknown_short", "letter", name[:1], "arg", "-"+group))
		case errors.As(err, &needsValue):
			f := needsValue.GetFlag()
			shown := "--" + f.Name
			if needsValue.GetSpecifiedShortnames() != "" {
				shown = "-" + f.Shorthand
			}
			return usage(c, say("cli.needs_value", "flag", shown).with("accepted", accepts(env, c, f)))
		case errors.As(err, &invalid):
			f := invalid.GetFlag()
			if looksLikeFlag(c, invalid.GetValue()) {
				return usage(c, say("cli.needs_value_next", "flag", "--"+f.Name, "next", invalid.GetValue()).with("accepted", accepts(env, c, f)))
			}
			return usage(c, say("cli.bad_value", "flag", "--"+f.Name, "value", strconv.Quote(invalid.GetValue())).with("accepted", accepts(env, c, f)))
		case errors.As(err, &syntax):
			arg := syntax.GetSpecifiedFlag()
			name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
			if s := closestFlag(c, name); s != "" && name != "" {
				return usage(c, say("cli.unknown_option_suggest", "flag", arg, "suggestion", s))
			}
			return usage(c, say("cli.bad_syntax", "arg", arg))
		}
		return usage(c, err)
	}
}

// unknownFlag says that --name is no flag of c, with the closest one.
func unknownFlag(c *cobra.Command, shown, name string) *sayError {
	if s := closestFlag(c, name); s != "" {
		return say("cli.unknown_option_suggest", "flag", shown, "suggestion", s)
	}
	return say("cli.unknown_option", "flag", shown)
}

// closestFlag is the flag of c, or an alias of one, nearest to name
// ("--format" for "frmat"): at most two edits away, or a name it begins
// with; "" when none is.
func closestFlag(c *cobra.Command, name string) string {
	var names []string
	seen := map[string]bool{}
	add := func(f *pflag.Flag) {
		if f.Hidden || seen[f.Name] {
			return
		}
		seen[f.Name] = true
		names = append(names, f.Name)
		names = append(names, aliasesOf(f.Name)...)
	}
	c.Flags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	if s := closest(name, names); s != "" {
		return "--" + s
	}
	return ""
}

// closest is the word of words nearest to typed: the fewest edits, at most
// two (one for words of three letters or fewer), else the first word that
// starts with typed; "" when none is.
func closest(typed string, words []string) string {
	typed = strings.ToLower(typed)
	best, bestD := "", 3
	if utf8.RuneCountInString(typed) <= 3 {
		bestD = 2
	}
	sorted := append([]string(nil), words...)
	sort.Strings(sorted)
	for _, w := range sorted {
		if d := ikk.EditDistance(typed, strings.ToLower(w), bestD-1); d >= 0 && d < bestD {
			best, bestD = w, d
		}
	}
	if best != "" || len(typed) < 2 {
		return best
	}
	for _, w := range sorted {
		if strings.HasPrefix(strings.ToLower(w), typed) {
			return w
		}
	}
	return ""
}

// looksLikeFlag reports whether a flag's value is in fact the next option:
// "--format --lang en" gives --format the value "--lang".
func looksLikeFlag(c *cobra.Command, v string) bool {
	if len(v) > 2 && strings.HasPrefix(v, "--") {
		return true
	}
	return len(v) == 2 && v[0] == '-' && v[1] != '-' && c.Flags().ShorthandLookup(v[1:]) != nil
}

// checked runs an argument validator after the check that no flag took the
// next option as its value, so that "--format --lang en" is said as a
// missing value, not as an unknown format or a file named "en". Every
// command's Args goes through it.
func checked(env *Env, v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		var err error
		c.Flags().Visit(func(f *pflag.Flag) {
			if err != nil || f.Value.Type() == "bool" {
				return
			}
			vals := []string{f.Value.String()}
			if sv, ok := f.Value.(pflag.SliceValue); ok {
				vals = sv.GetSlice()
			}
			for _, val := range vals {
				if looksLikeFlag(c, val) {
					err = usage(c, say("cli.needs_value_next", "flag", "--"+f.Name, "next", val).with("accepted", accepts(env, c, f)))
					return
				}
			}
		})
		if err != nil {
			return err
		}
		return v(c, args)
	}
}

// needInputs: a command that scores takes one survey file or folder or more.
func needInputs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return usageSay(c, "cli.need_inputs", "cmd", c.CommandPath())
	}
	return nil
}

// oneSetFile: validate takes exactly one indicator file.
func oneSetFile(c *cobra.Command, args []string) error {
	switch len(args) {
	case 0:
		return usageSay(c, "cli.need_set_file", "cmd", c.CommandPath())
	case 1:
		return nil
	}
	return usageSay(c, "cli.args_one", "cmd", c.CommandPath(), "count", strconv.Itoa(len(args)), "args", quoteList(args))
}

// atMostOneFile: init writes to one file, or to standard output.
func atMostOneFile(c *cobra.Command, args []string) error {
	if len(args) > 1 {
		return usageSay(c, "cli.args_at_most_one", "cmd", c.CommandPath(), "count", strconv.Itoa(len(args)), "args", quoteList(args))
	}
	return nil
}

// subcommandsOnly: a command that takes no arguments; a word after it can
// only be a command of its own that was mistyped.
func subcommandsOnly(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return usage(c, unknownCommand(c, args[0]))
}

// unknownCommand says that name is no command of c, with the nearest
// command (cobra's suggestions, and the aliases), else the commands it has.
func unknownCommand(c *cobra.Command, name string) *sayError {
	var words, names []string
	for _, sub := range c.Commands() {
		if !sub.IsAvailableCommand() {
			continue
		}
		names = append(names, sub.Name())
		words = append(words, sub.Name())
		words = append(words, sub.Aliases...)
	}
	q := strconv.Quote(name)
	if len(names) == 0 {
		return say("cli.no_args", "cmd", c.CommandPath(), "name", q)
	}
	suggestion := ""
	if c.SuggestionsMinimumDistance <= 0 {
		c.SuggestionsMinimumDistance = 2
	}
	if s := c.SuggestionsFor(name); len(s) > 0 {
		suggestion = closest(name, s)
		if suggestion == "" {
			suggestion = s[0]
		}
	}
	if suggestion == "" {
		suggestion = closest(name, words)
	}
	// ikk version: the flag written as a command.
	if suggestion == "" && name == "version" && c.Version != "" {
		suggestion = "--version"
	}
	if suggestion != "" {
		return say("cli.unknown_command_suggest", "name", q, "suggestion", suggestion)
	}
	if c.Runnable() {
		return say("cli.no_args_commands", "name", q, "cmd", c.CommandPath(), "commands", strings.Join(names, ", "))
	}
	return say("cli.unknown_command", "name", q, "cmd", c.CommandPath(), "commands", strings.Join(names, ", "))
}

func quoteList(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, " ")
}

// legacyUnknown is the text of cobra's one untyped usage error: a word
// after ikk that names no command.
var legacyUnknown = regexp.MustCompile(`^unknown command "(.*)" for "`)

// cobraError says in the catalogue's words the usage error cobra returns
// as bare text when the first word names no command; c is the command
// cobra stopped at.
func cobraError(c *cobra.Command, err error) error {
	if err == nil || c == nil {
		return err
	}
	var said *sayError
	var ue *usageError
	if errors.As(err, &said) || errors.As(err, &ue) {
		return err
	}
	if g := legacyUnknown.FindStringSubmatch(err.Error()); g != nil {
		return usage(c, unknownCommand(c, g[1]))
	}
	return err
}

// badValue refuses the value of flag name of c, saying what it takes.
func badValue(c *cobra.Command, name, value string) error {
	return usage(c, say("cli.bad_value", "flag", "--"+name, "value", value).with("accepted", accepts(nil, c, c.Flag(name))))
}

// accepts says what a flag takes, for the errors about its value.
func accepts(env *Env, c *cobra.Command, f *pflag.Flag) *sayError {
	builtins := func() string { return strings.Join(builtinNames(env), ", ") }
	switch f.Name {
	case "jobs":
		return say("cli.accept_jobs", "limit", strconv.Itoa(maxJobsPerCore*runtime.NumCPU()), "per_core", strconv.Itoa(maxJobsPerCore))
	case "top":
		return say("cli.accept_top")
	case "resamples":
		return say("cli.accept_resamples", "min", strconv.Itoa(minResamples), "max", strconv.Itoa(ikk.MaxResamples))
	case "date":
		return say("cli.accept_date")
	case "format":
		return say("cli.accept_one_of", "values", strings.Join(report.Formats(), ", "))
	case "lang":
		return say("cli.accept_lang")
	case "order":
		return say("cli.accept_order")
	case "indicators":
		return say("cli.accept_set", "builtins", builtins())
	case "from":
		return say("cli.accept_builtin", "builtins", builtins())
	case "output":
		if c.Name() == "score" {
			return say("cli.accept_output", "exts", ".xlsx, .json, .csv, .md")
		}
		if c.Name() == "form" || c.HasParent() && c.Parent().Name() == "form" {
			return say("cli.accept_output", "exts", ".xlsx, .xml")
		}
		return say("cli.accept_output", "exts", ".docx, .xlsx, .md")
	case "param":
		return say("cli.accept_param")
	case "desa", "pilot":
		return say("cli.accept_desa")
	case "direction":
		return say("cli.accept_direction")
	case "min-kk":
		return say("cli.accept_min_kk")
	case "sheet":
		return say("cli.accept_sheet")
	}
	switch f.Value.Type() {
	case "bool":
		return say("cli.accept_bool", "flag", "--"+f.Name)
	case "int":
		return say("cli.accept_whole")
	}
	return say("cli.accept_text")
}
