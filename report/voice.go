package report

import (
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// The functions here write what package ikk says as codes (ikk.Message,
// ikk.Issue) in a language of the catalogue.

// messenger is an error that can say itself as a message (InputError,
// NoHouseholdsError, OutputClashError).
type messenger interface{ Msg() *ikk.Message }

// Explain writes an error in lang: a message of the catalogue when the error
// is one, its own text otherwise (a file system error, technical detail).
func Explain(lang string, err error) string {
	if err == nil {
		return ""
	}
	switch e := err.(type) {
	case *ikk.Message:
		return SayMessage(lang, e)
	case messenger:
		return SayMessage(lang, e.Msg())
	case *ikk.SetError:
		return setErrorText(lang, e)
	case *FormatError:
		return SayFormatError(lang, e)
	}
	return err.Error()
}

// SayMessage writes a message in lang, its cause in place of {err} and its
// further sentences after it.
func SayMessage(lang string, m *ikk.Message) string {
	kv := localParams(lang, m.Params)
	if m.Err != nil {
		kv = append(kv, "err", Explain(lang, m.Err))
	}
	s := Say(lang, "msg."+m.Code, kv...)
	for _, a := range m.Also {
		s += "; " + SayMessage(lang, a)
	}
	return s
}

// IssueText writes what an issue says, in lang: its detail with the issue's
// own fields, its parameters and, for a value, what the column accepts.
func IssueText(lang string, is ikk.Issue) string {
	if is.Detail == "" {
		return Say(lang, "issue."+is.Code)
	}
	// The replacer takes the first value of a name: the written vocabulary
	// goes before the parameter that names its kind.
	kv := make([]string, 0, 18+len(is.Params))
	if a := is.Param("accepted"); a != "" {
		kv = append(kv, "accepted", Say(lang, "accepted."+a, localParams(lang, is.Params)...))
	}
	kv = append(kv, "file", is.File, "sheet", is.Sheet, "row", Int(is.Row, lang), "column", is.Column,
		"field", is.Field, "cell", is.Cell, "value", is.Value)
	if len(is.Spellings) > 0 || len(is.Candidates) > 0 || is.Param("kind") != "" || is.Code == ikk.IssueNameUnresolved {
		kv = append(kv, nameParams(lang, is)...)
	}
	kv = append(kv, localParams(lang, is.Params)...)
	if is.Cause != nil {
		kv = append(kv, "err", Explain(lang, is.Cause))
	}
	return Say(lang, "msg."+is.Detail, kv...)
}

// IssueName is the short name of an issue code, for counts.
func IssueName(lang, code string) string { return Say(lang, "issue."+code+".name") }

// localParams writes parameters in lang: counts and row numbers as whole
// numbers ("12.345"), bounds ("min", "max", "value") with the language's
// decimal sign, and the vocabulary of indicator-file problems (setWords) in
// words. Other values (setVerbatim, codes, names, paths) stay as given.
func localParams(lang string, kv []string) []string {
	out := kv
	for i := 1; i < len(kv); i += 2 {
		v := kv[i]
		var local string
		name := kv[i-1]
		switch {
		case name == "min" || name == "max" || name == "value":
			if f, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "eE") {
				local = NumTrim(f, lang)
			}
		case setWords[name] != "":
			local = Say(lang, setWords[name]+v)
		case setVerbatim[name]:
		default:
			if n, err := strconv.Atoi(v); err == nil && n >= 1000 && v[0] != '0' {
				local = Int(n, lang)
			}
		}
		if local != "" && local != v {
			if len(out) > 0 && &out[0] == &kv[0] {
				out = append([]string(nil), kv...)
			}
			out[i] = local
		}
	}
	return out
}

// setWords are the parameters of indicator-file problems that hold a code
// of ikk's vocabulary (ikk.Part*, ikk.Node*), with the catalogue prefix of
// their words.
var setWords = map[string]string{"part": "set.part.", "within": "set.within.", "node": "set.kind.", "expect": "set.kind."}

// setVerbatim are parameters never formatted as numbers, even when they
// are digits: names, codes and ids (a code 1000 is not "1.000"), what an
// indicator file holds, and the numbers of a file's problems, which are
// echoed as the file writes them (YAML's decimal point, no separators) so
// that the reader finds them there.
var setVerbatim = map[string]bool{
	"name": true, "id": true, "code": true, "key": true, "text": true, "short": true, "header": true,
	"found": true, "limit": true, "before": true, "low": true, "high": true,
}

// setErrorText writes every problem of an indicator file, each on its line.
func setErrorText(lang string, e *ikk.SetError) string {
	var b strings.Builder
	key := "msg." + ikk.MsgSetError
	if len(e.Problems) == 1 {
		key = "msg." + ikk.MsgSetErrorOne
	}
	b.WriteString(Say(lang, key, "file", e.File, "count", Int(len(e.Problems), lang)))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(e.File)
		if p.Line > 0 {
			b.WriteString(":" + strconv.Itoa(p.Line))
		}
		b.WriteString(": ")
		b.WriteString(SayMessage(lang, p.Message))
	}
	return b.String()
}
