package cmd

import (
	"regexp"
	"strings"

	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
)

// sayError is an error of the command line as a catalogue key and its
// parameters, written in the run's language when it is printed; its cause,
// if any, takes the place of {err}.
type sayError struct {
	key string
	kv  []string
	err error
}

func (e *sayError) Error() string { return explain("en", e) }
func (e *sayError) Unwrap() error { return e.err }

func sayErr(key string, kv ...string) error { return &sayError{key: key, kv: kv} }

func wrapSay(err error, key string, kv ...string) error { return &sayError{key: key, kv: kv, err: err} }

// usageSay is a usage error said through the catalogue.
func usageSay(c *cobra.Command, key string, kv ...string) error {
	return &usageError{err: sayErr(key, kv...), cmdPath: c.CommandPath()}
}

// explain writes an error in lang, the command line's own errors and the
// domain's alike.
func explain(lang string, err error) string {
	switch e := err.(type) {
	case *sayError:
		kv := e.kv
		if e.err != nil {
			kv = append(append([]string(nil), kv...), "err", explain(lang, e.err))
		}
		return report.Say(lang, e.key, kv...)
	case *usageError:
		return explain(lang, e.err)
	case *dataIssuesError:
		return report.Say(lang, "cli.strict", "count", report.Int(e.n, lang))
	}
	if s, ok := cobraWords(lang, err); ok {
		return s
	}
	return report.Explain(lang, err)
}

// argLang finds --lang (or its alias) in the arguments before cobra parses
// them, so that cobra's own usage errors, which come before any flag is
// read, are said in the language asked for.
func argLang(args []string) string {
	lang := report.DefaultLang()
	for i, a := range args {
		if a == "--" {
			break
		}
		name, v, hasValue := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		if !strings.HasPrefix(a, "--") || canonicalFlag(name) != "lang" {
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				continue
			}
			v = args[i+1]
		}
		if v == "id" || v == "en" {
			lang = v
		}
	}
	return lang
}

// cobra's usage errors, matched by their text: cobra has no error types.
var cobraPatterns = []struct {
	re  *regexp.Regexp
	key string
	kv  []string // parameter names, by submatch
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), "cli.unknown_command", []string{"name", "cmd"}},
	{regexp.MustCompile(`^unknown flag: (\S+)`), "cli.unknown_flag", []string{"flag"}},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)`), "cli.unknown_shorthand", []string{"flag", "arg"}},
	{regexp.MustCompile(`^flag needs an argument: '?(.*?)'?( in .*)?$`), "cli.flag_needs_arg", []string{"flag"}},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: `), "cli.invalid_flag_value", []string{"value", "flag"}},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)`), "cli.args_min", []string{"want", "got"}},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)`), "cli.args_max", []string{"want", "got"}},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)`), "cli.args_exact", []string{"want", "got"}},
}

func cobraWords(lang string, err error) (string, bool) {
	msg := err.Error()
	for _, p := range cobraPatterns {
		g := p.re.FindStringSubmatch(msg)
		if g == nil {
			continue
		}
		var kv []string
		for i, name := range p.kv {
			kv = append(kv, name, g[i+1])
		}
		return report.Say(lang, p.key, kv...), true
	}
	return "", false
}
