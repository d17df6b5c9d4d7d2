package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sasaranSheets reads a lists workbook back: the sheet names, and for each
// office sheet its desa headings and families, one line each:
// "# <heading>" or "desa|kecamatan|code|RT|KK|[name|]indicators|count".
func sasaranSheets(t *testing.T, path string) ([]string, map[string][]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	out := map[string][]string{}
	for _, s := range sheets[1:] {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		head := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "No" })
		if head < 0 {
			t.Fatalf("%s: no header row", s)
		}
		for _, r := range rows[head+1:] {
			switch {
			case len(r) == 0:
			case strings.HasPrefix(r[0], "Desa ") || strings.HasPrefix(r[0], "Kelurahan "):
				out[s] = append(out[s], "# "+r[0])
			case len(r) > 1 && r[1] != "":
				// The visit notes column, last, is empty.
				line := []string{r[2], r[1], r[3], r[4], r[5]}
				line = append(line, strings.ReplaceAll(strings.Join(r[6:len(r)], "|"), "\n", ","))
				out[s] = append(out[s], strings.Join(line, "|"))
			}
		}
	}
	return sheets, out
}

// TestSasaranHandCounted: each office's list of the fixture is the one
// counted by hand in testdata/sasaran/WORKINGS.md, family by family and in
// that order.
func TestSasaranHandCounted(t *testing.T) {
	dir := t.TempDir()
	in := "testdata/sasaran/survey.csv"
	out := filepath.Join(dir, "sasaran.xlsx")
	runIkk(t, "tindaklanjut", in, "--sasaran", "-o", out)
	sheets, lists := sasaranSheets(t, out)
	if want := []string{"Sampul", "Disdukcapil", "Kemenag", "Kesbangpol"}; !slices.Equal(sheets, want) {
		t.Fatalf("sheets %q, want %q", sheets, want)
	}
	hap := "# Desa Hapalah (63.09.01.2001), Kecamatan Banua Lawas: %s keluarga; indikator di bawah target: %s"
	bang := "# Desa Bangkiling (63.09.01.2002), Kecamatan Banua Lawas: %s keluarga; indikator di bawah target: %s"
	amp := "# Desa Ampukung (63.09.02.2002), Kecamatan Kelua: %s keluarga; indikator di bawah target: %s"
	heading := func(f, n, ids string) string { return strings.Replace(strings.Replace(f, "%s", n, 1), "%s", ids, 1) }
	want := map[string][]string{
		"Disdukcapil": {
			heading(hap, "3", "LS01, LS02"),
			"Hapalah|Banua Lawas|63.09.01.2001|2|630901******0003|LS02 Legalitas kelahiran anak|1",
			"Hapalah|Banua Lawas|63.09.01.2001|10|630901******0001|LS01 Legalitas perkawinan,LS02 Legalitas kelahiran anak|2",
			"Hapalah|Banua Lawas|63.09.01.2001|10|630901******0004|LS01 Legalitas perkawinan|1",
			heading(bang, "2", "LS02"),
			"Bangkiling|Banua Lawas|63.09.01.2002|1|630901******0012|LS02 Legalitas kelahiran anak|1",
			"Bangkiling|Banua Lawas|63.09.01.2002|3|630901******0013|LS02 Legalitas kelahiran anak|1",
		},
		"Kemenag": {
			heading(hap, "2", "LS01"),
			"Hapalah|Banua Lawas|63.09.01.2001|10|630901******0001|LS01 Legalitas perkawinan|1",
			"Hapalah|Banua Lawas|63.09.01.2001|10|630901******0004|LS01 Legalitas perkawinan|1",
		},
		"Kesbangpol": {
			heading(bang, "2", "SP03"),
			"Bangkiling|Banua Lawas|63.09.01.2002|1|630901******0012|SP03 Penghormatan terhadap hukum|1",
			"Bangkiling|Banua Lawas|63.09.01.2002|1|630901******0014|SP03 Penghormatan terhadap hukum|1",
			heading(amp, "2", "SP03"),
			"Ampukung|Kelua|63.09.02.2002|5|630902******0001|SP03 Penghormatan terhadap hukum|1",
			"Ampukung|Kelua|63.09.02.2002|5|630902******0003|SP03 Penghormatan terhadap hukum|1",
		},
	}
	for s, w := range want {
		if got := lists[s]; !slices.Equal(got, w) {
			t.Errorf("%s:\n got %q\nwant %q", s, got, w)
		}
	}
	// The cover counts the families: 8 of 15 on a list.
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cover := sheetText(t, f, "Sampul")
	f.Close()
	if !strings.Contains(cover, "8 keluarga tercantum pada sekurang-kurangnya satu daftar, dari 15 keluarga yang dinilai") {
		t.Errorf("cover does not count the families listed:\n%s", cover)
	}
	if strings.Contains(cover, "27 Tahun 2022") {
		t.Errorf("cover of masked lists states the rule for personal data:\n%s", cover)
	}

	// --kantor: only the offices named, in the order named; an office with
	// nothing below target gets its sheet, saying so.
	one := filepath.Join(dir, "satu.xlsx")
	runIkk(t, "tindaklanjut", in, "--sasaran", "--kantor", "Kesbangpol", "--kantor", "Dinas Kesehatan", "-o", one)
	sheets, lists = sasaranSheets(t, one)
	if want := []string{"Sampul", "Kesbangpol", "Dinkes"}; !slices.Equal(sheets, want) {
		t.Fatalf("--kantor: sheets %q, want %q", sheets, want)
	}
	if !slices.Equal(lists["Kesbangpol"], want["Kesbangpol"]) || len(lists["Dinkes"]) != 0 {
		t.Errorf("--kantor: lists %q", lists)
	}
	f, err = excelize.OpenFile(one)
	if err != nil {
		t.Fatal(err)
	}
	if text := sheetText(t, f, "Dinkes"); !strings.Contains(text, "tidak ada keluarga yang perlu dikunjungi") {
		t.Errorf("an office with nothing to do does not say so:\n%s", text)
	}
	f.Close()

	// With personal data: the names and full numbers, same order.
	named := filepath.Join(dir, "nama.xlsx")
	runIkk(t, "tindaklanjut", in, "--sasaran", "--with-personal-data", "--kantor", "disdukcapil", "-o", named)
	_, lists = sasaranSheets(t, named)
	if got := lists["Disdukcapil"]; len(got) != 7 || got[2] != "Hapalah|Banua Lawas|63.09.01.2001|10|6309010000000001|Anisa Satu|LS01 Legalitas perkawinan,LS02 Legalitas kelahiran anak|2" {
		t.Errorf("with personal data: %q", got)
	}
}

