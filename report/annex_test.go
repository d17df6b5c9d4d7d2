package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

func testDecree(t *testing.T, res *ikk.Result) Decree {
	t.Helper()
	lokus, err := ikk.FindDesa(res, res.Desa()[0].Code)
	if err != nil {
		t.Fatal(err)
	}
	return Decree{Nomor: "188.45/093/2023", Tanggal: time.Date(2023, 3, 23, 0, 0, 0, 0, time.UTC),
		Tentang: "Penetapan Desa Lokus", Penandatangan: "Nama Bupati", Lokus: []*ikk.Unit{lokus}, Subtotals: true}
}

// TestAnnexGolden: the Markdown annex and follow-up plan of the hand-worked
// fixture, in both languages; every format renders twice to the same bytes.
func TestAnnexGolden(t *testing.T) {
	res := handWorked(t)
	d := testDecree(t, res)
	for _, lang := range []string{"id", "en"} {
		var annex, plan bytes.Buffer
		if err := Annex(&annex, res, d, "md", lang); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "annex."+lang+".md", annex.Bytes())
		if err := FollowUpPlan(&plan, res, res.Desa(), "", "md", lang); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "tindaklanjut."+lang+".md", plan.Bytes())
	}
	for _, format := range DocFormats() {
		var a, b bytes.Buffer
		if err := Annex(&a, res, d, format, "id"); err != nil {
			t.Fatal(err)
		}
		Annex(&b, res, d, format, "id")
		if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() == 0 {
			t.Errorf("%s: two renderings differ (or are empty)", format)
		}
	}
}

// TestAnnexXLSXReadBack: the print-ready workbook holds the heading, every
// desa with its IKK stored as a number, the lokus marked, and prints its
// table header on every page.
func TestAnnexXLSXReadBack(t *testing.T) {
	res := handWorked(t)
	d := testDecree(t, res)
	var buf bytes.Buffer
	if err := Annex(&buf, res, d, "xlsx", "id"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Lampiran")
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"LAMPIRAN", "NOMOR : 188.45/093/2023", "TANGGAL : 23 MARET 2023", "NAMA BUPATI", "Desa lokus"} {
		if !strings.Contains(text, want) {
			t.Errorf("the workbook lacks %q:\n%s", want, text)
		}
	}
	found := 0
	for i, r := range rows {
		for _, u := range res.Desa() {
			if len(r) > 5 && r[1] == u.Code && r[3] == u.Name {
				found++
				cell, _ := excelize.CoordinatesToCellName(6, i+1)
				typ, _ := f.GetCellType("Lampiran", cell)
				v, _ := f.GetCellValue("Lampiran", cell, excelize.Options{RawCellValue: true})
				if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || !strings.HasPrefix(v, round2Plain(*u.IKK)) {
					t.Errorf("desa %s: IKK cell %s type %v value %q, want the number %v", u.Code, cell, typ, v, *u.IKK)
				}
			}
		}
	}
	if found != len(res.Desa()) {
		t.Errorf("%d of %d desa rows found", found, len(res.Desa()))
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm.Print_Titles" {
		t.Errorf("defined names %+v, want the print titles", names)
	}
}

// round2Plain is a value's first digits, as stored: "79.3".
func round2Plain(v float64) string { return strings.TrimRight(ikk.Round2Text(v), "0") }

// TestFollowUpSheetPerOffice: each office with an indicator below target has
// its own sheet, named by its short name, with a row per desa it acts in.
func TestFollowUpSheetPerOffice(t *testing.T) {
	res := handWorked(t)
	var buf bytes.Buffer
	if err := FollowUpPlan(&buf, res, res.Desa(), "", "xlsx", "id"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	plans := ikk.FollowUp(res.Set, res.Desa())
	sheets := f.GetSheetList()
	if len(plans) == 0 || len(sheets) != len(plans) {
		t.Fatalf("sheets %q for %d offices", sheets, len(plans))
	}
	for i, p := range plans {
		rows, _ := f.GetRows(sheets[i])
		// Numbered rows before the desa table's header are the actions,
		// one per indicator; after it, one per desa.
		actions, desa, inDesa := 0, 0, false
		for _, r := range rows {
			if slices.Contains(r, Say("id", "doc.plan.code")) {
				inDesa = true
			}
			if len(r) > 4 && r[0] != "" && strings.Trim(r[0], "0123456789") == "" {
				if inDesa {
					desa++
				} else {
					actions++
				}
			}
		}
		if desa != len(p.Desa) {
			t.Errorf("sheet %s: %d desa rows, want %d", sheets[i], desa, len(p.Desa))
		}
		if want := len(planIndicators(p)); actions != want {
			t.Errorf("sheet %s: %d action rows, want one per indicator below target, %d", sheets[i], actions, want)
		}
		if sheets[i] != p.Sector.Short {
			t.Errorf("sheet %q, want the short name %q", sheets[i], p.Sector.Short)
		}
	}
}

func TestSheetName(t *testing.T) {
	used := map[string]bool{}
	for _, tt := range []struct{ in, want string }{
		{"Dinas Kesehatan", "Dinas Kesehatan"},
		{"Dinas Kesehatan", "Dinas Kesehatan (2)"},
		{"Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Dinas Pemberdayaan Perempuan"},
		{"Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Dinas Pemberdayaan (2)"},
		{"Dinas_Pemberdayaan_Perempuan_dan_Anak", "Dinas_Pemberdayaan_Perempuan_da"},
		{"PU/PR [bidang]", "PU-PR -bidang-"},
		{"", "Instansi"},
	} {
		if got := sheetName(tt.in, used); got != tt.want || len([]rune(got)) > 31 {
			t.Errorf("sheetName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
