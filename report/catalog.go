package report

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

// The catalogue holds every text a user reads, in Bahasa Indonesia and in
// English, under one key each: report words, document text, issue messages,
// command-line errors, hints, the summary and the progress line. Package ikk
// emits codes with parameters; the words are written here, once.
//
// A text names its parameters in braces: "{rows} baris dibaca". Say fills
// them from name/value pairs, so that a translation may put them in another
// order. Numbers are formatted by the caller (Int, Num) in the language of
// the text, so that a parameter is always a string.
//
// Texts are registered by the catalog_*.go files of this package, one file
// per part of the product, so that each part's words stand together.

// Languages are the languages of the catalogue; the first is the default.
var Languages = []string{"id", "en"}

// LangEnv is the environment variable that sets the default --lang.
const LangEnv = "IKK_LANG"

// DefaultLang is the language used when no --lang is given: IKK_LANG when
// it names a language of the catalogue, Bahasa Indonesia otherwise.
func DefaultLang() string {
	if l := strings.ToLower(strings.TrimSpace(os.Getenv(LangEnv))); slices.Contains(Languages, l) {
		return l
	}
	return Languages[0]
}

// Text is one entry of the catalogue.
type Text struct {
	ID, EN string
}

var catalog = map[string]Text{}

// register adds texts to the catalogue. A key registered twice is a
// programming error, found by every test run.
func register(texts map[string]Text) {
	for k, t := range texts {
		if _, dup := catalog[k]; dup {
			panic("report: catalogue key registered twice: " + k)
		}
		catalog[k] = t
	}
}

// Keys lists the catalogue's keys, sorted (for tests).
func Keys() []string {
	keys := make([]string, 0, len(catalog))
	for k := range catalog {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// LookupText returns the entry of a key.
func LookupText(key string) (Text, bool) {
	t, ok := catalog[key]
	return t, ok
}

// Say writes the text of key in lang with its parameters filled in from
// name/value pairs. A key missing from the catalogue writes itself between
// exclamation marks, so that the gap shows and a test finds it.
func Say(lang, key string, kv ...string) string {
	t, ok := catalog[key]
	if !ok {
		return "!" + key + "!"
	}
	s := t.ID
	if lang == "en" {
		s = t.EN
	}
	return fill(s, kv)
}

// fill replaces each {name} by its value, scanning the text once: a report
// of 100,000 issues says as many texts, and building a replacer for each
// cost more than the rest of the run's formatting. A brace that names no
// parameter stays as written, and values are not scanned again.
func fill(s string, kv []string) string {
	if len(kv) == 0 || !strings.Contains(s, "{") {
		return s
	}
	if len(kv)%2 != 0 {
		panic(fmt.Sprintf("report: odd parameter list for %q", s))
	}
	var b strings.Builder
	b.Grow(len(s) + 16*len(kv)/2)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		if v, n, ok := param(s, kv); ok {
			b.WriteString(v)
			s = s[n:]
			continue
		}
		b.WriteByte('{')
		s = s[1:]
	}
	b.WriteString(s)
	return b.String()
}

// param reads the "{name}" at the start of s: the value kv gives the name
// (the first pair naming it) and the length of the placeholder.
func param(s string, kv []string) (string, int, bool) {
	j := strings.IndexAny(s[1:], "{}")
	if j < 0 || s[1+j] != '}' {
		return "", 0, false
	}
	name := s[1 : 1+j]
	for k := 0; k < len(kv); k += 2 {
		if kv[k] == name {
			return kv[k+1], j + 2, true
		}
	}
	return "", 0, false
}

// Params lists the {name} parameters a text uses, sorted (for tests that
// check that both languages take the same parameters).
func Params(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
		s = s[i+j+1:]
	}
	slices.Sort(out)
	return out
}
