package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/ikk-tools/ikk/report"
)

// TestNoOtherLanguage runs many commands in-process under each --lang and
// checks that no text of the catalogue in the other language reaches what
// they print: for every entry whose two languages differ, the longest run
// of three or more words of the other language's text (parameters left
// out) must not appear.
func TestNoOtherLanguage(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("schema: ikk.indicators/v1\nid: x\ntarget: 500\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "data")
	os.Mkdir(folder, 0o755)
	for _, f := range []string{"testdata/handworked/survey.csv", "testdata/bad/old_excel.xls", "testdata/bad/truncated.xlsx"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(folder, filepath.Base(f)), data, 0o644)
	}
	runs := [][]string{
		{"score", "testdata/handworked/survey.csv"},
		{"score", "--format", "md", "testdata/handworked/survey.csv"},
		{"score", "--format", "json", "testdata/handworked/survey.csv"},
		{"score", "--strict", "testdata/handworked/survey.csv"},
		{"score", folder},
		{"score", "testdata/bad/old_excel.xls"},
		{"score", "testdata/bad/corrupt.xlsx"},
		{"score", "testdata/bad/binary.csv"},
		{"score", "nothere.csv"},
		{"score", "--jobs", "0", "testdata/handworked/survey.csv"},
		{"score", "--date", "23-03-2026", "testdata/handworked/survey.csv"},
		{"score", "--param", "garis_kemiskinan", "testdata/handworked/survey.csv"},
		{"score", "--format", "pdf", "testdata/handworked/survey.csv"},
		{"score", "--nope", "testdata/handworked/survey.csv"},
		{"score"},
		{"nocommand"},
		{"score", "--indicators", broken, "testdata/handworked/survey.csv"},
		{"indicators", "validate", broken},
		{"indicators", "init", "--from", "nothing"},
		{"indicators", "--indicators", "ibangga"},
		{"score", "--indicators", "ibangga", "testdata/handworked_ibangga/survey.csv"},
		{"score", "--indicators", "ibangga", "--format", "md", "testdata/handworked_ibangga/survey.csv"},
		{"score", "--indicators", "ibangga", "--desa", "63.09.06.2005", "testdata/handworked_ibangga/survey.csv"},
		{"tindaklanjut", "--sasaran", "-o", filepath.Join(dir, "sasaran.md"), "testdata/sasaran/survey.csv"},
		{"tindaklanjut", "--sasaran", "--kantor", "nope", "-o", filepath.Join(dir, "sasaran.xlsx"), "testdata/sasaran/survey.csv"},
		{"tindaklanjut", "--sasaran", "-o", filepath.Join(dir, "sasaran.xlsx"), "testdata/sasaran/survey.csv"},
		{"tindaklanjut", "--with-personal-data", "-o", filepath.Join(dir, "rencana.xlsx"), "testdata/sasaran/survey.csv"},
		{"lokus", "testdata/sample/survei_kelua.csv"},
		{"lokus", "--most-in-need", "--min-kk", "10", "testdata/sample/survei_kelua.csv"},
		{"lokus", "--pilot", "Bangkiling", "testdata/sample/survei_kelua.csv"},
		{"lokus", "--category", "9", "testdata/sample/survei_kelua.csv"},
		{"lokus", "--kecamatan", "x", "testdata/sample/survei_kelua.csv"},
		{"lokus", "--min-kk", "100000", "testdata/sample/survei_kelua.csv"},
		{"annex", "--min-kk", "3", "-o", filepath.Join(dir, "l.md"), "testdata/sample/survei_kelua.csv"},
	}
	for _, lang := range report.Languages {
		var out strings.Builder
		for _, args := range runs {
			var stdout, stderr bytes.Buffer
			cmd.Main(append(append([]string(nil), args...), "--lang", lang), cmd.Env{
				Builtins: builtinSets(), Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr})
			out.WriteString(stdout.String() + "\n" + stderr.String() + "\n")
		}
		text := out.String()
		for _, k := range report.Keys() {
			tx, _ := report.LookupText(k)
			if tx.ID == tx.EN {
				continue
			}
			other, same := tx.EN, tx.ID
			if lang == "en" {
				other, same = tx.ID, tx.EN
			}
			run := longestRun(other)
			// The indicator sets are data, in their own language: their
			// names ("Indeks Kualitas Keluarga") stand in every report.
			if run == "" || strings.Contains(same, run) || inAnyOwn(lang, run) || bytes.Contains(defaultSet, []byte(run)) || bytes.Contains(ibanggaSet, []byte(run)) {
				continue
			}
			if strings.Contains(text, run) {
				t.Errorf("--lang %s: %s shows text of the other language: %q", lang, k, run)
			}
		}
	}
}

var paramRe = regexp.MustCompile(`\{[a-z_0-9]+\}`)
var wordRunRe = regexp.MustCompile(`[\p{L}][\p{L}'-]*(?: [\p{L}][\p{L}'-]*){2,}`)

// longestRun is the longest run of three or more words of a text, between
// its parameters and punctuation.
func longestRun(s string) string {
	best := ""
	for _, part := range paramRe.Split(s, -1) {
		for _, r := range wordRunRe.FindAllString(part, -1) {
			if len(r) > len(best) {
				best = r
			}
		}
	}
	return best
}

// inAnyOwn reports whether a run is also a text of the language itself (a
// phrase both languages share), so that it proves nothing.
func inAnyOwn(lang, run string) bool {
	for _, k := range report.Keys() {
		tx, _ := report.LookupText(k)
		own := tx.ID
		if lang == "en" {
			own = tx.EN
		}
		if strings.Contains(own, run) {
			return true
		}
	}
	return false
}
