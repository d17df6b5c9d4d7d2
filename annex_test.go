package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/ikk-tools/ikk/internal/surveygen"
)

// tool finds a program the test needs; CI must have it (.ci/run installs it).
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found: .ci/run installs %s", name, pkg)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// printText prints a document to PDF with LibreOffice, as an office
// prints it, into its own folder pdfDir (a private profile under dir), and
// reads the PDF back with pdftotext (args such as -layout before the file):
// the PDF's path and its text, pages ended by form feeds.
func printText(t *testing.T, soffice, pdftotext, dir, pdfDir, doc string, args ...string) (string, string) {
	t.Helper()
	conv := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")), "--headless",
		"--convert-to", "pdf", "--outdir", pdfDir, doc)
	if b, err := conv.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	pdf := filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(doc), filepath.Ext(doc))+".pdf")
	text, err := exec.Command(pdftotext, append(args, pdf, "-")...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return pdf, string(text)
}

// TestAnnexDocxInLibreOffice writes the Word annex of a generated kabupaten
// of 300 desa, has LibreOffice print it to PDF and reads the PDF back: the
// heading, every desa row, the signature, the table header on every page,
// and a page count a lampiran of 300 rows can have.
func TestAnnexDocxInLibreOffice(t *testing.T) {
	soffice := tool(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	survey := filepath.Join(dir, "kabupaten.csv")
	var gen bytes.Buffer
	cfg := surveygen.Config{Seed: 9, Households: 6000, Desa: 300, Kecamatan: 12}
	if err := surveygen.Generate(&gen, cfg); err != nil {
		t.Fatal(err)
	}
	villages, err := surveygen.Villages(cfg)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(survey, gen.Bytes(), 0o644)
	docx := filepath.Join(dir, "lampiran.docx")
	var stdout, stderr bytes.Buffer
	code := cmd.Main([]string{"annex", survey, "-o", docx, "--nomor", "188.45/093/2023", "--tanggal", "2023-03-23",
		"--tentang", "Penetapan Desa Lokus", "--penandatangan", "Nama Bupati", "--desa-lokus", villages[0].Code},
		cmd.Env{Builtins: map[string][]byte{"ikk": defaultSet}, Stdout: &stdout, Stderr: &stderr})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	_, text := printText(t, soffice, pdftotext, dir, dir, docx, "-layout")
	pages := strings.Split(text, "\f")
	if pages[len(pages)-1] == "" || strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	for _, want := range []string{"LAMPIRAN", "KEPUTUSAN BUPATI TABALONG", "188.45/093/2023", "23 MARET 2023", "PENETAPAN DESA LOKUS", "BUPATI TABALONG,", "NAMA BUPATI", "Desa lokus"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed annex lacks %q", want)
		}
	}
	for _, v := range villages {
		if !strings.Contains(text, v.Code) {
			t.Errorf("desa %s is not printed", v.Code)
		}
	}
	if len(pages) < 5 || len(pages) > 20 {
		t.Errorf("%d pages for 300 desa", len(pages))
	}
	// Every page the table runs on repeats its header; the legend, the
	// signature and the small print stay together, on the last page,
	// whether the table ends there or on the page before.
	rowLine := regexp.MustCompile(`(?m)^\s*\d+\s+\d\d\.\d\d\.\d\d\.\d{4}\s`)
	for i, p := range pages {
		if rowLine.MatchString(p) && !strings.Contains(p, "Kode Desa") {
			t.Errorf("page %d holds rows of the table but not its header", i+1)
		}
	}
	last := pages[len(pages)-1]
	for _, want := range []string{"Kategori IKK ditetapkan", "BUPATI TABALONG,", "NAMA BUPATI", "Diolah dengan aplikasi ikk"} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page lacks %q: the legend, signature and small print are split", want)
		}
	}
}
