package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/ikk-tools/ikk/internal/surveygen"
)

func runIKK(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cmd.Main(args, cmd.Env{Builtins: map[string][]byte{"ikk": defaultSet}, Stdout: &stdout, Stderr: &stderr})
	return code, stderr.String()
}

func genSurvey(t *testing.T, dir string, cfg surveygen.Config) string {
	t.Helper()
	var gen bytes.Buffer
	if err := surveygen.Generate(&gen, cfg); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "kabupaten.csv")
	if err := os.WriteFile(p, gen.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDocumentCommands: two --desa-lokus, the line naming what was written,
// exit 1 when a folder file could not be read, exit 3 under --strict.
func TestDocumentCommands(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	os.Mkdir(data, 0o755)
	cfg := surveygen.Config{Seed: 3, Households: 400, Desa: 8, Kecamatan: 2}
	genSurvey(t, data, cfg)
	villages, err := surveygen.Villages(cfg)
	if err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "lampiran.md")
	code, stderr := runIKK(t, "annex", data, "-o", md, "--desa-lokus", villages[0].Code, "--desa-lokus", villages[7].Code)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(md)
	if n := strings.Count(string(b), "Desa lokus |"); n != 2 {
		t.Errorf("%d desa marked lokus, want 2", n)
	}
	if !regexp.MustCompile(`ikk: berkas \S+lampiran\.md ditulis \(\d+ (B|KB)\)`).MatchString(stderr) {
		t.Errorf("stderr does not say what was written:\n%s", stderr)
	}
	// The generated survey has data issues: --strict stops, writing nothing.
	for _, c := range []string{"annex", "tindaklanjut"} {
		out := filepath.Join(dir, c+"-strict.md")
		if code, stderr := runIKK(t, c, data, "-o", out, "--strict"); code != 3 {
			t.Errorf("%s --strict: exit %d, want 3: %s", c, code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s --strict wrote %s", c, out)
		}
	}
	// An old .xls in the folder: a decree must not leave its desa out.
	os.WriteFile(filepath.Join(data, "lama.xls"), []byte("\xd0\xcf\x11\xe0 not a workbook"), 0o644)
	for _, c := range []string{"annex", "tindaklanjut"} {
		out := filepath.Join(dir, c+"-skipped.docx")
		if code, stderr := runIKK(t, c, data, "-o", out); code != 1 || !strings.Contains(stderr, "lama.xls") {
			t.Errorf("%s with an unreadable file: exit %d, want 1 naming it: %s", c, code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s wrote %s despite an unreadable file", c, out)
		}
	}
}

// TestDocumentsInLibreOffice prints the annex and the plan of a kabupaten of
// 150 desa, .docx and .xlsx, through LibreOffice and reads the PDF back:
// every header word and desa name whole, the pages within the targets, the
// plan landscape.
func TestDocumentsInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: LibreOffice")
	}
	soffice := tool(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	pdfinfo := tool(t, "pdfinfo", "poppler-utils")
	dir := t.TempDir()
	cfg := surveygen.Config{Seed: 1, Households: 15000, Desa: 150, Kecamatan: 10}
	survey := genSurvey(t, dir, cfg)
	villages, err := surveygen.Villages(cfg)
	if err != nil {
		t.Fatal(err)
	}
	desaNames := map[string]bool{}
	for _, v := range villages {
		desaNames[v.Name] = true
	}
	tests := []struct {
		cmd, file string
		maxPages  int
		landscape bool
		words     []string
	}{
		{"annex", "lampiran.docx", 5, false, []string{"Kode Desa", "Kecamatan", "Kelurahan", "Jumlah KK", "IKK", "Kategori", "Keterangan"}},
		{"annex", "lampiran.xlsx", 5, false, []string{"Kode Desa", "Kecamatan", "Kelurahan", "Jumlah KK", "IKK", "Kategori", "Keterangan"}},
		// The plan: at most 5 pages for each of the 17 offices of the
		// default set, whose desa tables hold up to the 150 desa.
		{"tindaklanjut", "rencana.docx", 85, true, []string{"Kode Desa", "Kecamatan", "Kelurahan", "terdampak", "Indikator", "memenuhi", "Kegiatan", "Sumber", "Anggaran", "Waktu", "SP04"}},
		{"tindaklanjut", "rencana.xlsx", 85, true, []string{"Kode Desa", "Kecamatan", "Kelurahan", "terdampak", "Indikator", "memenuhi", "Kegiatan", "Sumber", "Anggaran", "Waktu", "SP04"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out := filepath.Join(dir, tt.file)
			args := []string{tt.cmd, survey, "-o", out}
			if tt.cmd == "annex" {
				args = append(args, "--subtotal", "--desa-lokus", "63.09.01.2001")
			}
			if code, stderr := runIKK(t, args...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			pdf, text := printText(t, soffice, pdftotext, dir, filepath.Join(dir, strings.ReplaceAll(tt.file, ".", "_")), out)
			// Every header word and desa name as one run of letters: a
			// word broken inside itself would print as two lines.
			flat := strings.Join(strings.Fields(string(text)), " ")
			for _, w := range tt.words {
				if !strings.Contains(flat, w) {
					t.Errorf("header %q is not printed whole", w)
				}
			}
			for name := range desaNames {
				for _, w := range strings.Fields(name) {
					if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(w) + `(\s|$)`).MatchString(flat) {
						t.Errorf("desa name word %q (%s) is not printed whole", w, name)
					}
				}
			}
			info, err := exec.Command(pdfinfo, pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
			pages, _ := strconv.Atoi(string(m[1]))
			if pages > tt.maxPages {
				t.Errorf("%d pages, want at most %d", pages, tt.maxPages)
			}
			size := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+)`).FindSubmatch(info)
			w, _ := strconv.ParseFloat(string(size[1]), 64)
			h, _ := strconv.ParseFloat(string(size[2]), 64)
			if (w > h) != tt.landscape {
				t.Errorf("page %.0f x %.0f pt, landscape %v wanted", w, h, tt.landscape)
			}
			t.Logf("%s: %d pages, %.0f x %.0f pt", tt.file, pages, w, h)
		})
	}
}
