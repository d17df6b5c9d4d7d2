package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/ikk-tools/ikk/report"
)

// TestIBanggaEveryFormat runs every output of ikk with the iBangga set,
// which has no lenses, and with a copy of it that names no office either:
// each must be written, name the index iBangga and never IKK, leave no
// catalogue key unsaid, and show no section for what the set lacks.
func TestIBanggaEveryFormat(t *testing.T) {
	dir := t.TempDir()
	noOffices := filepath.Join(dir, "ibangga-no-offices.yaml")
	if err := os.WriteFile(noOffices, withoutOffices(t, ibanggaSet), 0o644); err != nil {
		t.Fatal(err)
	}
	const survey = "testdata/handworked_ibangga/survey.csv"
	for _, set := range []string{"ibangga", noOffices} {
		for _, lang := range report.Languages {
			name := filepath.Base(set) + "." + lang
			t.Run(name, func(t *testing.T) {
				out := filepath.Join(dir, name)
				texts := map[string]string{}
				run := func(what string, args ...string) {
					t.Helper()
					var stdout, stderr bytes.Buffer
					args = append(args, "--indicators", set, "--lang", lang)
					if code := cmd.Main(args, cmd.Env{Builtins: builtinSets(), Stdout: &stdout, Stderr: &stderr}); code != 0 {
						t.Fatalf("%s: exit %d: %s", what, code, stderr.String())
					}
					texts[what+" (stdout)"] = stdout.String()
					texts[what+" (stderr)"] = stderr.String()
				}
				for _, f := range []string{"table", "json", "csv", "md"} {
					run(f, "score", "--format", f, survey)
				}
				run("card", "score", "--desa", "63.09.06.2005", survey)
				run("report", "score", "-o", out+".xlsx", "-o", out+".md", survey)
				for _, ext := range []string{"docx", "xlsx", "md"} {
					run("annex "+ext, "annex", "-o", out+".annex."+ext, "--pilot", "63.09.06.2005", survey)
					run("plan "+ext, "plan", "-o", out+".plan."+ext, survey)
				}
				for _, f := range []string{".xlsx", ".md", ".annex.docx", ".annex.xlsx", ".annex.md", ".plan.docx", ".plan.xlsx", ".plan.md"} {
					texts[f] = fileText(t, out+f)
				}
				missing := regexp.MustCompile(`![a-z]+\.[a-z_.]+!`)
				for what, s := range texts {
					if strings.Contains(s, "IKK") {
						t.Errorf("%s names IKK", what)
					}
					if m := missing.FindString(s); m != "" {
						t.Errorf("%s: catalogue key unsaid: %s", what, m)
					}
				}
				for _, what := range []string{"table (stdout)", "md (stdout)", "card (stdout)", ".xlsx", ".annex.docx", ".annex.md"} {
					if !strings.Contains(texts[what], "iBangga") {
						t.Errorf("%s does not name iBangga", what)
					}
				}
				// No lenses: no section, column or sheet for them.
				lensWords := []string{report.Say(lang, "card.lenses"), report.Say(lang, "xlsx.gender_l"), report.Say(lang, "xlsx.dimensi"),
					strings.Split(report.Say(lang, "md.functions", "functions", "x"), "x")[0]}
				for _, what := range []string{"card (stdout)", "md (stdout)", ".xlsx"} {
					for _, w := range lensWords {
						if strings.Contains(texts[what], w) {
							t.Errorf("%s has %q, for a set without lenses", what, w)
						}
					}
				}
				// The 70 of desa 2005 is berkembang, its cut-off written
				// as the set declares it.
				if !strings.Contains(texts["table (stdout)"], "≤ iBangga ≤ ") || !strings.Contains(texts["table (stdout)"], "iBangga > ") {
					t.Errorf("table: the cut-offs are not written with their open bound:\n%s", texts["table (stdout)"])
				}
				// Without offices, the plan holds the permasalahan under
				// the words for indicators no office answers for, not the
				// words for a plan with nothing below target.
				if set == noOffices {
					for _, what := range []string{".plan.md", ".plan.docx", ".plan.xlsx", ".md"} {
						// The plan's title block writes the office in capitals.
						if !strings.Contains(strings.ToUpper(texts[what]), strings.ToUpper(report.Say(lang, "doc.plan.unassigned"))) {
							t.Errorf("%s lacks the part of the indicators without an office", what)
						}
						if strings.Contains(texts[what], report.Say(lang, "doc.plan.none")) {
							t.Errorf("%s says no indicator is below target", what)
						}
					}
				}
			})
		}
	}
}

// withoutOffices is a set with its sectors and every indicator's sectors
// taken out.
func withoutOffices(t *testing.T, set []byte) []byte {
	t.Helper()
	s := regexp.MustCompile(`(?m)^sectors:\n(  .*\n)+`).ReplaceAllString(string(set), "")
	s = regexp.MustCompile(`(?m)^    sectors: \[.*\]\n`).ReplaceAllString(s, "")
	if strings.Contains(s, "sectors") || strings.Contains(s, "dppkb") {
		t.Fatal("the set still names offices")
	}
	return []byte(s)
}

// fileText is a written file as text: a zip's XML parts (a workbook's
// cells, a document's paragraphs) one after the other.
func fileText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return string(data)
	}
	var b strings.Builder
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&b, rc)
		rc.Close()
	}
	return b.String()
}
