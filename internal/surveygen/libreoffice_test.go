package surveygen

import (
	"archive/zip"
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var updateLO = flag.Bool("update-libreoffice", false, "remake testdata/libreoffice with LibreOffice (soffice)")

const loTestdata = "testdata/libreoffice"

// makeLOTestdata saves a small realistic survey with LibreOffice twice: in
// one piece and in pieces of 25 records, the workbooks that
// TestJoinWorkbooks joins. Kept in testdata, so that the test needs no
// LibreOffice and takes no time.
func makeLOTestdata(t *testing.T) {
	soffice, err := FindSoffice()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	lo := LibreOffice{Soffice: soffice, Profile: filepath.Join(tmp, "profile"), Chunk: 25}
	whole := filepath.Join(tmp, "whole", "survey.csv")
	if err := os.MkdirAll(filepath.Dir(whole), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(whole)
	if err != nil {
		t.Fatal(err)
	}
	if err := Generate(f, Config{Seed: 3, Households: 60, Desa: 3, Kecamatan: 1, Realistic: true, DuplicateRate: 0.05, NoVillageRate: 0.05}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	books := map[string]string{}
	if books["whole.xlsx"], err = lo.soffice(whole, filepath.Dir(whole)); err != nil {
		t.Fatal(err)
	}
	parts, err := lo.split(whole, tmp, "survey")
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range parts {
		if books[fmt.Sprintf("piece%d.xlsx", i+1)], err = lo.soffice(p, filepath.Dir(p)); err != nil {
			t.Fatal(err)
		}
	}
	os.RemoveAll(loTestdata)
	if err := os.MkdirAll(loTestdata, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, path := range books {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(loTestdata, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func zipEntries(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	m := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		m[f.Name] = string(b)
	}
	return m
}

func pieces(t *testing.T) []string {
	t.Helper()
	var ps []string
	for i := 1; ; i++ {
		p := filepath.Join(loTestdata, fmt.Sprintf("piece%d.xlsx", i))
		if _, err := os.Stat(p); err != nil {
			break
		}
		ps = append(ps, p)
	}
	if len(ps) < 2 {
		t.Fatalf("%s: fewer than two pieces; remake with -update-libreoffice", loTestdata)
	}
	return ps
}

// Joined, LibreOffice's workbooks of the pieces are its workbook of the
// whole survey: the same parts, byte for byte, but for the column widths.
func TestJoinWorkbooks(t *testing.T) {
	if *updateLO {
		makeLOTestdata(t)
	}
	out := filepath.Join(t.TempDir(), "joined.xlsx")
	if err := joinWorkbooks(pieces(t), out); err != nil {
		t.Fatal(err)
	}
	want, got := zipEntries(t, filepath.Join(loTestdata, "whole.xlsx")), zipEntries(t, out)
	if len(got) != len(want) {
		t.Errorf("%d parts, want %d", len(got), len(want))
	}
	cols := regexp.MustCompile(`<cols>.*?</cols>`)
	for name, w := range want {
		g, ok := got[name]
		if name == sheetName {
			if len(cols.FindAllString(g, -1)) != 1 {
				t.Errorf("%s: want one <cols>", name)
			}
			w, g = cols.ReplaceAllString(w, ""), cols.ReplaceAllString(g, "")
		}
		switch {
		case !ok:
			t.Errorf("no %s", name)
		case g != w:
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s differs at byte %d:\n got %.120q\nwant %.120q", name, i, g[i:], w[i:])
		}
	}
	// The joined sheet is what a reader sees: rows numbered through.
	if !strings.Contains(got[sheetName], `<dimension ref="A1:AT`) {
		t.Errorf("no dimension in the joined sheet")
	}
}

// A piece that LibreOffice saved with other styles cannot be joined
// without remapping every cell's style: the join refuses it.
func TestJoinWorkbooksRefusesOtherStyles(t *testing.T) {
	ps := pieces(t)
	odd := filepath.Join(t.TempDir(), "odd.xlsx")
	rewrite(t, ps[1], odd, "xl/styles.xml", func(s string) string {
		return strings.Replace(s, `<cellXfs count="`, `<cellXfs  count="`, 1)
	})
	err := joinWorkbooks([]string{ps[0], odd}, filepath.Join(t.TempDir(), "joined.xlsx"))
	if err == nil || !strings.Contains(err.Error(), "styles.xml differs") {
		t.Fatalf("joined a piece with other styles: %v", err)
	}
}

// rewrite copies a workbook, changing one part.
func rewrite(t *testing.T, from, to, name string, change func(string) string) {
	t.Helper()
	parts := zipEntries(t, from)
	f, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	zw := zip.NewWriter(bw)
	for n, b := range parts {
		if n == name {
			b = change(b)
		}
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
}
