package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// TestLokusInLibreOffice prints the annex with --justify (Word and Excel)
// and the lokus document of a kabupaten of 150 desa through LibreOffice and
// reads the PDF back: every consideration whole, as the Markdown has it
// (no word broken, nothing cut), the tables' headers and the first
// candidates' names whole, the justification after the annex's own pages.
func TestLokusInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: LibreOffice")
	}
	soffice := tool(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	pdfinfo := tool(t, "pdfinfo", "poppler-utils")
	dir := t.TempDir()
	survey := genSurvey(t, dir, surveygen.Config{Seed: 1, Households: 15000, Desa: 150, Kecamatan: 10})
	rules := []string{"--justify", "--min-kk", "50", "--lang", "id"}
	md := filepath.Join(dir, "lampiran.md")
	if code, stderr := runIKK(t, append([]string{"annex", survey, "-o", md}, rules...)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(md)
	var clauses, names []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "bahwa ") {
			clauses = append(clauses, strings.ReplaceAll(l, `\.`, "."))
		}
	}
	// The first candidates' names, from the lokus section's table.
	section := string(b)[strings.Index(string(b), "PERINGKAT CALON DESA LOKUS"):]
	for _, m := range regexp.MustCompile(`(?m)^\|\s+\d \| [^|]+\| ([^|]+?) +\|`).FindAllStringSubmatch(section, -1) {
		names = append(names, m[1])
	}
	if len(clauses) < 4 || len(names) < 5 {
		t.Fatalf("%d considerations and %d names in the Markdown:\n%s", len(clauses), len(names), section)
	}
	tests := []struct {
		cmd, file string
		maxPages  int
		words     []string
	}{
		{"annex", "lampiran.docx", 6, []string{"Peringkat pertama", "Selang 95%", "Bobot daftar indikator", "Rumusan pertimbangan untuk bagian Menimbang Keputusan Bupati:"}},
		{"annex", "lampiran.xlsx", 6, []string{"Peringkat pertama", "Selang 95%", "Bobot daftar indikator", "Rumusan pertimbangan untuk bagian Menimbang Keputusan Bupati:"}},
		// Every candidate, on portrait pages.
		{"lokus", "lokus.docx", 6, []string{"Peringkat pertama", "Selang 95%", "Rumusan pertimbangan"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out := filepath.Join(dir, tt.file)
			args := append([]string{tt.cmd, survey, "-o", out}, rules...)
			if tt.cmd == "lokus" {
				args = append([]string{"lokus", survey, "-o", out}, rules[1:]...)
			}
			if code, stderr := runIKK(t, args...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			pdf, text := printText(t, soffice, pdftotext, dir, filepath.Join(dir, strings.ReplaceAll(tt.file, ".", "_")), out)
			flat := strings.Join(strings.Fields(string(text)), " ")
			for _, w := range append(tt.words, clauses...) {
				if !strings.Contains(flat, w) {
					t.Errorf("not printed whole: %q", w)
				}
			}
			for _, name := range names {
				if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(name) + `(\s|$)`).MatchString(flat) {
					t.Errorf("candidate %q is not printed whole", name)
				}
			}
			if tt.cmd == "annex" {
				// The considerations follow the signature, on a page of
				// their own.
				if strings.Index(flat, "BUPATI TABALONG,") > strings.Index(flat, "PERINGKAT CALON DESA LOKUS") {
					t.Errorf("the desa lokus comes before the annex's signature")
				}
			}
			info, err := exec.Command(pdfinfo, pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			pages, _ := strconv.Atoi(string(regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)[1]))
			if pages > tt.maxPages {
				t.Errorf("%d pages, want at most %d", pages, tt.maxPages)
			}
			t.Logf("%s: %d pages", tt.file, pages)
		})
	}
}
