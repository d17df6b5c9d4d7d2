package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
	if err := surveygen.Generate(&gen, surveygen.Config{Seed: 9, Households: 6000, Desa: 300, Kecamatan: 12}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(survey, gen.Bytes(), 0o644)
	docx := filepath.Join(dir, "lampiran.docx")
	var stdout, stderr bytes.Buffer
	code := cmd.Main([]string{"annex", survey, "-o", docx, "--nomor", "188.45/093/2023", "--tanggal", "2023-03-23",
		"--tentang", "Penetapan Desa Lokus", "--penandatangan", "Nama Bupati", "--desa-lokus", "63.09.01.2001"},
		cmd.Env{Builtins: map[string][]byte{"ikk": defaultSet}, Stdout: &stdout, Stderr: &stderr})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	conv := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", dir, docx)
	if b, err := conv.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "lampiran.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	pages := strings.Split(text, "\f")
	if pages[len(pages)-1] == "" || strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	for _, want := range []string{"LAMPIRAN", "KEPUTUSAN BUPATI TABALONG", "188.45/093/2023", "23 MARET 2023", "PENETAPAN DESA LOKUS", "BUPATI TABALONG,", "NAMA BUPATI", "Desa lokus"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed annex lacks %q", want)
		}
	}
	for i := 1; i <= 300; i++ {
		code := "63.09." + pad2(1+(i-1)*12/300) + "." + strconv.Itoa(2000+i)
		if !strings.Contains(text, code) {
			t.Errorf("desa %s is not printed", code)
		}
	}
	if len(pages) < 5 || len(pages) > 20 {
		t.Errorf("%d pages for 300 desa", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "Kode Desa") {
			t.Errorf("page %d has no table header", i+1)
		}
	}
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
