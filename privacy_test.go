package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"github.com/ikk-tools/ikk/internal/fixture"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/xuri/excelize/v2"
)

func runIkk(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cmd.Main(args, cmd.Env{Builtins: map[string][]byte{"ikk": defaultSet}, Stdout: &stdout, Stderr: &stderr})
	if code != 0 {
		t.Fatalf("ikk %v: exit %d: %s", args, code, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// TestNoPersonalDataInSummaries: family names and KK numbers (UU 27/2022)
// never appear in a summary output, in any format, stdout or files.
func TestNoPersonalDataInSummaries(t *testing.T) {
	in := "testdata/sample/survei_kelua.csv"
	recs, col, err := fixture.Survey(in)
	if err != nil {
		t.Fatal(err)
	}
	// The first family again (a duplicate KK) with a bad cell, so that the
	// issues speak of households too.
	dup := append([]string(nil), recs[1]...)
	dup[col["buku_nikah"]] = "mungkin"
	// Another family's KK number typed into an answer column: the issue
	// quoting the cell must not carry it.
	recs[3][col["jml_art"]] = recs[2][col["no_kk"]]
	// And one typed into the RT column, which names a unit of every report.
	recs[4][col["rt"]] = recs[5][col["no_kk"]]
	dir := t.TempDir()
	withDup := filepath.Join(dir, "survey.csv")
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.WriteAll(append(recs, dup))
	os.WriteFile(withDup, []byte(b.String()), 0o644)

	var outputs []string
	for _, format := range []string{"table", "json", "csv", "md"} {
		for _, lang := range []string{"id", "en"} {
			stdout, stderr := runIkk(t, "score", "--format", format, "--lang", lang, withDup)
			outputs = append(outputs, stdout, stderr)
		}
	}
	files := []string{filepath.Join(dir, "r.json"), filepath.Join(dir, "r.csv"), filepath.Join(dir, "r.md")}
	runIkk(t, "score", withDup, "-o", files[0], "-o", files[1], "-o", files[2])
	// The decree annex and the follow-up plan, in every format.
	for _, ext := range []string{"md", "docx", "xlsx"} {
		a, p := filepath.Join(dir, "lampiran."+ext), filepath.Join(dir, "rencana."+ext)
		runIkk(t, "annex", withDup, "-o", a)
		runIkk(t, "tindaklanjut", withDup, "-o", p)
		files = append(files, a, p)
		// The desa lokus, alone and in the annex.
		l, j := filepath.Join(dir, "lokus."+ext), filepath.Join(dir, "lampiran-justify."+ext)
		stdout, stderr := runIkk(t, "lokus", withDup, "-o", l)
		runIkk(t, "annex", withDup, "--justify", "--most-in-need", "-o", j)
		outputs = append(outputs, stdout, stderr)
		files = append(files, l, j)
	}
	// The lists of families to visit without --with-personal-data: masked
	// KK numbers only, no name, in the sheets, the cover and docProps.
	sasaran := filepath.Join(dir, "sasaran.xlsx")
	stdout, stderr := runIkk(t, "tindaklanjut", withDup, "--sasaran", "-o", sasaran)
	files = append(files, sasaran)
	outputs = append(outputs, stdout, stderr)
	// With it, the names go to that file only: never to standard output
	// or standard error.
	named := filepath.Join(dir, "sasaran-nama.xlsx")
	stdout, stderr = runIkk(t, "tindaklanjut", withDup, "--sasaran", "--with-personal-data", "-o", named)
	outputs = append(outputs, stdout, stderr)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, string(data))
		if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
			for _, f := range zr.File {
				rc, _ := f.Open()
				part, _ := io.ReadAll(rc)
				rc.Close()
				outputs = append(outputs, string(part))
			}
		}
	}
	all := strings.Join(outputs, "\n")
	if _, lists := sasaranSheets(t, sasaran); !strings.Contains(fmt.Sprint(lists), "|630901******") {
		t.Fatal("the lists should hold masked KK numbers")
	}
	if !strings.Contains(all, "duplicate_kk") {
		t.Fatal("the test survey should raise a duplicate_kk issue")
	}
	for _, r := range recs[1:] {
		if name := r[col["nama_kk"]]; strings.Contains(all, name) {
			t.Fatalf("family name %q appears in a summary output", name)
		}
		if kk := r[col["no_kk"]]; strings.Contains(all, kk) {
			t.Fatalf("KK number %s appears in a summary output", kk)
		}
	}
}

// TestFormulaTextStaysText: a survey text that a spreadsheet would take for a
// formula is written so that it stays text in the CSV output.
func TestFormulaTextStaysText(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s.csv")
	os.WriteFile(p, []byte("kode_desa,kecamatan,desa,buku_nikah,status_kawin_kk\n,=HYPERLINK(\"x\"),@Desa,ya,2\n"), 0o644)
	stdout, _ := runIkk(t, "score", "--format", "csv", p)
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		for _, cell := range r[:6] {
			if cell != "" && strings.ContainsAny(cell[:1], "=+@") {
				t.Errorf("cell %q would be read as a formula", cell)
			}
		}
	}
	if !strings.Contains(stdout, "'@Desa") || !strings.Contains(stdout, `'=HYPERLINK(""x"")`) {
		t.Errorf("formula-like names not kept as text:\n%s", stdout)
	}
}

// TestSasaranPersonalData: lists with --with-personal-data carry the names
// and full KK numbers, and then the cover states the rule of UU No. 27
// Tahun 2022 (purpose, who may hold the list, destruction after use) and
// every printed page says the list holds personal data; the document
// properties name no family.
func TestSasaranPersonalData(t *testing.T) {
	in := "testdata/sample/survei_kelua.csv"
	recs, col, err := fixture.Survey(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"id", "en"} {
		out := filepath.Join(t.TempDir(), "sasaran.xlsx")
		runIkk(t, "tindaklanjut", in, "--sasaran", "--with-personal-data", "--lang", lang, "-o", out)
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		parts := map[string]string{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			part, _ := io.ReadAll(rc)
			rc.Close()
			parts[f.Name] = string(part)
		}
		book, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		cover := sheetText(t, book, book.GetSheetList()[0])
		book.Close()
		for _, w := range map[string][]string{
			"id": {"Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi", "Pembatasan tujuan", "Pemegang daftar", "dimusnahkan"},
			"en": {"Undang-Undang Nomor 27 Tahun 2022", "Purpose limitation", "Who may hold it", "destroyed"},
		}[lang] {
			if !strings.Contains(cover, w) {
				t.Errorf("%s: the cover does not say %q", lang, w)
			}
		}
		all := strings.Join(slices.Collect(maps.Values(parts)), "\n")
		if !strings.Contains(all, recs[1][col["nama_kk"]]) || !strings.Contains(all, recs[1][col["no_kk"]]) {
			t.Errorf("%s: the lists do not name the families", lang)
		}
		if n := strings.Count(all, "<oddHeader>"); n < 2 || !strings.Contains(all, "27 Tahun 2022") {
			t.Errorf("%s: %d office sheets say on every page that they hold personal data", lang, n)
		}
		for name, part := range parts {
			if !strings.HasPrefix(name, "docProps/") {
				continue
			}
			for _, r := range recs[1:] {
				if strings.Contains(part, r[col["nama_kk"]]) || strings.Contains(part, r[col["no_kk"]]) {
					t.Errorf("%s: %s names a family", lang, name)
				}
			}
		}
	}
}