// sheetText is every cell of a sheet, a row a line.
func sheetText(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " | ") + "\n")
	}
	return b.String()
}

// TestSasaranRefusals: the mistakes of the command line, each a usage
// error (exit 2) that says what is accepted.
func TestSasaranRefusals(t *testing.T) {
	dir := t.TempDir()
	in := "testdata/sasaran/survey.csv"
	for _, tt := range []struct {
		args []string
		say  string
	}{
		{[]string{"--sasaran", "-o", filepath.Join(dir, "s.md")}, "-o " + filepath.Join(dir, "s.md") + " must end in .xlsx"},
		{[]string{"--sasaran", "--kantor", "dinas rahasia", "-o", filepath.Join(dir, "s.xlsx")}, `--kantor: no office "dinas rahasia" in the indicator set; accepted: dp3ap2kb, dppkb, disdukcapil,`},
		{[]string{"--with-personal-data", "-o", filepath.Join(dir, "r.xlsx")}, "--with-personal-data works only with --sasaran"},
		{[]string{"--kantor", "dinkes", "-o", filepath.Join(dir, "r.xlsx")}, "--kantor works only with --sasaran"},
		{[]string{"--sasaran", "--date", "23/03/2026", "-o", filepath.Join(dir, "s.xlsx")}, "YYYY-MM-DD"},
	} {
		code, stderr := runIKK(t, append([]string{"tindaklanjut", in, "--lang", "en"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.say) {
			t.Errorf("%v: exit %d, want 2 saying %q:\n%s", tt.args, code, tt.say, stderr)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("files written by refused runs: %v", left)
	}
}
