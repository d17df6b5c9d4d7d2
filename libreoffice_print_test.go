package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/ikk-tools/ikk/internal/surveygen"
)

// TestWorkbookPrints renders the Excel report of a kabupaten of 25 desa to
// PDF with LibreOffice, as an office prints it, and reads it back with
// pdftotext: every header word and every desa name appears whole (no word
// broken inside itself), and the pages stay within bounds.
func TestWorkbookPrints(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: renders a workbook through LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler (pdftotext) not installed")
	}
	const households, desa = 5000, 25
	dir := t.TempDir()
	survey, book, js := filepath.Join(dir, "survei.csv"), filepath.Join(dir, "laporan.xlsx"), filepath.Join(dir, "hasil.json")
	f, err := os.Create(survey)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	if err := surveygen.Generate(bw, surveygen.Config{Seed: 1, Households: households, Desa: desa, Kecamatan: 4, Comma: ','}); err != nil {
		t.Fatal(err)
	}
	bw.Flush()
	f.Close()
	var stdout, stderr bytes.Buffer
	if code := cmd.Main([]string{"score", survey, "-o", book, "-o", js, "--date", "2026-03-23"},
		cmd.Env{Builtins: map[string][]byte{"ikk": defaultSet}, Stdout: &stdout, Stderr: &stderr}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	_, out := printText(t, soffice, "pdftotext", dir, dir, book, "-layout")
	pages := strings.Split(strings.TrimSuffix(out, "\f"), "\f")
	perSheet := sheetPages(pages)
	t.Logf("%d pages: %v", len(pages), perSheet)

	// Bounds, for 25 desa and 5,000 families: the sheets of the desa a few
	// pages each, the tables of a row per desa and indicator (Rincian,
	// Permasalahan, Rencana) as long as their rows, Keluarga at least 80
	// families a landscape page.
	bounds := map[string]int{"Indeks Kualitas Keluarga (IKK)": 2, "Indikator": 2, "Dimensi dan Lensa": 5, "Per RT": 4,
		"Keluarga": households / 80, "Masalah Data": 8, "Metodologi": 3}
	for sheet, most := range bounds {
		if n := perSheet[sheet]; n == 0 || n > most {
			t.Errorf("%s prints on %d pages, want 1 to %d", sheet, n, most)
		}
	}
	if len(pages) > 120 {
		t.Errorf("%d pages, want at most 120", len(pages))
	}

	all := string(out)
	words := strings.Fields(all)
	whole := map[string]bool{}
	for _, w := range words {
		whole[w] = true
	}
	for _, h := range []string{"Kecamatan", "Desa/Kelurahan", "Jumlah", "Kategori", "Peringkat", "Nomor", "kelamin", "Lengkap",
		"Berkas", "Lembar", "Kolom", "Keterangan", "Capaian", "terdampak", "Instansi", "Anggaran", "Waktu", "Legalitas", "Ketahanan"} {
		if !whole[h] {
			t.Errorf("header word %q does not appear whole in the PDF", h)
		}
	}
	var res struct {
		Units []struct {
			Level, Name string
			RT          *string
		}
	}
	data, _ := os.ReadFile(js)
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	names := 0
	for _, u := range res.Units {
		if u.Level == "desa" && u.RT == nil {
			names++
			if !strings.Contains(pages[0], u.Name) {
				t.Errorf("desa %q does not appear whole on the Ringkasan page", u.Name)
			}
		}
	}
	if names != desa {
		t.Errorf("%d desa in the JSON, want %d", names, desa)
	}
}

// sheetPages counts the printed pages of each sheet: a titled sheet starts
// on the page whose second line is the scope line under its title; the
// Keluarga sheet, which has no title, at the first page of its header.
func sheetPages(pages []string) map[string]int {
	counts := map[string]int{}
	cur := ""
	for _, p := range pages {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		switch {
		case len(lines) > 1 && strings.Contains(lines[1], "Set indikator"):
			cur, _, _ = strings.Cut(lines[0], " · ")
		case cur == "Per RT" && strings.Contains(p, "Nomor KK"):
			cur = "Keluarga"
		}
		counts[cur]++
	}
	return counts
}
