package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// TestSasaranPrints prints one office's list of a generated kabupaten
// through LibreOffice, as the office prints it, and reads the PDF back:
// the cover on a portrait page, the list on landscape pages each headed by
// the header row, with the page number at the foot; every header word and
// desa name whole; every family listed printed; and, with personal data,
// every page saying so.
func TestSasaranPrints(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: LibreOffice")
	}
	soffice := tool(t, "soffice", "libreoffice-calc-nogui")
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	pdfinfo := tool(t, "pdfinfo", "poppler-utils")
	dir := t.TempDir()
	cfg := surveygen.Config{Seed: 2, Households: 1200, Desa: 12, Kecamatan: 3}
	survey := genSurvey(t, dir, cfg)
	villages, err := surveygen.Villages(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, personal := range []bool{false, true} {
		name := "sasaran.xlsx"
		args := []string{"tindaklanjut", survey, "--sasaran", "--kantor", "dinkes", "--tanggal", "2026-03-23"}
		if personal {
			name = "sasaran-nama.xlsx"
			args = append(args, "--with-personal-data")
		}
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, name)
			if code, stderr := runIKK(t, append(args, "-o", out)...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			_, lists := sasaranSheets(t, out)
			families := 0
			for _, l := range lists["Dinkes"] {
				if !strings.HasPrefix(l, "# ") {
					families++
				}
			}
			if families < 100 {
				t.Fatalf("only %d families on the list: the test needs a longer one", families)
			}
			pdf, text := printText(t, soffice, pdftotext, dir, filepath.Join(dir, strings.TrimSuffix(name, ".xlsx")), out)
			pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
			if len(pages) < 3 {
				t.Fatalf("%d pages, want the cover and at least two of the list", len(pages))
			}
			// The zero-width space after a slash lets a header break there.
			flat := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u200b", "")), " ") }
			cover := flat(pages[0])
			// ("Undang-Undang" may break at its hyphen.)
			rule := "Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi"
			if strings.Contains(cover, rule) != personal {
				t.Errorf("cover states the rule of UU 27/2022: %v, want %v", !personal, personal)
			}
			masked := regexp.MustCompile(`\b\d{6}\*{6}\d{4}\b`)
			full := regexp.MustCompile(`\b63\d{14}\b`)
			kk := 0
			for i, p := range pages[1:] {
				p = flat(p)
				// The header row on every page, its words whole.
				for _, w := range []string{"Kecamatan", "Desa/Kelurahan", "Kode Desa", "RT", "Nomor KK", "Indikator yang tidak dipenuhi", "Jumlah", "Keterangan Kunjungan"} {
					if !strings.Contains(p, w) {
						t.Errorf("page %d: header %q is not printed whole", i+2, w)
					}
				}
				if personal && !strings.Contains(p, "Nama Kepala Keluarga") {
					t.Errorf("page %d: no name column", i+2)
				}
				if !regexp.MustCompile(`Halaman \d+ dari \d+`).MatchString(p) {
					t.Errorf("page %d: no page number at its foot", i+2)
				}
				if strings.Contains(p, "DATA PRIBADI (UU No. 27 Tahun 2022)") != personal {
					t.Errorf("page %d: the personal-data line at its head: %v, want %v", i+2, !personal, personal)
				}
				if personal {
					kk += len(full.FindAllString(p, -1))
				} else {
					kk += len(masked.FindAllString(p, -1))
					if full.MatchString(p) {
						t.Errorf("page %d: a full KK number without --with-personal-data", i+2)
					}
				}
			}
			if kk != families {
				t.Errorf("%d KK numbers printed, %d families on the list", kk, families)
			}
			all := flat(string(text))
			// The desa on the list, by the names the register gives them.
			listed := map[string]bool{}
			for _, l := range lists["Dinkes"] {
				if !strings.HasPrefix(l, "# ") {
					listed[strings.Split(l, "|")[0]] = true
				}
			}
			for _, v := range villages {
				if !listed[v.Name] {
					continue
				}
				delete(listed, v.Name)
				for _, w := range strings.Fields(v.Name) {
					if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(w) + `(\s|$|\))`).MatchString(all) {
						t.Errorf("desa name word %q (%s) is not printed whole", w, v.Name)
					}
				}
			}
			if len(listed) > 0 {
				t.Errorf("desa on the list that the generator did not make: %v", listed)
			}
			info, err := exec.Command(pdfinfo, "-f", "1", "-l", "2", pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			sizes := regexp.MustCompile(`Page +\d+ size:\s+([\d.]+) x ([\d.]+)`).FindAllSubmatch(info, -1)
			wide := func(m [][]byte) bool {
				w, _ := strconv.ParseFloat(string(m[1]), 64)
				h, _ := strconv.ParseFloat(string(m[2]), 64)
				return w > h
			}
			if len(sizes) != 2 || wide(sizes[0]) || !wide(sizes[1]) {
				t.Errorf("the cover portrait and the list landscape wanted:\n%s", info)
			}
			t.Logf("%s: %d families, %d pages", name, families, len(pages))
		})
	}
}
