package report

import (
	"strings"
	"testing"
)

// TestFill checks the one-pass filler against strings.Replacer, which
// defines what filling means: every {name} replaced at once, left to right,
// the first pair naming a parameter winning, values never scanned again.
func TestFill(t *testing.T) {
	kv := []string{"a", "1", "b", "{a}", "long", "LONG", "a", "second", "", "empty"}
	for _, s := range []string{
		"", "plain", "{a}", "{b}", "{a}{b}{a}", "x{a}y{long}z", "{{a}", "{a{b}", "{a}}", "{", "}", "{}", "{c}",
		"{ a}", "{long", "{lo{a}ng}", "tail {", "{b}{", "αβ {a} γ", "{a}{}{b}",
	} {
		pairs := make([]string, 0, len(kv))
		for i := 0; i < len(kv); i += 2 {
			pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
		}
		want := strings.NewReplacer(pairs...).Replace(s)
		if got := fill(s, kv); got != want {
			t.Errorf("fill(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkFill(b *testing.B) {
	s := "Nilai {value} pada kolom {column} tidak sah; yang diterima: {accepted}"
	kv := []string{"value", "x", "column", "jk_kk", "accepted", "1, 2", "row", "12"}
	for b.Loop() {
		fill(s, kv)
	}
}
