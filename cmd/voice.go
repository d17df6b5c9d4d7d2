package cmd

import (
	"strings"

	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
)

// sayError is an error of the command line as a catalogue key and its
// parameters, written in the run's language when it is printed; its cause,
// if any, takes the place of {err}, and each part, itself a text of the
// catalogue, the place of its name.
type sayError struct {
	key   string
	kv    []string
	err   error
	parts []sayPart
}

// sayPart is a catalogue text that fills a parameter of another, so that
// both are written in the same language.
type sayPart struct {
	name string
	text *sayError
}

func (e *sayError) Error() string { return explain("en", e) }
func (e *sayError) Unwrap() error { return e.err }

// with fills the parameter name with the text of another key.
func (e *sayError) with(name string, text *sayError) *sayError {
	e.parts = append(e.parts, sayPart{name, text})
	return e
}

func say(key string, kv ...string) *sayError { return &sayError{key: key, kv: kv} }

func sayErr(key string, kv ...string) error { return say(key, kv...) }

func wrapSay(err error, key string, kv ...string) error { return &sayError{key: key, kv: kv, err: err} }

// usageSay is a usage error said through the catalogue.
func usageSay(c *cobra.Command, key string, kv ...string) error {
	return usage(c, say(key, kv...))
}

// usage marks err as a mistake in the command line of c: exit 2, with the
// hint to read c's help.
func usage(c *cobra.Command, err error) error {
	return &usageError{err: err, cmdPath: c.CommandPath()}
}

// explain writes an error in lang, the command line's own errors and the
// domain's alike.
func explain(lang string, err error) string {
	switch e := err.(type) {
	case *sayError:
		kv := e.kv
		if e.err != nil || len(e.parts) > 0 {
			kv = append([]string(nil), kv...)
		}
		if e.err != nil {
			kv = append(kv, "err", explain(lang, e.err))
		}
		for _, p := range e.parts {
			kv = append(kv, p.name, explain(lang, p.text))
		}
		return report.Say(lang, e.key, kv...)
	case *usageError:
		return explain(lang, e.err)
	case *dataIssuesError:
		return report.Say(lang, "cli.strict", "count", report.Int(e.n, lang))
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
